"""Issue 21: a `lingflow run` killed with kill -9 does not stay "Running" on the server for good.

Against a server (PREFECT_API_URL) the run sends heartbeats and makes sure the server's automation
that crashes silent runs exists; and, deterministically, the next run into the same output folder
holds the folder's lock, so it knows the old run is dead and marks it CRASHED.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, post, running_server  # noqa: E402
from test_serve_heals import _heartbeats, _run, _ts  # noqa: E402

from flows.healing import LIVE_START_MARGIN  # noqa: E402

pytestmark = pytest.mark.slow


def _ingest_runs(api: str, state: str) -> list[dict]:
    runs = post(f"{api}/flow_runs/filter", {"limit": 50})
    return [r for r in runs if (r.get("state") or {}).get("type") == state]  # a run just scheduled has no state yet


def test_the_next_run_marks_a_killed_run_crashed(tmp_path, seeds_dir):
    (tmp_path / "prefect").mkdir()
    with running_server(tmp_path / "prefect") as (api, env):
        corpus, out = tmp_path / "corpus", tmp_path / "out"
        shutil.copytree(seeds_dir, corpus)
        cmd = [str(BIN / "lingflow"), "run", str(corpus), "--out", str(out)]
        log = tmp_path / "killed.log"
        proc = subprocess.Popen(cmd, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            deadline = time.monotonic() + 240
            while not _ingest_runs(api, "RUNNING"):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.5)
            run_id = _ingest_runs(api, "RUNNING")[0]["id"]
            while not _heartbeats(api, run_id):  # the run tells the server it is alive
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.5)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        killed = _ingest_runs(api, "RUNNING")[0]
        time.sleep(2)
        assert _run(api, killed["id"])["state"]["type"] == "RUNNING"  # nothing reported its death
        # the server's automation would crash it once the heartbeats stop (Prefect's timing)
        assert [a["name"] for a in post(f"{api}/automations/filter", {})] == [
            "lingflow: crash flow runs whose heartbeats stopped"]

        # a run that started less than LIVE_START_MARGIN ago may still be on its way to the lock
        wait = _ts(killed["start_time"]) + LIVE_START_MARGIN.total_seconds() + 1 - time.time()
        time.sleep(max(0.0, wait))
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

        state = _run(api, killed["id"])["state"]
        assert state["type"] == "CRASHED", state
        assert "its process is gone" in state["message"]
        assert "marked 1 run(s)" in done.stdout + done.stderr
        assert not _ingest_runs(api, "RUNNING")
        assert len(pd.read_parquet(out / "documents")) == len(list(seeds_dir.iterdir()))
