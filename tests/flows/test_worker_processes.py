"""Issue 22: a run of several batches also uses worker processes (a second core) by default,
and writes exactly the tables a run in one process writes."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from flows.ingest import ingest
from flows.workers import MIN_BATCHES_FOR_PROCESSES

pytestmark = pytest.mark.slow

KEYS = {"documents": "doc_id", "mentions": "mention_id", "entities": "entity_id", "dates": "mention_id"}


def _read(out, name):
    df = pd.read_parquet(out / name).drop(columns=["ingested_at"], errors="ignore")
    for c in df.columns:  # lists/structs -> hashable for comparison
        if df[c].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            df[c] = df[c].map(lambda v: repr(list(v)) if v is not None else None)
    return df.sort_values(KEYS[name]).reset_index(drop=True)


def test_worker_processes_write_the_same_tables(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        for k in range(2):
            shutil.copy(p, corpus / f"{k}_{p.name}")
    one, two = tmp_path / "one", tmp_path / "two"
    s1 = ingest(corpus=str(corpus), out_dir=str(one), batch_size=1, show_progress=False, workers=1)
    s2 = ingest(corpus=str(corpus), out_dir=str(two), batch_size=1, show_progress=False, workers=2)
    assert 8 >= MIN_BATCHES_FOR_PROCESSES
    assert s1["batches_in_worker_processes"] == 0
    assert s2["batches_in_worker_processes"] > 0, "no batch ran in a worker process"
    assert s2["processed"] == 8 and s2["failed"] == 0
    for name in KEYS:
        pd.testing.assert_frame_equal(_read(two, name), _read(one, name), obj=name)
