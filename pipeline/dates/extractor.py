"""DateExtractor: find date expressions in a document and give their ISO 8601 values."""
from __future__ import annotations

import bisect
import calendar
from datetime import date, datetime
from functools import lru_cache

import regex as re

from .calendars import InvalidDate
from .pack import has_rules, rules_for, table, trigger_for
from .patterns import Rule
from .lexicon import fold
from .neutral import digit_lang, native_number_rules, neutral_rules, script_langs, word_rules
from .resolve import Value, resolve
from .types import DateMention

_KIND_RANK = {"part": -1, "century": 0, "decade": 0, "date": 1, "num_dmy": 1, "num_mdy": 1, "num_und": 1,
              "rel": 2, "dur": 3}  # "1980 illəri" is a decade
_MENTION_KIND = {"date": "date", "decade": "date", "century": "date", "part": "date", "num_dmy": "date",
                 "num_mdy": "date", "num_und": "date", "rel": "relative", "dur": "duration"}
_RANGE_HEAD = re.compile(r"([0-9]{3,4}|[IVXLC]{1,6})[ \u00a0]{0,3}[-–—][ \u00a0]{0,3}(?=[0-9IVXLC])")
_TRAIL = re.compile(r"[\s\u200c,.،]+$")


class DateExtractor:
    """Rule-based date finder and normaliser for every language whose pack has a date grammar.

    Regexes (see `grammar`) find the spans; `resolve` reads their parts; Jalali and Hijri
    readings go through jdatetime / convertdate. `normalize` falls back to dateparser (with
    REQUIRE_PARTS, so no field is filled from today's date) for spans the rules do not read.
    """

    name = "dates.rules"  # the registered instance carries the versioned name (pipeline/registrations.py)

    def __init__(self, split_ranges: bool = False) -> None:
        """`split_ranges=True` follows the aznews convention: `1967 – 1977-ci illərdə` becomes two
        mentions (`1967`, `1977-ci illərdə`), each with its own value, instead of one interval."""
        self.split_ranges = split_ranges

    def extract(self, text: str, lang: str, anchor: date | None = None) -> list[DateMention]:
        """All date mentions in `text`, left to right, non-overlapping."""
        found = self._extract(text, lang, anchor)
        if self.split_ranges:
            found = [part for m in found for part in self._split(m, lang, anchor)]
        return found

    def _split(self, m: DateMention, lang: str, anchor: date | None) -> list[DateMention]:
        """`Y1 – Y2...` -> mentions for `Y1` and `Y2...` (other mentions unchanged)."""
        cut = _RANGE_HEAD.match(fold(m.text)) if m.granularity == "interval" else None
        if not cut or cut.end() >= len(m.text):
            return [m]
        parts = []
        for a, b in ((0, len(cut.group(1))), (cut.end(), len(m.text))):
            sub = self._extract(m.text[a:b], lang, anchor)
            if len(sub) != 1 or (sub[0].start, sub[0].end) != (0, b - a):
                return [m]
            s = sub[0]
            parts.append(DateMention(m.start + a, m.start + b, s.text, s.value, s.start_date,
                                     s.end_date, s.granularity, s.calendar, s.source_value, s.kind, s.reading))
        return parts

    def _extract(self, text: str, lang: str, anchor: date | None) -> list[DateMention]:
        if not text:
            return []
        folded = fold(text)
        cands: list[tuple] = []
        if has_rules(lang):
            self._scan(cands, text, folded, lang, rules_for(lang), anchor, "lang")
        else:  # und: language-neutral forms, and word forms of the script's languages (see `neutral`)
            for order, rule in enumerate(neutral_rules()):
                for m in rule.regex.finditer(folded):
                    self._add(cands, folded, m, order, rule, digit_lang(text[m.start():m.end()]), None, "neutral")
            for lg, rules in native_number_rules(text):
                self._scan(cands, text, folded, lg, rules, None, "neutral")
            for lg in script_langs(text):
                self._scan(cands, text, folded, lg, word_rules(lg), None, "script")
        return [self._mention(text, c) for c in _select(cands)]

    def _scan(self, cands: list, text: str, folded: str, lang: str, rules: list[Rule], anchor: date | None,
              reading: str) -> None:
        for ws, we in _windows(folded, lang):
            for order, rule in enumerate(rules):
                for m in rule.regex.finditer(folded, ws, we):
                    if m.end() == we and we < len(folded):  # the window end may have cut it
                        m = rule.regex.match(folded, m.start())
                        if m is None:
                            continue
                    self._add(cands, folded, m, order, rule, lang, anchor, reading)

    @staticmethod
    def _add(cands: list, folded: str, m, order: int, rule: Rule, lang: str, anchor: date | None,
             reading: str) -> None:
        start, end = m.span()
        tail = _TRAIL.search(folded, start, end)
        if tail:
            end = tail.start()
        if end <= start:
            return
        try:
            val = resolve(rule.kind, m.groupdict(), lang, anchor)
        except (InvalidDate, KeyError, ValueError, OverflowError):
            return
        if reading != "lang" and val.value is None:
            return  # und text: only dates with a value
        cands.append((start, end, order, rule, val, reading))

    @staticmethod
    def _mention(text: str, c: tuple) -> DateMention:
        start, end, _, rule, v, reading = c
        kind = _MENTION_KIND[rule.kind]
        return DateMention(start, end, text[start:end], v.value, v.start, v.end, v.granularity,
                           v.calendar, v.source_value, kind, reading)

    def normalize(self, expression: str, lang: str, anchor: date | None = None) -> DateMention | None:
        """Value of an already-found span (e.g. an NER DATE span); None if nothing date-like."""
        found = self._extract(expression, lang, anchor)  # a span is read whole, never split
        if not found:
            return _bare_year(expression, lang) or _dateparser_fallback(expression, lang)
        best = max(found, key=lambda m: (m.value is not None, m.kind == "date", m.end - m.start))
        rest = fold(expression[:best.start] + " " + expression[best.end:])
        if len(found) > 1 or re.search(r"[0-9]", rest):  # the rules read only part of the span
            dp = _dateparser_fallback(expression, lang)
            if dp is not None and _refines(dp, best):
                return dp
        return DateMention(0, len(expression), expression, best.value, best.start_date,
                           best.end_date, best.granularity, best.calendar, best.source_value,
                           best.kind, best.reading)


_LEFT, _RIGHT = 40, 24  # context a rule may need before / after a trigger hit


def _windows(folded: str, lang: str) -> list[tuple[int, int]]:
    """Merged [start, end) windows around trigger hits."""
    out: list[list[int]] = []
    n = len(folded)
    for t in trigger_for(lang).finditer(folded):
        ws, we = max(0, t.start() - _LEFT), min(n, t.end() + _RIGHT)
        if out and ws <= out[-1][1]:
            out[-1][1] = max(out[-1][1], we)
        else:
            out.append([ws, we])
    return [(ws, we) for ws, we in out]


def _select(cands: list[tuple]) -> list[tuple]:
    """Longest first (then resolved, then calendar kinds, then rule order); no overlaps."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[4].value is None, _KIND_RANK[c[3].kind], c[2], c[0]))
    taken: list[tuple] = []
    occupied: list[tuple[int, int]] = []
    for c in cands:
        i = bisect.bisect_left(occupied, (c[0], c[0]))
        if i > 0 and occupied[i - 1][1] > c[0]:
            continue
        if i < len(occupied) and occupied[i][0] < c[1]:
            continue
        occupied.insert(i, (c[0], c[1]))
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return taken


_FINENESS = {"day": 3, "month": 2, "year": 1}


def _refines(dp: DateMention, best: DateMention) -> bool:
    """dateparser's reading is finer than the rules' partial one and falls inside it."""
    if best.value is None:
        return True
    if best.calendar != "gregorian" or best.granularity not in _FINENESS:
        return False
    return (_FINENESS[dp.granularity] > _FINENESS[best.granularity]
            and best.start_date <= dp.start_date <= best.end_date)


_BARE_YEAR = re.compile(r"[\s(\[«\"']*([0-9]{3,4})[\s)\]»\"'.,]*")


def _bare_year(expression: str, lang: str) -> DateMention | None:
    """A span that is only a number (an NER DATE like `1276` or `2008`) reads as a year."""
    m = _BARE_YEAR.fullmatch(fold(expression))
    if not m:
        return None
    try:
        v = resolve("date", {"y1": m.group(1)}, lang, None)
    except (InvalidDate, ValueError):
        return None
    return DateMention(0, len(expression), expression, v.value, v.start, v.end, v.granularity,
                       v.calendar, v.source_value, "date")




@lru_cache(maxsize=16)
def _parser(lang: str, parts: tuple[str, ...]):
    from dateparser.date import DateDataParser  # heavy import, only when the fallback is used

    return DateDataParser(languages=[lang], settings={
        "REQUIRE_PARTS": list(parts), "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(1, 1, 1), "RETURN_TIME_AS_PERIOD": False})


_FALLBACK_PARTS = (("day", "month", "year"), "day"), (("month", "year"), "month"), (("year",), "year")


def warm_fallback(lang: str) -> None:
    """Load what the dateparser fallback of ``lang`` loads on first use (dateparser, its data for
    the language, its three parsers: ~15 MB and 0.3 s for az, en and ru together). Called in the
    process that forks the workers, so that they share it instead of each loading a copy (issue 22)."""
    dp_lang = table(lang, "DATEPARSER")
    if dp_lang is None:
        return
    for parts, _gran in _FALLBACK_PARTS:
        try:
            _parser(dp_lang, parts).get_date_data("12.03.2024")
        except Exception:  # noqa: BLE001 - the fallback then loads on first use
            return


def _dateparser_fallback(expression: str, lang: str) -> DateMention | None:
    """Ask dateparser, requiring the parts it reports so nothing leaks from today's date."""
    text = fold(expression)
    dp_lang = table(lang, "DATEPARSER")  # none for fa: dateparser reads no Jalali years
    if dp_lang is None or not re.search(r"[0-9]", text):
        return None
    for parts, gran in _FALLBACK_PARTS:
        try:
            data = _parser(dp_lang, parts).get_date_data(text)
        except Exception:  # dateparser raises assorted errors on odd input
            return None
        d = data.date_obj
        if d is None:
            continue
        if d.year < 100 or not re.search(rf"(?<![0-9]){d.year}(?![0-9])", text):
            return None  # leak check: the year must be written in the span
        dd = d.date()
        if gran == "day":
            value, s, e = dd.isoformat(), dd, dd
        elif gran == "month":
            last = calendar.monthrange(dd.year, dd.month)[1]
            value, s, e = f"{dd.year:04d}-{dd.month:02d}", dd.replace(day=1), dd.replace(day=last)
        else:
            value, s, e = f"{dd.year:04d}", date(dd.year, 1, 1), date(dd.year, 12, 31)
        return DateMention(0, len(expression), expression, value, s, e, gran, "gregorian", None, "date")
    return None
