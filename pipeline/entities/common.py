"""Language-independent helpers for canonical names: trimming, case patterns, tokens."""

from __future__ import annotations

import re
import unicodedata

# Characters trimmed from both ends of a mention (never '.', handled separately).
_EDGE = " \t\n\"'«»„“”‚‘’()[]{}<>,;:!?*•·–—-_/\\|#"
_OPEN_CLOSE = {"«": "»", "(": ")", "[": "]", "{": "}", "„": "“", "“": "”", '"': '"', "'": "'"}
# Short tokens whose trailing dot is part of the name ("Inc.", "им.", initials).
_DOT_KEEP = re.compile(r"(?:^|\s)(?:\w{1,3}|inc|corp|bros|ltd|co|jr|sr|st|dr|prof|ул|им|пр|(?:\w\.)+\w?)\.$", re.I | re.U)
_SPACES = re.compile(r"\s+")


def collapse_spaces(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def trim_mention(text: str) -> str:
    """Strip surrounding punctuation, quotes and unbalanced brackets; keep a meaningful final dot."""
    t = collapse_spaces(text)
    while True:
        before = t
        # Balanced wrapping quotes/brackets around the whole mention.
        if len(t) >= 2 and t[0] in _OPEN_CLOSE and t[-1] == _OPEN_CLOSE[t[0]]:
            inner = t[1:-1]
            if t[0] not in inner and _OPEN_CLOSE[t[0]] not in inner:
                t = inner.strip()
        # Leading edge characters; a leading closing bracket/quote is always junk.
        while t and t[0] in _EDGE and not _opens_balanced(t):
            t = t[1:].lstrip()
        while t and t[-1] in _EDGE and not _closes_balanced(t):
            t = t[:-1].rstrip()
        if t.endswith(".") and not _DOT_KEEP.search(t):
            t = t[:-1].rstrip()
        if t == before:
            return t


def _opens_balanced(t: str) -> bool:
    """True if ``t`` starts with an opening bracket/quote closed later in ``t`` (``«Газпром» ...``)."""
    c = t[0]
    close = _OPEN_CLOSE.get(c)
    if close is None or close == c:
        return close == c and t.count(c) % 2 == 0 and t.count(c) >= 2
    return close in t[1:]


def _closes_balanced(t: str) -> bool:
    """True if ``t`` ends with a closing bracket/quote opened earlier in ``t`` (``... (SRIRR)``)."""
    c = t[-1]
    for o, cl in _OPEN_CLOSE.items():
        if cl == c:
            if o == cl:
                return t.count(c) % 2 == 0 and t.count(c) >= 2
            if o in t[:-1]:
                return True
    return False


def case_like(word: str, model: str) -> str:
    """Give ``word`` the capitalisation pattern of ``model`` (UPPER, Title, lower; per hyphen part)."""
    if not word:
        return word
    if "-" in model and "-" in word and model.count("-") == word.count("-"):
        return "-".join(case_like(w, m) for w, m in zip(word.split("-"), model.split("-")))
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:].lower()
    if letters and all(c.islower() for c in letters):
        return word.lower()
    return word


def strip_accents(text: str) -> str:
    """Remove combining marks after NFKD (``São`` -> ``Sao``); for comparison keys only."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_INITIALS_SPACE = re.compile(r"(?<=\b\w\.)\s+(?=\w\.)", re.U)


def tighten_initials(text: str) -> str:
    """``С. А. Красный`` -> ``С.А. Красный``; ``Н.Н.Александрова`` -> ``Н.Н. Александрова``."""
    t = _INITIALS_SPACE.sub("", text)
    return re.sub(r"\b((?:\w\.){1,3})(?=\w{2,})", r"\1 ", t)


_KEY_PUNCT = re.compile(r"[«»\"“”„‚‘'’`.,:;!?()\[\]{}]")


def key_punct(text: str) -> str:
    """Remove punctuation that never distinguishes two names (quotes, dots, brackets)."""
    return collapse_spaces(_KEY_PUNCT.sub(" ", text).replace("  ", " "))
