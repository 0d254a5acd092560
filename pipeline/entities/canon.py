"""Canonical names, comparison keys and stable entity ids for ORG/PER/LOC mentions."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pipeline.entities.az import canonicalize_az, key_az
from pipeline.entities.common import collapse_spaces, key_punct, strip_accents, trim_mention
from pipeline.entities.en import canonicalize_en, key_en
from pipeline.entities.fa import canonicalize_fa, key_fa, squash_fa
from pipeline.entities.ru import canonicalize_ru, key_ru
from pipeline.text.normalize import fold_key, normalize

NAME = "entities.canon"  # the registered instance carries the versioned name (pipeline/registrations.py)
NAME_LABELS = ("ORG", "PER", "LOC")

# State-form words dropped from LOC keys only: "Республика Беларусь" = "Беларусь".
_LOC_DESIGNATORS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"^(?:(?:исламская|федеративная|народная|арабская|демократическая|объединенная|кооперативная)\s+)*"
        r"(?:республика|султанат|королевство|государство|княжество|эмират|страна)\s+(?=\S)"
    ),
    "en": re.compile(
        r"^(?:(?:the|islamic|federal|people s|democratic|arab|united|federative|plurinational)\s+)*"
        r"(?:republic|sultanate|kingdom|state|principality|emirate|commonwealth)\s+of\s+(?=\S)"
    ),
    "az": re.compile(
        r"(?<=\S)\s+(?:(?:islam|xalq|demokratik|federativ|ərəb)\s+)*"
        r"(?:respublikası|sultanlığı|krallığı|dövləti|knyazlığı|əmirliyi)$"
    ),
    "fa": re.compile(r"^(?:(?:جمهوری|پادشاهی|سلطان ?نشین|امارت|کشور|دولت)\s+)(?:(?:اسلامی|فدرال|خلق|دموکراتیک|عربی)\s+)*(?=\S)"),
}


# A legal form or generic descriptor around a quoted name: the quoted name is the key
# (``государственное учреждение «РНПЦ ...»`` = ``РНПЦ ...``, ``ОАО «Газпром»`` = ``Газпром``,
# ``«Azərsu» ASC`` = ``Azərsu``).
_QUOTED_NAME = {
    "ru": re.compile(
        r"^(?:(?:[а-яё\-]+\s+){1,4}|(?:ОАО|ЗАО|ООО|ПАО|АО|ГУ|ГУО|УЗ|РУП|УП|ОДО|ЧУП|ИП|НКО|ФГУП|ФГБУ|ГБУЗ)\s+)"
        r"[«\"„“](?P<name>[^«»\"„“”]+)[»\"“”]$"
    ),
    "az": re.compile(r"^[«\"“](?P<name>[^«»\"“”]+)[»\"”]\s+(?:ASC|MMC|QSC|ATSC|AÇSC|publik hüquqi şəxs)$"),
}


def canonicalize(surface: str, label: str, lang: str, cases: frozenset[str] | None = None,
                 follower: str | None = None) -> str:
    """Display canonical form (``mentions.normalized``) of an ORG/PER/LOC mention.

    ``cases``/``follower`` (Russian): the cases the words before the mention allow and the
    lower-case word after it (:mod:`pipeline.entities.ru_context`); they pick between readings.
    """
    return _canonicalize(surface, label, lang, cases, follower)


_TRAILING_ACRONYM = re.compile(r"^(?P<long>.+?)\s*[(\[]\s*(?P<acr>[^()\[\]\s]{2,12})\s*[)\]]$")


def _drop_defined_acronym(surface: str) -> str:
    """``World Health Organization (WHO)`` -> ``World Health Organization`` when the initials fit."""
    m = _TRAILING_ACRONYM.match(surface.strip())
    if not m:
        return surface
    from pipeline.entities.acronyms import acronym_core, spells

    core = acronym_core(m.group("acr"))
    if core and spells(core[0], m.group("long"), allow_drop_leading=True):
        return m.group("long")
    return surface


_LOWER_LEAD = re.compile(r"^(?:[a-zа-яёəöüğışç][\w\-]*\.?,?\s+)+(?=[A-ZА-ЯЁƏÖÜĞİŞÇ])")
_TITLES = {
    "dr", "prof", "mr", "mrs", "ms", "sir", "dame", "д-р", "проф", "دکتر", "مهندس", "استاد", "پروفسور",
}


def _drop_lowercase_titles(surface: str, lang: str) -> str:
    """``akademik Cəmil Əliyevin``, ``академика Красного С.А.`` -> the name alone.

    Kept when only an adjective of the title would remain (``герцогиня Корнуольская``)."""
    rest = _LOWER_LEAD.sub("", surface.strip())
    if lang == "ru" and rest != surface.strip() and " " not in rest:
        from pipeline.entities.ru import is_adjective

        if is_adjective(rest):
            return surface.strip()
    return rest


@lru_cache(maxsize=20_000)
def _canonicalize(surface: str, label: str, lang: str, cases: frozenset[str] | None = None,
                  follower: str | None = None) -> str:
    if label not in NAME_LABELS:
        return trim_mention(surface)
    if label == "ORG":
        surface = _drop_defined_acronym(surface)
    if label == "PER" and lang in ("ru", "az", "en"):
        surface = _drop_lowercase_titles(surface, lang)
    if lang == "ru":
        return canonicalize_ru(surface, label, cases, follower)
    if lang == "az":
        return canonicalize_az(surface, label, follower)
    if lang == "fa":
        return canonicalize_fa(surface)
    if lang == "en":
        return canonicalize_en(surface, label)
    return trim_mention(normalize(surface, lang).text)


@lru_cache(maxsize=20_000)
def entity_key(canonical: str, label: str, lang: str) -> str:
    """Comparison key: language folds, case-folded, punctuation-free, LOC state forms dropped."""
    t = canonical
    if label == "ORG" and lang in _QUOTED_NAME:
        m = _QUOTED_NAME[lang].match(t)
        if m:
            t = m.group("name")
    if lang == "ru":
        t = key_ru(t)
    elif lang == "az":
        t = key_az(t)
    elif lang == "fa":
        t = key_fa(t)
    elif lang == "en":
        t = strip_accents(key_en(t))
    t = fold_key(t, lang)
    t = key_punct(t).replace("'", " ")
    t = collapse_spaces(t)
    if label == "PER":
        words = t.split()
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]  # "Dr. Sarah Jones" = "Sarah Jones" (the display form keeps the title)
        t = " ".join(words)
    if label == "LOC" and lang in _LOC_DESIGNATORS:
        stripped = _LOC_DESIGNATORS[lang].sub("", t)
        t = stripped.strip() or t
    if lang == "fa":
        t = squash_fa(t)
    return t


def entity_id(key: str, label: str, lang: str) -> str:
    """Stable id: first 16 hex digits of sha1(``label|lang|key``)."""
    return hashlib.sha1(f"{label}|{lang}|{key}".encode("utf-8")).hexdigest()[:16]
