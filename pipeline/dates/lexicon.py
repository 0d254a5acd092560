"""Word look-ups of the date engine: folding, and the dispatch to each pack's date lexicon.

The words themselves (month names, ordinals, weekdays) live in the language packs
(``pipeline/lang/<iso>/dates.py``, see pipeline/dates/pack.py). Everything is looked up on
*folded* text (see `fold`): Persian/Arabic-Indic digits are ASCII and Arabic yeh/kaf are
Persian, so one spelling per word suffices.
"""
from __future__ import annotations

import re

from . import pack

# 1:1 character folding, so offsets in folded text equal offsets in the original.
_FOLD = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_FOLD.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
_FOLD.update({0x064A: "ی", 0x0649: "ی", 0x0643: "ک", 0x06C0: "ه", 0x0629: "ه", 0x0623: "ا", 0x0625: "ا"})


def fold(text: str) -> str:
    """Map digit and letter variants to one form without changing the length."""
    return text.translate(_FOLD)


def alt(words) -> str:
    """One regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def squash(s: str) -> str:
    """The key of an ordinal word: lower case, no spaces, ZWNJ or hyphens, ё as е."""
    return re.sub(r"[\s\u200c\-]+", "", s.lower()).replace("ё", "е")


# ---------------------------------------------------------------- helpers the packs use
def prefix_month(prefixes: dict[str, int], token: str) -> tuple[int, None]:
    """Month of a word by its longest matching prefix (``январе`` -> 1, ``Sept.`` -> 9)."""
    t = token.lower().replace("İ", "i").replace("i̇", "i").rstrip(".")
    for pref in sorted(prefixes, key=len, reverse=True):
        if t.startswith(pref):
            return prefixes[pref], None
    raise KeyError(token)


def stem_weekday(stems: list[str], token: str) -> int:
    """Weekday (Monday = 0) of a word by its stem (``среду`` -> 2)."""
    for i, stem in enumerate(stems):
        if token.startswith(stem):
            return i
    raise KeyError(token)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int:
    """Value of a Roman numeral (upper case, I..C)."""
    s = s.upper()
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


# ---------------------------------------------------------------- dispatch to the packs
def month_of(lang: str, token: str) -> tuple[int, str | None]:
    """Month number and (when the name says it, e.g. Persian) the calendar its name belongs to."""
    if token.isdigit():
        return int(token), None
    mod = pack.lexicon(lang)
    if mod is None:
        raise KeyError(token)
    return mod.month_of(token)


def century_number(lang: str, token: str) -> int:
    """20 from `XX`, `20`, `20th`, `20-ci`, `twentieth`, `بیستم`, `۲۰ام`."""
    t = token.strip()
    low = t.lower()
    words = pack.table(lang, "ORDINALS", {})
    if low in words:
        return words[low]
    if t in words:
        return words[t]
    m = re.match(r"[0-9]+", t)
    if m:
        return int(m.group())
    m = re.match(r"[IVXLCivxlc]+", t)
    if m:
        return roman(m.group())
    raise KeyError(token)


def part_ordinal(lang: str, token: str) -> int:
    """1 from `first`, `1st`, `I`, `1-й`, `первый`, `birinci`, `4-cü`, `اول`; -1 for `last`/`последний`."""
    t = token.strip().lower().replace("ё", "е")
    m = re.match(r"[0-9]+", t)
    if m:
        return int(m.group())
    if re.fullmatch(r"[ivx]+", t):
        return roman(t)
    words = pack.table(lang, "PART_ORDINALS", {})
    if t in words:
        return words[t]
    for stem, n in pack.table(lang, "PART_STEMS", ()):
        if t.startswith(stem):
            return n
    raise KeyError(token)


def weekday_of(lang: str, token: str) -> int:
    """Weekday (Monday = 0) of a weekday word of ``lang``."""
    read = pack.table(lang, "weekday_of")
    if read is None:
        raise KeyError(token)
    return read(re.sub(r"\s+", " ", token.strip().lower()))


def day_ordinal(lang: str, token: str) -> int:
    """The day number of an ordinal word (`третьего` 3, `twenty-first` 21, `سی ام` 30)."""
    return pack.table(lang, "DAY_ORDINALS", {})[squash(token)]
