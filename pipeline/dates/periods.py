"""Parts of periods (quarters, halves, seasons, weeks, the n-th weekday, first/last day of a month),
ordinal day words, eras, and a few more written forms, for az, en, ru and fa.

Rules of kind `part` carry: `y1` (year), optional `m1` (month), and one of `q` (quarter), `season`
(Persian season = Jalali quarter), `h` (half), `pd` (first/last day), `wk` (week of a month),
`nth` + `wd` (n-th weekday of a month). Conventions (README "Dates"):
- a quarter or half is a month interval (`2018-10/2018-12`), Jalali ones become Gregorian days;
- week n of a month is the Monday-Sunday week holding the month's n-th Thursday (the ISO 8601
  week rule applied to a month), `first week of october 2014` -> `2014-09-29/2014-10-05`;
- `last` is -1 everywhere (last quarter, last week, last Tuesday, last day).
"""
from __future__ import annotations

import calendar as _gcal
from datetime import date, timedelta

from .calendars import InvalidDate, Reading, _jalali_month_len, interval_value, reading_value
from .lexicon import (AZ_ORDINAL_RE, EN_DAY_ORDINAL_RE, FA_DAY_ORDINAL_RE, RU_DAY_ORDINAL_RE, month_of,
                      part_ordinal, weekday_of)
from .values import Value, _calendar_mark, _fa_year, _pick_calendar
from .patterns import D, NL, NR, OSP, RD, SP, WL, Y4, Rule, _c

_EN_NTH = r"first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th"
_EN_WD = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RU_NTH = (r"(?:перв|втор|трет|четв[её]рт|пят|последн)(?:ый|ой|ий|ая|ую|ое|ого|ом|ем|ей|ья|ью|ье|ьего|ьем|"
           r"его|ее|яя|юю)")
_RU_WD = r"понедельник|вторник|сред[ауы]|четверг|пятниц[ауы]|суббот[ауы]|воскресень[ея]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]"
_YR = rf"(?P<y1>1[0-9]{{3}}|20[0-9]{{2}}){NR}"  # a year right after a letter or "/"
_SEASON = {"بهار": 1, "تابستان": 2, "پاییز": 3, "پائیز": 3, "زمستان": 4}


def en_rules(mon) -> list[Rule]:
    y = Y4(1)
    the = rf"(?:\bthe{SP})?"
    return [
        Rule("en_quarter", "part", _c(rf"{the}(?P<q>{_EN_NTH}){SP}quarter{SP}(?:of{SP})?(?:the{SP}year{SP})?{y}")),
        Rule("en_quarter_q", "part", _c(rf"\bQ(?P<q>[1-4]){OSP}(?:of{SP}|/)?{_YR}|{y}{OSP}-?{OSP}Q(?P<q>[1-4])\b"
                                        rf"|{NL}(?P<q>[1-4])Q{OSP}{_YR}")),
        Rule("en_half", "part", _c(rf"{the}(?P<h>first|second|1st|2nd){SP}half{SP}of{SP}(?:the{SP}year{SP})?{y}"
                                   rf"|\bH(?P<h>[12]){OSP}{y}")),
        Rule("en_pday", "part", _c(rf"{the}(?P<pd>first|last){SP}day{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_week", "part", _c(rf"{the}(?P<wk>{_EN_NTH}){SP}week{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_nth_wd", "part", _c(rf"{the}(?P<nth>{_EN_NTH}){SP}(?P<wd>{_EN_WD}){SP}(?:of|in){SP}{mon(1)},?{SP}{y}")),
        Rule("en_ord_of", "date", _c(rf"{the}(?P<do1>{EN_DAY_ORDINAL_RE})(?:{SP}day)?{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_nday_of", "date", _c(rf"{the}{D(1)}(?:st|nd|rd|th)?{SP}day{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_m_ord", "date", _c(rf"{mon(1)}{SP}(?:the{SP})?(?P<do1>{EN_DAY_ORDINAL_RE}),?{SP}{y}")),
        Rule("en_glued", "date", _c(rf"{D(1)}(?:st|nd|rd|th)?(?P<m1>january|february|march|april|may|june|july|"
                                    rf"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|"
                                    rf"sept?|oct|nov|dec)(?![a-z]),?{SP}{y}")),
        Rule("en_m_the_d", "date", _c(rf"{mon(1)}{SP}the{SP}{D(1)}(?:st|nd|rd|th)?,?{SP}{y}")),
        Rule("en_yy", "date", _c(rf"(?:{D(1)}(?:st|nd|rd|th)?{SP}{mon(1)},?{SP}|{mon(1)}{SP}{D(1)}(?:st|nd|rd|th)?,?{SP}|{mon(1)},?{SP})"
                                 rf"'(?P<yy1>[0-9]{{2}}){NR}|{D(1)}{SP}{mon(1)}{SP}(?P<yy1>[0-9]{{2}}){NR}(?![\w])(?!{SP}[^\W\d])")),
        Rule("en_dd_to_m", "date", _c(rf"{D(1)}(?:st|nd|rd|th)?{SP}(?:to|through|until|till){SP}{D(2)}(?:st|nd|rd|th)?{SP}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_m_dd_to", "date", _c(rf"{mon(2)}{SP}{D(1)}(?:st|nd|rd|th)?{SP}(?:to|through|until|till){SP}{D(2)}(?:st|nd|rd|th)?,?{SP}{Y4(2)}")),
        Rule("en_mm_range", "date", _c(rf"{mon(1)}(?:,?{SP}{y})?{RD}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_md_time_y", "date", _c(rf"{mon(1)}{SP}{D(1)}{SP}[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?{SP}{y}")),
        Rule("en_mdmd_range", "date", _c(rf"{mon(1)}{SP}{D(1)}(?:st|nd|rd|th)?{RD}{mon(2)}{SP}{D(2)}(?:st|nd|rd|th)?,?{SP}{Y4(2)}")),
        Rule("en_dmdm_range", "date", _c(rf"{D(1)}(?:st|nd|rd|th)?{SP}{mon(1)}{RD}{D(2)}(?:st|nd|rd|th)?{SP}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_era", "date", _c(rf"{NL}(?P<y1>[0-9]{{1,4}}){NR}{OSP}(?:(?P<bc>(?-i:BCE|BC|B\.C\.E\.|B\.C\.))|"
                                  rf"(?P<ad>(?-i:AD|A\.D\.|CE|C\.E\.)))(?![\w])"
                                  rf"|(?P<ad>(?-i:AD|A\.D\.)){OSP}{NL}(?P<y1>[0-9]{{1,4}}){NR}")),
    ]


def ru_rules(mon, gmon, pre: str, year: str, ysuf: str, yw: str) -> list[Rule]:
    q = rf"(?P<q>{_RU_NTH}|[IV]{{1,3}}|[1-4](?:-?(?:й|м|го|ом))?)"
    return [
        Rule("ru_quarter", "part", _c(rf"{pre}{q}{SP}(?:квартал(?:а|е|ом)?(?![а-яё])|кв\.){OSP}{year}")),
        Rule("ru_half", "part", _c(rf"{pre}(?P<h>(?:перв|втор)(?:ое|ого|ом)|[12](?:-?(?:е|го|м))?|II?){SP}"
                                   rf"полугоди(?:е|я|и|ем)(?![а-яё]){SP}{year}")),
        Rule("ru_half_word", "part", _c(rf"{pre}(?P<h>(?:перв|втор)(?:ой|ая|ую)){SP}половин[еыау](?![а-яё]){SP}{year}")),
        Rule("ru_pday", "part", _c(rf"{pre}(?P<pd>последн(?:ий|его|ем)|перв(?:ый|ого|ом)){SP}(?:день|дня|дне)"
                                   rf"{SP}{mon(1)}{SP}{year}")),
        Rule("ru_week", "part", _c(rf"{pre}(?P<wk>{_RU_NTH}){SP}недел[яюие](?![а-яё]){SP}{mon(1)}{SP}{year}")),
        Rule("ru_nth_wd", "part", _c(rf"{pre}(?P<nth>{_RU_NTH}){SP}(?P<wd>{_RU_WD})(?![а-яё]){SP}{mon(1)}{SP}{year}")),
        Rule("ru_ord_dmy", "date", _c(rf"{pre}(?P<do1>{RU_DAY_ORDINAL_RE}){SP}{mon(1)}(?:{SP}{year})?")),
        Rule("ru_glued", "date", _c(rf"{D(1)}{gmon}{SP}{year}")),
        Rule("ru_mdy", "date", _c(rf"{mon(1)}{SP}{D(1)},?{SP}{year}")),
        Rule("ru_dmdm_range", "date", _c(rf"{pre}{D(1)}{SP}{mon(1)}{RD}{D(2)}{SP}{mon(2)}{SP}{year.replace('y1', 'y2')}")),
        Rule("ru_dm_dmy_range", "date", _c(
            rf"{WL}(?:с|со|от){SP}{NL}(?P<d1>{_DAY})\.(?P<m1>1[0-2]|0?[1-9])\.?{SP}(?:по|до){SP}{NL}(?P<d2>{_DAY})\."
            rf"(?P<m2>1[0-2]|0?[1-9])\.(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}){NR}(?:{OSP}{yw})?")),
        Rule("ru_era", "date", _c(
            rf"{pre}{NL}(?P<y1>[0-9]{{1,4}}){NR}{ysuf}(?:{OSP}{yw})?{SP}(?:(?P<bc>до{SP}н\.?{OSP}э\.?|до{SP}нашей{SP}эры|"
            rf"до{SP}Р\.?{OSP}Х\.?)|(?P<ad>н\.{OSP}э\.?|нашей{SP}эры))")),
    ]


def az_rules(mon, gmon, year: str, ysuf: str, il: str, dsuf: str, az_l: str) -> list[Rule]:
    ilin = rf"{Y4(1)}{ysuf}?{SP}il(?:in)?(?![\w])"
    n = rf"(?:{AZ_ORDINAL_RE}|[IV]{{1,3}}|[1-4]{ysuf})"
    abbr = r"(?P<m1>yan|fev|mar|apr|iyn|iyl|avq|sent?|okt|noy|dek)\.?(?![\w])"
    return [
        Rule("az_quarter", "part", _c(rf"{ilin}{SP}(?P<q>{n}){SP}rüb[{az_l}]{{0,6}}(?![\w])")),
        Rule("az_half", "part", _c(rf"{ilin}{SP}(?P<h>birinci|ikinci|[12]{ysuf}){SP}yarı[{az_l}]{{0,6}}(?![\w])")),
        Rule("az_pday", "part", _c(rf"{ilin}{SP}{mon(1)}(?:{SP}ay[{az_l}]{{0,6}})?{SP}(?P<pd>son|ilk|birinci){SP}"
                                   rf"gün[{az_l}]{{0,4}}(?![\w])")),
        Rule("az_week", "part", _c(rf"{ilin}{SP}{mon(1)}(?:{SP}ay[{az_l}]{{0,6}})?{SP}(?P<wk>{AZ_ORDINAL_RE}|son|ilk)"
                                   rf"{SP}həftə[{az_l}]{{0,6}}(?![\w])")),
        Rule("az_ord_dmy", "date", _c(rf"{D(1)}{ysuf}{SP}{mon(1)}{SP}{year}")),
        Rule("az_ord_dm", "date", _c(rf"{D(1)}{ysuf}{SP}{mon(1)}")),
        Rule("az_mdy", "date", _c(rf"{mon(1)}{SP}{D(1)}{dsuf}{SP}{year}")),
        Rule("az_abbr_dmy", "date", _c(rf"{D(1)}{SP}{abbr}{SP}{year}")),
        Rule("az_abbr_my", "date", _c(rf"(?!sen\b){abbr}{SP}{year}")),
        Rule("az_glued", "date", _c(rf"{D(1)}{gmon}{SP}{year}")),
        Rule("az_dmdm_range", "date", _c(rf"{D(1)}{SP}{mon(1)}{RD}{D(2)}{SP}{mon(2)}{SP}{year.replace('y1', 'y2')}")),
        Rule("az_mm_range", "date", _c(rf"{mon(1)}{RD}{mon(2)}{SP}{year.replace('y1', 'y2')}")),
        Rule("az_y_mm_range", "date", _c(rf"{Y4(2)}{ysuf}?{SP}il(?:in)?(?![\w]){SP}{mon(1)}{RD}{mon(2)}(?:{SP}ay[{az_l}]{{0,8}}(?![\w]))?")),
        Rule("az_era", "date", _c(
            rf"(?:(?P<bc>e\.{OSP}ə\.|eramızdan{SP}əvvəl)|(?P<ad>eramızın|b\.{OSP}e\.|bizim{SP}eranın)){SP}"
            rf"{NL}(?P<y1>[0-9]{{1,4}}){NR}(?!{RD}[0-9]){ysuf}?(?:{SP}{il})?")),
    ]


def fa_rules(mon, pre: str, wdp: str, sal: str, y, cal: str) -> list[Rule]:
    n = r"(?P<q>اول|دوم|سوم|چهارم|نخست|آخر)"
    return [
        Rule("fa_quarter", "part", _c(rf"{pre}(?:{WL}سه{OSP}ماهه|{WL}فصل){SP}{n}(?![\w\u200c]){SP}(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_season", "part", _c(rf"{pre}(?:{WL}فصل{SP})?(?P<season>بهار|تابستان|پاییز|پائیز|زمستان){SP}"
                                     rf"(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_half", "part", _c(rf"{pre}{WL}نیمه(?:[\u200c ]?ی)?{SP}(?P<h>اول|دوم|نخست)(?![\w\u200c]){SP}"
                                   rf"(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_pday", "part", _c(rf"{pre}(?:{WL}(?P<pd>آخرین|اولین|نخستین){SP}روز|{WL}روز{SP}(?P<pd>آخر|اول)){SP}"
                                   rf"(?:ماه{SP})?{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_ord_dmy", "date", _c(rf"{pre}{wdp}{WL}(?P<do1>{FA_DAY_ORDINAL_RE})(?![\w\u200c]){SP}{mon(1)}"
                                      rf"(?:{SP}{sal}?{y(1)}{cal})?")),
    ]


# ------------------------------------------------------------------ values
def _year_cal(gd: dict, lang: str, month_cal: str | None) -> tuple[int, str]:
    y = int(gd["y1"])
    mark = _calendar_mark(gd.get("cal"))
    cal = _pick_calendar(lang, mark, month_cal, y)
    return _fa_year(y, cal), cal


def _month_len(y: int, m: int, cal: str) -> int:
    return _gcal.monthrange(y, m)[1] if cal == "gregorian" else _jalali_month_len(y, m)


def _week(y: int, m: int, n: int) -> tuple[date, date]:
    """Week n (1-based, -1 = last) of a Gregorian month: the Mon-Sun week holding its n-th Thursday."""
    thursdays = [date(y, m, d) for d in range(1, _gcal.monthrange(y, m)[1] + 1) if date(y, m, d).weekday() == 3]
    idx = n - 1 if n > 0 else n
    if n == 0 or not -len(thursdays) <= idx < len(thursdays):
        raise InvalidDate("no such week")
    t = thursdays[idx]
    return t - timedelta(days=3), t + timedelta(days=3)


def resolve_part(gd: dict, lang: str):
    m, mcal = month_of(lang, gd["m1"]) if gd.get("m1") else (None, None)
    y, cal = _year_cal(gd, lang, mcal)
    if gd.get("q") or gd.get("season") or gd.get("h"):
        if gd.get("season"):
            if cal != "jalali":
                raise InvalidDate("a season of a Gregorian year")
            first, size = 3 * _SEASON[gd["season"]] - 2, 3
        elif gd.get("q"):
            k = part_ordinal(gd["q"])
            k = 4 if k == -1 else k
            if not 1 <= k <= 4:
                raise InvalidDate("bad quarter")
            first, size = 3 * k - 2, 3
        else:
            k = part_ordinal(gd["h"])
            if k not in (1, 2):
                raise InvalidDate("bad half")
            first, size = 6 * k - 5, 6
        a, b = Reading(y, first, calendar=cal), Reading(y, first + size - 1, calendar=cal)
        v, s, e = interval_value(a, b)
        return Value(v, s, e, "interval", cal, f"{a.source()}/{b.source()}" if cal != "gregorian" else None)
    if m is None:
        raise InvalidDate("no month")
    if gd.get("pd"):
        last = part_ordinal(gd["pd"]) == -1
        r = Reading(y, m, _month_len(y, m, cal) if last else 1, cal)
        v, s, e = reading_value(r)
        return Value(v, s, e, "day", cal, r.source() if cal != "gregorian" else None)
    if cal != "gregorian":
        raise InvalidDate("weeks of non-Gregorian months are not read")
    if gd.get("wk"):
        s, e = _week(y, m, part_ordinal(gd["wk"]))
        return Value(f"{s.isoformat()}/{e.isoformat()}", s, e, "interval", cal)
    n, wd = part_ordinal(gd["nth"]), weekday_of(lang, gd["wd"])
    days = [date(y, m, d) for d in range(1, _gcal.monthrange(y, m)[1] + 1) if date(y, m, d).weekday() == wd]
    if n == 0 or n > len(days):
        raise InvalidDate("no such weekday")
    d = days[n - 1 if n > 0 else -1]
    return Value(d.isoformat(), d, d, "day", cal)
