"""English preparation and romanisation of names for the cross-language keys (pipeline/entities/translit.py)."""

import re

_ARTICLE = re.compile(r"(?i)^the\s+")


def prepare(canonical: str) -> str:
    """``the Netherlands`` -> ``Netherlands``."""
    return _ARTICLE.sub("", canonical)


def to_latin(lowered: str) -> str:
    """English letters whose sounds other scripts spell out: ``th`` is t (``Thailand`` = ``Таиланд``),
    ``c`` is s before e/i/y and k elsewhere (``Castro`` = ``Kastro``, ``Valencia`` = ``Валенсия``; ``ch``
    stays), a final e after a consonant is silent (``Singapore`` = ``Sinqapur``), ``x`` is ks
    (``Marx`` = ``Marks``)."""
    t = lowered.replace("th", "t")
    t = re.sub(r"c(?=[eiy])", "s", t)
    t = re.sub(r"c(?![hk])", "k", t)
    t = re.sub(r"(?<=[a-z]{3}[bcdfgklmnprstvz])e\b", "", t)
    return t.replace("x", "ks")
