"""spaCy NER backend: a packaged or on-disk spaCy pipeline, loaded lazily and cached per process."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from pipeline.ner.base import NerBackend, Span

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# spaCy's OntoNotes labels (en_core_web_sm, en_core_web_md) folded into ours; unknown labels are dropped.
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


# Matrix products: thinc's NumpyOps multiplies through the ``blis`` wheel by default. On the
# x86 machines we measured (AMD EPYC, AVX-512) numpy's OpenBLAS on one thread is about 3x
# faster for tok2vec's shapes, and NER throughput rises by about 60% with the same entities
# (`python benchmarks/ner_speed.py`). ``LINGFLOW_MATMUL=blis`` restores thinc's default.
MATMUL_ENV = "LINGFLOW_MATMUL"


def use_blis() -> bool:
    return os.environ.get(MATMUL_ENV, "numpy").strip().lower() == "blis"


@contextmanager
def inference_ops() -> Iterator[None]:
    """Models created inside this block multiply with numpy's BLAS (or blis, see ``MATMUL_ENV``)."""
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=use_blis()):
        yield


@lru_cache(maxsize=None)
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while a batch is predicted (threadpoolctl).

    Parallelism comes from pipeline workers; a second BLAS thread per worker only spins
    (same wall time, twice the CPU). The previous limit is restored on exit, so a notebook's
    own numpy work is not affected.
    """
    with _blas_controller().limit(limits=1, user_api="blas"):
        yield


@contextmanager
def predicting(nlp: Any) -> Iterator[None]:
    """The scope of one ``nlp.pipe`` call of every spaCy backend: strings freed afterwards
    (:func:`transient_strings`) and numpy's BLAS on one thread (:func:`one_blas_thread`)."""
    with transient_strings(nlp), one_blas_thread():
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
        with inference_ops():
            if path.exists():
                return load_with_rulers_tokenised(path)
            try:
                return spacy.load(model, exclude=["lemmatizer"])
            except OSError:
                raise OSError(f"spaCy model {model!r} is neither a package nor a folder under {MODELS_DIR}; "
                              f"reinstall lingflow (pip install -e .) or rebuild it with `lingflow train ner`") from None


def load_with_rulers_tokenised(path: Path) -> Any:
    """``spacy.load(path)``, but the phrase patterns of its trailing entity rulers are only tokenised.

    Loading an ``entity_ruler`` turns every phrase pattern into a Doc with ``nlp.pipe``, through
    every component before the ruler: our az and fa gazetteers (1,943 and 3,813 patterns) ran
    through tok2vec and ner on every load (1-2.5 CPU-s). Their patterns match on ORTH
    (``phrase_matcher_attr`` null), which only the tokenizer sets, so the rulers are added back
    after loading with the other components disabled: the same patterns, the same entities.
    """
    import spacy
    from spacy.util import load_config

    cfg = load_config(path / "config.cfg")
    names = list(cfg["nlp"]["pipeline"])
    rulers = [n for n in names if cfg["components"][n].get("factory") == "entity_ruler"
              and cfg["components"][n].get("phrase_matcher_attr") in (None, "ORTH", "TEXT")]
    if not rulers or names[-len(rulers):] != rulers:  # only trailing rulers can be added back in order
        return spacy.load(path, exclude=["lemmatizer"])
    nlp = spacy.load(path, exclude=["lemmatizer", *rulers])
    with nlp.select_pipes(disable=nlp.pipe_names):
        for name in rulers:
            config = {k: v for k, v in cfg["components"][name].items() if k != "factory"}
            nlp.add_pipe("entity_ruler", name=name, config=config).from_disk(path / name)
    return nlp


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
        with predicting(nlp):
            for doc in nlp.pipe(texts, batch_size=self.batch_size):
                spans = []
                for ent in doc.ents:
                    label = self.label_map.get(ent.label_)
                    if label:
                        spans.append(Span(ent.start_char, ent.end_char, label))
                out.append(spans)
        return out
