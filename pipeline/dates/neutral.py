"""Dates in text of no supported language (`und`, or a language lingflow has no rules for).

Two readings, both marked on the mention (`DateMention.reading`):
- `neutral`: forms that read the same in every language: ISO 8601 (`1974-10-31`, `2014-12-12T12:33:39-08:00`),
  numeric day.month.year with dots (`31.10.1974`, `27. 05.99`), and slashed or dashed dates only where
  just one order is valid (`31/10/1974`, `10-31-74`, `3/3/15`). Ambiguous `4/5/2019` gets nothing.
  A number written in Persian digits is read as Persian (`۹۵/۰۳/۰۱`, Jalali years).
- `script`: the rules of the languages the letters' script points to (each pack's `SPEC.script`:
  Cyrillic -> ru, Arabic script -> fa, Latin -> en and az), restricted to forms that carry a month name, an era, a quarter or a year word
  (`третьего марта 2015`, `11 Fev 1987`); never bare numbers, numeric orders, relative expressions
  or durations.
"""
from __future__ import annotations

import unicodedata

from .pack import by_script, native_digits, rules_for
from .numeric import numeric_rules
from .patterns import Rule

_NEUTRAL: list[Rule] = []
_WORD_RULES: dict[str, list[Rule]] = {}
_NO_UND = ("_num_", "_y_bare", "_y_range")  # language-specific number readings, bare years and ranges
_SCRIPTS = {"CYRILLIC": "Cyrl", "ARABIC": "Arab", "LATIN": "Latn"}  # Unicode name prefix -> ISO 15924


def neutral_rules() -> list[Rule]:
    if not _NEUTRAL:
        _NEUTRAL.extend(numeric_rules("und"))
    return _NEUTRAL


def word_rules(lang: str) -> list[Rule]:
    """The rules of `lang` that need a word (month, era, quarter, year word) to match."""
    if lang not in _WORD_RULES:
        _WORD_RULES[lang] = [r for r in rules_for(lang) if r.kind not in ("rel", "dur")
                             and not any(k in r.name for k in _NO_UND)]
    return _WORD_RULES[lang]


def digit_lang(span: str) -> str:
    """The language whose own digits write ``span`` (``LanguageSpec.digits``: Persian `۹۵`), else ``und``."""
    chars = set(span)
    for lang, digits in native_digits().items():
        if digits & chars:
            return lang
    return "und"


def native_number_rules(text: str) -> list[tuple[str, list[Rule]]]:
    """Numeric dates of the languages whose own digits appear in ``text`` (Persian `۹۵/۰۳/۰۱`,
    `۱۲/۰۵/۱۳۹۹`), for und text: ``(lang, its numeric rules)``."""
    chars = set(text)
    out = []
    for lang, digits in native_digits().items():
        if digits & chars:
            key = f"{lang}-num"
            if key not in _WORD_RULES:
                _WORD_RULES[key] = [r for r in rules_for(lang) if "_num_" in r.name]
            out.append((lang, _WORD_RULES[key]))
    return out


def script_langs(text: str) -> list[str]:
    """Languages whose rules may read `text`, from the scripts of its letters (each >= 20 % of them)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    total = sum(counts.values())
    out: list[str] = []
    for script, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n >= 0.2 * total:
            out.extend(by_script(_SCRIPTS[script]) if script in _SCRIPTS else ())
    return out
