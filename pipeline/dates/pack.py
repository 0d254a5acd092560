"""The date engine's view of the language packs (dispatch through ``pipeline/languages.py``).

A pack's ``dates`` module (``SPEC.dates``, e.g. ``pipeline/lang/ru/dates.py``) provides:

- ``rules() -> list[Rule]``: its grammar (built once per process here), and ``TRIGGERS``: a regex
  of the word stems every rule match holds (only text around them and digits is scanned);
- ``month_of(token) -> (month, calendar or None)`` for a month word (raises KeyError otherwise);
- optional: ``weekday_of(token) -> int`` (Monday = 0, on lower-cased text), ``DAY_ORDINALS`` (day
  words, keys squashed by :func:`pipeline.dates.lexicon.squash`), ``ORDINALS`` (century words),
  ``PART_ORDINALS`` / ``PART_STEMS`` (quarter, half, week words; -1 is "last"), ``RELATIVE``
  (``(regex, unit, delta)`` rows of deictic phrases), ``DECADE_WORDS``, ``SEASONS`` (season word ->
  quarter of a Jalali year), ``HUNDREDS`` ("the 1800s" is a hundred years), ``DATEPARSER`` (the
  dateparser language code of the fallback reader).

Language behaviour that is data sits on the spec: ``calendar`` and ``week_start``.
A language without a dates module takes the language-neutral ``und`` path (pipeline/dates/neutral.py).
"""
from __future__ import annotations

from types import ModuleType

import regex as re

from pipeline import languages

from .patterns import FLAGS, WL, Rule

_RULES: dict[str, list[Rule]] = {}
_TRIGGERS: dict[str, re.Pattern] = {}


def lexicon(lang: str) -> ModuleType | None:
    """The pack's dates module, or None (no pack, or a pack without dates)."""
    return languages.part(lang, "dates")


def has_rules(lang: str) -> bool:
    return lexicon(lang) is not None


def _require(lang: str) -> ModuleType:
    mod = lexicon(lang)
    if mod is None:
        raise KeyError(f"language {lang!r} has no date grammar (its text takes the und path)")
    return mod


def rules_for(lang: str) -> list[Rule]:
    """The compiled rules of one language (built once per process)."""
    if lang not in _RULES:
        _RULES[lang] = _require(lang).rules()
    return _RULES[lang]


def trigger_for(lang: str) -> re.Pattern:
    """One fast regex whose hits mark where date expressions can be."""
    if lang not in _TRIGGERS:
        _TRIGGERS[lang] = re.compile(rf"[0-9]+|{WL}(?:{_require(lang).TRIGGERS})", FLAGS)
    return _TRIGGERS[lang]


def table(lang: str, name: str, default=None):
    """A table (or flag) of the pack's dates module; ``default`` when it has none."""
    mod = lexicon(lang)
    return getattr(mod, name, default) if mod is not None else default


def calendar(lang: str) -> str:
    """The calendar of the language's unmarked short and era-range years (``LanguageSpec.calendar``)."""
    s = languages.spec(lang)
    return s.calendar if s is not None else "gregorian"


def week_start(lang: str) -> int:
    s = languages.spec(lang)
    return s.week_start if s is not None else 0


def native_digits() -> dict[str, frozenset[str]]:
    """Languages with a date grammar and digits of their own (``LanguageSpec.digits``)."""
    return {code: frozenset(s.digits) for code, s in sorted(languages.LANGUAGES.items())
            if s.digits and s.dates}


def by_script(script: str) -> list[str]:
    """Languages with a date grammar written in ``script`` (ISO 15924), in the order of the table."""
    return [code for code, s in languages.LANGUAGES.items() if s.script == script and s.dates]
