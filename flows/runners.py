"""Task runners: threads on one machine, or a Dask cluster (local processes or remote)."""

from __future__ import annotations

from typing import Any


def make_task_runner(workers: int = 1, dask_address: str | None = None, dask_local: int | None = None) -> Any:
    """Pick the Prefect task runner for a run.

    - default: ``ThreadPoolTaskRunner(workers)`` in this process (models loaded once);
    - ``dask_local=N``: a local Dask cluster of N single-threaded worker processes;
    - ``dask_address``: an existing Dask scheduler (``tcp://HOST:PORT``).
    Each Dask worker process loads its models once and keeps them for every batch.
    Use a Prefect server (``PREFECT_API_URL``) with Dask: without one every worker process
    starts its own temporary server (tens of seconds each).
    """
    if dask_address or dask_local:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_class="distributed.LocalCluster",
                              cluster_kwargs={"n_workers": int(dask_local), "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=max(1, workers))


IN_FLIGHT_PER_WORKER = 2
IN_FLIGHT_REMOTE = 64  # a remote cluster's size is not known here


def in_flight(workers: int = 1, dask_address: str | None = None, dask_local: int | None = None) -> int:
    """Batches to keep submitted at once: two per worker."""
    if dask_address:
        return IN_FLIGHT_REMOTE
    return IN_FLIGHT_PER_WORKER * max(1, dask_local or workers)


# -- batches in worker processes (threads share one GIL: a second core needs a second process) --

#: Runs with fewer batches stay in this process: a new worker process loads its models first
#: (~10-15 s), which only pays off when there is enough work left to share.
MIN_BATCHES_FOR_PROCESSES = 4


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the run's process is gone (killed), never linger."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="lingflow-parent-watch", daemon=True).start()


def _init_worker(parent: int, languages: list[str]) -> None:
    _watch_parent(parent)
    from pipeline.preload import warm_worker

    warm_worker(languages)


class BatchExecutor:
    """Runs each batch in this process while it is free (its models are loaded already), else in
    one of ``processes`` worker processes (started at once, warming the models this process has
    loaded). Each worker loads its models once and keeps them; memory stays flat per process."""

    def __init__(self, processes: int) -> None:
        import threading

        self.processes = processes
        self.in_processes = 0  # batches that ran in a worker process
        self._local = threading.Semaphore(1)
        self._pool: Any = None
        if processes > 0:
            import multiprocessing
            import os
            from concurrent.futures import ProcessPoolExecutor

            from pipeline.preload import languages_loaded

            self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=(os.getpid(), languages_loaded()))
            for _ in range(processes):  # start the workers now: they warm up while batches run here
                self._pool.submit(int)

    def run(self, fn: Any, *args: Any) -> Any:
        if self._pool is None or self._local.acquire(blocking=False):
            if self._pool is None:
                return fn(*args)
            try:
                return fn(*args)
            finally:
                self._local.release()
        result = self._pool.submit(fn, *args).result()
        self.in_processes += 1
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


_EXECUTORS: dict[str, BatchExecutor] = {}


def open_executor(run_id: str, workers: int, n_batches: int) -> BatchExecutor:
    """The executor of run ``run_id``: ``workers - 1`` worker processes when the run has at least
    :data:`MIN_BATCHES_FOR_PROCESSES` batches, none otherwise."""
    processes = workers - 1 if workers > 1 and n_batches >= MIN_BATCHES_FOR_PROCESSES else 0
    _EXECUTORS[run_id] = ex = BatchExecutor(processes)
    return ex


def close_executor(run_id: str) -> int:
    """Stop the run's worker processes; returns how many batches ran in them."""
    ex = _EXECUTORS.pop(run_id, None)
    if ex is None:
        return 0
    ex.close()
    return ex.in_processes


def runs_in_threads() -> bool:
    """Whether the current flow run's tasks run in this process's threads (not on Dask workers)."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    ctx = FlowRunContext.get()
    return ctx is None or isinstance(ctx.task_runner, ThreadPoolTaskRunner)


def run_batch(run_id: str, fn: Any, *args: Any) -> Any:
    """``fn(*args)`` through the run's executor (directly where there is none: a Dask worker)."""
    ex = _EXECUTORS.get(run_id)
    return ex.run(fn, *args) if ex is not None else fn(*args)


def default_workers() -> int:
    """The CPUs this process may use (at most 4): batches processed at once by default."""
    import os

    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(4, n))
