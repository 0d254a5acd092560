"""Which component does each job, by versioned name, and the pipeline version derived from them.

Names are registered once in :mod:`pipeline.registrations`; this module looks them up with
a per-process cache (stanza-style). Building a :class:`~pipeline.steps.Pipeline` loads no
model; the first document of a language does, once per process.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import __version__, languages, registrations, registry
from pipeline.document import stable_id
from pipeline.ner import boundary as _boundary
from pipeline.text import normalize as _normalize
from pipeline.text import segment as _segment

PIPELINE_DIR = Path(__file__).resolve().parent
MODELS_DIR = PIPELINE_DIR / "models"

DEFAULT_LANGID = registrations.LANGID
DEFAULT_DATES = registrations.DATES
DEFAULT_ENTITIES = registrations.ENTITIES


def default_ner() -> dict[str, str]:
    """The NER component of every language that has one (its pack's ``SPEC.ner``)."""
    return {code: s.ner for code, s in sorted(languages.LANGUAGES.items()) if s.ner}


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


def _source_fingerprint(paths: list[Path]) -> str:
    """A hash of the bytes of ``paths`` (files, or every file under a folder), in sorted order."""
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()
                    and "__pycache__" not in f.parts})
    return stable_id(*(f"{f.relative_to(PIPELINE_DIR)}:{hashlib.sha256(f.read_bytes()).hexdigest()}"
                       for f in files))[:10]


def _module_path(module: str) -> Path:
    return PIPELINE_DIR.parent.joinpath(*module.split(".")).with_suffix(".py")


@lru_cache(maxsize=None)
def version_for(lang: str) -> str:
    """The pipeline version of a document in ``lang``: lingflow's version plus a hash of
    every component that shapes it: component names, trained models' meta, the source of
    language ID, of the language's pack, of the canonical names (pipeline/entities, with their tables) and
    of the rule modules of its NER component. A change to any of them reprocesses the documents it affects
    on the next incremental run (a change to pipeline/entities: every document with an NER component)."""
    parts = [__version__, DEFAULT_LANGID, _model_fingerprint("langid", "combiner.json"), _normalize.NAME,
             _segment.NAME, _source_fingerprint([PIPELINE_DIR / "langid", PIPELINE_DIR / "steps" / "text.py"])]
    spec = languages.spec(lang)
    if spec is not None and spec.ner:
        rules = registrations.RULES.get(spec.ner)
        # The pack, and the canonical names' code and tables (pipeline/entities), which its names module uses.
        sources = [PIPELINE_DIR / "lang" / lang, PIPELINE_DIR / "entities", Path(_boundary.__file__)]
        sources += [_module_path(m) for m in (rules.modules if rules else ())]
        parts += [spec.ner, DEFAULT_DATES, DEFAULT_ENTITIES, spec.date_spans, rules.name if rules else "-",
                  *(_model_fingerprint(m) for m in spec.models), _source_fingerprint(sources)]
    return f"{__version__}+{stable_id(*parts)[:10]}"
