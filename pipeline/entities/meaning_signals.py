"""The second signals of the links by meaning (issue 18): what tells that an az/en/ru name the encoder puts next to
a Persian one is that name, besides the encoder (:mod:`pipeline.entities.meaning_links`, which reads them).

Persian writes no short vowels, so spelling compares consonant skeletons word by word (:func:`spelling_fit`);
organisations compare their concepts and places (:mod:`pipeline.entities.org_keys`), places the word of their kind
(the packs' ``PLACE_KINDS``); a name that translates is checked word by word (:func:`translated`). Each predicate is
precision first: the thresholds were chosen on the read blind sets and the guards on the stress corpus.
``MIN_MARGIN``, ``SURE_MARGIN`` and ``MeaningLinks`` below are :mod:`pipeline.entities.meaning_links`'.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from pipeline import languages
from pipeline.entities.org_keys import FACILITIES, org_parts, with_home
from pipeline.entities.translit import _pack, _place_keys, offered_readings, org_name_key, place_kind
from pipeline.ner.base import letter_words

SHORT = 5  # skeleton letters below which two names fit only exactly
MIN_FIT = 0.8  # spelling_fit of a name linked by meaning (see confirmed)
SURE_FIT = 0.95  # spelling_fit both ways of a person's names that need no margin (see sure)
APART_FIT = 0.85  # spelling_fit both ways of the nearest id's name that needs no margin ... (see spelled_apart)
NEAR_FIT = 0.7  # ... when no name of an id within the margin fits one way as well as this
TRANSLATED_WORDS = 2  # words a name linked by meaning alone has at least (see translated)

_NUMBER = re.compile(r"[0-9\u06f0-\u06f9\u0660-\u0669]+")
_JOINING = frozenset("of the and de la le du des der und və и в на و از".split())
_ASCII_DIGITS = str.maketrans("".join(map(chr, [*range(0x6F0, 0x6FA), *range(0x660, 0x66A)])), "0123456789" * 2)


def places(canonical: str, lang: str) -> frozenset[str]:
    """The place keys an organisation name writes (``Ministry of Foreign Affairs of Iran``: Iran); a state body
    the press of an ``orgs.HOME_KEYED`` language names with no word but its concepts is its home country's, as in
    its key (:func:`~pipeline.entities.org_keys.with_home`: ``Səhiyyə Nazirliyi``; not ``İngiltərə Bankı``)."""
    parts = org_parts(canonical, lang)
    if parts is None:
        return frozenset()
    known = _place_keys()
    return frozenset(k for word, readings, spelling in with_home(*parts, lang)
                     for k in [org_name_key(word, readings, spelling, lang)] if k in known)


def spelling_fit(canonical: str, lang: str, other: str, other_lang: str, both: bool = False) -> float:
    """How well a name of a script without short vowels (its consonant skeletons, word by word) writes an
    az/en/ru name (its readings in that script's terms): 1.0 when every word of the shorter one is a word of the
    other (``اسامه بن لادن`` / ``Osama bin Laden``; ``آغسو`` / ``Ağsu rayonu``), less as letters differ
    (difflib's ratio of the skeletons, word by word in the best order, or as one string). Two names both of fewer
    than :data:`SHORT` skeleton letters fit only exactly (``وان`` Van is no ``Вены``): 0.0 otherwise. ``both``: every
    word of each name fits a word of the other (the lower of the two ways; ``بانک پارسیان`` / ``Persian``: 0.5)."""
    numbers, other_numbers = _numbers(canonical), _numbers(other)
    if numbers or other_numbers:  # ``شبکه روسیا ۱`` / ``Russia-1``: the same numbers, and the words fit
        if numbers != other_numbers:
            return 0.0
        canonical, other = _NUMBER.sub(" ", canonical).strip(), _NUMBER.sub(" ", other).strip(" -")
    pack = _pack(lang)
    mine = {tuple(w[0] for w in sk) for sk in pack.name_skeleton_readings(canonical)}
    theirs = {tuple(w[0] for w in r) for r in offered_readings(other, other_lang, lang, False)}
    return max((words_fit(a, b, both) for a in mine for b in theirs), default=0.0)


def _numbers(canonical: str) -> tuple[str, ...]:
    """The numbers a name writes, in ASCII digits (Persian ``۰۴`` is 04)."""
    return tuple(n.translate(_ASCII_DIGITS) for n in _NUMBER.findall(canonical))


def _cover(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How well the words of ``a`` are words of ``b`` (difflib's ratio of each with its best, by its letters)."""
    letters = sum(len(w) for w in a)
    return sum(max(SequenceMatcher(None, w, v, autojunk=False).ratio() for v in b) * len(w) for w in a) / letters


def words_fit(a: tuple[str, ...], b: tuple[str, ...], both: bool = False) -> float:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    letters = sum(len(w) for w in short)
    if not letters or not long_:
        return 0.0
    if both:
        fit = min(_cover(a, b), _cover(b, a))
    else:
        fit = max(_cover(short, long_), SequenceMatcher(None, "".join(a), "".join(b), autojunk=False).ratio())
    return fit if fit == 1.0 or max(letters, sum(len(w) for w in long_)) >= SHORT else 0.0


def confirmed(canonical: str, lang: str, label: str, others: list[str], other_lang: str) -> bool:
    """The second signal a link by meaning needs (precision first: the encoder alone puts ``ارس`` Aras next to
    Arkansas when the corpus lacks the river): a name its spelling fits (:func:`spelling_fit` at least
    :data:`MIN_FIT`: ``ایرنا`` / ``IRNA``, too short for the spelled links; a place without the word of its kind,
    which must then be the same: ``رود اوب`` / ``Ob River``); or an organisation name that shares a concept of
    :mod:`pipeline.entities.org_keys` or a place with it (``حزب برادران ایتالیا`` / ``İtaliya Qardaşları``), a
    built place one of its kind (``برج آزادی`` / ``Azadi Tower``). Two organisation names whose places share none
    never meet (``روسیه`` is no Iran; ``Bank Melli Iran`` reads Mali too, so only places that share none block)."""
    if label == "ORG":
        mine = places(canonical, lang)
        if any(p and mine and not p & mine for c in others for p in [places(c, other_lang)]):
            return False
    if _fit(canonical, lang, label, others, other_lang) >= MIN_FIT:
        return True
    if label == "PER":
        return False
    concepts = concepts_of(canonical, lang, label)
    if concepts and any(concepts & concepts_of(c, other_lang, label) for c in others):
        return True
    if label == "ORG" and concepts and _name_words_fit(canonical, lang, concepts, others, other_lang):
        return True
    return label == "ORG" and bool(mine) and any(mine & places(c, other_lang) for c in others)


def translated(canonical: str, lang: str, label: str, others: list[str], other_lang: str) -> bool:
    """Whether a place or an organisation of :data:`TRANSLATED_WORDS` words or more, which the encoder puts
    :data:`MIN_MARGIN` ahead of every other id, may be a translation of one of ``others`` that nothing else confirms
    (``مسیر دریایی شمال`` / ``Северный морской путь``, ``دیوار بزرگ چین`` / ``Böyük Çin səddi``, ``دریای
    ایرلند`` / ``Irish Sea``): its words say what the other name's words say, so neither spelling nor the concept
    tables see it. Precision first: every word of it (the word of its kind aside) is a word of its language
    (:func:`_known_words`: ``مسیر``, ``دریایی``), a place (``چین``) or spelled in the other name (``باغ ارم`` /
    ``сад Эрам``), not a name the encoder only guesses at (``پورتو پرنس`` Port-au-Prince is no ``Shahid Rajaee
    Port``); both name the same places, or none (``مجلس ملی مجارستان`` is no ``MDB İcraiyyə Komitəsi``); nothing
    contradicts it (other numbers, another kind of place); and a one-word name is never linked this way (``ایرنا``
    IRNA is next to ``İran``, ``قشم`` Qeshm to ``Qazma`` when the corpus lacks the right one)."""
    if label not in ("LOC", "ORG") or len(_content_words(canonical)) < TRANSLATED_WORDS:
        return False
    numbers, mine, (name, kind) = _numbers(canonical), places(canonical, lang), _without_kind(canonical, lang, label)
    known = _known_words(lang)
    for c in others:
        other_kind = _without_kind(c, other_lang, label)[1]
        if _numbers(c) != numbers or (kind and other_kind and kind != other_kind) or places(c, other_lang) != mine:
            continue
        if all(w in known or places(w, lang) or spelling_fit(w, lang, c, other_lang) >= MIN_FIT
               for w in _content_words(name)):
            return True
    return False


def _known_words(lang: str) -> frozenset[str]:
    """The words a pack knows as words of its language (fa: those its NER training text writes outside every
    entity at least 3 times, ``pipeline.lang.fa.rules.written_words``); none without such a list."""
    rules = languages.pack_module(lang, "rules")
    return rules.written_words() if rules is not None and hasattr(rules, "written_words") else frozenset()


def _content_words(canonical: str) -> list[str]:
    """A name's words as the known-words table counts them (:func:`~pipeline.ner.base.letter_words`: no numbers,
    no punctuation), without the words that join names (``of``, ``و``)."""
    return [w for _s, _e, w in letter_words(canonical) if w.lower() not in _JOINING]


def _fit(canonical: str, lang: str, label: str, others: list[str], other_lang: str, both: bool = False) -> float:
    """The best :func:`spelling_fit` of a name with one of ``others``; places without the word of their kind,
    which must then be the same (``رود اوب`` / ``Ob River``)."""
    name, kind = _without_kind(canonical, lang, label)
    best = 0.0
    for c in others:
        other, other_kind = _without_kind(c, other_lang, label)
        if not kind or not other_kind or kind == other_kind:
            best = max(best, spelling_fit(name, lang, other, other_lang, both))
    return best


def spelled_apart(canonical: str, lang: str, label: str, others: list[str], near: list[list[str]],
                  other_lang: str) -> bool:
    """Whether the spelling tells the nearest id (``others``, its names) from the ids the encoder puts within
    :data:`MIN_MARGIN` of it (``near``), which :meth:`MeaningLinks._matches` then lets take it with no margin: a
    name of it fits both ways (:func:`spelling_fit` ``both``: every word of each is a word of the other) at least
    :data:`APART_FIT`, and no name of theirs fits even one way :data:`NEAR_FIT` (``استیو وازنیاک`` / ``Стив
    Возняк``, 0.875 both ways, is 0.039 ahead of ``Самед-бек Мехмандаров``; ``زربت گلمک`` is Zarbat Galmak and
    Zorbat Golmak alike: neither)."""
    return _fit(canonical, lang, label, others, other_lang, both=True) >= APART_FIT and all(
        _fit(canonical, lang, label, their, other_lang) < NEAR_FIT for their in near)


def sure(canonical: str, lang: str, label: str, others: list[str], other_lang: str) -> bool:
    """A pair the spelling or the concept tables already make one, which :meth:`MeaningLinks._matches` lets take
    its nearest id with a margin of :data:`SURE_MARGIN` only (the encoder puts persons, and bodies of a kind, close
    together: ``بنی گانتس`` / ``Беня Ганец`` is 0.039 ahead of ``Бени Бегин``): a person whose names fit both ways
    (:func:`spelling_fit` ``both`` at least :data:`SURE_FIT`: every word of each is a word of the other); an
    organisation whose concepts and places are those of one of the id's names, two of them at least (``کنگره
    نمایندگان اسپانیا`` / ``Конгресс депутатов Испании``: congress, deputies, Spain). Places are not sure by
    spelling: a consonant skeleton of six letters is many places' (``ماردین`` Mardin / Meridian). Two ids whose
    names are as sure (``زربت گلمک``: Zarbat Galmak, Zorbat Golmak) within :data:`MIN_MARGIN` take neither."""
    if label == "PER":  # two words at least: one short name is many persons' (``نیمار`` Neymar / Namor)
        return len(canonical.split()) >= 2 and _fit(canonical, lang, label, others, other_lang, both=True) >= SURE_FIT
    if label != "ORG":
        return False
    concepts, mine = concepts_of(canonical, lang), places(canonical, lang)
    return bool(concepts) and len(concepts) + len(mine) >= 2 and any(
        concepts_of(c, other_lang) == concepts and places(c, other_lang) == mine for c in others)


def _name_words_fit(canonical: str, lang: str, concepts: frozenset[str], others: list[str], other_lang: str) -> bool:
    """Whether an organisation's own words (its concept words left out: the word of its kind a Persian name
    often writes first) spell those of one of ``others`` whose concepts do not differ from its own (``روزنامه
    النهار`` / ``An-Nahar``: newspaper; ``مجله تایم`` / ``Time jurnalı``: magazine)."""
    words = _name_words(canonical, lang)
    for c in others if words else ():
        theirs, their_concepts = _name_words(c, other_lang), concepts_of(c, other_lang)
        if theirs and (not their_concepts or concepts & their_concepts) \
                and spelling_fit(words, lang, theirs, other_lang) >= MIN_FIT:
            return True
    return False


def _name_words(canonical: str, lang: str) -> str:
    """An organisation name without its concept words (:func:`~pipeline.entities.org_keys.org_parts`)."""
    parts = org_parts(canonical, lang)
    return " ".join(word for word, _readings, _spelling in parts[1]) if parts else ""


def _without_kind(canonical: str, lang: str, label: str) -> tuple[str, str | None]:
    """A place's name without the word of its kind, and the kind (``رود اوب``: اوب, river); else the name."""
    found = place_kind(canonical, lang) if label == "LOC" else None
    return (found[1], found[0]) if found else (canonical, None)


def concepts_of(canonical: str, lang: str, label: str = "ORG") -> frozenset[str]:
    """An organisation name's concepts; a place's only when it is a built place (``FACILITIES``: tower, airport)."""
    parts = org_parts(canonical, lang)
    concepts = frozenset(parts[0]) if parts else frozenset()
    return concepts if label == "ORG" or FACILITIES & concepts else frozenset()
