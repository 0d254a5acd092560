"""Model-free tests of the Azerbaijani document rules (pipeline/lang/az/rules.py)."""

from __future__ import annotations

from pipeline.lang.az.rules import strip_case_suffix
from lingflow_testing import span as _span
from lingflow_testing import surfaces as _surfaces



def test_az_case_suffix_is_stripped_except_in_dates() -> None:
    text = "ABŞ - da 1972 - ci ildə"
    spans = [_span(text, "ABŞ - da", "LOC"), _span(text, "1972 - ci", "DATE")]
    assert _surfaces(text, strip_case_suffix(text, spans, "az")) == [("ABŞ", "LOC"), ("1972 - ci", "DATE")]
