"""Issue 11: batches on a local Dask cluster give the same tables as a local run."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from flows.ingest import ingest
from flows.runners import make_task_runner

pytestmark = pytest.mark.slow

KEYS = {"documents": "doc_id", "mentions": "mention_id", "entities": "entity_id", "dates": "mention_id"}


def _read(out, name):
    df = pd.read_parquet(out / name).drop(columns=["ingested_at"], errors="ignore")
    for c in df.columns:  # lists/structs -> hashable for comparison
        if df[c].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            df[c] = df[c].map(lambda v: repr(list(v)) if v is not None else None)
    return df.sort_values(KEYS[name]).reset_index(drop=True)


def test_dask_local_matches_threads(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        for k in range(3):
            shutil.copy(p, corpus / f"{k}_{p.name}")
    local, dask = tmp_path / "local", tmp_path / "dask"
    ingest(corpus=str(corpus), out_dir=str(local), batch_size=2, show_progress=False)
    flow = ingest.with_options(task_runner=make_task_runner(dask_local=2))
    s = flow(corpus=str(corpus), out_dir=str(dask), batch_size=2, show_progress=False)
    assert s["processed"] == 12 and s["failed"] == 0
    for name in KEYS:
        pd.testing.assert_frame_equal(_read(dask, name), _read(local, name), obj=name)
