"""spaCy NER backend: a packaged or on-disk spaCy pipeline, loaded lazily and cached per process."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from pipeline.ner.base import NerBackend, Span

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# spaCy's OntoNotes labels (en_core_web_sm) folded into ours; unknown labels are dropped.
ONTONOTES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE"}

_LOCK = threading.Lock()
_ZONE_LOCKS: dict[int, threading.Lock] = {}


@contextmanager
def transient_strings(nlp: Any) -> Iterator[None]:
    """Run a prediction inside spaCy's memory zone, so strings of new tokens are freed
    afterwards and memory stays flat however many documents pass (one zone per pipeline
    at a time: Docs must not outlive the block)."""
    with _LOCK:
        lock = _ZONE_LOCKS.setdefault(id(nlp), threading.Lock())
    with lock, nlp.memory_zone():
        yield


@lru_cache(maxsize=None)
def load_spacy(model: str) -> Any:
    """Load a spaCy pipeline by package name or path once per process (thread-safe)."""
    import spacy

    with _LOCK:
        path = Path(model)
        if not path.is_absolute():
            local = MODELS_DIR / model
            if local.exists():
                path = local
        if path.exists():
            return spacy.load(path, exclude=["lemmatizer"])
        try:
            return spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            raise OSError(f"spaCy model {model!r} is neither a package nor a folder under {MODELS_DIR}; "
                          f"reinstall lingflow (pip install -e .) or rebuild it with `lingflow train ner`") from None


class SpacyNer(NerBackend):
    """Runs ``nlp.pipe`` over segment texts and maps labels to ORG/PER/LOC/DATE."""

    def __init__(self, name: str, lang: str, model: str, label_map: dict[str, str] | None = None,
                 batch_size: int = 64) -> None:
        self.name = name
        self.lang = lang
        self.model = model
        self.label_map = label_map or {l: l for l in ("ORG", "PER", "LOC", "DATE")}
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_spacy(self.model)

    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('name', '?')}-{meta.get('version', '?')}"

    def predict(self, texts: list[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        nlp = self.nlp
        with transient_strings(nlp):
            for doc in nlp.pipe(texts, batch_size=self.batch_size):
                spans = []
                for ent in doc.ents:
                    label = self.label_map.get(ent.label_)
                    if label:
                        spans.append(Span(ent.start_char, ent.end_char, label))
                out.append(spans)
        return out
