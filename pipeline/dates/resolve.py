"""Turn a rule match (its named groups) into a value: ISO string, day range, granularity."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import jdatetime
import regex as re

from . import pack
from .calendars import InvalidDate, Reading, day_range, interval_value, reading_value
from .lexicon import century_number, day_ordinal, month_of
from .numeric import order_numbers, pivot_year
from .periods import resolve_part
from .values import NONE_G, Value, _calendar_mark, _fa_year, _int, _pick_calendar


# ------------------------------------------------------------ relative expressions
@dataclass(frozen=True)
class Shift:
    unit: str  # day | week | month | year
    delta: int


_REL: dict[str, list[tuple[re.Pattern, Shift]]] = {}


def _rel_table(lang: str) -> list[tuple[re.Pattern, Shift]]:
    """The pack's deictic phrases (``RELATIVE``: regex, unit, shift), compiled once."""
    if lang not in _REL:
        _REL[lang] = [(re.compile(p, re.IGNORECASE), Shift(u, d)) for p, u, d in pack.table(lang, "RELATIVE", [])]
    return _REL[lang]


def _clean(text: str) -> str:
    return re.sub(r"[\s\u200c]+", " ", text).strip().lower()


def relative_shift(lang: str, phrase: str) -> Shift | None:
    """The calendar shift a deictic phrase names, if it is one we resolve."""
    p = _clean(phrase)
    for rx, shift in _rel_table(lang):
        if rx.search(p):
            return shift
    return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def apply_shift(shift: Shift, anchor: date, lang: str) -> Value:
    """Resolve a shift against the document date; years and months are those of the language's
    calendar (``LanguageSpec.calendar``: Jalali ones in Persian), weeks start on its ``week_start``."""
    if shift.unit == "day":
        d = anchor + timedelta(days=shift.delta)
        return Value(d.isoformat(), d, d, "day", "gregorian")
    if shift.unit == "week":
        first = pack.week_start(lang)  # Persian weeks start on Saturday
        start = anchor - timedelta(days=(anchor.weekday() - first) % 7) + timedelta(weeks=shift.delta)
        end = start + timedelta(days=6)
        return Value(f"{start.isoformat()}/{end.isoformat()}", start, end, "interval", "gregorian")
    if pack.calendar(lang) == "jalali":
        j = jdatetime.date.fromgregorian(date=anchor)
        if shift.unit == "year":
            r = Reading(j.year + shift.delta, calendar="jalali")
        else:
            y, m = _shift_month(j.year, j.month, shift.delta)
            r = Reading(y, m, calendar="jalali")
        v, s, e = reading_value(r)
        return Value(v, s, e, r.granularity, "jalali", r.source())
    if shift.unit == "year":
        r = Reading(anchor.year + shift.delta)
    else:
        y, m = _shift_month(anchor.year, anchor.month, shift.delta)
        r = Reading(y, m)
    v, s, e = reading_value(r)
    return Value(v, s, e, r.granularity, "gregorian")


# ------------------------------------------------------------ calendar expressions
def bc_year(y: int) -> str:
    """ISO 8601 (astronomical) year of `y` BC: 1 BC is `0000`, 2014 BC is `-2013`."""
    return "0000" if y == 1 else f"-{y - 1:04d}"


def _bc_value(gd: dict) -> Value:
    """Years before the era: `2014 BC` -> `-2013`; `1500-1300 BC` -> `-1499/-1299`. No day range
    (Python dates start at year 1), so start and end stay null."""
    y1 = int(gd["y1"])
    y2 = int(gd["y2"]) if gd.get("y2") else None
    if y1 < 1 or (y2 is not None and y2 < 1):
        raise InvalidDate("there is no year 0 BC")
    if y2 is None or y2 == y1:
        return Value(bc_year(y1), None, None, "year", "gregorian")
    first, last = max(y1, y2), min(y1, y2)
    return Value(f"{bc_year(first)}/{bc_year(last)}", None, None, "interval", "gregorian")


def resolve_num(gd: dict, lang: str, policy: str) -> Value:
    """A numeric date whose first two numbers need an order (see `numeric.order_numbers`)."""
    sep = gd.get("s1") or "."
    if gd.get("yy1") and sep.strip() == "." and len(gd["n1"]) == len(gd["n2"]) == 1:
        raise InvalidDate("3.3.15 is as often a section number as a date")
    d, m = order_numbers(int(gd["n1"]), int(gd["n2"]), policy, sep)
    if gd.get("y1"):
        y = gd["y1"]
    else:  # two-digit year: Jalali in Persian (resolve_date), else the POSIX pivot
        y = _short_year(gd["yy1"], lang)
    return resolve_date({"d1": str(d), "m1": str(m), "y1": y, "cal": gd.get("cal")}, lang, None)


def _short_year(yy: str, lang: str) -> str:
    """A two-digit year as written (read later as a Jalali year) in a Jalali language, else by the POSIX pivot."""
    return yy if pack.calendar(lang) == "jalali" else str(pivot_year(int(yy)))


def resolve_date(gd: dict, lang: str, anchor: date | None) -> Value:
    """Resolve a `date` rule: single date, or a range when `d2/m2/y2` are present."""
    mark = _calendar_mark(gd.get("cal"))
    if gd.get("bc") or mark == "bc":
        if gd.get("y1") and not (gd.get("m1") or gd.get("d1")):
            return _bc_value(gd)
        return NONE_G
    if gd.get("yy1") and not gd.get("y1"):  # "03-Mar-15": two-digit year (Jalali in Persian)
        gd = {**gd, "y1": _short_year(gd["yy1"], lang)}
    if gd.get("do1"):  # an ordinal day word: "третьего марта", "march third", "سی ام اسفند"
        gd = {**gd, "d1": str(day_ordinal(lang, gd["do1"]))}
    m1, c1 = month_of(lang, gd["m1"]) if gd.get("m1") else (None, None)
    m2, c2 = month_of(lang, gd["m2"]) if gd.get("m2") else (None, None)
    d1, d2 = _int(gd.get("d1")), _int(gd.get("d2"))
    y1, y2 = _int(gd.get("y1")), _int(gd.get("y2"))
    if gd.get("y2d") and y1 is not None:
        y2 = y1 // 100 * 100 + int(gd["y2d"])
        if y2 <= y1:
            raise InvalidDate("short end year before start year")
    cal = _pick_calendar(lang, mark, c1 or c2, y1 if y1 is not None else y2)
    if cal == "jalali":
        y1 = _fa_year(y1, cal) if y1 is not None else None
        y2 = _fa_year(y2, cal) if y2 is not None else None
    ranged = any(v is not None for v in (d2, m2, y2))
    if ranged:  # the first end inherits what only the second end states
        if m1 is None and d1 is not None:
            m1 = m2
        if y1 is None and y2 is not None:
            # "с 28 декабря по 3 января 2020 года": the start is in the year before
            y1 = y2 - 1 if (m1 or 0, d1 or 0) > (m2 or 0, d2 or 0) and m2 is not None else y2
        if y2 is None and m2 is not None:
            y2 = y1
    if gd.get("ry"):  # month + relative year ("в декабре прошлого года")
        shift = relative_shift(lang, gd["ry"]) if anchor else None
        if shift is None:
            return Value(None, None, None, None, cal)
        base = jdatetime.date.fromgregorian(date=anchor).year if cal == "jalali" else anchor.year
        y1 = base + shift.delta
    if y1 is None:
        if anchor is None:
            return Value(None, None, None, None, cal)
        y1 = jdatetime.date.fromgregorian(date=anchor).year if cal == "jalali" else anchor.year
        if ranged and y2 is None:
            y2 = y1
    if pack.calendar(lang) != "jalali" and y1 < 100 and not gd.get("ad"):
        return Value(None, None, None, None, cal)  # two-digit year: century unknown
    a = Reading(y1, m1, d1 if m1 is not None else None, cal)
    if not ranged:
        v, s, e = reading_value(a)
        src = a.source() if cal != "gregorian" else None
        return Value(v, s, e, a.granularity, cal, src)
    b = Reading(y2 if y2 is not None else y1, m2 if m2 is not None else (m1 if d2 is not None else None),
                d2, cal)
    v, s, e = interval_value(a, b)
    src = f"{a.source()}/{b.source()}" if cal != "gregorian" else None
    return Value(v, s, e, "interval", cal, src)


def _span_value(first: int, last: int, cal: str) -> Value:
    """A run of whole years [first, last] in the given calendar."""
    a, b = Reading(first, calendar=cal), Reading(last, calendar=cal)
    if cal == "gregorian":
        s, _ = day_range(a)
        _, e = day_range(b)
        return Value(f"{first:04d}/{last:04d}", s, e, "interval", cal)
    v, s, e = interval_value(a, b)
    return Value(v, s, e, "interval", cal, f"{first:04d}/{last:04d}")


def resolve_decade(gd: dict, lang: str) -> Value:
    if gd.get("decw"):  # "دهه پنجاه": the fifties, read like "دهه ۵۰"
        gd = {**gd, "dec": pack.table(lang, "DECADE_WORDS", {})[gd["decw"]]}
    dec = int(gd["dec"])
    mark = _calendar_mark(gd.get("cal"))
    cal = mark if mark in ("jalali", "hijri", "gregorian") else "gregorian"
    if len(gd["dec"]) <= 2:
        if pack.calendar(lang) != "jalali":
            return NONE_G  # "90-х": century not stated
        if mark not in (None, "jalali"):
            return Value(None, None, None, None, cal)  # "دهه نود میلادی": century not stated
        cal = "jalali"
        dec = _fa_year(dec, cal)
    if pack.table(lang, "HUNDREDS", False) and dec % 100 == 0 and dec < 2000 and len(gd["dec"]) == 4:
        return _span_value(dec, dec + 99, cal)  # "the 1800s" is the hundred years 1800-1899
    return _span_value(dec, dec + 9, cal)


def resolve_century(gd: dict, lang: str) -> Value:
    mark = _calendar_mark(gd.get("cal"))
    if gd.get("bc") or mark == "bc":  # "III век до н. э." = 300-201 BC -> -0299/-0200
        cs = [century_number(lang, gd["c1"])] + ([century_number(lang, gd["c2"])] if gd.get("c2") else [])
        if not all(1 <= c <= 99 for c in cs):
            raise InvalidDate("bad century")
        return Value(f"{bc_year(max(cs) * 100)}/{bc_year((min(cs) - 1) * 100 + 1)}", None, None,
                     "interval", "gregorian")
    cal = mark if mark in ("jalali", "hijri") else "gregorian"
    c1 = century_number(lang, gd["c1"])
    c2 = century_number(lang, gd["c2"]) if gd.get("c2") else c1
    if not 1 <= c1 <= c2 <= 30:
        raise InvalidDate("bad century")
    return _span_value((c1 - 1) * 100 + 1, c2 * 100, cal)


def resolve(kind: str, gd: dict, lang: str, anchor: date | None) -> Value:
    """Value of one match; raises InvalidDate when the digits cannot be a date."""
    if kind == "date":
        return resolve_date(gd, lang, anchor)
    if kind.startswith("num_"):
        return resolve_num(gd, lang, kind)
    if kind == "part":
        return resolve_part(gd, lang)
    if kind == "decade":
        return resolve_decade(gd, lang)
    if kind == "century":
        return resolve_century(gd, lang)
    if kind == "rel" and anchor is not None:
        shift = relative_shift(lang, gd.get("rel") or "")
        if shift is not None:
            return apply_shift(shift, anchor, lang)
    return NONE_G
