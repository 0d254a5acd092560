"""Peer date cases (dateparser / natasha / persiantools test suites and our own) and the und reading."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import DateExtractor
from pipeline.evaluation.dates_peer import CASES, CLDR_CASES, FRAMES, per_language, read_cases, run_cases

ALL = read_cases(CASES)
DEV = [c for c in ALL if c["split"] == "dev"]


def test_case_file_is_big_enough_and_sourced() -> None:
    for lang in ("az", "en", "ru", "fa"):
        rows = [c for c in ALL if c["lang"] == lang]
        assert len(rows) >= 60, lang
        assert {c["split"] for c in rows} == {"dev", "held"}
    assert all(c["origin"] for c in ALL)


@pytest.mark.parametrize("case", DEV, ids=[f"{c['lang']}:{c['expression']}" for c in DEV])
def test_dev_case_in_a_sentence(case: dict, extractor: DateExtractor) -> None:
    text = FRAMES[case["lang"]].format(x=case["expression"])
    found = extractor.extract(text, case["lang"])
    assert case["value"] in {m.value for m in found}
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.slow
def test_held_cases_per_language_through_the_run_path() -> None:
    """The split not tuned on, through the steps of `lingflow run` (language ID included):
    at least 90 % per language in a sentence and alone."""
    rows = per_language(run_cases([c for c in ALL if c["split"] == "held"]))
    for r in rows:
        ok, n = (int(x) for x in r["all"].split(" ")[0].split("/"))
        assert ok / n >= 0.9, r


@pytest.mark.slow
def test_cldr_forms_per_language_through_the_run_path() -> None:
    """Dates as CLDR writes them (Babel), the 12 dates not looked at case by case: at least 95 % per
    language in a sentence (session 23: 99-100 %; before its rules 73-93 %)."""
    held = [c for c in read_cases(CLDR_CASES) if c["split"] == "held"]
    assert {c["lang"] for c in held} == {"az", "en", "ru", "fa"} and len(held) > 700
    for r in per_language(run_cases(held)):
        ok, n = (int(x) for x in r["held"].split(" ")[0].split("/"))
        assert ok / n >= (0.95 if r["mode"] == "sentence" else 0.85), r


@pytest.mark.parametrize("text,value", [
    ("1974-10-31", "1974-10-31"), ("2014-12-12T12:33:39-08:00", "2014-12-12"), ("31.10.1974", "1974-10-31"),
    ("27. 05.99", "1999-05-27"), ("31/10/1974", "1974-10-31"), ("10-31-74", "1974-10-31"), ("3/3/15", "2015-03-03"),
    ("۱۳۹۹/۰۵/۱۲", "2020-08-02"), ("14 - 15.10.2018", "2018-10-14/2018-10-15"), ("02.1987", "1987-02"),
    ("2/1987", "1987-02"), ("1987/2", "1987-02"),
])
def test_und_reads_language_neutral_forms(text: str, value: str, extractor: DateExtractor) -> None:
    found = extractor.extract(f"— {text} —", "und")
    assert [(m.value, m.reading) for m in found] == [(value, "neutral")]


@pytest.mark.parametrize("text,value", [
    ("третьего марта 2015", "2015-03-03"), ("11 Fev 1987", "1987-02-11"), ("third tuesday of september 2014", "2014-09-16"),
    ("۱۴ اردیبهشت ۱۳۶۷", "1988-05-04"),
])
def test_und_reads_word_forms_by_script(text: str, value: str, extractor: DateExtractor) -> None:
    found = extractor.extract(text, "und")
    assert [(m.value, m.reading) for m in found] == [(value, "script")]


@pytest.mark.parametrize("text", [
    "4/5/2019", "Call 555-12-34 now", "version 1.2.3", "Price 12.50", "Score 3-1", "Room 12/3", "ratio 1/2/3",
    "items 1. 2. 3.", "pages 10-12", "ISBN 978-3-16-148410-0", "v2.10.15", "1.5.10 kg", "2015", "Order 2015 items",
    "10.000.000", "IP 10.10.10.10", "он был там вчера", "three years ago",
])
def test_und_invents_no_date(text: str, extractor: DateExtractor) -> None:
    """Ambiguous orders, plain numbers, bare years, relative phrases: nothing in und text."""
    assert extractor.extract(text, "und") == []


@pytest.mark.parametrize("lang", ["und", "uk", "de", "xx"])
def test_unsupported_language_gets_the_und_reading(lang: str, extractor: DateExtractor) -> None:
    found = extractor.extract("Дата: 31.10.1974, 12 березня 2020, 1990", lang)
    assert [(m.text, m.value) for m in found] == [("31.10.1974", "1974-10-31")]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "2014 BC", "-2013"), ("en", "1 BC", "0000"), ("en", "14 A.D.", "0014"), ("ru", "500 г. до н.э.", "-0499"),
    ("az", "e.ə. 2014-cü il", "-2013"), ("fa", "۵۰۰ پیش از میلاد", "-0499"), ("ru", "III век до н. э.", "-0299/-0200"),
])
def test_eras_are_astronomical_iso_years(lang: str, text: str, value: str, extractor: DateExtractor) -> None:
    m = extractor.normalize(text, lang)
    assert m.value == value
    if value.startswith(("-", "0000")):
        assert m.start_date is None and m.end_date is None  # before year 1: no Python date


@pytest.mark.parametrize("lang,text,value,start,end", [
    ("en", "first week of october 2014", "2014-09-29/2014-10-05", date(2014, 9, 29), date(2014, 10, 5)),
    ("en", "last week of october 2014", "2014-10-27/2014-11-02", date(2014, 10, 27), date(2014, 11, 2)),
    ("ru", "четвёртый квартал 2018", "2018-10/2018-12", date(2018, 10, 1), date(2018, 12, 31)),
    ("fa", "سه ماهه اول ۱۴۰۰", "2021-03-21/2021-06-21", date(2021, 3, 21), date(2021, 6, 21)),
    ("az", "2015-ci ilin oktyabr ayının son günü", "2015-10-31", date(2015, 10, 31), date(2015, 10, 31)),
    ("en", "last friday of february 2024", "2024-02-23", date(2024, 2, 23), date(2024, 2, 23)),
])
def test_parts_of_periods(lang: str, text: str, value: str, start: date, end: date, extractor: DateExtractor) -> None:
    m = extractor.normalize(text, lang)
    assert (m.value, m.start_date, m.end_date) == (value, start, end)


def test_impossible_parts_give_nothing(extractor: DateExtractor) -> None:
    assert extractor.normalize("fifth thursday of october 2014", "en").value == "2014-10-30"
    # February 2015 has four Mondays: the month is all that can be read
    assert {m.value for m in extractor.extract("fifth monday of february 2015", "en")} <= {None, "2015-02"}
    assert not [m for m in extractor.extract("Q5 2018", "en") if m.value and "/" in m.value]


@pytest.mark.parametrize("lang,text,value", [
    ("ru", "во второй половине 2018 года", "2018-07/2018-12"), ("en", "October-November 2018", "2018-10/2018-11"),
    ("en", "Oct 2018 - Nov 2018", "2018-10/2018-11"), ("az", "2018-ci ilin oktyabr-noyabr aylarında", "2018-10/2018-11"),
    ("en", "October the 31st, 1974", "1974-10-31"), ("en", "Oct. 31, '74", "1974-10-31"), ("en", "Q4/2018", "2018-10/2018-12"),
    ("en", "4Q2018", "2018-10/2018-12"), ("en", "October 14th to 15th, 2018", "2018-10-14/2018-10-15"),
    ("ru", "IV кв. 2018 г.", "2018-10/2018-12"), ("fa", "پنج\u200cشنبه 31-ام اکتبر 1974", "1974-10-31"),
    ("fa", "۲۰۱۴ ق.م.", "-2013"), ("en", "the first Sunday in May 2020", "2020-05-03"),
    ("ru", "первое воскресенье мая 2020 года", "2020-05-03"), ("az", "2016-cı il fevralın son günü", "2016-02-29"),
    # CLDR's forms (session 23)
    ("az", "4 iyn 2008", "2008-06-04"), ("az", "9 iyl 2021 14:05:09", "2021-07-09"), ("az", "iyn 2008", "2008-06"),
    ("az", "1987 1-ci kvartal", "1987-01/1987-03"), ("az", "1987 1-ci kv.", "1987-01/1987-03"),
    ("az", "IV kvartal 2018", "2018-10/2018-12"), ("az", "02.1987", "1987-02"),
    ("ru", "ср, 4 июн. 2008 г.", "2008-06-04"), ("ru", "9 июл. 2021 г., 14:05:09", "2021-07-09"), ("ru", "02.1987", "1987-02"),
    ("en", "2/1987", "1987-02"), ("fa", "چهارشنبه ۱۱ فوریهٔ ۱۹۸۷", "1987-02-11"), ("fa", "مهٔ 2003", "2003-05"),
    ("fa", "۹ ژوئیهٔ ۲۰۲۱، ساعت ۱۴:۰۵:۰۹ (UTC)", "2021-07-09"), ("fa", "سه‌ماههٔ اول 1987", "1987-01/1987-03"),
    ("fa", "1987/2", "1987-02"), ("fa", "۱۴۰۰/۷", "2021-09-23/2021-10-22"),
    ("en", "the 3rd to the 5th of March 2015", "2015-03-03/2015-03-05"), ("en", "3rd to 5th of March 2015", "2015-03-03/2015-03-05"),
])
def test_more_written_forms(lang: str, text: str, value: str, extractor: DateExtractor) -> None:
    assert value in {m.value for m in extractor.extract(text, lang)}
