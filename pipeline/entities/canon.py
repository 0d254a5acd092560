"""Canonical names, comparison keys and stable entity ids for ORG/PER/LOC mentions."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from types import ModuleType

from pipeline import languages
from pipeline.entities.common import collapse_spaces, key_punct, trim_mention
from pipeline.text.memo import MEMO
from pipeline.text.normalize import fold_key, normalize

NAME = "entities.canon"  # the registered instance carries the versioned name (pipeline/registrations.py)
NAME_LABELS = ("ORG", "PER", "LOC")


def names_of(lang: str) -> ModuleType | None:
    """The pack's names module (``LanguageSpec.names``), or None: names of a language without one are
    only trimmed and normalised.

    It provides ``canonicalize(surface, label, cases, follower)`` and ``key(canonical)`` (the language
    fold of a comparison key) and may provide ``squash(key)`` (the last step of a key),
    ``LOC_DESIGNATORS`` (state-form words dropped from LOC keys), ``QUOTED_NAME`` (a legal form around
    a quoted ORG name: the quoted name is the key), ``DROP_TITLES`` (lower-case titles before a person
    go), ``lone_adjective(word)`` (then keep the title), and for one document:
    ``document_hints(text, refs)``, ``split_joined_mentions(text, mentions)``, ``surname(words)``,
    ``QUALIFIED_BY_PLACE`` / ``PLACE_AFTER`` (pipeline/entities/document.py)."""
    return languages.part(lang, "names")


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


def _drop_lowercase_titles(surface: str, names: ModuleType) -> str:
    """``akademik Cəmil Əliyevin``, ``академика Красного С.А.`` -> the name alone.

    Kept when only an adjective of the title would remain (``герцогиня Корнуольская``: the pack's
    ``lone_adjective``)."""
    rest = _LOWER_LEAD.sub("", surface.strip())
    lone_adjective = getattr(names, "lone_adjective", None)
    if lone_adjective is not None and rest != surface.strip() and " " not in rest and lone_adjective(rest):
        return surface.strip()
    return rest


# An English organisation name in any language's text loses its article as in English (``The Guardian`` in
# az and ru news is the ``Guardian`` of English news): the article, then a capitalised word of English letters.
_ENGLISH_ARTICLE = re.compile(r"^\s*The\s+(?=[A-Z][A-Za-z]*(?:\s+[A-Z0-9][A-Za-z0-9&.'-]*)*\s*$)")


@lru_cache(maxsize=MEMO)
def _canonicalize(surface: str, label: str, lang: str, cases: frozenset[str] | None = None,
                  follower: str | None = None) -> str:
    if label not in NAME_LABELS:
        return trim_mention(surface)
    if label == "ORG":
        surface = _ENGLISH_ARTICLE.sub("", _drop_defined_acronym(surface))
    names = names_of(lang)
    if names is None:
        return trim_mention(normalize(surface, lang).text)
    if label == "PER" and getattr(names, "DROP_TITLES", False):
        surface = _drop_lowercase_titles(surface, names)
    return names.canonicalize(surface, label, cases, follower)


@lru_cache(maxsize=MEMO)
def entity_key(canonical: str, label: str, lang: str) -> str:
    """Comparison key: language folds, case-folded, punctuation-free, LOC state forms dropped."""
    t = canonical
    names = names_of(lang)
    quoted = getattr(names, "QUOTED_NAME", None)
    if label == "ORG" and quoted is not None:
        m = quoted.match(t)
        if m:
            t = m.group("name")
    if names is not None:
        t = names.key(t)
    t = fold_key(t, lang)
    t = key_punct(t).replace("'", " ")
    t = collapse_spaces(t)
    if label == "PER":
        words = t.split()
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]  # "Dr. Sarah Jones" = "Sarah Jones" (the display form keeps the title)
        t = " ".join(words)
    designators = getattr(names, "LOC_DESIGNATORS", None)
    if label == "LOC" and designators is not None:
        stripped = designators.sub("", t)
        t = stripped.strip() or t
    squash = getattr(names, "squash", None)
    if squash is not None:
        t = squash(t)
    return t


def entity_id(key: str, label: str, lang: str) -> str:
    """Stable id: first 16 hex digits of sha1(``label|lang|key``)."""
    return hashlib.sha1(f"{label}|{lang}|{key}".encode("utf-8")).hexdigest()[:16]
