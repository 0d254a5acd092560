"""Optional Stanza NER backend for models the user already has on disk. Never downloads.

stanza (and torch) are an optional extra, imported lazily. Models are read from
``resources_dir`` or the ``LINGFLOW_STANZA_DIR`` environment variable; the pipeline is
built with ``download_method=None``. If stanza or the models are missing, the backend
fails when it is created with a message saying what to install where.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.ner.base import NerBackend, Span

ENV_DIR = "LINGFLOW_STANZA_DIR"
# Stanza NER label sets: OntoNotes (en) and WikiNER/NEREL-style (ru) folded into ours.
STANZA_LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                 "DATE": "DATE"}
_LOCK = threading.Lock()


class StanzaUnavailable(RuntimeError):
    """stanza or its models are not installed where the backend looks."""


def _install_hint(lang: str, directory: Path | None) -> str:
    where = str(directory) if directory else f"${ENV_DIR}"
    return (
        f"Stanza NER for {lang!r} needs the optional extra and models on disk (lingflow never downloads):\n"
        f"  1. pip install stanza   (pulls torch)\n"
        f"  2. on a machine with network access: python -c \"import stanza; "
        f"stanza.download('{lang}', model_dir='{where}', processors='tokenize,ner')\"\n"
        f"  3. copy that folder here and set {ENV_DIR}={where} (or pass resources_dir=...)\n"
        f"     expected: {where}/resources.json and {where}/{lang}/ner/")


def resolve_dir(resources_dir: str | os.PathLike[str] | None) -> Path | None:
    value = resources_dir if resources_dir is not None else os.environ.get(ENV_DIR)
    return Path(value).expanduser() if value else None


def check_available(lang: str, resources_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the models folder, or raise :class:`StanzaUnavailable` with install instructions."""
    directory = resolve_dir(resources_dir)
    if importlib.util.find_spec("stanza") is None:
        raise StanzaUnavailable("stanza is not installed.\n" + _install_hint(lang, directory))
    if directory is None:
        raise StanzaUnavailable(f"no stanza models folder: set {ENV_DIR}.\n" + _install_hint(lang, directory))
    if not (directory / "resources.json").is_file() or not (directory / lang / "ner").is_dir():
        raise StanzaUnavailable(f"stanza models for {lang!r} not found in {directory}.\n"
                                + _install_hint(lang, directory))
    return directory


@lru_cache(maxsize=None)
def load_stanza(lang: str, directory: str) -> Any:
    """A tokenize+ner stanza Pipeline from ``directory``, built with ``download_method=None``."""
    with _LOCK:
        stanza = importlib.import_module("stanza")
        return stanza.Pipeline(lang=lang, dir=directory, processors="tokenize,ner",
                               download_method=None, use_gpu=False, logging_level="WARN")


class StanzaNer(NerBackend):
    """Stanza NER from local models; checks stanza and the models folder when created."""

    def __init__(self, lang: str, name: str | None = None,
                 resources_dir: str | os.PathLike[str] | None = None) -> None:
        self.lang = lang
        self.name = name or f"ner.stanza.{lang}.v1"
        self.directory = check_available(lang, resources_dir)

    @property
    def pipeline(self) -> Any:
        return load_stanza(self.lang, str(self.directory))

    def predict(self, texts: list[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for text in texts:
            doc = self.pipeline(text)
            out.append([Span(e.start_char, e.end_char, STANZA_LABELS[e.type])
                        for e in doc.ents if e.type in STANZA_LABELS])
        return out
