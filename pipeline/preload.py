"""Load the models a run will need before its first batch asks for them (issue 22).

``lingflow run`` starts its worker processes before it imports Prefect; each calls
:func:`preload` first, so the loading overlaps Prefect's import and server start-up (on the
other core) instead of following them. What is loaded is what the run needs, nothing more:

- nothing, when no file is new or changed (and then no worker is started at all);
- language ID, then the NER model of each language found in the first documents to process
  (read, segmented and identified here exactly as the run will), and the date grammar and
  canonicaliser;
- then one of those documents per language (two in a process that forks the workers) through every
  step and a commit into a throwaway folder: what a batch and the commit load on first use.

A language that first appears later in a large run loads when its first document arrives
(:class:`~pipeline.steps.NerStep` loads per language, lazily). Every load goes through the
steps' process-wide cache and lock (:func:`pipeline.steps.base.load_serialised`), so a process
never loads a model twice. The result of this module is never used for the tables: it only
warms caches.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.io.decode import DEFAULT_MAX_BYTES

log = logging.getLogger("lingflow.preload")

#: Documents read and identified to learn which languages the run needs (the first batch's worth).
SAMPLE = 64
#: Longer documents are not processed twice to warm up (:func:`warm_up` takes the shortest ones).
WARM_MAX_BYTES = 64 * 1024


@dataclass
class Preloaded:
    """What :func:`preload` did: the languages it found and the seconds it took."""

    to_process: int = 0
    languages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def _identified(files: list, max_bytes: int = DEFAULT_MAX_BYTES) -> list:
    """``files`` read, segmented and identified by the run's own first steps."""
    from pipeline.batch import _document
    from pipeline.steps import LangIdStep, Pipeline, ReadStep, SegmentStep

    docs = [_document(f) for f in files]
    Pipeline([ReadStep(max_bytes), SegmentStep(), LangIdStep()]).run(docs)
    return docs


def _languages(docs: list) -> list[str]:
    return sorted({d.lang for d in docs if d.ok} | {lang for d in docs if d.ok for _s, _e, lang in d.lang_spans})


def sample_languages(files: list, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """The languages (documents' and stretches') of ``files``, through the run's own first steps."""
    return _languages(_identified(files, max_bytes))


def warm_up(files: list, docs: list, max_bytes: int, per_language: int = 2) -> None:
    """Process the ``per_language`` shortest of ``files`` per language (none over
    :data:`WARM_MAX_BYTES`) end to end into a throwaway folder.

    What a batch loads on first use (dateparser and its language data, the canonicalisers'
    tables, pandas through pyarrow, ~150 MB) then loads in the process that forks the workers,
    before the fork, and is shared by all of them instead of copied into each (issue 22); a
    commit into that folder loads what a commit needs (``lingflow workers``, and the worker of a run of
    one batch, commit for their runs)."""
    import shutil
    import tempfile
    from datetime import datetime, timezone

    from pipeline.batch import process_files
    from pipeline.entities import meaning_links
    from pipeline.io.tables import TableStore
    from pipeline.report.run_summary import failed_in_run

    seen: dict[str, int] = {}
    picked = []
    for f, d in sorted(zip(files, docs), key=lambda fd: (fd[0].size_bytes or 0, fd[0].rel_path)):  # short first
        if (f.size_bytes or 0) > WARM_MAX_BYTES:
            break  # a long document would only be read twice: what it loads, the batch loads
        if d.ok and seen.get(d.lang, 0) < per_language:
            seen[d.lang] = seen.get(d.lang, 0) + 1
            picked.append(f)
    out = tempfile.mkdtemp(prefix="lingflow-warm-")
    try:
        process_files(picked, out, "warm-up", 0, datetime.now(timezone.utc), max_bytes)
        with meaning_links.skipped():  # its child process would only be paid twice
            TableStore(out).commit("warm-up")  # the entities table's code and tables (`lingflow workers` commit)
        failed_in_run(out, datetime(1970, 1, 1, tzinfo=timezone.utc))  # and the run summary's reads
    finally:
        shutil.rmtree(out, ignore_errors=True)


def load_for(languages: list[str]) -> None:
    """Load the NER model of each of ``languages`` that has one, then dates and entities."""
    from pipeline.steps import DateStep, EntityStep, NerStep

    ner = NerStep()
    for lang in languages:
        if lang in ner.backends:
            ner.backend(lang)
    _ = DateStep().model, EntityStep().model


def spread(files: Sequence, sample: int) -> list:
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
        files = plan.to_process  # readable files, as columns: only the sample becomes objects (no 100k
        res.to_process = len(files)  # objects made and freed here, leaving holes the forked workers fill)
        if files:
            some = spread(files, sample) if whole_corpus else files[:sample]
            docs = _identified(some, max_bytes)
            res.languages = _languages(docs)
            load_for(res.languages)
            # what a batch and the commit load on first use, load it now, while Prefect starts; this
            # process forks the workers (whole_corpus): two documents per language, else one
            warm_up(some, docs, max_bytes, per_language=2 if whole_corpus else 1)
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


#: One short document per language for :func:`warm_up_texts` (names, places, organisations, dates).
WARM_TEXTS = {
    "az": "Bakı, 12 mart 2024-cü il. Azərbaycan Respublikasının Prezidenti İlham Əliyev Gəncə şəhərində "
          "Dövlət Neft Şirkətinin yeni binasının açılışında iştirak edib.",
    "en": "London, 12 March 2024. The President of the European Commission Ursula von der Leyen visited the "
          "headquarters of Siemens in Munich on Tuesday.",
    "ru": "Москва, 12 марта 2024 года. Министр иностранных дел России Сергей Лавров встретился в Баку с "
          "представителями компании «Газпром».",
    "fa": "تهران، ۱۲ اسفند ۱۴۰۲. رئیس جمهور ایران در دیدار با مدیران شرکت ملی نفت ایران در اصفهان سخنرانی کرد.",
}


def warm_up_texts(max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """:func:`warm_up` on :data:`WARM_TEXTS` (for workers that serve runs not yet known)."""
    import shutil
    import tempfile
    from pathlib import Path

    from pipeline.runner import plan_corpus

    root = Path(tempfile.mkdtemp(prefix="lingflow-warm-corpus-"))
    try:
        (root / "corpus").mkdir()
        for lang, text in WARM_TEXTS.items():
            (root / "corpus" / f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
        files = plan_corpus(str(root / "corpus"), str(root / "out"), True).to_process
        warm_up(files, _identified(files, max_bytes), max_bytes)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def prepare_worker(preload_args: tuple | None, languages: list[str], forks: bool) -> None:
    """What the first worker process loads before its first batch: with ``preload_args``
    (``lingflow run``: corpus, out_dir, full, max_bytes) what :func:`preload` finds, else
    ``languages``. With ``forks`` (it then forks the other workers, which share these models'
    memory) the languages of documents spread over the whole run, every lingua model (lingua
    loads its models on rayon's threads, which a forked process does not have), the language
    identifier's Russian word-form dictionary (pymorphy3's DAWG, ~15 MB), the dateparser
    fallback of each language (:func:`pipeline.dates.extractor.warm_fallback`: dateparser and its
    data, ~15 MB and 0.3 s for az, en and ru, which each worker loaded again on its first date the
    rules left) and the whole of every memory-mapped table of the models loaded (navec's, the English
    model's vectors, language ID's word lists: :func:`pipeline.io.mapped.map_in_full`)."""
    from pipeline.langid import backends
    from pipeline.steps import LangIdStep

    try:
        identifier = LangIdStep().model
        if forks:  # lingua's models and pymorphy3's word-form DAWG (~15 MB), else read by each worker
            if hasattr(identifier, "load"):
                identifier.load(short_text_models=True)
            else:
                backends.lingua_preload(True)
        if preload_args is not None:
            preload(*preload_args, whole_corpus=forks)
        else:
            load_for(languages)
            if forks:
                warm_up_texts()
        if forks:  # what the workers would each load or map on their own, in the end, once here
            from pipeline.dates.extractor import warm_fallback
            from pipeline.io.mapped import map_in_full

            for lang in languages_loaded():
                warm_fallback(lang)
            map_in_full()
    except Exception as exc:  # noqa: BLE001 - the batches load lazily and report real problems
        log.debug("loading the worker's models failed: %s", exc)
