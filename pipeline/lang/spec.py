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
    ``lingflow train ner`` rebuilds the model (``spacy`` | ``spacy-natasha``; None: pretrained)."""

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
