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



def default_workers() -> int:
    """The CPUs this process may use (at most 4): batches processed at once by default."""
    import os

    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(4, n))
