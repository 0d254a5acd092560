"""What `lingflow run` does before Prefect is up: start the worker processes that load the run's
models (issue 22), and describe afterwards what was loaded.

Importing Prefect and starting its temporary server take most of a small run's wall time; the
worker processes (:mod:`flows.workers`) load the models on the other core meanwhile.
"""

from __future__ import annotations

from pathlib import Path


def start_workers(corpus: Path, out: Path, full: bool, max_mb: int, workers: int, batch_size: int) -> int:
    """Start the run's worker processes (none when nothing is to be processed)."""
    from flows.workers import prepare

    return prepare(str(corpus), str(out), full, max_mb * 1024 * 1024, workers, batch_size)


def loaded_models_line(summary: dict) -> str:
    """The models the run loaded (seconds each) and in how many worker processes."""
    models = summary.get("models_loaded") or {}
    if not models:
        return "none"
    n = summary.get("worker_processes", 0)
    where = f" (in {n} worker process{'es' if n > 1 else ''}, started before Prefect)" if n else ""
    if summary.get("workers_daemon"):
        where = f" (held by `lingflow workers`, pid {summary['workers_daemon']}, loaded when they started)"
    return ", ".join(f"{name} {s:.1f} s" for name, s in models.items()) + where


def start_reaper() -> None:
    """Without ``PREFECT_API_URL`` Prefect starts a temporary server for the run: start the watcher
    that stops it if this process is killed before it can (:mod:`flows.reaper`)."""
    import os
    import subprocess
    import sys

    if os.environ.get("PREFECT_API_URL"):
        return
    subprocess.Popen([sys.executable, "-m", "flows.reaper", str(os.getpid())], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
