"""The ``ingest`` flow: thin orchestration over :mod:`pipeline.runner` (no NLP here).

recover + discover + hash -> plan (skip unchanged) -> process batches (one task per batch) ->
commit staged rows atomically -> runs row. One flow run per corpus run; one task per
batch of documents, never per document (each Prefect task run has a fixed cost).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any, Iterator, Sequence

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.healing import heartbeats
from flows.pool import release_free_memory
from flows.progress import Progress
from flows.runners import in_flight
from flows.workers import close_executor, open_executor, release_executor, run_batch, in_workers, runs_in_threads
from flows.settings import SETTINGS
from pipeline import runner
from pipeline.batch import process_files
from pipeline.io.discover import SourceFile
from pipeline.io.plan import Plan
from pipeline.io.tables import BatchSummary
from pipeline.report.run_summary import summary_parts

_NO_RESULTS = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="scan-and-plan", retries=2, retry_delay_seconds=1, **_NO_RESULTS)
def scan_and_plan(corpus: str, out_dir: str, full: bool) -> tuple[bool, Plan]:
    """Finish a crashed run's commit, then discover and hash every file and compare with the state."""
    return runner.prepare(corpus, out_dir, full)


@task(name="process-batch", **_NO_RESULTS)
def process_batch(files: list[SourceFile], ctx: runner.RunContext, batch_no: int) -> BatchSummary:
    """One batch, in this process or in one of the run's worker processes (:mod:`flows.runners`)."""
    return run_batch(ctx.run_id, process_files, files, ctx.out_dir, ctx.run_id, batch_no, ctx.started,
                     ctx.max_bytes)


@task(name="commit", retries=1, retry_delay_seconds=1, **_NO_RESULTS)
def commit(out_dir: str, run_id: str, run_row: dict) -> dict[str, int]:
    """Publish the staged rows and the runs row as one new version of the tables (in `lingflow workers`
    when the run uses them: :func:`flows.workers.in_workers`)."""
    # a library function: a worker that runs it must not import this module (and Prefect with it)
    return in_workers(run_id, runner.commit_staged, out_dir, run_id, run_row)


def _run_batches(todo: Sequence[list[SourceFile]], ctx: runner.RunContext, window: int) -> Iterator[BatchSummary]:
    """Submit batches with a bounded window and yield their summaries as they finish.

    At most ``window`` batches are submitted at a time, so a 100k-document run does not
    hold thousands of pending task runs (and their inputs) at once."""
    window = max(1, window)
    pending = iter(enumerate(todo))
    inflight: set[PrefectFuture] = set()
    while True:
        for i, b in islice(pending, window - len(inflight)):
            inflight.add(process_batch.submit(b, ctx, i))
        if not inflight:
            return
        done = next(as_completed(list(inflight)))
        inflight.discard(done)
        yield done.result()


MAX_FAILURES_LOGGED = 200


def corpus_slug(corpus: str) -> str:
    """The corpus folder's name, safe in a flow-run name and an artifact key."""
    return re.sub(r"[^a-z0-9-]+", "-", Path(str(corpus)).resolve().name.lower()).strip("-") or "corpus"


def run_name() -> str:
    """``ingest <corpus folder> <UTC time>``: what a run in the Prefect UI is called."""
    from prefect.runtime import flow_run

    corpus = flow_run.parameters.get("corpus", "")
    return f"ingest {Path(str(corpus)).resolve().name or corpus} {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC"


def publish(summary: dict[str, Any], started: datetime, log: Any, run_id: str = "") -> None:
    """Log each failed document into the run's log; publish the summary as a table and a markdown artifact
    (computed in `lingflow workers` when the run uses them: they have the table code imported)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    failed, rows, markdown = in_workers(run_id, summary_parts, summary, started)
    for path, error in failed[:MAX_FAILURES_LOGGED]:
        log.warning("failed: %s: %s", path, error)
    if len(failed) > MAX_FAILURES_LOGGED:
        log.warning("... and %d more failed documents (lingflow inspect --failed)", len(failed) - MAX_FAILURES_LOGGED)
    key = "lingflow-" + corpus_slug(summary["corpus"])
    try:
        create_table_artifact(rows, key=key + "-counts",
                              description=f"Counts of the run on {summary['corpus']}: files, languages, labels, "
                                          "failure reasons")
        create_markdown_artifact(markdown, key=key + "-summary",
                                 description=f"Top entities and failed files after the run on {summary['corpus']}")
    except Exception as exc:  # the tables are committed; a UI hiccup must not fail the run
        log.warning("could not publish the run's artifacts: %s", exc)


def _crash_dead_runs(out_dir: str, run_id: str | None, log: Any) -> None:
    """Runs into this folder that the server still shows running are dead (this run holds the lock);
    with a server that outlives the run (``PREFECT_API_URL``), its crash automation exists."""
    import os

    from flows.healing import crash_dead_runs, ensure_zombie_automation

    try:
        if os.environ.get("PREFECT_API_URL"):
            ensure_zombie_automation()
        dead = crash_dead_runs(out_dir, run_id)
    except Exception as exc:  # bookkeeping on the server must never fail the run
        log.warning("could not check the server for dead runs: %s", exc)
        return
    if dead:
        log.warning("marked %d run(s) into %s that were killed as crashed: %s", len(dead), out_dir, ", ".join(dead))


# LINGFLOW_WORKERS is read (and validated) when this module is imported: the CLI checks it first
@flow(name="ingest", flow_run_name=run_name, log_prints=False,
      task_runner=ThreadPoolTaskRunner(max_workers=SETTINGS.workers))
def ingest(corpus: str, out_dir: str | None = None, batch_size: int | None = None,
           full: bool = False, max_mb: int | None = None, show_progress: bool = True,
           max_in_flight: int | None = None, workers: int | None = None) -> dict[str, Any]:
    """Ingest ``corpus`` into the Parquet tables under ``out_dir``; returns the run summary.

    Unset ``out_dir``, ``batch_size`` and ``max_mb`` come from ``LINGFLOW_OUT``,
    ``LINGFLOW_BATCH_SIZE`` and ``LINGFLOW_MAX_MB``. ``max_in_flight``: batches submitted at
    once (default: two per worker; the CLI picks the task runner from ``--workers``). ``workers``
    (default ``LINGFLOW_WORKERS``, else the CPUs): batches processed at once, one in this process
    and the others in worker processes (only runs of several batches start them; 1 for a Dask runner)."""
    with heartbeats():  # against a server that outlives the run: it can tell when this process dies
        return _ingest(corpus, out_dir, batch_size, full, max_mb, show_progress, max_in_flight, workers)


def _ingest(corpus: str, out_dir: str | None, batch_size: int | None, full: bool, max_mb: int | None,
            show_progress: bool, max_in_flight: int | None, workers: int | None) -> dict[str, Any]:
    """The flow's body (see :func:`ingest`)."""
    log = get_run_logger()
    out_dir = out_dir or SETTINGS.out_dir
    batch_size = batch_size or SETTINGS.batch_size
    max_mb = max_mb or SETTINGS.max_mb
    lock = runner.open_output(corpus, out_dir)  # the CLI took it already, before Prefect started
    ctx = None
    try:
        from prefect.runtime import flow_run

        ctx = runner.RunContext(str(corpus), str(out_dir), max_bytes=max_mb * 1024 * 1024,
                                flow_run_id=flow_run.get_id())
        _crash_dead_runs(out_dir, ctx.flow_run_id, log)
        recovered, plan = scan_and_plan(ctx.corpus, out_dir, full)
        release_free_memory()  # what hashing 100k files left free in the heap is not kept for the whole run
        if recovered.get("recovered_run_id"):
            log.warning("run %s was killed during its commit; completed it first (%d documents)",
                        recovered["recovered_run_id"], recovered["committed_documents"])
        if recovered.get("removed"):
            log.warning("removed what killed runs left: %s", ", ".join(recovered["removed"]))
        log.info("%d files: %d new, %d changed, %d unchanged, %d deleted", plan.seen, plan.new, plan.changed,
                 plan.unchanged, len(plan.deleted))
        todo = runner.batches(plan, batch_size)
        progress = Progress(total=todo.files, enabled=show_progress, logger=log)
        summaries: list[BatchSummary] = []
        workers = workers or SETTINGS.workers
        local = runs_in_threads()  # else batches run on Dask workers
        open_executor(ctx.run_id, workers if local else 1, len(todo), remote=local)
        try:
            for summary in _run_batches(todo, ctx, max_in_flight or in_flight(workers)):
                summaries.append(summary)
                progress.advance(summary.docs)
        finally:
            where = close_executor(ctx.run_id)
        progress.close()
        summary = runner.finish(ctx, plan, summaries, len(todo), commit=commit, recovered=recovered)
        summary.update(where)
        publish(summary, ctx.started, log, ctx.run_id)
        return summary
    finally:
        if ctx is not None:
            release_executor(ctx.run_id)  # `lingflow workers` stayed connected for the commit
        lock.release()
