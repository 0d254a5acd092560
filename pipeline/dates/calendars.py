"""Calendar arithmetic: a (year, month, day) reading in some calendar -> Gregorian day range.

Jalali conversion uses `jdatetime`, Hijri (lunar) conversion uses `convertdate.islamic`;
nothing here is hand-rolled calendar maths except Gregorian month lengths.
"""
from __future__ import annotations

import calendar as _gcal
from dataclasses import dataclass
from datetime import date, timedelta

import jdatetime
from convertdate import islamic


@dataclass(frozen=True)
class Reading:
    """A point-like date as written: year is required, month and day optional."""

    year: int
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"

    @property
    def granularity(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def source(self) -> str:
        """The reading in its own calendar, ISO-like (`1374`, `1319-10`, `1319-10-11`)."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out


class InvalidDate(ValueError):
    """The reading does not name a real day (e.g. 31 February)."""


def _jalali_month_len(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _jalali_to_g(year: int, month: int, day: int) -> date:
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:  # out of range day/month
        raise InvalidDate(str(exc)) from exc


def _hijri_to_g(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12 or not 1 <= day <= islamic.month_length(year, month):
        raise InvalidDate(f"bad hijri date {year}-{month}-{day}")
    return date(*islamic.to_gregorian(year, month, day))


def _span_in(r: Reading, to_g, month_len) -> tuple[date, date]:
    """First and last Gregorian day of a day, month or year reading in a non-Gregorian calendar."""
    if r.day is not None:
        d = to_g(r.year, r.month, r.day)
        return d, d
    if r.month is not None:
        return to_g(r.year, r.month, 1), to_g(r.year, r.month, month_len(r.year, r.month))
    return to_g(r.year, 1, 1), to_g(r.year + 1, 1, 1) - timedelta(days=1)


def day_range(r: Reading) -> tuple[date, date]:
    """Earliest and latest Gregorian day covered by a reading."""
    if r.year < 1 or r.year > 9999:
        raise InvalidDate(f"year out of range: {r.year}")
    if r.month is not None and not 1 <= r.month <= 12:
        raise InvalidDate(f"month out of range: {r.month}")
    if r.calendar == "gregorian":
        try:
            if r.day is not None:
                d = date(r.year, r.month, r.day)  # type: ignore[arg-type]
                return d, d
            if r.month is not None:
                last = _gcal.monthrange(r.year, r.month)[1]
                return date(r.year, r.month, 1), date(r.year, r.month, last)
            return date(r.year, 1, 1), date(r.year, 12, 31)
        except ValueError as exc:
            raise InvalidDate(str(exc)) from exc
    if r.calendar == "jalali":
        return _span_in(r, _jalali_to_g, _jalali_month_len)
    if r.calendar == "hijri":
        return _span_in(r, _hijri_to_g, islamic.month_length)
    raise InvalidDate(f"unknown calendar {r.calendar}")


def gregorian_iso(r: Reading) -> str:
    """ISO value of a Gregorian reading at its own precision."""
    return r.source()


def reading_value(r: Reading) -> tuple[str, date, date]:
    """(ISO value, start, end) of one reading; non-Gregorian readings become Gregorian."""
    start, end = day_range(r)
    if r.calendar == "gregorian":
        return gregorian_iso(r), start, end
    if start == end:
        return start.isoformat(), start, end
    return f"{start.isoformat()}/{end.isoformat()}", start, end


def interval_value(a: Reading, b: Reading) -> tuple[str, date, date]:
    """(ISO interval, start, end) from the start of `a` to the end of `b`."""
    s1, _ = day_range(a)
    _, e2 = day_range(b)
    if e2 < s1:
        raise InvalidDate("interval ends before it starts")
    if a.calendar == "gregorian" and b.calendar == "gregorian":
        return f"{gregorian_iso(a)}/{gregorian_iso(b)}", s1, e2
    return f"{s1.isoformat()}/{e2.isoformat()}", s1, e2
