"""The ``ingest`` flow: thin orchestration over :mod:`pipeline.runner` (no NLP here).

discover + hash -> plan (skip unchanged) -> process batches (one task per batch) ->
commit staged rows atomically -> runs row. One flow run per corpus run; one task per
batch of documents, never per document (each Prefect task run has a fixed cost).
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.progress import Progress
from flows.settings import SETTINGS
from pipeline import runner
from pipeline.batch import process_files
from pipeline.io.discover import SourceFile
from pipeline.io.plan import Plan
from pipeline.io.tables import BatchSummary, TableStore

_NO_RESULTS = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="recover", retries=2, retry_delay_seconds=1, **_NO_RESULTS)
def recover(out_dir: str) -> bool:
    return runner.recover(out_dir)


@task(name="scan-and-plan", retries=2, retry_delay_seconds=1, **_NO_RESULTS)
def scan_and_plan(corpus: str, out_dir: str, full: bool) -> Plan:
    """Discover and hash every file, compare with the recorded state."""
    return runner.plan_corpus(corpus, out_dir, full)


@task(name="process-batch", **_NO_RESULTS)
def process_batch(files: list[SourceFile], ctx: runner.RunContext, batch_no: int) -> BatchSummary:
    return process_files(files, ctx.out_dir, ctx.run_id, batch_no, ctx.started, ctx.max_bytes)


@task(name="commit", retries=1, retry_delay_seconds=1, **_NO_RESULTS)
def commit(out_dir: str, run_id: str) -> dict[str, int]:
    return TableStore(out_dir).commit(run_id)


@flow(name="ingest", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=SETTINGS.workers))
def ingest(corpus: str, out_dir: str = SETTINGS.out_dir, batch_size: int = SETTINGS.batch_size,
           full: bool = False, max_mb: int = SETTINGS.max_mb, show_progress: bool = True) -> dict[str, Any]:
    """Ingest ``corpus`` into the Parquet tables under ``out_dir``; returns the run summary."""
    log = get_run_logger()
    lock = TableStore(out_dir).lock()
    try:
        ctx = runner.RunContext(str(corpus), str(out_dir), max_bytes=max_mb * 1024 * 1024)
        if recover(out_dir):
            log.warning("an earlier run stopped during its commit; completed it first")
        plan = scan_and_plan(ctx.corpus, out_dir, full)
        log.info("%d files: %d new, %d changed, %d unchanged, %d deleted", plan.seen, plan.new, plan.changed,
                 plan.unchanged, len(plan.deleted))
        todo = runner.batches(plan, batch_size)
        progress = Progress(total=sum(map(len, todo)), enabled=show_progress, logger=log)
        futures = {process_batch.submit(b, ctx, i): len(b) for i, b in enumerate(todo)}
        summaries: list[BatchSummary] = []
        for fut in as_completed(list(futures)):
            summaries.append(fut.result())
            progress.advance(futures[fut])
        progress.close()
        return runner.finish(ctx, plan, summaries, len(todo), commit=commit)
    finally:
        lock.release()
