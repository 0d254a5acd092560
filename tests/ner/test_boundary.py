"""Model-free tests of pipeline.ner.boundary (generic span-boundary corrections after the model)."""

from __future__ import annotations

from lingflow_testing import span as _span
from lingflow_testing import surfaces as _surfaces
from pipeline.ner.boundary import cut_open_parens, snap_to_words



def test_open_paren_and_trailing_comma_are_cut() -> None:
    text = "محمود تفضلی ( زاده ۱۲۹۷ مشهد ) و اسکات اسپاک ، آمدند"
    spans = [_span(text, "محمود تفضلی ( زاده ۱۲۹۷", "PER"), _span(text, "اسکات اسپاک ،", "PER")]
    assert _surfaces(text, cut_open_parens(text, spans, "fa")) == [("محمود تفضلی", "PER"), ("اسکات اسپاک", "PER")]


def test_balanced_parens_initials_and_dates_are_kept() -> None:
    text = "Çıraq ( Kəlbəcər ) və Warner Bros . 1972 - ci ildə ( mart"
    spans = [_span(text, "Çıraq ( Kəlbəcər )", "LOC"), _span(text, "Warner Bros .", "ORG"),
             _span(text, "1972 - ci ildə ( mart", "DATE")]
    assert cut_open_parens(text, spans, "az") == spans


def test_a_date_loses_the_full_stop_after_its_last_digit() -> None:
    """The az tokenizer keeps "2008." (an ordinal in Azerbaijani) as one token; a sentence's full stop is no
    part of a date, and the grammar's "iyun 2008" can then hold the model's span."""
    text = "Tarix: iyun 2008. Sonra 5. sinif, 1995.\nvə 3 g."
    spans = [_span(text, "2008.", "DATE"), _span(text, "1995.", "DATE"), _span(text, "3 g.", "DATE")]
    assert _surfaces(text, cut_open_parens(text, spans, "az")) == [("2008", "DATE"), ("1995", "DATE"), ("3 g.", "DATE")]


def test_fa_span_edges_move_out_of_zwnj_words_unless_that_overlaps() -> None:
    text = "سطح شهرستان شاهین‌دژ و علی بن ابی‌طالب آمد"
    spans = [_span(text, "شاهین", "LOC"), _span(text, "علی بن ابی", "PER")]
    assert _surfaces(text, snap_to_words(text, spans, "fa")) == [("شاهین‌دژ", "LOC"), ("علی بن ابی‌طالب", "PER")]
    both = [_span(text, "شاهین", "LOC"), _span(text, "دژ", "ORG")]
    assert snap_to_words(text, both, "fa") == both


def test_hyphenated_ending_joins_when_enabled_and_attached_punctuation_never(monkeypatch) -> None:
    """On by default since session 30: WikiANN az marks the whole token (``UEFA-ya``: 86 of 86 in train)."""
    import pipeline.ner.boundary as boundary

    text = "UEFA-ya və ایران، ABŞ - da"
    spans = [_span(text, "UEFA", "ORG"), _span(text, "ایران", "LOC"), _span(text, "ABŞ", "LOC")]
    assert _surfaces(text, snap_to_words(text, spans, "az")) == [("UEFA-ya", "ORG"), ("ایران", "LOC"), ("ABŞ", "LOC")]
    monkeypatch.setattr(boundary, "JOIN_HYPHENATED_ENDINGS", False)
    assert snap_to_words(text, spans, "az") == spans
