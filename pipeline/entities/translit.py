"""Cross-language person/place keys: transliterate to a coarse common Latin key.

``Jamil Aliyev`` / ``Cəmil Əliyev`` / ``Джамиль Алиев`` -> ``aliiav jamil``. Precision first:
the key keeps vowel classes (``Jamil`` != ``Jamal``) and every consonant, so exonyms
(``Moscow``/``Москва``) and loose spellings stay apart. Persian (no short vowels written) is
linked through consonant skeletons resolved against known Latin name words
(:mod:`pipeline.lang.fa.translit`); each language's romanisation is its pack's ``translit`` module. Word order is ignored (sorted words), so ``Красный
С.А.`` and ``S.A. Krasny`` meet. One-word ORG names (``Gazprom``/``Газпром``/``گازپروم``) are
linked by their spelling; longer ORG names translate, and are read word by word as concepts, places and
names (:mod:`pipeline.entities.org_keys`).

A Persian name that none of the tables reads (a new president, a company) can still be linked
within its corpus (:class:`~pipeline.entities.corpus_links.CorpusLinks`): to the one az/en/ru name of the same label whose words
have its consonant skeletons and vowels that fit.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import languages
from pipeline.entities.acronym_keys import acronym_key
from pipeline.entities.common import strip_accents
from pipeline.entities.lexicon import read_pairs
from pipeline.entities.org_keys import facility_parts, keyed, org_key, org_parts
from pipeline.text.memo import MEMO
from pipeline.text.normalize import lower, normalize

# The key's versions: v18: an Azerbaijani state body named without its country as Azerbaijan's, built places and
# places named by a side or kind and a place keyed in every language alike, office/administration/service one concept
# with organization, more organisation words; v17: about 280-350 more words of organisation names per language (church, orthodox, metro,
# budget, ecology, house of representatives ...); v16: organisation acronyms that translate (ОДКБ/CSTO, ВОЗ/ÜST, ЮНЕП/UNEP, КСИР/IRGC, ФАО,
# ЮНИСЕФ), an az acronym with its case ending after a hyphen (BMT-nin); v15: country short names and acronyms (US, ABŞ, США, آمریکا), more organisation words and
# demonyms, Persian -ایی adjectives, Russian name words as written where nominative; v14: a first Russian е is ye,
# organisations of a kind also by their name alone, The dropped in az/ru; v13: other readings of a Persian name in its
# corpus (ع, الله, ZWNJ, v as و/وف, organisation words as names); v12: English final eh said e, az Məhəmməd read as
# Muhammad; v11: organisation names that translate (org_keys); v10: seas, rivers, mountains and regions by their names
# in every language (a hand-made place table); v9: acronyms read by their letters (Би-би-си, بی‌بی‌سی: BBC); v8: names
# written with an English name's letters take its id; v7: ZWNJ, English sounds (issue 18)
NAME = "entities.xlang.v18"
XLANG_LABELS = ("PER", "LOC", "ORG")
NAME_WORDS = re.compile(r"[\s.\-'’]+")  # what separates the words of a romanised name

def _pack(lang: str) -> Any:
    """The language pack's ``translit`` module (romanisation, name preparation, or its own key), if any."""
    return languages.pack_module(lang, "translit")


def _prepared(canonical: str, lang: str) -> str:
    """The name as its pack's ``prepare`` leaves it (``the Netherlands`` -> ``Netherlands``)."""
    pack = _pack(lang)
    return pack.prepare(canonical) if pack is not None and hasattr(pack, "prepare") else canonical


def _to_latin(text: str, lang: str) -> str:
    t = lower(text, lang)
    pack = _pack(lang)
    if pack is not None and hasattr(pack, "to_latin"):
        t = pack.to_latin(t)
    return strip_accents(t)


ROMAN_NUMERAL = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")  # regnal numbers: I .. XXXIX (lower-cased)


def _word_key(word: str) -> str:
    """The key of one romanised name word: its sound classes (:func:`_phonetic`), but a regnal number keeps
    its letters (``Elizabeth II`` is not ``Elizabeth I``; the folding reads ii as i and x as k)."""
    return word if ROMAN_NUMERAL.match(word) else _phonetic(word)


_MUHAMMAD = ("makamat", "mukamat")  # Məhəmməd, Mahammad (also inside a word: Berdiməhəmmədov) = Muhammad, Мухаммед


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
    return w.replace(*_MUHAMMAD)  # the az vowels of the most common given name, read as the others write it


def _places(lang: str) -> dict[str, str]:
    """The pack's place-name table (``data/xlang_places.tsv``: lower-cased name -> xlang key of the
    place's English name; built by :mod:`pipeline.training.xlang_places` from ISO 3166 and GeoNames)."""
    pack = _pack(lang)
    return read_pairs(Path(pack.__file__).parent / "data" / "xlang_places.tsv") if pack is not None else {}


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """The keys of every place the tables name (the keys of their English names)."""
    return frozenset(k for lang in languages.supported() for k in _places(lang).values())


def place_fold(name: str, lang: str) -> str:
    """The lookup form of a place name in the tables: normalised, lower-cased, spaces collapsed."""
    return " ".join(lower(normalize(name, lang).text, lang).split())


def place_kind(canonical: str, lang: str) -> tuple[str, str] | None:
    """(kind, the name alone) of a place named with the word of its kind first or last (``Kura River``, ``Kür
    çayı``, ``остров Харк``, ``رود کورا``: the pack's ``PLACE_KINDS``), or None."""
    kinds = getattr(_pack(lang), "PLACE_KINDS", None)
    words = canonical.split()
    if not kinds or len(words) < 2:
        return None
    for edge, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        kind = kinds.get(lower(edge, lang))
        if kind is not None:
            while len(rest) > 1 and rest[0] in _KIND_LINKS:  # Sea of Japan, Strait of Hormuz: the name after "of"
                rest = rest[1:]
            return kind, " ".join(rest)
    return None


_KIND_LINKS = frozenset({"of", "the"})


def _kind_name_readings(name: str, lang: str) -> list[str]:
    """Other readings of the name of a place named with its kind: the pack's ``kind_name_readings`` (a Russian
    adjective as the name it is made from: ``Адриатическое`` море as ``Адриатик``), or none."""
    own = getattr(_pack(lang), "kind_name_readings", None)
    return own(name) if own is not None else []


#: Kinds whose place is not the place it is named after: a side of it (``Northern Ireland``), a water named after a
#: town or land (``Lake Geneva``, ``Gulf of Finland``), a province after its capital, a bridge or square after a
#: town. Not a river, desert, peninsula, island, mountain or valley: their name alone is often the feature itself.
KIND_OF_PLACE = frozenset({"east", "west", "north", "south", "inner", "lake", "sea", "strait", "gulf", "province", "canal",
                           "bridge", "square", "dam"})


def kind_place_key(canonical: str, lang: str) -> str | None:
    """The key of a place named by its kind (or side) and a place the tables name (``Northern Ireland``,
    ``Şimali İrlandiya``, ``Северная Ирландия``; ``Lake Geneva``, ``Cenevrə gölü``, ``Женевское озеро``,
    ``دریاچه ژنو``): the kind and that place's key, in every language alike; else None."""
    named = place_kind(canonical, lang)
    if named is None or named[0] not in KIND_OF_PLACE:
        return None
    for name in (named[1], *_kind_name_readings(named[1], lang)):
        key = _table_key(name, lang)
        if key is not None:
            return f"place {named[0]} | {key}"
    return None


def _table_key(name: str, lang: str) -> str | None:
    """The key of a place the tables name: its row in the language's table, or, in a cased script, the key of
    its spelling where that is a key of the tables (``South Korea``), else None."""
    hit = _places(lang).get(place_fold(name, lang))
    if hit is None and not hasattr(_pack(lang), "fa_word_key"):
        key = short_key(name, lang)
        hit = key if key in _place_keys() else None
    return hit


@lru_cache(maxsize=MEMO)
def latin_key(canonical: str, label: str, lang: str) -> str | None:
    """A script-independent key for PER/LOC (and one-word ORG) in az/en/ru/fa; None where linking is
    not attempted. A place the pack's table names (``Bolqarıstan``, ``Тегеран``, ``بلغارستان``) gets the key
    of its English name, and one named by its kind and such a place the key of both (:func:`kind_place_key`); an
    organisation, or a built place named by its kind (``Zaporizhzhia Nuclear Power
    Plant``), the key of its concepts and names (:func:`~pipeline.entities.org_keys.org_key`); any other name the
    key of its spelling (:func:`spelled_key`)."""
    if label == "LOC" and languages.spec(lang) is not None:
        hit = _table_key(canonical, lang) or kind_place_key(canonical, lang)
        if hit:
            return hit
    if label == "ORG" or (label == "LOC" and facility_parts(canonical, lang) is not None):
        key = org_key(canonical, lang, org_name_key)
        if key is not None:
            return key
    return spelled_key(canonical, label, lang)


def org_name_key(word: str, readings: tuple[str, ...], spelling: str, lang: str) -> str | None:
    """The key of a word of an organisation name that names no concept (:mod:`pipeline.entities.org_keys`):
    the place one of its readings names in the tables (``Бакинский``: Baku; also written lower-case, as Russian
    writes an adjective after the first word: ``Свободная сирийская армия``), else its spelling's (a cased
    script's word only with a capital: a lower-case word there is a common word the concepts lack)."""
    places = _places(lang)
    for r in (word, *readings):  # as written first: a Persian reading folds آ, which the tables keep (آلمان)
        hit = places.get(place_fold(r, lang))
        if hit:
            return hit
    pack = _pack(lang)
    if pack is not None and hasattr(pack, "fa_word_key"):  # a script without capitals: as written, then as read
        place = pack.adjective_key(word) if hasattr(pack, "adjective_key") else None  # لبنانی: Lebanon
        return (place if place in _place_keys() else None) or pack.latin_key(word) or pack.fa_word_key(spelling)
    known = _place_keys()  # a reading that names a place: Iranian -> Iran, Бакинский -> Баку, Azərbaycanın,
    hit = next((k for r in readings[1:] for k in [short_key(r, lang)] if k in known), None)  # сирийская -> Сирия
    if hit:
        return hit
    if not word[:1].isupper():
        return None
    key = short_key(spelling, lang)
    return key if key is not None and len(key.replace(" ", "")) >= MIN_PLACE_KEY else None


_ARABIC_ARTICLE = re.compile(r"^(?:Al|El|al|el) \S+$")  # Al Jazeera, El Watan: one name, as az/ru write it (Əl-Cəzirə)


def linked_kind(canonical: str, label: str) -> bool:
    """A name the cross-language ids try: a person, a place, or a one-word organisation (longer
    organisation names translate: ``Министерство здравоохранения`` is no spelling of ``Ministry of Health``;
    the Arabic article and a word are one name: ``Al Jazeera``)."""
    return bool(canonical) and label in XLANG_LABELS and (
        label != "ORG" or len(canonical.split()) == 1 or bool(_ARABIC_ARTICLE.match(canonical)))


def linked_text(canonical: str, label: str, lang: str, cased: bool) -> tuple[str, str | None]:
    """(slot, text): what the in-corpus links compare of a name (:class:`~pipeline.entities.corpus_links.CorpusLinks`). A person, place or
    one-word organisation: its label and the name. A longer organisation name that may have a key
    (:func:`pipeline.entities.org_keys.keyed`): its label and concepts, and its other words (in a cased
    script as they are spelled, capitalised: ``университет Шарифа`` -> ``Шариф``), so that ``خبرگزاری مهر``
    meets ``Mehr News Agency``; so is a built place (:func:`~pipeline.entities.org_keys.facility_parts`:
    ``فرودگاه بین‌المللی حیدر علی‌اف`` meets ``Heydar Aliyev International Airport``). Else (label, None)."""
    facility = facility_parts(canonical, lang) if label == "LOC" and canonical else None
    if linked_kind(canonical, label) and facility is None:
        return label, canonical
    parts = facility or (org_parts(canonical, lang) if label == "ORG" and canonical else None)
    if parts is None or not parts[1] or not keyed(parts[0], len(parts[1])):
        return label, None
    words = [_place_reading(readings, lang) or spelling for _word, readings, spelling in parts[1]] if cased else [
        word for word, _readings, _spelling in parts[1]]
    return f"{label} {' '.join(parts[0])}".strip(), " ".join(w[:1].upper() + w[1:] for w in words)


def _place_reading(readings: tuple[str, ...], lang: str) -> str | None:
    """The reading of an organisation's name word that names a place: in its language's table, or a place of
    the tables the word is with an ending of two letters or more (``Azərbaycanın``, ``Iranian``); None for a
    word one letter longer than some place (``Mahan`` is no Maha), or for no place."""
    places, known, word = _places(lang), _place_keys(), readings[0]
    return next((r for r in readings[1:] if places.get(place_fold(r, lang)) or (
        word.startswith(r) and len(word) - len(r) >= 2 and short_key(r, lang) in known)), None)


MIN_KEY = 4  # letters of a spelled key; a shorter one only from a place table's row (Kyiv, Chad: in every table)
MIN_PLACE_KEY = 3


def short_key(canonical: str, lang: str) -> str | None:
    """The sorted sound-class words of a cased script's name, whatever their length (None if it has none)."""
    words = [_word_key(w) for w in NAME_WORDS.split(_to_latin(_prepared(canonical, lang), lang)) if w]
    words = [w for w in words if w]
    return " ".join(sorted(words)) if words else None


@lru_cache(maxsize=MEMO)
def spelled_key(canonical: str, label: str, lang: str) -> str | None:
    """The key of a name's spelling: romanised, folded to coarse sound classes, words sorted. Persian
    names are resolved through their consonant skeletons (:mod:`pipeline.lang.fa.translit`); each
    language's romanisation is its pack's ``translit`` module."""
    if languages.spec(lang) is None or not linked_kind(canonical, label):
        return None
    pack = _pack(lang)
    if label == "ORG":
        acronym = acronym_key(canonical, lang, pack)
        if acronym is not None:
            return acronym
    if pack is not None and hasattr(pack, "latin_key"):  # a script without short vowels: its own key
        return pack.latin_key(canonical, label)
    key = short_key(canonical, lang)
    if key is None or len(key.replace(" ", "")) < MIN_KEY:
        return None  # too short to link safely
    return key


def xlang_id(canonical: str, label: str, lang: str) -> str | None:
    """Stable cross-language id (sha1 of ``label|xlang|key``), or None if not linkable."""
    key = latin_key(canonical, label, lang)
    return None if key is None else _id_of(label, key)


def _id_of(label: str, key: str) -> str:
    return hashlib.sha1(f"{label}|xlang|{key}".encode("utf-8")).hexdigest()[:16]


MAX_SOUND_KEYS = 64  # keys of one name read by its sound (product over its words)


@lru_cache(maxsize=MEMO)
def _sound_word_keys(word: str, lang: str) -> tuple[str, ...]:
    """The word keys of one name word: its spelling's, then those of its sounds as az/ru spell them."""
    if ROMAN_NUMERAL.match(word):
        return (word,)
    keys = {_phonetic(_to_latin(word, lang))} | {_phonetic(sp) for sp in _pack(lang).sound_spellings(word)}
    return tuple(sorted(k for k in keys if k))


def sound_keys(canonical: str, label: str, lang: str) -> frozenset[str]:
    """The xlang keys a name of a language whose pack knows how its words sound (en) may have in the
    scripts that write it by its sound (``Bill Gates``: ``kaic pil`` as ``Bill Qeyts`` / ``Билл Гейтс``)."""
    pack = _pack(lang)
    if pack is None or not hasattr(pack, "sound_spellings"):
        return frozenset()
    per_word = [_sound_word_keys(w, lang) for w in NAME_WORDS.split(lower(_prepared(canonical, lang), lang)) if w]
    if not per_word or not all(per_word):
        return frozenset()
    keys = (" ".join(sorted(c)) for c in itertools.islice(itertools.product(*per_word), MAX_SOUND_KEYS))
    return frozenset(k for k in keys if len(k.replace(" ", "")) >= 4)


def corpus_languages() -> tuple[str, ...]:
    """The languages whose names are linked within their corpus: packs whose ``translit`` module has
    ``name_skeletons`` (scripts without short vowels: fa)."""
    return tuple(lang for lang in languages.supported() if hasattr(_pack(lang), "name_skeletons"))


def sound_languages() -> tuple[str, ...]:
    """The languages whose names other scripts write by their sound: packs whose ``translit`` module has
    ``sound_spellings`` (en)."""
    return tuple(lang for lang in languages.supported() if hasattr(_pack(lang), "sound_spellings"))


def latin_words(canonical: str, lang: str) -> tuple[list[str], list[tuple[str, ...]] | None]:
    """A cased script's name as romanised words, and each word's pronunciations when its pack has them
    (en; None otherwise): what a Persian name's skeletons are compared with."""
    pack = _pack(lang)
    text = _prepared(canonical, lang)
    words = [w for w in NAME_WORDS.split(_to_latin(text, lang)) if w]
    sounds = None
    if pack is not None and hasattr(pack, "sounds"):  # a language whose names other scripts write by their sound
        written = [w for w in NAME_WORDS.split(lower(text, lang)) if w]
        sounds = [pack.sounds(w) for w in written] if len(written) == len(words) else None
    return words, sounds


@lru_cache(maxsize=None)
def offered_readings(canonical: str, lang: str, wanted: str, whole: bool = False) -> tuple[Any, ...]:
    """The readings (consonant skeletons and vowels) a cased script's name has for the pack of ``wanted``, a
    language whose script writes no short vowels: what both :class:`~pipeline.entities.corpus_links.CorpusLinks` and
    :class:`~pipeline.entities.bridge.BridgeLinks` compare its names with. Unbounded while the commit links a
    corpus, which reads each name twice; :func:`clear_readings` clears it after each corpus. A name
    without a capital has none: a common word the NER took (``ленивые``). ``whole``: also all its words
    written as one (organisations: ``منچسترسیتی`` Manchester City; a place's words joined meet other
    places: ``دهلی`` is not Ta' Qali)."""
    if not any(c.isupper() for c in canonical):
        return ()
    words, sounds = latin_words(canonical, lang)
    out = _pack(wanted).latin_name_readings(words, sounds, whole=whole)
    others = getattr(_pack(lang), "foreign_spellings", None)  # the letters of the language a name comes from
    if canonical.isupper():  # an acronym is read by its letters (CHL is no Shell)
        others = None
    for spelled in others(lower(_prepared(canonical, lang), lang)) if others is not None else ():
        words = [w for w in NAME_WORDS.split(spelled) if w]
        out += [r for r in _pack(wanted).latin_name_readings(words, None, whole=whole) if r not in out]
    return tuple(out)


def clear_readings() -> None:
    """Forget the readings of one corpus's names (:func:`offered_readings` and the packs' own word readings)."""
    offered_readings.cache_clear()
    for lang in corpus_languages():
        pack = _pack(lang)
        if hasattr(pack, "clear_readings"):
            pack.clear_readings()
