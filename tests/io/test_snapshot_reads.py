"""Issue 21: readers looping through 20 commits, 5 of them killed with SIGKILL, see no error,
no temporary file and no mixed state; the final tables equal a clean run's.

Readers are real DuckDB and pandas processes. A "pinned" read resolves ``OUT/.current`` once
and reads every table of that version (the snapshot contract); a "plain" read goes through
``OUT/<table>`` (what the README's one-line queries do)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
import snapshot_helpers as helpers  # noqa: E402

pytestmark = pytest.mark.slow

TOTAL, KILLS = 20, 5
TABLES = ("documents", "mentions", "entities", "dates", "runs")


def _py(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(HERE / "snapshot_helpers.py"), *args], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _state(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {"done": 0}


def _kill_during_commit(proc: subprocess.Popen, out: Path, rng: random.Random, state: Path, after: int) -> str:
    """SIGKILL ``proc`` once commit number >= ``after`` is under way (or at a random point)."""
    mid_commit = rng.random() < 0.7
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _state(state)["done"] >= after and (not mid_commit or (out / ".commit").exists()):
            time.sleep(rng.uniform(0, 0.3 if not mid_commit else 0.05))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return "commit" if mid_commit else "anywhere"
        time.sleep(0.001)
    raise AssertionError("committer ended before it could be killed: " + proc.stderr.read().decode()[-3000:])


def _counts(vdir: Path) -> dict:
    return {t: sum(pq.ParquetFile(f).metadata.num_rows for f in (vdir / t).glob("*.parquet")) for t in TABLES}


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    cols = {"documents": ["doc_id", "path", "content_sha256", "status", "text"],
            "mentions": ["mention_id", "doc_id", "text", "start", "end", "entity_id"],
            "entities": ["entity_id", "canonical", "mention_count", "doc_count"]}
    res = {t: pd.read_parquet(out / t, columns=c) for t, c in cols.items()}
    res["documents"] = res["documents"][res["documents"]["status"] != "deleted"]  # a clean run never saw them
    return {t: df.sort_values(cols[t][0]).reset_index(drop=True) for t, df in res.items()}


def test_readers_through_killed_commits(tmp_path):
    corpus, out, state = tmp_path / "corpus", tmp_path / "out", tmp_path / "state.json"
    helpers.write_corpus(corpus)
    stop = tmp_path / "stop"
    readers = {k: _py(k, str(out), str(tmp_path / f"{k}.jsonl"), str(stop)) for k in ("duckdb", "pandas")}
    rng = random.Random(21)
    kills = []
    try:
        targets = sorted(rng.sample(range(1, TOTAL - 1), KILLS))
        for after in targets:
            proc = _py("commit", str(corpus), str(out), str(state), str(TOTAL))
            kills.append(_kill_during_commit(proc, out, rng, state, after))
            if (out / ".current").exists():  # right after the kill, before any recovery: the README's query works
                import duckdb

                duckdb.sql(f"select count(*) from read_parquet('{out}/mentions/*.parquet')").fetchall()
        proc = _py("commit", str(corpus), str(out), str(state), str(TOTAL))
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()[-3000:]
    finally:
        stop.touch()
        for r in readers.values():
            r.wait(timeout=60)
    assert _state(state)["done"] == TOTAL

    # every trace of the killed commits is gone
    leftovers = [p for p in out.rglob("*") if p.name.startswith((".tmp-", ".current.tmp", ".flat-"))
                 or p.name.endswith(".building")]
    assert not leftovers and not (out / ".commit").exists() and not any((out / ".staging").iterdir())

    # ground truth: the counts of every version that was ever published (all still there: grace period)
    truth = {int(v.name): _counts(v) for v in (out / ".versions").iterdir()}
    reads = [json.loads(line) for k in readers for line in (tmp_path / f"{k}.jsonl").read_text().splitlines()]
    errors = [r["error"] for r in reads if "error" in r]
    assert not errors, errors[:3]
    pinned = [r for r in reads if "version" in r]
    assert len(pinned) > 50 and len({r["version"] for r in pinned}) > 10, len(pinned)
    for r in pinned:
        assert not [f for f in r["files"] if f.startswith(".") or "tmp" in f], r["files"]
        assert r["orphans"] == 0, r  # every mention's document is in the same snapshot
        want = truth[r["version"]]
        assert (r["docs"], r["mentions"], r["runs"]) == (want["documents"], want["mentions"], want["runs"]), r
        assert r["entity_mentions"] == want["mentions"], r  # entities agree with mentions of the same commit
    # plain reads through OUT/<table>: never an error or a temp file; one statement can still straddle
    # a switch (it lists, then opens files by path), so they are counted and reported, not asserted
    mixed = [r for r in pinned if r["plain_mentions"] not in {t["mentions"] for t in truth.values()}]
    print(f"\n{len(pinned)} reads of {len(truth)} versions ({len(truth) - TOTAL} more than commits), kills: {kills}; "
          f"plain OUT/mentions reads whose count matches no commit: {len(mixed)} of {len(pinned)}")

    # the killed runs: those killed during their commit have a row saying so, with the run that completed it
    runs = pd.read_parquet(out / "runs")
    recovered = runs[runs["status"] == "recovered"]
    assert set(recovered["run_id"]) <= set(runs["recovered_run_id"].dropna())
    replays = [v for v in (out / ".versions").iterdir()
               if json.loads((v / "manifest.json").read_text())["kind"] == "recovery"]
    assert len(recovered) == len(runs["recovered_run_id"].dropna()) == len(replays)
    for _, r in runs[runs["recovered_run_id"].notna()].iterrows():
        assert r["committed_documents"] >= 0

    # and the final tables equal a clean run's over the same corpus
    clean = tmp_path / "clean"
    assert _py("clean", str(corpus), str(clean)).wait(timeout=300) == 0
    got, want = _tables(out), _tables(clean)
    for t in got:
        pd.testing.assert_frame_equal(got[t], want[t], obj=t)
