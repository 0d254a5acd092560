"""Where a run's batches are processed: worker processes that load the models (issue 22).

Threads share one GIL, so a second core needs a second process. ``lingflow run`` starts its
worker processes before it imports Prefect (:func:`prepare`): one process plans the run
read-only, identifies the language of a sample of its documents and loads just those models
(:func:`pipeline.preload.prepare_worker`) on its own core while Prefect imports and starts its
server in this process, which itself loads no model; then it forks the other workers, which
share its models' memory (:mod:`flows.pool`). A run with nothing to process starts none.

A flow called without ``prepare`` (tests, ``serve``) runs batches in this process, plus
``workers - 1`` worker processes when it has at least :data:`MIN_BATCHES_FOR_PROCESSES` batches.
Each worker loads its models once and keeps them for every batch; its memory stays flat.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

#: Without ``prepare``, runs with fewer batches stay in this process: a new worker process loads its
#: models first (seconds), which only pays off when there is enough work left to share.
MIN_BATCHES_FOR_PROCESSES = 4


class BatchExecutor:
    """Runs each batch in one of ``processes`` worker processes, or in this process (``local``:
    one batch at a time here, the others in the workers). Records what each worker loaded."""

    daemon_pid = 0  # not `lingflow workers` (flows.daemon.RemoteExecutor)

    def __init__(self, processes: int, local: bool = True, preload_args: tuple | None = None,
                 commit_in_worker: bool = False) -> None:
        self.processes, self.local = processes, local
        # a run of one batch: its worker, which warmed the commit's code while Prefect started, also
        # commits (a big run stops its workers first: they would hold their memory through the commit)
        self.commit_in_worker = commit_in_worker
        self.in_processes = 0  # batches that ran in a worker process
        self.models: dict[int, dict[str, float]] = {}  # worker pid -> models it loaded (seconds)
        self._local = threading.Semaphore(1)
        self._pool: Any = None
        if processes > 0:  # one spawned process loads, then forks the others (flows/pool.py); nothing waits
            from flows.pool import ForkPool
            from pipeline.preload import languages_loaded, prepare_worker

            self._pool = ForkPool(processes, prepare_worker, (preload_args, languages_loaded(), processes > 1))

    def run(self, fn: Any, *args: Any) -> Any:
        if self._pool is None:
            return fn(*args)
        if self.local and self._local.acquire(blocking=False):
            try:
                return fn(*args)
            finally:
                self._local.release()
        result, pid, models = self._pool.submit(fn, *args).result()
        self.in_processes += 1
        self.models[pid] = models
        return result

    def call(self, fn: Any, *args: Any) -> Any:
        """Work that is not a batch (the commit, the summary): here, or in the worker of a one-batch run."""
        if self.commit_in_worker and self._pool is not None:
            from flows.pool import WorkerDied

            try:
                return self._pool.submit(fn, *args).result()[0]
            except WorkerDied:  # the worker is gone (killed?): the commit is atomic, do it here
                pass
        return fn(*args)

    def loaded(self) -> dict[str, float]:
        """Every model loaded for the run (here or in a worker), with the longest load time."""
        from flows.pool import merge_loaded
        from pipeline.steps.base import loaded_models

        return merge_loaded(self.models, loaded_models() if self.local or self._pool is None else None)

    def stop_workers(self) -> None:
        """After the last batch, before the commit (the workers would hold their memory through it)."""
        if not self.commit_in_worker:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


_EXECUTORS: dict[str, Any] = {}  # BatchExecutor, or flows.daemon.RemoteExecutor
_PREPARED: list[Any] = []


def prepare(corpus: str, out_dir: str, full: bool, max_bytes: int, workers: int, batch_size: int) -> int:
    """Start the worker processes of the run that is about to start in this process (before
    Prefect): one for a run of one batch, ``workers`` for more, none when nothing is to be
    processed. Each loads what the run's first documents need. When ``lingflow workers`` run
    this code (:mod:`flows.daemon`), the run uses them instead and starts none. Returns the
    number of worker processes the run will use."""
    from pipeline.runner import plan_corpus

    try:
        todo = len(plan_corpus(corpus, out_dir, full).to_process)
    except Exception:  # noqa: BLE001 - the flow plans again and reports real problems
        return 0
    if todo == 0:
        return 0
    remote = _connect_workers()
    if remote is not None:  # `lingflow workers` hold every model already: this run loads none
        _PREPARED.append(remote)
        return remote.processes
    one_batch = todo <= batch_size
    _PREPARED.append(BatchExecutor(1 if one_batch else max(1, workers), local=False,
                                   preload_args=(corpus, out_dir, full, max_bytes), commit_in_worker=one_batch))
    return _PREPARED[-1].processes


def _connect_workers() -> Any:
    """The running ``lingflow workers`` (:func:`flows.daemon.connect`); why not, on stderr."""
    from flows.daemon import connect

    return connect(lambda line: print(f"lingflow: {line}", file=sys.stderr))


def discard_prepared() -> None:
    while _PREPARED:
        _PREPARED.pop().close()


def open_executor(run_id: str, workers: int, n_batches: int, remote: bool = True) -> Any:
    """The executor of run ``run_id``: the prepared one; else (a scheduled run of ``serve``, a flow
    called from Python) the running ``lingflow workers`` when ``remote`` and there is work; else this
    process plus ``workers - 1`` worker processes when the run has at least
    :data:`MIN_BATCHES_FOR_PROCESSES` batches."""
    ex = _PREPARED.pop() if _PREPARED else None
    if ex is None and remote and n_batches:
        ex = _connect_workers()
    if ex is None:
        ex = BatchExecutor(workers - 1 if workers > 1 and n_batches >= MIN_BATCHES_FOR_PROCESSES else 0)
    _EXECUTORS[run_id] = ex
    return ex


def close_executor(run_id: str) -> dict[str, Any]:
    """Stop the run's worker processes (before the commit: they would hold their memory through it);
    returns what ran where and the models loaded. ``lingflow workers``, and the worker of a run of one
    batch, stay for the commit (:func:`in_workers`), which needs what they have loaded."""
    ex = _EXECUTORS.get(run_id)
    if ex is None:
        return {"batches_in_worker_processes": 0, "worker_processes": 0, "models_loaded": {}}
    ex.stop_workers()
    return {"batches_in_worker_processes": ex.in_processes, "worker_processes": ex.processes,
            "models_loaded": ex.loaded(), "workers_daemon": ex.daemon_pid}


def in_workers(run_id: str, fn: Any, *args: Any) -> Any:
    """``fn(*args)`` (the commit, the summary) through the run's executor: in ``lingflow workers``
    when the run uses them, or in the worker of a run of one batch (they have the table code and the
    entity tables loaded), else here."""
    ex = _EXECUTORS.get(run_id)
    return ex.call(fn, *args) if ex is not None else fn(*args)


def release_executor(run_id: str) -> None:
    """After the run: disconnect from ``lingflow workers`` (worker processes of its own stopped already)."""
    ex = _EXECUTORS.pop(run_id, None)
    if ex is not None:
        ex.close()


def run_batch(run_id: str, fn: Any, *args: Any) -> Any:
    """``fn(*args)`` through the run's executor (directly where there is none: a Dask worker)."""
    ex = _EXECUTORS.get(run_id)
    return ex.run(fn, *args) if ex is not None else fn(*args)


def runs_in_threads() -> bool:
    """Whether the current flow run's tasks run in this process's threads (not on Dask workers)."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    ctx = FlowRunContext.get()
    return ctx is None or isinstance(ctx.task_runner, ThreadPoolTaskRunner)
