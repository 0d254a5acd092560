"""Headlines in the casing of running text, for the English model.

The English model (en_core_web_md, en_core_web_sm before it) learnt names from their capitals, so an ALL-CAPS
wire headline (``CRICKET - ESSEX V YORKSHIRE SCOREBOARD .``) gives it nothing to go by, and title-casing every
word makes every word look like a name (``Cricket - Essex V Yorkshire Scoreboard .``). :func:`truecase` writes each word as running
text writes it, from SCOWL's word lists (``data/casing.tsv.gz``, built by
``pipeline/training/en_casing.py``): ``cricket - Essex v Yorkshire scoreboard .``. A word the lists write
in lower case only is lower case, a capitalised or unknown word is capitalised (names the lists do not
know, ``Chelmsford``), an acronym the lists write in capitals stays so (``NATO``); a word written both ways
(``may`` / ``May``) is lower case unless it is a country or city of the English gazetteer
(``TURKEY``, ``CHINA``) or a month or weekday; a country or city of several words keeps the gazetteer's
casing (``NEW ZEALAND`` -> ``New Zealand``). The first word of the line is capitalised. Same length.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from pipeline.lang.en.gazetteer import CITIES, COUNTRIES

TABLE = Path(__file__).resolve().parent / "data" / "casing.tsv.gz"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*")
_CALENDAR = frozenset("january february march april june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())


@lru_cache(maxsize=1)
def classes() -> dict[str, str]:
    """lower-case word -> ``l`` | ``c`` | ``b`` | ``u`` (see ``pipeline/training/en_casing.py``)."""
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t") for line in f)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(name.lower() for name in COUNTRIES | CITIES if " " not in name)


def _word(word: str, table: dict[str, str]) -> str:
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word):
        return word  # "U.S.", "U.N.": an abbreviation keeps its capitals
    low = word.lower()
    key = low.rstrip(".") if low.rstrip(".") in table else low
    if "-" in key and key not in table:  # "ANGLO-FRENCH": each part
        return "-".join(_word(p, table) if p else p for p in word.split("-"))
    kind = table.get(key)
    if kind == "u":
        return word
    if kind == "l" or (kind == "b" and key not in _places() and key not in _CALENDAR):
        return low
    return word[:1] + word[1:].lower()


@lru_cache(maxsize=1)
def _multiword_places() -> tuple[re.Pattern[str], dict[str, str]]:
    """The gazetteer's countries and cities of several words, as one pattern and by their lower case."""
    names = sorted((n for n in COUNTRIES | CITIES if " " in n), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’\-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w'’\-])", re.I)
    return pattern, {n.lower(): n for n in names}


def truecase(line: str) -> str:
    """``line``'s words as running text writes them (see the module docstring); same length."""
    table = classes()
    out = _WORD.sub(lambda m: _word(m.group(0), table), line)
    pattern, places = _multiword_places()
    out = pattern.sub(lambda m: places.get(m.group(0).lower(), m.group(0)), out)  # "NEW ZEALAND"
    first = _WORD.search(out)
    if first and out[first.start()].islower():
        out = out[:first.start()] + out[first.start()].upper() + out[first.start() + 1:]
    return out if len(out) == len(line) else line
