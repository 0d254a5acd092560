"""Issue 8: kill -9 a run at random points; tables always read and the next run converges."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "flows"))
from hostile import write_normal  # noqa: E402

pytestmark = pytest.mark.slow

RUN = ("import sys; from pipeline.runner import run_local; "
       "run_local(sys.argv[1], sys.argv[2], batch_size=3)")

COLUMNS = {
    "documents": ["doc_id", "path", "content_sha256", "lang", "status", "error", "text", "pipeline_version"],
    "mentions": ["mention_id", "doc_id", "label", "start", "end", "text", "normalized", "entity_id", "source"],
    "entities": ["entity_id", "label", "canonical", "variants", "mention_count", "doc_count"],
    "dates": ["mention_id", "doc_id", "value", "start_date", "end_date", "granularity", "calendar"],
}


def _run(corpus: Path, out: Path, kill_after: float | None = None) -> int:
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(corpus), str(out)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        return proc.wait(timeout=600)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=60)


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    res = {}
    for name, cols in COLUMNS.items():
        df = pd.read_parquet(out / name, columns=cols)
        if "variants" in df:
            df["variants"] = df["variants"].map(tuple)
        res[name] = df.sort_values(cols[0]).reset_index(drop=True)
    return res


def test_kill_at_random_points_then_converge(tmp_path):
    corpus = tmp_path / "corpus"
    write_normal(corpus, 24)
    ref = tmp_path / "ref"
    assert _run(corpus, ref) == 0
    expected = _tables(ref)

    out = tmp_path / "out"
    rng = random.Random(7)
    for _ in range(5):
        _run(corpus, out, kill_after=rng.uniform(1.0, 12.0))
        for name in COLUMNS:  # whatever exists must read completely
            if (out / name).exists():
                pd.read_parquet(out / name)
    assert _run(corpus, out) == 0
    got = _tables(out)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(got[name], expected[name], check_like=True, obj=name)
    assert not (out / ".commit").exists()
