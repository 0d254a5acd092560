"""spaCy NER backend: a packaged or on-disk spaCy pipeline, loaded lazily and cached per process."""

from __future__ import annotations

import os
import threading
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from pipeline.ner.base import NerBackend, Span

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# spaCy's OntoNotes labels (en_core_web_sm) folded into ours; unknown labels are dropped.
ONTONOTES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE"}

_LOCK = threading.Lock()

# How many lexemes a pipeline makes inside one memory zone before the zone is closed and its
# strings freed. A zone per prediction (before) made every word of every batch again: spaCy's
# lexeme with its attributes costs ~60 us, 40 % of the tokens of a Russian news batch, about a
# sixth of the NER step. A zone kept open across predictions keeps the words already seen;
# closing it after this many keeps memory bounded (~0.3 kB a lexeme, tens of MB at most).
ZONE_LEXEMES = 60_000


class _Zone:
    """One pipeline's open memory zone: its lock, the zone (an ExitStack) and the vocab's size when
    it opened (spaCy's ``len(vocab)`` counts every lexeme ever made, freed or not)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stack: ExitStack | None = None
        self.base = 0

    def close(self) -> None:
        if self.stack is not None:
            stack, self.stack = self.stack, None
            stack.close()


_ZONES: dict[int, _Zone] = {}


@contextmanager
def transient_strings(nlp: Any) -> Iterator[None]:
    """Run a prediction inside spaCy's memory zone, so the strings and lexemes of new tokens are
    freed and memory stays bounded however many documents pass.

    The zone stays open across predictions until it holds :data:`ZONE_LEXEMES` new lexemes (or a
    prediction fails), so a word seen in an earlier batch is not made again. Docs made inside
    must not be used after the block (the next block may close the zone); one prediction per
    pipeline at a time."""
    with _LOCK:
        zone = _ZONES.setdefault(id(nlp), _Zone())
    with zone.lock:
        if zone.stack is None:
            stack = ExitStack()
            stack.enter_context(nlp.memory_zone())
            zone.stack, zone.base = stack, len(nlp.vocab)
        ok = False
        try:
            yield
            ok = True
        finally:
            if not ok or len(nlp.vocab) - zone.base > ZONE_LEXEMES:
                zone.close()


def close_zones() -> None:
    """Free every pipeline's open memory zone now (tests; a long-lived process between runs)."""
    with _LOCK:
        zones = list(_ZONES.values())
    for zone in zones:
        with zone.lock:
            zone.close()


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
