"""Issue 22: a run of several batches also uses worker processes (a second core) by default,
and writes exactly the tables a run in one process writes."""

from __future__ import annotations


import pytest

from flows.ingest import ingest
from lingflow_testing import assert_same_tables, seed_corpus
from flows.workers import MIN_BATCHES_FOR_PROCESSES
from pipeline.components import default_ner

pytestmark = pytest.mark.slow

def test_worker_processes_write_the_same_tables(tmp_path, seeds_dir):
    corpus = seed_corpus(tmp_path, seeds_dir, 2)
    one, two = tmp_path / "one", tmp_path / "two"
    s1 = ingest(corpus=str(corpus), out_dir=str(one), batch_size=1, show_progress=False, workers=1)
    s2 = ingest(corpus=str(corpus), out_dir=str(two), batch_size=1, show_progress=False, workers=2)
    assert 8 >= MIN_BATCHES_FOR_PROCESSES
    assert s1["batches_in_worker_processes"] == 0
    assert s2["batches_in_worker_processes"] > 0, "no batch ran in a worker process"
    assert s2["processed"] == 8 and s2["failed"] == 0
    assert_same_tables(two, one)


def test_forked_worker_processes_write_the_same_tables(tmp_path, seeds_dir):
    """workers=3: one worker process loads the models and forks the second (flows/pool.py)."""
    corpus = seed_corpus(tmp_path, seeds_dir, 3)
    one, three = tmp_path / "one", tmp_path / "three"
    s1 = ingest(corpus=str(corpus), out_dir=str(one), batch_size=1, show_progress=False, workers=1)
    s3 = ingest(corpus=str(corpus), out_dir=str(three), batch_size=1, show_progress=False, workers=3)
    assert s3["worker_processes"] == 2
    assert s3["batches_in_worker_processes"] > 0, "no batch ran in a worker process"
    assert s3["processed"] == 12 and s3["failed"] == 0
    assert set(default_ner().values()) <= set(s3["models_loaded"])  # the seeds have all four languages
    assert_same_tables(three, one)


def test_a_one_batch_run_commits_in_its_worker_and_writes_the_same_tables(tmp_path, seeds_dir):
    """As `lingflow run` starts it (flows.workers.prepare, before Prefect): one worker process, which
    loads the models, warms a batch and a commit, processes the batch and then also commits."""
    import os

    from flows import workers

    corpus = seed_corpus(tmp_path, seeds_dir, 1)
    one, prepared = tmp_path / "one", tmp_path / "prepared"
    s1 = ingest(corpus=str(corpus), out_dir=str(one), show_progress=False, workers=1)
    assert workers.prepare(str(corpus), str(prepared), False, 50 << 20, 2, 64) == 1
    ex = workers._PREPARED[-1]
    assert ex.commit_in_worker and ex.call(os.getpid) != os.getpid()  # the commit's way: the worker
    s2 = ingest(corpus=str(corpus), out_dir=str(prepared), show_progress=False, workers=2)
    assert not workers._PREPARED and s2["worker_processes"] == 1
    assert s2["batches_in_worker_processes"] == 1 and s2["processed"] == 4 and s2["failed"] == 0
    assert_same_tables(prepared, one)


def test_a_one_batch_run_commits_here_when_its_worker_is_gone(tmp_path, seeds_dir):
    import os
    import signal

    from flows import workers

    corpus = seed_corpus(tmp_path, seeds_dir, 1)
    assert workers.prepare(str(corpus), str(tmp_path / "out"), False, 50 << 20, 2, 64) == 1
    ex = workers._PREPARED.pop()
    try:
        pid = ex.call(os.getpid)
        assert pid != os.getpid()
        os.kill(pid, signal.SIGKILL)  # killed after its batch, before the commit
        assert ex.call(os.getpid) == os.getpid()  # the commit still happens, in this process
    finally:
        ex.close()
