"""extract()/normalize() never raise, keep exact offsets, and scan in linear time."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import DateExtractor

LANGS = ("az", "en", "ru", "fa", "und")
# characters the rules care about, so random text often looks date-like
DATEISH = st.lists(
    st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ -–—./,()\u200c\u00a0\n")
                    + ["سال ", "دی", "ي", "ك", "شنبه", "قمری", "года", "августа", "в ", "с ", "по ",
                       "-ci ", "ildə", "il", "əsr", "XX", " века", "December", "s", "'", "до н. э.",
                       "e.ə.", "from ", " to ", "late ", "the ", "ماه", "ه", "ق"]),
    max_size=40,
).map("".join)
ANY = st.text(max_size=200)


def _check(text: str, found) -> None:
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        if m.value is not None and not m.value.startswith(("-", "0000")):  # BC years have no day range
            assert m.start_date is not None and m.end_date is not None and m.start_date <= m.end_date
            assert m.granularity in ("year", "month", "day", "interval")
        assert m.calendar in ("gregorian", "jalali", "hijri")


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(DATEISH, ANY), lang=st.sampled_from(LANGS))
def test_extract_never_raises(text: str, lang: str) -> None:
    _check(text, DateExtractor().extract(text, lang))


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(DATEISH, ANY), lang=st.sampled_from(LANGS))
def test_normalize_never_raises(text: str, lang: str) -> None:
    m = DateExtractor().normalize(text, lang)
    assert m is None or (m.start, m.end, m.text) == (0, len(text), text)


def test_deterministic(extractor: DateExtractor) -> None:
    text = "С 26 по 29 августа 2024 года, в 2025 году, XX века, 1980-е."
    assert extractor.extract(text, "ru") == extractor.extract(text, "ru")


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["1 ", "1990-", "с 1 по ", "۱۱ ", "11 мая ", "سال ", " ", "a", "1\n", "1 \n 1 "])
@pytest.mark.parametrize("lang", ["ru", "fa"])
def test_linear_time_on_adversarial_input(unit: str, lang: str, extractor: DateExtractor) -> None:
    """Doubling the input must not much more than double the time (no backtracking blow-up)."""
    small, big = unit * (20_000 // len(unit)), unit * (40_000 // len(unit))
    t0 = time.perf_counter()
    extractor.extract(small, lang)
    t1 = time.perf_counter()
    extractor.extract(big, lang)
    t2 = time.perf_counter()
    assert (t2 - t1) < 4 * (t1 - t0) + 0.5


def test_warm_fallback_builds_the_parsers_a_worker_would_build():
    """Issue 22: the process that forks the workers loads the dateparser fallback of each language
    once (its three parsers), so that the workers share it; Persian has no dateparser fallback."""
    from pipeline.dates import extractor

    extractor._parser.cache_clear()
    try:
        extractor.warm_fallback("fa")
        assert extractor._parser.cache_info().currsize == 0
        extractor.warm_fallback("ru")
        assert extractor._parser.cache_info().currsize == 3
        hits = extractor._parser.cache_info().hits
        assert extractor._dateparser_fallback("3 марта 2015", "ru").value == "2015-03-03"
        assert extractor._parser.cache_info().hits > hits  # the fallback used the warmed parsers
        assert extractor._parser.cache_info().currsize == 3
    finally:
        extractor._parser.cache_clear()
