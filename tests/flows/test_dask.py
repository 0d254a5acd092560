"""Issue 11: batches on a local Dask cluster give the same tables as a local run."""

from __future__ import annotations


import pytest

from flows.ingest import ingest
from lingflow_testing import assert_same_tables, seed_corpus
from flows.runners import make_task_runner

pytestmark = pytest.mark.slow

def test_dask_local_matches_threads(tmp_path, seeds_dir):
    corpus = seed_corpus(tmp_path, seeds_dir, 3)
    local, dask = tmp_path / "local", tmp_path / "dask"
    ingest(corpus=str(corpus), out_dir=str(local), batch_size=2, show_progress=False)
    flow = ingest.with_options(task_runner=make_task_runner(dask_local=2))
    s = flow(corpus=str(corpus), out_dir=str(dask), batch_size=2, show_progress=False)
    assert s["processed"] == 12 and s["failed"] == 0
    assert_same_tables(dask, local)
