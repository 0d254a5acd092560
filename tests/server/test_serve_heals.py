"""Issue 21: a schedule survives its own restarts, against a real `prefect server`.

Kill `lingflow serve` (its whole process group, with SIGKILL) while a scheduled run is
RUNNING: that run is left RUNNING and holds the deployment's only concurrency slot (limit 1,
CANCEL_NEW), so without healing every later tick is cancelled. Start `serve` again: the dead
run is marked CRASHED, the slot is free, and the next scheduled run completes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_serve import BIN, _free_port, _post, _stop  # noqa: E402

pytestmark = pytest.mark.slow


def _runs(api: str) -> list[dict]:
    return [r for r in _post(f"{api}/flow_runs/filter", {"limit": 100, "sort": "EXPECTED_START_TIME_ASC"})
            if r.get("deployment_id")]


def _wait(pred, what: str, log: Path, timeout: float = 240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = pred()
        if got:
            return got
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}:\n" + log.read_text()[-4000:])


def test_killed_serve_restarts_and_the_next_tick_completes(tmp_path, seeds_dir):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port), PREFECT_API_URL=api)
    corpus = tmp_path / "watched"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")
    out = tmp_path / "out"
    logs = {n: tmp_path / f"{n}.log" for n in ("server", "serve1", "serve2")}
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start"], env=env,
                              stdout=open(logs["server"], "w"), stderr=subprocess.STDOUT)
    serve_cmd = [str(BIN / "lingflow"), "serve", str(corpus), "--out", str(out), "--interval", "8", "--name", "heal"]
    serve = None
    try:
        _wait(lambda: _healthy(api), "the server", logs["server"], 90)
        serve = subprocess.Popen(serve_cmd, env=env, stdout=open(logs["serve1"], "w"), stderr=subprocess.STDOUT,
                                 start_new_session=True)
        running = _wait(lambda: [r for r in _runs(api) if r["state"]["type"] == "RUNNING"], "a running tick",
                        logs["serve1"])[0]
        os.killpg(serve.pid, signal.SIGKILL)  # serve and its flow-run process, mid-run
        serve.wait(timeout=30)
        time.sleep(2)
        assert _run(api, running["id"])["state"]["type"] == "RUNNING"  # left behind, holding the slot
        restarted = time.time()

        serve = subprocess.Popen(serve_cmd, env=env, stdout=open(logs["serve2"], "w"), stderr=subprocess.STDOUT,
                                 start_new_session=True)
        done = _wait(lambda: [r for r in _runs(api) if r["state"]["type"] == "COMPLETED"
                              and _ts(r["start_time"]) > restarted], "a tick completed after the restart",
                     logs["serve2"])
        assert done
        killed = _run(api, running["id"])
        assert killed["state"]["type"] == "CRASHED", killed["state"]
        assert "marked 1 run(s) left by a stopped serve as crashed" in logs["serve2"].read_text()
        autos = _post(f"{api}/automations/filter", {})
        assert [a["name"] for a in autos] == ["lingflow: crash flow runs whose heartbeats stopped"]
        docs = pd.read_parquet(out / "documents")
        assert list(docs["lang"]) == ["en"]
        runs = pd.read_parquet(out / "runs")
        assert (runs["status"] == "completed").all()
    finally:
        if serve is not None and serve.poll() is None:
            os.killpg(serve.pid, signal.SIGTERM)
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, signal.SIGKILL)
        _stop(server)


def _healthy(api: str) -> bool:
    try:
        urllib.request.urlopen(f"{api}/health", timeout=2)
        return True
    except OSError:
        return False


def _run(api: str, run_id: str) -> dict:
    import json

    with urllib.request.urlopen(f"{api}/flow_runs/{run_id}", timeout=10) as r:
        return json.loads(r.read())


def _ts(s: str | None) -> float:
    from datetime import datetime

    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else 0.0
