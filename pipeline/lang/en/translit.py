"""English preparation and romanisation of names for the cross-language keys (pipeline/entities/translit.py)."""

import gzip
import re
from functools import lru_cache
from pathlib import Path

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


SOUNDS = Path(__file__).parent / "data" / "sounds.tsv.gz"


@lru_cache(maxsize=1)
def _sounds() -> dict[str, tuple[str, ...]]:
    """Lower-case word -> ARPAbet pronunciations (``data/sounds.tsv.gz``, from the CMU Pronouncing Dictionary,
    built by :mod:`pipeline.training.en_sounds`); empty if the table is absent."""
    out: dict[str, tuple[str, ...]] = {}
    if SOUNDS.exists():
        with gzip.open(SOUNDS, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    word, prons = line.rstrip("\n").split("\t")
                    out[word] = tuple(prons.split("|"))
    return out


def sounds(word: str) -> tuple[str, ...]:
    """How an English word sounds (``jobs`` -> ``('JH AA B Z',)``), for scripts that write names by their
    sound (Persian ``جابز``); empty for a word the dictionary does not have."""
    return _sounds().get(word, ())
