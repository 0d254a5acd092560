"""Model-free tests of the Azerbaijani document rules (pipeline/lang/az/rules.py)."""

from __future__ import annotations

from pipeline.lang.az.rules import strip_case_suffix
from pipeline.ner.base import Span


def _span(text: str, surface: str, label: str) -> Span:
    i = text.index(surface)
    return Span(i, i + len(surface), label)


def _surfaces(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


def test_az_case_suffix_is_stripped_except_in_dates() -> None:
    text = "ABŞ - da 1972 - ci ildə"
    spans = [_span(text, "ABŞ - da", "LOC"), _span(text, "1972 - ci", "DATE")]
    assert _surfaces(text, strip_case_suffix(text, spans, "az")) == [("ABŞ", "LOC"), ("1972 - ci", "DATE")]
