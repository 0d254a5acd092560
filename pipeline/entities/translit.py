"""Cross-language person/place keys: transliterate to a coarse common Latin key.

``Jamil Aliyev`` / ``Cəmil Əliyev`` / ``Джамиль Алиев`` -> ``aliiav jamil``. Precision first:
the key keeps vowel classes (``Jamil`` != ``Jamal``) and every consonant, so exonyms
(``Moscow``/``Москва``) and loose spellings stay apart. Persian (no short vowels written) is
linked through consonant skeletons resolved against known Latin name words
(:mod:`pipeline.lang.fa.translit`); each language's romanisation is its pack's ``translit`` module. Word order is ignored (sorted words), so ``Красный
С.А.`` and ``S.A. Krasny`` meet. One-word ORG names (``Gazprom``/``Газпром``/``گازپروم``) are
linked; longer ORG names translate and are not.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import languages
from pipeline.entities.lexicon import read_pairs
from pipeline.text.memo import MEMO
from pipeline.text.normalize import lower, normalize

NAME = "entities.xlang.v6"
XLANG_LABELS = ("PER", "LOC", "ORG")  # ORG: one-word names only (brands, acronyms); longer ones translate

@lru_cache(maxsize=None)
def _pack(lang: str) -> Any:
    """The language pack's ``translit`` module (romanisation, name preparation, or its own key), if any."""
    if languages.spec(lang) is None:
        return None
    try:
        return importlib.import_module(f"pipeline.lang.{lang}.translit")
    except ModuleNotFoundError:
        return None


def _to_latin(text: str, lang: str) -> str:
    t = lower(text, lang)
    pack = _pack(lang)
    if pack is not None and hasattr(pack, "to_latin"):
        t = pack.to_latin(t)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t


def _phonetic(word: str) -> str:
    w = re.sub(r"[^a-z]", "", word)
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ch", "c"),
                 ("tsh", "c"), ("ts", "c"), ("sh", "s"), ("x", "h"), ("q", "k"), ("w", "v"), ("ck", "k")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    w = re.sub(r"(?<=[aeiouy])y(?=[aeiou])", "", w)  # Aliyev = Aliev
    w = re.sub(r"(?<=[bcdfgjklmnpqrstvz])y(?=[aeiou])", "", w)  # Pashinyan = Пашинян (soft consonant)
    w = re.sub(r"y", "i", w)
    # Consonant classes where az/ru/en renderings disagree: q/g/k/h/x (Qafarova, Gafarova;
    # Гейдар, Heydar), d/t (Mehdiyev, Мехтиев), b/p (Tayyib, Tayyip).
    w = re.sub(r"[gkh]", "k", w)
    w = w.replace("d", "t").replace("b", "p")
    w = re.sub(r"[ae]", "a", w)
    w = re.sub(r"[ou]", "u", w)
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters
    return w


def _places(lang: str) -> dict[str, str]:
    """The pack's place-name table (``data/xlang_places.tsv``: lower-cased name -> xlang key of the
    place's English name; built by :mod:`pipeline.training.xlang_places` from ISO 3166 and GeoNames)."""
    pack = _pack(lang)
    return read_pairs(Path(pack.__file__).parent / "data" / "xlang_places.tsv") if pack is not None else {}


def place_fold(name: str, lang: str) -> str:
    """The lookup form of a place name in the tables: normalised, lower-cased, spaces collapsed."""
    return " ".join(lower(normalize(name, lang).text, lang).split())


@lru_cache(maxsize=MEMO)
def latin_key(canonical: str, label: str, lang: str) -> str | None:
    """A script-independent key for PER/LOC (and one-word ORG) in az/en/ru/fa; None where linking is
    not attempted. A place the pack's table names (``Bolqarıstan``, ``Тегеран``, ``بلغارستان``) gets the key
    of its English name; any other name the key of its spelling (:func:`spelled_key`)."""
    if label == "LOC" and languages.spec(lang) is not None:
        hit = _places(lang).get(place_fold(canonical, lang))
        if hit:
            return hit
    return spelled_key(canonical, label, lang)


@lru_cache(maxsize=MEMO)
def spelled_key(canonical: str, label: str, lang: str) -> str | None:
    """The key of a name's spelling: romanised, folded to coarse sound classes, words sorted. Persian
    names are resolved through their consonant skeletons (:mod:`pipeline.lang.fa.translit`); each
    language's romanisation is its pack's ``translit`` module."""
    if languages.spec(lang) is None or label not in XLANG_LABELS:
        return None
    if label == "ORG" and len(canonical.split()) != 1:
        return None
    pack = _pack(lang)
    if pack is not None and hasattr(pack, "latin_key"):  # a script without short vowels: its own key
        return pack.latin_key(canonical, label)
    text = pack.prepare(canonical) if pack is not None and hasattr(pack, "prepare") else canonical
    words = [_phonetic(w) for w in re.split(r"[\s.\-'’]+", _to_latin(text, lang)) if w]
    words = [w for w in words if w]
    if not words or sum(len(w) for w in words) < 4:
        return None  # too short to link safely
    return " ".join(sorted(words))


def xlang_id(canonical: str, label: str, lang: str) -> str | None:
    """Stable cross-language id (sha1 of ``label|xlang|key``), or None if not linkable."""
    key = latin_key(canonical, label, lang)
    if key is None:
        return None
    return hashlib.sha1(f"{label}|xlang|{key}".encode("utf-8")).hexdigest()[:16]
