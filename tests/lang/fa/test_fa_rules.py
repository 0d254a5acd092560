"""Model-free tests of the Persian document rules (pipeline/lang/fa/rules.py) inside the fa component's RuleSet."""

from __future__ import annotations

from pipeline.lang.fa.rules import extend_place_type
from pipeline.registrations import NER_FA, RULES
from lingflow_testing import span as _span
from lingflow_testing import surfaces as _surfaces



def test_fa_place_type_joins_loc_with_zwnj_and_arabic_letters() -> None:
    text = "در شهر قم و در شهرستان شاهین‌دژ و كشور ايران"
    spans = [_span(text, "قم", "LOC"), _span(text, "شاهین‌دژ", "LOC"), _span(text, "ايران", "LOC")]
    got = _surfaces(text, RULES[NER_FA].on_document(text, spans, "fa"))
    assert got == [("شهر قم", "LOC"), ("شهرستان شاهین‌دژ", "LOC"), ("كشور ايران", "LOC")]
    # no extension into another entity or for other labels
    spans = [_span(text, "شهر", "ORG"), _span(text, "قم", "LOC")]
    assert extend_place_type(text, spans, "fa") == spans
