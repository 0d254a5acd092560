"""The record a date extractor returns."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

GRANULARITIES = ("year", "month", "day", "interval")
CALENDARS = ("gregorian", "jalali", "hijri")


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span in the text and, if known, its ISO 8601 value.

    `value` is always Gregorian ISO 8601 (`1972`, `2010-03`, `1940-12-11`, or an interval
    `start/end`); `calendar` says which calendar the text used, and `source_value` keeps the
    reading in that calendar (e.g. `1374` for a Jalali year). `kind` is `date` for
    calendar expressions, `relative` for deictic ones (`yesterday`, `в прошлом году`) and
    `duration` for spans of time (`три года`); relative ones get a value only from an anchor,
    durations never do. `reading` says how it was read: `lang` (the rules of the text's
    language), `neutral` (a form that reads the same in any language: ISO 8601, numeric
    day.month.year) or `script` (text of no supported language, read by the rules of the
    language its script points to; see `pipeline.dates.neutral`).
    """

    start: int
    end: int
    text: str
    value: str | None
    start_date: date | None
    end_date: date | None
    granularity: str | None
    calendar: str
    source_value: str | None = None
    kind: str = "date"
    reading: str = "lang"
