"""Word-frequency lexicon of name words, derived from the NER training data.

The az suffix stripper uses it to decide ambiguous cuts: ``Kanada`` (seen often as a name)
is not ``Kana`` + dative, ``Azərbaycana`` is ``Azərbaycan`` + dative. The artefact is a
small TSV (word, count) committed under ``pipeline/entities/data/``; rebuild it with
``python -m pipeline.training.name_lexicon /path/to/shared/data``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.text.normalize import lower
from pipeline.text.sorted_lines import SortedLines

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "az", inner: bool = False) -> dict[str, int]:
    """Word -> count (``inner``: count before the last word of a span), keyed by the language's
    lower-cased form; empty if the file is absent."""
    path = DATA_DIR / f"{lang}_name_words.tsv"
    if not path.exists():
        return {}
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            c = int(cols[2]) if inner and len(cols) > 2 else (0 if inner else int(cols[1]))
            key = lower(cols[0], lang)
            out[key] = out.get(key, 0) + c
    return out


@lru_cache(maxsize=None)
def read_pairs(path: Path) -> dict[str, str]:
    """First column -> second column of a committed two-column TSV table (``#`` lines are comments);
    empty if the file is absent."""
    out: dict[str, str] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    first, second = line.rstrip("\n").split("\t")[:2]
                    out[first] = second
    return out


def form_key(word: str, lang: str) -> str:
    """A word as the word-form tables key it: lower-cased the language's way, ``ё`` as ``е``."""
    return lower(word, lang).replace("ё", "е")


@lru_cache(maxsize=None)
def load_forms(lang: str) -> SortedLines:
    """The language's word forms of running text (``data/<lang>_forms.txt.gz``, keyed by :func:`form_key`;
    az and ru, from Debian's tesseract word lists, built by :mod:`pipeline.training.word_forms`): is a stem a
    word at all? Empty if the file is absent."""
    return SortedLines(DATA_DIR / f"{lang}_forms.txt.gz")
