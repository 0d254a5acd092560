"""Link acronyms to long forms defined in the same document.

``Azərbaycan Onkoloqlar Cəmiyyəti ... AOC-un``, ``... Roentgen Radiology (SRIRR)``,
``Республиканский научно-практический центр онкологии и медицинской радиологии им. Н.Н.
Александрова ... РНПЦ ОМР им. Н.Н. Александрова``. An acronym takes the canonical form of
a same-label long form whose word initials spell it (function words may be skipped). An
explicit definition (the acronym in brackets right after the long form) may also drop
leading words of the long form (``Azerbaijani``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.entities.common import collapse_spaces
from pipeline.text.memo import MEMO

_UPPER_TOKEN = re.compile(r"^[A-ZА-ЯЁƏÜÖĞÇŞİ][A-ZА-ЯЁƏÜÖĞÇŞİ0-9&]+$")
_FUNCTION = {
    "of", "and", "the", "for", "in", "on", "at", "de", "la", "du", "des", "und", "für",
    "и", "в", "по", "на", "для", "при", "с", "со", "ve", "və", "üzrə",
}
_TAIL = re.compile(r"\s+(им\.|имени|named after|adına)\s+", re.I)


@dataclass
class MentionRef:
    """One mention of a document: offsets, label, surface text and its canonical form."""

    start: int
    end: int
    label: str
    surface: str
    canonical: str


def _split_tail(text: str) -> tuple[str, str]:
    """(``РНПЦ ОМР``, ``им. Н.Н. Александрова``): the part before an eponym tail and the tail."""
    m = _TAIL.search(text)
    if not m:
        return text, ""
    return text[: m.start()], text[m.start():].strip()


def _tail_key(tail: str) -> str:
    return re.sub(r"[\s.]+", "", tail).casefold()


def acronym_core(canonical: str) -> tuple[str, str] | None:
    """(letters, tail) if ``canonical`` is an acronym (``NCO``, ``РНПЦ ОМР им. ...``), else None."""
    head, tail = _split_tail(canonical)
    tokens = head.split()
    if not tokens or not all(_UPPER_TOKEN.match(t) for t in tokens):
        return None
    letters = "".join(tokens)
    if len(letters) < 2 or len(letters) > 12:
        return None
    return letters.upper(), tail


def _words(head: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–,]+", head) if w and any(c.isalpha() for c in w)]


def _initials(words: list[str], keep_function: bool) -> str:
    return "".join(w[0].upper() for w in words if keep_function or w.lower() not in _FUNCTION)


def spells(letters: str, long_form: str, allow_drop_leading: bool) -> bool:
    """True if ``letters`` are the initials of ``long_form`` (or of a suffix of it, if allowed)."""
    return letters in _spellable(long_form)[1 if allow_drop_leading else 0]


@lru_cache(maxsize=MEMO)
def _spellable(long_form: str) -> tuple[frozenset[str], frozenset[str]]:
    """The initialisms of ``long_form`` (function words kept or not) of two words or more: from its first
    word, and from any word (leading words dropped)."""
    words = _words(_split_tail(long_form)[0])
    if len(words) < 2:
        return frozenset(), frozenset()
    by_start = [{_initials(words[i:], keep) for keep in (False, True)} for i in range(len(words) - 1)]
    return frozenset(by_start[0]), frozenset().union(*by_start)


def _explicitly_defined(text: str, long_m: MentionRef, letters: str) -> bool:
    """The acronym in brackets right after the long form: ``... Radiology (SRIRR)``."""
    after = text[long_m.end: long_m.end + len(letters) + 8]
    return re.match(r"^\s*[(\[]\s*" + re.escape(letters) + r"\s*[)\]]", after) is not None


def link_acronyms(text: str, mentions: list[MentionRef], lang: str) -> list[str]:
    """Per mention: the long form's canonical for a linked acronym, else its own canonical."""
    out = [m.canonical for m in mentions]
    longs = [m for m in mentions if acronym_core(m.canonical) is None and len(m.canonical.split()) >= 2]
    for i, m in enumerate(mentions):
        core = acronym_core(m.canonical)
        if core is None:
            continue
        letters, tail = core
        best: tuple[int, int, MentionRef] | None = None
        for lf in longs:
            # the initialisms a long form spells are computed once (a long story has hundreds of long forms)
            if lf.label != m.label or not spells(letters, lf.canonical, allow_drop_leading=True):
                continue
            explicit = _explicitly_defined(text, lf, letters)
            if not spells(letters, lf.canonical, allow_drop_leading=explicit):
                continue
            lf_tail = _split_tail(lf.canonical)[1]
            if tail and lf_tail and _tail_key(tail) != _tail_key(lf_tail):
                continue
            # Prefer an explicit definition, then the nearest long form before the acronym.
            rank = (1 if explicit else 0, -abs(m.start - lf.end) if lf.end <= m.start else -10**9 - lf.start)
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], lf)
        if best is None:
            continue
        lf = best[2]
        lf_tail = _split_tail(lf.canonical)[1]
        out[i] = lf.canonical if (lf_tail or not tail) else collapse_spaces(f"{lf.canonical} {tail}")
    return out
