"""The ``ingest`` flow: thin orchestration over :mod:`pipeline` (no NLP here).

discover + hash -> plan (skip unchanged) -> process batches (one task per batch) ->
commit staged rows atomically -> runs row. One flow run per corpus run; one task per
batch of documents, never per document (each Prefect task run has a fixed cost).
"""

from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from flows.progress import Progress
from flows.settings import SETTINGS
from pipeline import __version__
from pipeline.batch import process_files, stage_deleted
from pipeline.components import version_for
from pipeline.io.discover import SourceFile, scan
from pipeline.io.plan import Plan, make_plan
from pipeline.io.tables import BatchSummary, TableStore, utcnow


@task(name="scan-and-plan", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE, persist_result=False)
def scan_and_plan(corpus: str, out_dir: str, full: bool) -> Plan:
    """Discover and hash every file, compare with the recorded state."""
    return make_plan(scan(corpus), TableStore(out_dir).load_state(), version_for, full=full)


@task(name="process-batch", cache_policy=NO_CACHE, persist_result=False)
def process_batch(files: list[SourceFile], out_dir: str, run_id: str, batch_no: int, ingested_at: Any,
                  max_bytes: int) -> BatchSummary:
    return process_files(files, out_dir, run_id, batch_no, ingested_at, max_bytes)


@task(name="commit", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE, persist_result=False)
def commit(out_dir: str, run_id: str) -> dict[str, int]:
    return TableStore(out_dir).commit(run_id)


def _batches(items: list[SourceFile], size: int) -> list[list[SourceFile]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@flow(name="ingest", log_prints=False)
def ingest(corpus: str, out_dir: str = SETTINGS.out_dir, batch_size: int = SETTINGS.batch_size,
           full: bool = False, max_mb: int = SETTINGS.max_mb, show_progress: bool = True) -> dict[str, Any]:
    """Ingest ``corpus`` into the Parquet tables under ``out_dir``; returns the run summary."""
    log = get_run_logger()
    corpus_path = Path(corpus)
    if not corpus_path.is_dir():
        raise FileNotFoundError(f"corpus folder {corpus!r} does not exist or is not a folder")
    store = TableStore(out_dir)
    lock = store.lock()
    try:
        started = utcnow()
        run_id = uuid.uuid4().hex
        if store.pending_commit():
            log.warning("an earlier run stopped during its commit; completing it first")
            commit(out_dir, store.pending_run_id())
        store.clean_stale_staging()

        plan = scan_and_plan(str(corpus_path), out_dir, full)
        log.info("%d files: %d new, %d changed, %d unchanged, %d deleted", plan.seen, plan.new, plan.changed,
                 plan.unchanged, len(plan.deleted))
        work = plan.to_process + plan.unreadable
        batches = _batches(work, max(1, batch_size))
        summaries: list[BatchSummary] = []
        progress = Progress(total=len(work), enabled=show_progress, logger=log)
        futures = {process_batch.submit(b, out_dir, run_id, i, started, max_mb * 1024 * 1024): (i, b)
                   for i, b in enumerate(batches)}
        for fut in as_completed(list(futures)):
            i, b = futures[fut]
            summaries.append(fut.result())
            progress.advance(len(b))
        progress.close()
        if plan.deleted:
            summaries.append(stage_deleted(plan.deleted, out_dir, run_id, len(batches), started))
        written = commit(out_dir, run_id)
        finished = utcnow()
        summary = _summary(run_id, str(corpus_path), out_dir, plan, summaries, started, finished, written)
        store.write_run(_run_row(summary))
        return summary
    finally:
        lock.release()


def _summary(run_id: str, corpus: str, out_dir: str, plan: Plan, summaries: list[BatchSummary], started: Any,
             finished: Any, written: dict[str, int]) -> dict[str, Any]:
    langs: Counter = Counter()
    labels: Counter = Counter()
    failures: Counter = Counter()
    for s in summaries:
        langs.update(s.per_language)
        labels.update(s.per_label)
        failures.update(s.failures)
    return {
        "run_id": run_id, "corpus": corpus, "out_dir": out_dir, "started_at": started, "finished_at": finished,
        "duration_s": (finished - started).total_seconds(), "seen": plan.seen, "new": plan.new,
        "changed": plan.changed, "unchanged": plan.unchanged, "deleted": len(plan.deleted),
        "failed": sum(s.failed for s in summaries), "processed": len(plan.to_process) + len(plan.unreadable),
        "mentions_written": sum(s.mentions for s in summaries), "words": sum(s.words for s in summaries),
        "per_language": dict(sorted(langs.items())), "per_label": dict(sorted(labels.items())),
        "failures": dict(sorted(failures.items())), "parts_written": written,
        "pipeline_version": __version__, "status": "completed",
    }


def _run_row(s: dict[str, Any]) -> dict[str, Any]:
    keys = ["run_id", "corpus", "started_at", "finished_at", "duration_s", "seen", "new", "changed", "unchanged",
            "deleted", "failed", "processed", "mentions_written", "pipeline_version", "status"]
    row = {k: s[k] for k in keys}
    row["per_language"] = list(s["per_language"].items())
    row["per_label"] = list(s["per_label"].items())
    return row

