"""One ingest run as plain library calls: lock, plan, batches, commit, runs row.

The Prefect flow (``flows/ingest.py``) calls these pieces as tasks; :func:`run_local`
calls them in a loop without Prefect, for benchmarks (to measure Prefect's own
overhead) and for crash tests that kill a run at random points.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from pipeline import __version__
from pipeline.batch import process_files, stage_deleted
from pipeline.components import version_for
from pipeline.io.decode import DEFAULT_MAX_BYTES
from pipeline.io.discover import SourceFile, scan
from pipeline.io.plan import Plan, make_plan
from pipeline.io.tables import BatchSummary, TableStore, utcnow


def plan_corpus(corpus: str, out_dir: str, full: bool = False) -> Plan:
    """Discover and hash every file of ``corpus`` and compare with ``out_dir``'s state."""
    if not Path(corpus).is_dir():
        raise FileNotFoundError(f"corpus folder {corpus!r} does not exist or is not a folder")
    return make_plan(scan(corpus), TableStore(out_dir).load_state(), version_for, full=full)


def batches(plan: Plan, size: int) -> list[list[SourceFile]]:
    work = plan.to_process + plan.unreadable
    size = max(1, size)
    return [work[i:i + size] for i in range(0, len(work), size)]


@dataclass
class RunContext:
    """What every task of a run needs: small and picklable."""

    corpus: str
    out_dir: str
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: datetime = field(default_factory=utcnow)
    max_bytes: int = DEFAULT_MAX_BYTES
    flow_run_id: str | None = None          # the orchestrator's id of this run (Prefect's flow-run id)


def recover(out_dir: str) -> bool:
    """Finish a commit that a killed run left half done; drop staging of crashed runs."""
    store = TableStore(out_dir)
    recovered = False
    if store.pending_commit():
        store.commit(store.pending_run_id())
        recovered = True
    store.clean_stale_staging()
    return recovered


def prepare(corpus: str, out_dir: str, full: bool = False) -> tuple[bool, Plan]:
    """Recover a half-done commit, then plan: ``(recovered, plan)``.

    One call (one Prefect task) so that a re-run of an unchanged corpus costs a single
    round trip before it knows there is nothing to do."""
    recovered = recover(out_dir)
    return recovered, plan_corpus(corpus, out_dir, full)


def finish(ctx: RunContext, plan: Plan, summaries: list[BatchSummary], n_batches: int,
           commit: Callable[[str, str], dict[str, int]] | None = None) -> dict[str, Any]:
    """Stage deleted documents, commit, write the runs row; return the run summary."""
    summaries = list(summaries)
    if plan.deleted:
        summaries.append(stage_deleted(plan.deleted, ctx.out_dir, ctx.run_id, n_batches, ctx.started))
    store = TableStore(ctx.out_dir)
    if summaries or store.pending_commit():
        written = (commit or (lambda out, run: TableStore(out).commit(run)))(ctx.out_dir, ctx.run_id)
    else:
        written = {}  # nothing staged: skip the commit (and its task round trip)
    summary = summarize_run(ctx, plan, summaries, utcnow(), written)
    store.write_run(run_row(summary))
    return summary


def summarize_run(ctx: RunContext, plan: Plan, summaries: list[BatchSummary], finished: datetime,
                  written: dict[str, int]) -> dict[str, Any]:
    langs: Counter = Counter()
    labels: Counter = Counter()
    failures: Counter = Counter()
    for s in summaries:
        langs.update(s.per_language)
        labels.update(s.per_label)
        failures.update(s.failures)
    return {
        "run_id": ctx.run_id, "corpus": ctx.corpus, "out_dir": ctx.out_dir, "started_at": ctx.started,
        "finished_at": finished, "duration_s": (finished - ctx.started).total_seconds(), "seen": plan.seen,
        "new": plan.new, "changed": plan.changed, "unchanged": plan.unchanged, "deleted": len(plan.deleted),
        "failed": sum(s.failed for s in summaries), "processed": len(plan.to_process) + len(plan.unreadable),
        "mentions_written": sum(s.mentions for s in summaries), "words": sum(s.words for s in summaries),
        "per_language": dict(sorted(langs.items())), "per_label": dict(sorted(labels.items())),
        "failures": dict(sorted(failures.items())), "parts_written": written, "pipeline_version": __version__,
        "status": "completed", "flow_run_id": ctx.flow_run_id,
    }


RUN_COLUMNS = ["run_id", "corpus", "started_at", "finished_at", "duration_s", "seen", "new", "changed", "unchanged",
               "deleted", "failed", "processed", "mentions_written", "pipeline_version", "status", "flow_run_id"]


def run_row(s: dict[str, Any]) -> dict[str, Any]:
    row = {k: s[k] for k in RUN_COLUMNS}
    row["per_language"] = list(s["per_language"].items())
    row["per_label"] = list(s["per_label"].items())
    return row


def run_local(corpus: str, out_dir: str, batch_size: int = 64, full: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES,
              on_batch: Callable[[BatchSummary], None] | None = None) -> dict[str, Any]:
    """The whole run in this process, without Prefect (same steps, same tables)."""
    store = TableStore(out_dir)
    lock = store.lock()
    try:
        ctx = RunContext(str(corpus), str(out_dir), max_bytes=max_bytes)
        _, plan = prepare(ctx.corpus, out_dir, full)
        todo = batches(plan, batch_size)
        summaries = []
        for i, b in enumerate(todo):
            s = process_files(b, out_dir, ctx.run_id, i, ctx.started, max_bytes)
            summaries.append(s)
            if on_batch:
                on_batch(s)
        return finish(ctx, plan, summaries, len(todo))
    finally:
        lock.release()
