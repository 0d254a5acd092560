"""Values of parts of periods (quarters, halves, seasons, weeks, the n-th weekday, first/last day of
a month). The rules that find them are in each pack's grammar (``pipeline/lang/<iso>/dates.py``).

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
from . import pack
from .lexicon import month_of, part_ordinal, weekday_of
from .values import Value, _calendar_mark, _fa_year, _pick_calendar

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
            first, size = 3 * pack.table(lang, "SEASONS", {})[gd["season"]] - 2, 3
        elif gd.get("q"):
            k = part_ordinal(lang, gd["q"])
            k = 4 if k == -1 else k
            if not 1 <= k <= 4:
                raise InvalidDate("bad quarter")
            first, size = 3 * k - 2, 3
        else:
            k = part_ordinal(lang, gd["h"])
            if k not in (1, 2):
                raise InvalidDate("bad half")
            first, size = 6 * k - 5, 6
        a, b = Reading(y, first, calendar=cal), Reading(y, first + size - 1, calendar=cal)
        v, s, e = interval_value(a, b)
        return Value(v, s, e, "interval", cal, f"{a.source()}/{b.source()}" if cal != "gregorian" else None)
    if m is None:
        raise InvalidDate("no month")
    if gd.get("pd"):
        last = part_ordinal(lang, gd["pd"]) == -1
        r = Reading(y, m, _month_len(y, m, cal) if last else 1, cal)
        v, s, e = reading_value(r)
        return Value(v, s, e, "day", cal, r.source() if cal != "gregorian" else None)
    if cal != "gregorian":
        raise InvalidDate("weeks of non-Gregorian months are not read")
    if gd.get("wk"):
        s, e = _week(y, m, part_ordinal(lang, gd["wk"]))
        return Value(f"{s.isoformat()}/{e.isoformat()}", s, e, "interval", cal)
    n, wd = part_ordinal(lang, gd["nth"]), weekday_of(lang, gd["wd"])
    days = [date(y, m, d) for d in range(1, _gcal.monthrange(y, m)[1] + 1) if date(y, m, d).weekday() == wd]
    if n == 0 or n > len(days):
        raise InvalidDate("no such weekday")
    d = days[n - 1 if n > 0 else -1]
    return Value(d.isoformat(), d, d, "day", cal)
