"""Golden mentions (with offsets) on the seed documents and behaviour checks of the extractor."""
from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from pipeline.dates import DateExtractor, DateMention

SEEDS = {  # file -> (lang, expected [(text, value, granularity, calendar, source_value)])
    "000_06061c9ebb900fde.txt": ("az", [
        ("1972-ci ildə", "1972", "year", "gregorian", None),
        ("1989-cu ilə", "1989", "year", "gregorian", None),
        ("2005-ci ildən", "2005", "year", "gregorian", None),
    ]),
    "001_eae644f9b0cb8116.txt": ("en", [
        ("1990", "1990", "year", "gregorian", None),
        ("December 11, 1940", "1940-12-11", "day", "gregorian", None),
        ("1941", "1941", "year", "gregorian", None),
        ("1964", "1964", "year", "gregorian", None),
        ("the late 1980s", "1980/1989", "interval", "gregorian", None),
        ("1974", "1974", "year", "gregorian", None),
        ("1988", "1988", "year", "gregorian", None),
        ("1995", "1995", "year", "gregorian", None),
        ("2012", "2012", "year", "gregorian", None),
        ("2014", "2014", "year", "gregorian", None),
        ("March 11, 2010", "2010-03-11", "day", "gregorian", None),
        ("2013", "2013", "year", "gregorian", None),
        ("2012", "2012", "year", "gregorian", None),
        ("2013", "2013", "year", "gregorian", None),
    ]),
    "002_5a64a4d3f26ddb38.txt": ("ru", [
        ("С 26 по 29\xa0августа 2024\xa0года", "2024-08-26/2024-08-29", "interval", "gregorian", None),
        ("На следующий день", None, None, "gregorian", None),
        ("от одной недели до 3-5 лет", None, None, "gregorian", None),
        ("в 2025 году", "2025", "year", "gregorian", None),
    ]),
    "003_6a43b78325f67bf8.txt": ("fa", [
        ("در سال ۷۴", "1995-03-21/1996-03-19", "year", "jalali", "1374"),
    ]),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_documents(name: str, extractor: DateExtractor, seeds_dir: Path) -> None:
    path = seeds_dir / name
    if not path.exists():
        pytest.skip(f"seed {name} not in corpus/")
    text = path.read_text(encoding="utf-8")
    lang, expected = SEEDS[name]
    found = extractor.extract(text, lang)
    got = [(m.text, m.value, m.granularity, m.calendar, m.source_value) for m in found]
    assert got == expected
    for m in found:
        assert text[m.start:m.end] == m.text


def test_seed_range_dates(extractor: DateExtractor) -> None:
    m = extractor.normalize("С 26 по 29 августа 2024 года", "ru")
    assert (m.value, m.start_date, m.end_date) == ("2024-08-26/2024-08-29", date(2024, 8, 26), date(2024, 8, 29))


def test_two_digit_jalali_year_keeps_source_value(extractor: DateExtractor) -> None:
    m = extractor.normalize("سال ۷۴", "fa")
    assert m.value == "1995-03-21/1996-03-19"
    assert (m.granularity, m.calendar, m.source_value) == ("year", "jalali", "1374")
    assert (m.start_date, m.end_date) == (date(1995, 3, 21), date(1996, 3, 19))


def test_golden_offsets_in_mixed_script_text(extractor: DateExtractor) -> None:
    """Arabic yeh/kaf, ZWNJ and Arabic-Indic digits stay in the text; offsets are exact."""
    text = "كتاب\u200cها در ۱۱ دي ۱۳۱۹ و سال ٢٠١٢ چاپ شد."
    found = extractor.extract(text, "fa")
    assert [(m.start, m.end, m.text, m.value) for m in found] == [
        (8, 21, "در ۱۱ دي ۱۳۱۹", "1941-01-01"),
        (24, 32, "سال ٢٠١٢", "2012"),
    ]


@pytest.mark.parametrize("lang,expr", [
    ("ru", "26 августа"), ("en", "December 11"), ("az", "16 oktyabr"), ("fa", "۱۹ اکتبر"),
    ("ru", "в прошлом году"), ("en", "yesterday"), ("fa", "امسال"), ("az", "keçən il"),
])
def test_never_invents_a_year(expr: str, lang: str, extractor: DateExtractor) -> None:
    found = extractor.extract(expr, lang)
    assert found and all(m.value is None for m in found)
    m = extractor.normalize(expr, lang)
    assert m is not None and m.value is None and m.start_date is None


def test_anchor_resolves_relative_and_yearless(extractor: DateExtractor) -> None:
    anchor = date(2024, 8, 27)
    assert extractor.normalize("вчера", "ru", anchor).value == "2024-08-26"
    assert extractor.normalize("26 августа", "ru", anchor).value == "2024-08-26"
    assert extractor.normalize("last year", "en", anchor).value == "2023"


def test_dateparser_fallback_does_not_leak_today(extractor: DateExtractor) -> None:
    """A span the rules do not read goes to dateparser, which must not fill fields from today."""
    assert [m.value for m in extractor.extract("1990 October 3", "en")] == ["1990", None]  # rules: partial
    assert extractor.normalize("October the 3rd, 1990", "en").value == "1990-10-03"  # now a rule
    assert extractor.normalize("1990 October 3", "en").value == "1990-10-03"
    assert extractor.normalize("Monday 3 of October", "en").value is None  # no year: nothing from today
    assert extractor.normalize("some day in spring", "en") is None


def test_durations_and_relative_kinds(extractor: DateExtractor) -> None:
    kinds = {m.text: m.kind for m in extractor.extract("Через два года, в прошлом году и в 2010 году.", "ru")}
    assert kinds == {"Через два года": "duration", "в прошлом году": "relative", "в 2010 году": "date"}


def test_invalid_dates_are_not_values(extractor: DateExtractor) -> None:
    assert all(m.value != "2021-02-30" for m in extractor.extract("30.02.2021", "ru"))
    assert extractor.extract("телефон +375 (17) 389-96-03", "ru") == []


def test_mention_is_frozen() -> None:
    m = DateMention(0, 4, "1990", "1990", date(1990, 1, 1), date(1990, 12, 31), "year", "gregorian")
    with pytest.raises(FrozenInstanceError):
        m.value = "1991"  # type: ignore[misc]


def test_registered_name_is_versioned() -> None:
    from pipeline import components, registrations

    assert components.dates().name == registrations.DATES == "dates.rules.v2"


def test_unknown_language_reads_latin_month_names_by_script(extractor: DateExtractor) -> None:
    assert [m.value for m in extractor.extract("on March 11, 2010", "und")] == ["2010-03-11"]


def test_split_ranges_option_follows_aznews_convention() -> None:
    text = "1967 – 1977 - ci illərdə və 2006 - cı il 25 – 28 aprel"
    default = DateExtractor().extract(text, "az")
    assert [(m.text, m.value) for m in default] == [
        ("1967 – 1977 - ci illərdə", "1967/1977"), ("2006 - cı il 25 – 28 aprel", "2006-04-25/2006-04-28")]
    split = DateExtractor(split_ranges=True).extract(text, "az")
    assert [(m.start, m.text, m.value) for m in split] == [
        (0, "1967", "1967"), (7, "1977 - ci illərdə", "1977"), (28, "2006 - cı il 25 – 28 aprel", "2006-04-25/2006-04-28")]
