"""Model-free tests of the Persian document rules (pipeline/lang/fa/rules.py) inside the fa component's RuleSet."""

from __future__ import annotations

from pipeline.lang.fa.rules import extend_place_type
from pipeline.registrations import NER_FA, RULES
from pipeline.ner.base import Span


def _span(text: str, surface: str, label: str) -> Span:
    i = text.index(surface)
    return Span(i, i + len(surface), label)


def _surfaces(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


def test_fa_place_type_joins_loc_with_zwnj_and_arabic_letters() -> None:
    text = "در شهر قم و در شهرستان شاهین‌دژ و كشور ايران"
    spans = [_span(text, "قم", "LOC"), _span(text, "شاهین‌دژ", "LOC"), _span(text, "ايران", "LOC")]
    got = _surfaces(text, RULES[NER_FA].on_document(text, spans, "fa"))
    assert got == [("شهر قم", "LOC"), ("شهرستان شاهین‌دژ", "LOC"), ("كشور ايران", "LOC")]
    # no extension into another entity or for other labels
    spans = [_span(text, "شهر", "ORG"), _span(text, "قم", "LOC")]
    assert extend_place_type(text, spans, "fa") == spans
