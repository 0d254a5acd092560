"""Cross-language keys of organisation names that translate (issue 18).

``Baku State University`` / ``Bakı Dövlət Universiteti`` / ``Бакинский государственный университет`` /
``دانشگاه دولتی باکو`` are no spellings of each other, but their words name the same things. Each word
(or phrase) of such a name is read, in its language pack's ``orgs.org_lemmas`` readings, as

- a *concept* of the pack's ``data/org_words.tsv`` (``Universiteti``, ``университет``, ``دانشگاه``:
  university; a phrase first: ``Birləşmiş Millətlər``: un; an acronym may stand for several:
  ``МАГАТЭ``: international + atomic + energy + agency), or a skipped word (``of``, ``və``, ``по``);
- else a *name*: the key a place or name word has on its own (``Бакинский`` read as Баку, ``Шарифа``
  as Шариф), from the caller's ``name_key``.

The key is the sorted concepts and names; a name of two or more names and no concept (``Borussia
Dortmund`` / ``Боруссия Дортмунд``) is keyed by them, as a person's name is. Precision first: every word
must be read, and a name of concepts only (``Ministry of Foreign Affairs``, ``Central Bank``: every country
has one) is keyed only when it has two and one of them makes it one body in the world (:data:`WIDE`:
``International Monetary Fund``, ``Organisation of Islamic Cooperation``; not ``Europeans``), or, in a
language whose press is one state's and names its bodies without the country (the pack's ``orgs.HOME`` with
``HOME_KEYED``), a body of a state (:data:`STATE_BODIES`) as that country's (``Səhiyyə Nazirliyi``: Azerbaijan's
Health Ministry).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from pipeline import languages
from pipeline.entities.lexicon import read_pairs
from pipeline.text.memo import MEMO

#: Concepts that make a name of concepts only one body in the world (``duma``: one of a kind, the State Duma).
WIDE = frozenset({"international", "world", "nations", "european", "commonwealth", "arab", "turkic", "asian", "duma",
                  "islamic", "without", "treaty"})  # without: ... Without Borders; treaty: bodies of a treaty between states
#: Concepts of a body of a state, which the press of a language with a ``HOME`` names without its country when
#: it is its own (``Səhiyyə Nazirliyi``, ``Milli Məclis``); not a party, church, league or army: those it names
#: so whatever their country (``Demokratik Partiya``; Russian ``Премьер-лига``, ``Вооружённые силы``).
STATE_BODIES = frozenset({"ministry", "committee", "court", "prosecutor", "council", "assembly", "commission",
                          "agency", "organization", "inspection", "treasury", "cabinet", "government", "senate",
                          "parliament", "duma", "customs", "police", "border", "intelligence", "judiciary", "chamber",
                          "secretariat", "statistics", "audit", "library", "archive", "presidential", "bank"})
#: Concepts of a built place (``Heydar Aliyev International Airport``, ``Запорожская АЭС``, ``برج آزادی``): a
#: place named so is named like an organisation, its kind translated and its name spelled.
FACILITIES = frozenset({"airport", "power_plant", "stadium", "tower", "shrine", "bridge", "square", "palace", "dam"})
#: Kinds one language's press names and another's leaves out (``حزب رویای گرجستان`` / ``Грузинская мечта``,
#: ``Mobarakeh Steel Company`` / ``فولاد مبارکه``): not in a key when another concept or a name is left. Not
#: organization, which also stands for administration and service (``Администрация Президента`` is no president).
GENERIC_KINDS = frozenset({"party", "company", "society"})
MAX_PHRASE = 4  # words of the longest phrase of a concept table
SKIP = "-"
_WORDS = re.compile(r"[\s«»\"“”„()]+")
_EDGES = ",.;:!?'’،؛"  # also the Persian comma and semicolon (صنعت، معدن و تجارت)


def _pack(lang: str) -> Any:
    """The language pack's ``orgs`` module, if it has one."""
    return languages.pack_module(lang, "orgs")


@lru_cache(maxsize=None)
def _concepts(lang: str) -> dict[str, str]:
    pack = _pack(lang)
    return read_pairs(Path(pack.__file__).parent / "data" / "org_words.tsv") if pack is not None else {}


def home_place(lang: str) -> str | None:
    """The country the press of a language names its own bodies without (the pack's ``orgs.HOME``), or None."""
    return getattr(_pack(lang), "HOME", None)


def org_words(canonical: str) -> list[str]:
    """The words of an organisation name, quotes and brackets dropped."""
    return [w.strip(_EDGES) for w in _WORDS.split(canonical) if w.strip(_EDGES)]


def _concept(readings: list[tuple[str, ...]], table: dict[str, str]) -> str | None:
    """The concept of a run of words, in any of their readings (at most 64 combinations), or None."""
    for combo in itertools.islice(itertools.product(*readings), 64):
        hit = table.get(" ".join(combo))
        if hit is not None:
            return hit
    return None


def _compound(word: str, pack: Any, table: dict[str, str]) -> list[str]:
    """A hyphenated word of concepts as its concepts (``Sosial-Demokrat``, ``Liberal-Demokrat``), else the word."""
    pieces = word.split("-")
    if len(pieces) > 1 and all(piece and _concept([pack.org_lemmas(piece)], table) for piece in pieces):
        return pieces
    return [word]


@lru_cache(maxsize=MEMO)
def org_parts(canonical: str, lang: str) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...], str], ...]] | None:
    """An organisation name read word by word: its sorted concepts and its other words, each as (word, its
    readings, the reading it is spelled by); None where the pack has no concept table."""
    pack = _pack(lang)
    table = _concepts(lang)
    if pack is None or not table:
        return None
    words = [piece for word in org_words(canonical) for piece in _compound(word, pack, table)]
    if not words:
        return None
    readings = [pack.org_lemmas(w) for w in words]
    concepts: set[str] = set()
    names = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            hit = _concept(readings[i:i + n], table)
            if hit is not None:
                break
        if hit is None:
            spelling = pack.name_reading(readings[i]) if hasattr(pack, "name_reading") else readings[i][0]
            names.append((words[i], readings[i], spelling))
            i += 1
            continue
        if hit != SKIP:
            concepts.update(hit.split("+"))
        i += n
    return tuple(sorted(concepts)), tuple(names)


def with_home(concepts: tuple[str, ...], words: tuple, lang: str) -> tuple:
    """An organisation name's other words (:func:`org_parts`), or, for a body of a state (:data:`STATE_BODIES`) that
    the press of an ``orgs.HOME_KEYED`` language names with no other word, the words of its home country
    (``Səhiyyə Nazirliyi``: Azerbaijan's), read as the name's own words are."""
    pack = _pack(lang)
    home = home_place(lang) if getattr(pack, "HOME_KEYED", False) else None
    if home and not words and STATE_BODIES.intersection(concepts):
        return tuple((w, pack.org_lemmas(w), w) for w in home.split())
    return words


def keyed(concepts: tuple[str, ...], names: int) -> bool:
    """Whether a name of these concepts and this many other words may have a key (see the module)."""
    return names >= 2 if not concepts else bool(names) or (len(concepts) >= 2 and bool(WIDE.intersection(concepts)))


@lru_cache(maxsize=MEMO)
def org_key(canonical: str, lang: str, name_key: Callable[[str, tuple[str, ...], str, str], str | None]) -> str | None:
    """The concept key of an organisation name (see the module), or None. ``name_key(word, readings,
    spelling, lang)`` gives a word that is no concept the key of the place or name it writes (None: unread)."""
    parts = org_parts(canonical, lang)
    if parts is None:
        return None
    concepts, words = parts
    if len(concepts) >= 2 and not keyed(concepts, 0):
        words = with_home(concepts, words, lang)
    if not keyed(concepts, len(words)):
        return None
    names = [name_key(word, readings, spelling, lang) for word, readings, spelling in words]
    if None in names:
        return None
    kept = tuple(c for c in concepts if c not in GENERIC_KINDS)
    if kept or names:  # a kind one language names and another leaves out: حزب کنگره ملی هند / Indian National Congress
        concepts = kept
    if not concepts or concepts == ("club",):  # a name of names only is keyed as it is spelled (Borussia Dortmund,
        return " ".join(sorted(names))  # Боруссия Дортмунд), and a club as its name: FC Kairat is Kairat
    return "org " + " ".join(concepts) + " | " + " ".join(sorted(names))


def facility_parts(canonical: str, lang: str) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...], str], ...]] | None:
    """:func:`org_parts` of a place of two or more words named by one of the :data:`FACILITIES` and a name, else None."""
    if len(canonical.split()) < 2:
        return None
    parts = org_parts(canonical, lang)
    return parts if parts is not None and parts[1] and FACILITIES.intersection(parts[0]) else None
