"""The resolved value of one date match, and the calendar choice shared by the resolvers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex as re

from . import pack


@dataclass(frozen=True)
class Value:
    value: str | None
    start: date | None
    end: date | None
    granularity: str | None
    calendar: str
    source_value: str | None = None


NONE_G = Value(None, None, None, None, "gregorian")

_CAL_MARK = [
    (re.compile(r"شمسی|خورشیدی|ش"), "jalali"),  # ه.ش, هـ.ش, ش
    (re.compile(r"قمری|ق|^ه"), "hijri"),  # ه.ق, هـ.ق, ق, and a bare ه.
    (re.compile(r"میلادی|^م"), "gregorian"),
]


def _calendar_mark(text: str | None) -> str | None:
    if not text:
        return None
    if "پیش" in text or "قبل" in text or re.search(r"ق\.\s*م", text):  # ق.م. = before Christ
        return "bc"
    for rx, cal in _CAL_MARK:
        if rx.search(text):
            return cal
    return None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _fa_year(y: int, cal: str) -> int:
    """Two-digit Jalali years: `۷۴` -> 1374, `۰۲` -> 1402."""
    if cal == "jalali" and y < 100:
        return 1400 + y if y < 20 else 1300 + y
    return y


def _pick_calendar(lang: str, mark: str | None, month_cal: str | None, year: int | None) -> str:
    if mark in ("jalali", "hijri", "gregorian"):
        return mark
    if month_cal:
        return month_cal
    if pack.calendar(lang) == "jalali" and year is not None and (year < 100 or 1200 <= year <= 1499):
        return "jalali"  # an unmarked year of a Jalali language (Persian) that can be a Jalali year
    return "gregorian"
