"""The spec object of a language pack (plain data: importing it loads no model or rule)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class LanguageSpec:
    """What the generic engines need to know about one language.

    ``code``: ISO 639-1. ``script``: ISO 15924 (``Latn`` | ``Cyrl`` | ``Arab``). ``ner``: the registered
    NER component the pipeline runs (pipeline/registrations.py registers it, with its rules).
    ``models``: folders under ``pipeline/models`` whose meta changes ``pipeline_version``.
    ``date_spans``: where a model DATE span and a date-grammar span overlap, whose boundaries the
    mention takes (``model`` | ``rules``; the value always comes from the grammar).
    ``hard_wrap``: lines of this language may be hard-wrapped prose (then a name may continue on
    the next line; pipeline.text.segment). ``charmap``: one-to-one (or deleting) replacements
    applied before the models (pipeline.text.normalize). ``dotted_i``: Turkic casing of I/İ.
    ``stopwords``: function words that never continue a name (document rules). ``trainer``: how
    ``lingflow train ner`` rebuilds the model (``spacy`` | ``spacy-natasha``; None: pretrained).
    ``dates``: the module of the pack's date lexicon and grammar (see pipeline/dates/pack.py; None:
    the language's text takes the language-neutral ``und`` date path). ``names``: the module of its
    canonical-name rules (see pipeline/entities/canon.py; None: names are only trimmed and
    normalised). ``calendar``: the calendar of a year written without a marker where it can be one
    of this calendar's years (``jalali``: two-digit years and 1200-1499 are Jalali; relative years
    and months are Jalali ones). ``week_start``: the first day of a week (Monday = 0).
    ``digits``: native digits other than ASCII (a number written with them in text of no known
    language is read with this language's numeric date rules)."""

    code: str
    name: str
    script: str
    ner: str | None = None
    models: tuple[str, ...] = ()
    date_spans: str = "rules"
    hard_wrap: bool = True
    charmap: Mapping[str, str] = field(default_factory=dict)
    dotted_i: bool = False
    stopwords: frozenset[str] = frozenset()
    trainer: str | None = None
    dates: str | None = None
    names: str | None = None
    calendar: str = "gregorian"
    week_start: int = 0
    digits: str = ""
