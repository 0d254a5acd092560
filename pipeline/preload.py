"""Load the models a run will need before its first batch asks for them (issue 22).

``lingflow run`` starts its worker processes before it imports Prefect; each calls
:func:`preload` first, so the loading overlaps Prefect's import and server start-up (on the
other core) instead of following them. What is loaded is what the run needs, nothing more:

- nothing, when no file is new or changed (and then no worker is started at all);
- language ID, then the NER model of each language found in the first documents to process
  (read, segmented and identified here exactly as the run will), and the date grammar and
  canonicaliser.

A language that first appears later in a large run loads when its first document arrives
(:class:`~pipeline.steps.NerStep` loads per language, lazily). Every load goes through the
steps' process-wide cache and lock (:func:`pipeline.steps.base.load_serialised`), so a process
never loads a model twice. The result of this module is never used for the tables: it only
warms caches.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from pipeline.io.decode import DEFAULT_MAX_BYTES

log = logging.getLogger("lingflow.preload")

#: Documents read and identified to learn which languages the run needs (the first batch's worth).
SAMPLE = 64


@dataclass
class Preloaded:
    """What :func:`preload` did: the languages it found and the seconds it took."""

    to_process: int = 0
    languages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def sample_languages(files: list, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """The languages (documents' and stretches') of ``files``, through the run's own first steps."""
    from pipeline.batch import _document
    from pipeline.steps import LangIdStep, Pipeline, ReadStep, SegmentStep

    docs = [_document(f) for f in files]
    Pipeline([ReadStep(max_bytes), SegmentStep(), LangIdStep()]).run(docs)
    langs = {d.lang for d in docs if d.ok} | {lang for d in docs if d.ok for _s, _e, lang in d.lang_spans}
    return sorted(langs)


def load_for(languages: list[str]) -> None:
    """Load the NER model of each of ``languages`` that has one, then dates and entities."""
    from pipeline.steps import DateStep, EntityStep, NerStep

    ner = NerStep()
    for lang in languages:
        if lang in ner.backends:
            ner.backend(lang)
    _ = DateStep().model, EntityStep().model


def spread(files: list, sample: int) -> list:
    """``sample`` of ``files`` spread evenly over all of them (the first one included)."""
    step = max(1, len(files) // max(1, sample))
    return files[::step][:sample]


def preload(corpus: str, out_dir: str, full: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
            sample: int = SAMPLE, whole_corpus: bool = False) -> Preloaded:
    """Plan the run (read-only: the run plans again after recovering), then load what its first
    ``sample`` documents need (with ``whole_corpus``: ``sample`` documents spread over the whole
    run, for a process that forks the others). Never raises: a failure here only means the run
    loads lazily."""
    t0 = time.perf_counter()
    res = Preloaded()
    try:
        from pipeline.runner import plan_corpus

        plan = plan_corpus(corpus, out_dir, full)
        files = [f for f in plan.to_process if not f.error]
        res.to_process = len(plan.to_process)
        if files:
            res.languages = sample_languages(spread(files, sample) if whole_corpus else files[:sample], max_bytes)
            load_for(res.languages)
    except Exception as exc:  # noqa: BLE001 - the run itself reports real problems
        res.error = f"{exc.__class__.__name__}: {exc}"
        log.debug("preload failed: %s", res.error)
    res.seconds = time.perf_counter() - t0
    return res


def languages_loaded() -> list[str]:
    """The languages whose default NER model this process has loaded (to warm a new worker alike)."""
    from pipeline import components
    from pipeline.steps.base import loaded_models

    loaded = loaded_models()
    return sorted(lang for lang, name in components.default_ner().items() if name in loaded)


def prepare_worker(preload_args: tuple | None, languages: list[str], forks: bool) -> None:
    """What the first worker process loads before its first batch: with ``preload_args``
    (``lingflow run``: corpus, out_dir, full, max_bytes) what :func:`preload` finds, else
    ``languages``. With ``forks`` (it then forks the other workers, which share these models'
    memory) the languages of documents spread over the whole run, and every lingua model: lingua
    loads its models on rayon's threads, which a forked process does not have."""
    from pipeline.langid import backends
    from pipeline.steps import LangIdStep

    try:
        _ = LangIdStep().model
        if forks:
            backends.lingua_preload(True)
        if preload_args is not None:
            preload(*preload_args, whole_corpus=forks)
        else:
            load_for(languages)
    except Exception as exc:  # noqa: BLE001 - the batches load lazily and report real problems
        log.debug("loading the worker's models failed: %s", exc)
