"""Model-free tests of the Persian document rules (pipeline/lang/fa/rules.py) inside the fa component's RuleSet."""

from __future__ import annotations

import pytest

from pipeline.lang.fa.rules import extend_place_type
from pipeline.ner.base import Span
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


@pytest.mark.parametrize("text,spans,expected", [
    ("به گزارش ایسنا ، هفته شانزدهم لیگ", [], ["ایسنا"]),
    ("به گزارش خبرنگار مهر ، نشست خبری وزیر", [], ["مهر"]),  # مهر is also a month
    ("به گزارش خبرنگار اعزامی مهر به ریودوژانیرو ، تیم ملی", [], ["مهر"]),
    ("به گزارش « نسیم آنلاین » ، سردار", [], ["نسیم آنلاین"]),
    ("به گزارش خبرگزاری فرانسه ، رئیس", [(0, "فرانسه", "LOC")], ["خبرگزاری فرانسه"]),
    ("به گزارش فارس ، براساس اخبار", [(0, "فارس", "LOC")], ["فارس"]),
    ("به گزارش باشگاه خبرنگاران جوان از تهران", [(0, "باشگاه خبرنگاران جوان از", "ORG")],
     ["باشگاه خبرنگاران جوان"]),
    ("به گزارش روز پنجشنبه پایگاه خبری پلیس", [], []),  # no comma or preposition: not read
    ("به گزارش تسنيم ، قاضی", [], ["تسنيم"]),  # Arabic yeh
])
def test_fa_news_source_after_be_gozaresh_is_org(text: str, spans: list, expected: list[str]) -> None:
    from pipeline.lang.fa.rules import news_sources

    given = [Span(text.index(w), text.index(w) + len(w), lab) for _, w, lab in spans]
    out = news_sources(text, given, "fa")
    assert [text[s.start:s.end] for s in out if s.label == "ORG"] == expected
    assert all(s.label == "ORG" for s in out)


def test_fa_person_starts_after_a_professional_title() -> None:
    from pipeline.lang.fa.rules import strip_person_titles

    text = "دکتر کمالیان و سردار سلیمانی و امام خمینی و دکتر"
    spans = [_span(text, "دکتر کمالیان", "PER"), _span(text, "سردار سلیمانی", "PER"),
             _span(text, "امام خمینی", "PER"), Span(len(text) - 4, len(text), "PER")]
    got = _surfaces(text, strip_person_titles(text, spans, "fa"))
    assert got == [("کمالیان", "PER"), ("سلیمانی", "PER"), ("امام خمینی", "PER"), ("دکتر", "PER")]
