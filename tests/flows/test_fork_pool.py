"""Issue 22: worker processes are forked from one process that loaded the models first
(flows/pool.py): they use that process's models instead of loading their own, errors come back,
and a worker that dies fails the waiting batches with one clear error instead of hanging."""

from __future__ import annotations

import pytest

import pool_jobs
from flows.pool import ForkPool, WorkerDied


def test_forked_workers_use_the_models_loaded_before_the_fork():
    pool = ForkPool(2, pool_jobs.load)
    try:
        seen = [pool.submit(pool_jobs.where).result(timeout=120) for _ in range(12)]
    finally:
        pool.close()
    for (pid, ppid, loaded_by), _pid, _models in seen:
        assert loaded_by is not None
        if pid != loaded_by:  # a forked worker: its parent loaded the model, it did not
            assert ppid == loaded_by


def test_an_error_in_a_batch_comes_back():
    pool = ForkPool(2, pool_jobs.load)
    try:
        with pytest.raises(ValueError, match="bad batch"):
            pool.submit(pool_jobs.fail, "bad batch").result(timeout=120)
        assert pool.submit(pool_jobs.where).result(timeout=120)[0][2] is not None  # still serving
    finally:
        pool.close()


def test_a_worker_that_dies_fails_the_waiting_batches():
    pool = ForkPool(2, pool_jobs.load)
    try:
        with pytest.raises(WorkerDied, match="worker process"):
            pool.submit(pool_jobs.die).result(timeout=120)
        with pytest.raises((WorkerDied, RuntimeError)):  # the pool stays broken: no batch waits forever
            pool.submit(pool_jobs.where).result(timeout=120)
    finally:
        pool.close()
