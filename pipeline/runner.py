"""One ingest run as plain library calls: lock, plan, batches, commit, runs row.

The Prefect flow (``flows/ingest.py``) calls these pieces as tasks; :func:`run_local`
calls them in a loop without Prefect, for benchmarks (to measure Prefect's own
overhead) and for crash tests that kill a run at random points.
"""

from __future__ import annotations

import shutil
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
from pipeline.io.discover import scan
from pipeline.io.plan import Batches, Plan, make_plan
from pipeline.io.rows import run_row
from pipeline.io import versions
from pipeline.io.outdir import check_output
from pipeline.io.tables import BatchSummary, TableStore, utcnow


def plan_corpus(corpus: str, out_dir: str, full: bool = False) -> Plan:
    """Discover and hash every file of ``corpus`` and compare with ``out_dir``'s state."""
    if not Path(corpus).is_dir():
        raise FileNotFoundError(f"corpus folder {corpus!r} does not exist or is not a folder")
    return make_plan(scan(corpus), TableStore(out_dir).load_state(), version_for, full=full)


def batches(plan: Plan, size: int) -> Batches:
    """The plan's files in batches of ``size`` (a sequence of lists, each made when it is taken)."""
    return Batches(plan, size)


@dataclass
class RunContext:
    """What every task of a run needs: small and picklable."""

    corpus: str
    out_dir: str
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: datetime = field(default_factory=utcnow)
    max_bytes: int = DEFAULT_MAX_BYTES
    flow_run_id: str | None = None          # the orchestrator's id of this run (Prefect's flow-run id)


def open_output(corpus: str | None, out_dir: str) -> Any:
    """Refuse an unusable output folder (:class:`OutputRefused`), then take its lock
    (:class:`OutputLocked`): before any other work. Re-entrant within one process."""
    check_output(corpus, out_dir)
    return TableStore(out_dir).lock()


def recover(out_dir: str) -> dict[str, Any]:
    """Remove every trace of a commit that a killed run left unpublished and replay it from
    that run's staged batches; drop staging of runs killed before their commit.

    Returns ``{}`` when there was nothing to recover, else ``recovered_run_id`` (the killed
    run), ``committed_documents`` (documents the replay committed) and ``removed`` (traces)."""
    store = TableStore(out_dir)
    store.migrate()
    removed = versions.discard_unpublished(store.root)
    info: dict[str, Any] = {}
    if store.pending_commit():
        journal = store.journal()
        rid = journal.get("run_id")
        if rid and versions.manifest(store.root).get("run_id") != rid:  # killed before it published
            row = _row_from_journal(journal.get("run_row"))
            if row is not None:
                row["status"] = "recovered"
            written = store.commit(rid, run_row=row, kind="recovery") or {"committed_documents": 0}
            info = {"recovered_run_id": rid, "committed_documents": written["committed_documents"]}
        (store.root / ".commit").unlink(missing_ok=True)
        if rid:
            shutil.rmtree(store.staging_dir(rid), ignore_errors=True)
    (store.root / ".commit.tmp").unlink(missing_ok=True)
    removed += [f".staging/{d}" for d in store.clean_stale_staging()]
    if info or removed:
        info["removed"] = removed
    return info


def _row_from_journal(row: dict | None) -> dict | None:
    """A runs row as it went through JSON in the journal, back to Python types."""
    if row is None:
        return None
    row = dict(row)
    for k in ("started_at", "finished_at"):
        row[k] = datetime.fromisoformat(row[k])
    for k in ("per_language", "per_label"):
        row[k] = [tuple(kv) for kv in row[k]]
    return row


def prepare(corpus: str, out_dir: str, full: bool = False) -> tuple[dict[str, Any], Plan]:
    """Recover a half-done commit, then plan: ``(recovered, plan)``.

    One call (one Prefect task) so that a re-run of an unchanged corpus costs a single
    round trip before it knows there is nothing to do."""
    recovered = recover(out_dir)
    return recovered, plan_corpus(corpus, out_dir, full)


def commit_staged(out_dir: str, run_id: str, run_row: dict) -> dict[str, int]:
    """Publish the staged rows of ``run_id`` and its runs row as one new version of the tables."""
    return TableStore(out_dir).commit(run_id, run_row=run_row)


def finish(ctx: RunContext, plan: Plan, summaries: list[BatchSummary], n_batches: int,
           commit: Callable[[str, str, dict], dict[str, int]] | None = None,
           recovered: dict[str, Any] | None = None) -> dict[str, Any]:
    """Stage deleted documents, then commit the staged rows and this run's runs row as one
    version; return the run summary. ``recovered``: what :func:`recover` did for this run."""
    summaries = list(summaries)
    if plan.deleted:
        summaries.append(stage_deleted(plan.deleted, ctx.out_dir, ctx.run_id, n_batches, ctx.started))
    summary = summarize_run(ctx, plan, summaries, utcnow(), {})
    recovered = recovered or {}
    summary["recovered_run_id"] = recovered.get("recovered_run_id")
    summary["committed_documents"] = sum(s.docs for s in summaries) + recovered.get("committed_documents", 0)
    row = run_row(summary)
    if summaries and commit is not None:
        written = commit(ctx.out_dir, ctx.run_id, row)
    else:  # nothing staged: publish the runs row without a commit task round trip
        written = TableStore(ctx.out_dir).commit(ctx.run_id, run_row=row)
    summary["parts_written"] = {k: v for k, v in written.items() if k != "committed_documents"}
    summary["finished_at"] = utcnow()
    summary["duration_s"] = (summary["finished_at"] - ctx.started).total_seconds()
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


def run_local(corpus: str, out_dir: str, batch_size: int = 64, full: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES,
              on_batch: Callable[[BatchSummary], None] | None = None) -> dict[str, Any]:
    """The whole run in this process, without Prefect (same steps, same tables)."""
    lock = open_output(str(corpus), str(out_dir))
    try:
        ctx = RunContext(str(corpus), str(out_dir), max_bytes=max_bytes)
        recovered, plan = prepare(ctx.corpus, out_dir, full)
        todo = batches(plan, batch_size)
        summaries = []
        for i, b in enumerate(todo):
            s = process_files(b, out_dir, ctx.run_id, i, ctx.started, max_bytes)
            summaries.append(s)
            if on_batch:
                on_batch(s)
        return finish(ctx, plan, summaries, len(todo), recovered=recovered)
    finally:
        lock.release()
