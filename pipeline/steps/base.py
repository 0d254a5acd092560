"""Step, ModelStep and Pipeline: the small machinery every step shares.

Each step declares what it ``requires`` and ``provides`` (checked when a
:class:`Pipeline` is built) and isolates failures per document: an exception while
handling one document marks that document ``failed`` with the step name and reason,
and the rest of the batch goes on. Models are lazy properties, so steps pickle cheaply
to worker processes and load once per process.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline.document import Document

log = logging.getLogger("lingflow.steps")

# Models load lazily; loading (and the imports it triggers) is serialised per process so that
# worker threads never import the same libraries at once ("partially initialized module").
_LOAD_LOCK = threading.RLock()
_LOADED: dict[str, float] = {}  # component name -> seconds its first load (and warm-up) took, this process


def load_serialised(create: Any, warm: Any, name: str | None = None) -> Any:
    """``create()`` then ``warm(model)`` under the process-wide load lock; the first load of
    ``name`` is recorded with its duration (:func:`loaded_models`)."""
    with _LOAD_LOCK:
        t0 = time.perf_counter()
        model = create()
        warm(model)
        if name:
            _LOADED.setdefault(name, time.perf_counter() - t0)
        return model


def loaded_models() -> dict[str, float]:
    """The components this process has loaded so far, in load order, with seconds per load."""
    with _LOAD_LOCK:
        return dict(_LOADED)


class StepError(RuntimeError):
    """A pipeline was assembled in an order where a step's inputs are not provided."""


@dataclass
class StepStats:
    docs_in: int = 0
    failed: int = 0
    seconds: float = 0.0  # wall time inside run()
    cpu_seconds: float = 0.0  # process CPU time inside run()
    counts: Counter = field(default_factory=Counter)


class Step:
    name = "step"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.stats = StepStats()

    def process(self, doc: Document) -> None:  # per-document work
        raise NotImplementedError

    def run(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            if not doc.ok:
                continue
            self.stats.docs_in += 1
            try:
                self.process(doc)
            except Exception as exc:  # noqa: BLE001 - isolation is the point
                self._fail(doc, exc)
        return docs

    def _fail(self, doc: Document, exc: BaseException) -> None:
        self.stats.failed += 1
        doc.fail(self.name, f"{exc.__class__.__name__}: {exc}")
        log.warning("%s failed in %s: %s", doc.path, self.name, exc)
        log.debug("%s", traceback.format_exc())


class ModelStep(Step):
    """A step backed by one registered component, loaded lazily once per process."""

    default_component = ""

    def __init__(self, component: str | None = None) -> None:
        super().__init__()
        self.component = component or self.default_component
        self._model = None

    def create(self) -> Any:  # the component, from pipeline.components
        raise NotImplementedError

    def warm(self, model: Any) -> None:  # one tiny call, so loading happens under the lock
        pass

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = load_serialised(self.create, self.warm, self.component)
        return self._model


class Pipeline:
    """An ordered list of steps whose requirements are checked at construction.

    ``given``: what the documents already hold before the first step (``{"text"}`` for
    texts decoded elsewhere)."""

    def __init__(self, steps: Iterable[Step], given: Iterable[str] = ()) -> None:
        self.steps = list(steps)
        have: set[str] = set(given)
        for step in self.steps:
            missing = step.requires - have
            if missing:
                raise StepError(f"step {step.name!r} requires {sorted(missing)} but no earlier step provides it; "
                                f"order so far: {[s.name for s in self.steps[:self.steps.index(step)]]}")
            have |= step.provides

    def run(self, docs: list[Document]) -> list[Document]:
        for step in self.steps:
            t0, c0 = time.perf_counter(), time.process_time()
            docs = step.run(docs)
            step.stats.seconds += time.perf_counter() - t0
            step.stats.cpu_seconds += time.process_time() - c0
        return docs

    def stats(self) -> dict[str, dict]:
        return {s.name: {"docs_in": s.stats.docs_in, "failed": s.stats.failed, **dict(s.stats.counts)} for s in self.steps}
