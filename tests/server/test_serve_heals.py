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
from prefect_server import BIN, post as _post, running_server  # noqa: E402

pytestmark = pytest.mark.slow


def _runs(api: str, name: str) -> list[dict]:
    deps = [d["id"] for d in _post(f"{api}/deployments/filter", {"limit": 50}) if d["name"] == name]
    return [r for r in _post(f"{api}/flow_runs/filter", {"limit": 100, "sort": "EXPECTED_START_TIME_ASC"})
            if r.get("deployment_id") in deps]


def _state(run: dict) -> str | None:
    """A flow run's state type; None while the server has given it none yet (a run just scheduled)."""
    return (run.get("state") or {}).get("type")


def _wait(pred, what: str, log: Path, timeout: float = 240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = pred()
        if got:
            return got
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}:\n" + log.read_text()[-4000:])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `prefect server` on a free port with its own PREFECT_HOME."""
    with running_server(tmp_path_factory.mktemp("prefect")) as (api, env):
        yield api, env


class Serve:
    """`lingflow serve` in its own process group (so a kill takes its flow-run process too)."""

    def __init__(self, tmp_path: Path, env: dict, name: str, seeds_dir: Path) -> None:
        corpus = tmp_path / "watched"
        corpus.mkdir(exist_ok=True)
        shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")
        self.out, self.env, self.name, self.tmp = tmp_path / "out", env, name, tmp_path
        self.cmd = [str(BIN / "lingflow"), "serve", str(corpus), "--out", str(self.out), "--interval", "8",
                    "--name", name]
        self.proc: subprocess.Popen | None = None
        self.n = 0

    def start(self) -> Path:
        self.n += 1
        self.log = self.tmp / f"serve{self.n}.log"
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        return self.log

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def test_killed_serve_restarts_and_the_next_tick_completes(server, tmp_path, seeds_dir):
    api, env = server
    serve = Serve(tmp_path, env, "heal", seeds_dir)
    try:
        log = serve.start()
        running = _wait(lambda: [r for r in _runs(api, "heal") if _state(r) == "RUNNING"],
                        "a running tick", log)[0]
        serve.kill()  # serve and its flow-run process, mid-run
        time.sleep(2)
        assert _run(api, running["id"])["state"]["type"] == "RUNNING"  # left behind, holding the slot
        restarted = time.time()

        log = serve.start()
        _wait(lambda: [r for r in _runs(api, "heal") if _state(r) == "COMPLETED"
                       and _ts(r["start_time"]) > restarted], "a tick completed after the restart", log)
        killed = _run(api, running["id"])
        assert killed["state"]["type"] == "CRASHED", killed["state"]
        assert "marked 1 run(s) left by a stopped serve as crashed" in log.read_text()
        autos = _post(f"{api}/automations/filter", {})
        assert [a["name"] for a in autos] == ["lingflow: crash flow runs whose heartbeats stopped"]
        assert list(pd.read_parquet(serve.out / "documents")["lang"]) == ["en"]
        assert (pd.read_parquet(serve.out / "runs")["status"] == "completed").all()
    finally:
        serve.kill(signal.SIGTERM)


@pytest.mark.xfail(strict=False, reason="timing of Prefect's proactive automation: passed alone in 153 s, timed out "
                                        "at 300 s in a full CI run (2026-12-01); the deterministic rule "
                                        "(flows.healing.crash_dead_runs) is tested in test_killed_run_is_crashed.py")
def test_a_killed_flow_run_is_marked_crashed_by_its_missing_heartbeats(server, tmp_path, seeds_dir):
    api, env = server
    serve = Serve(tmp_path, env, "zombie", seeds_dir)
    try:
        log = serve.start()
        running = _wait(lambda: [r for r in _runs(api, "zombie") if _state(r) == "RUNNING"],
                        "a running tick", log)[0]
        _wait(lambda: _heartbeats(api, running["id"]), "the run's first heartbeat", log)
        serve.kill()  # nothing is left to report the run's end: only the heartbeats stop
        crashed = _wait(lambda: _run(api, running["id"])["state"]["type"] == "CRASHED",
                        "the automation to crash the run", log, timeout=300)
        assert crashed
        assert "heartbeat" in _run(api, running["id"])["state"]["message"]
    finally:
        serve.kill(signal.SIGTERM)


def _heartbeats(api: str, run_id: str) -> list:
    body = {"filter": {"event": {"name": ["prefect.flow-run.heartbeat"]},
                       "resource": {"id": [f"prefect.flow-run.{run_id}"]}}, "limit": 5}
    return _post(f"{api}/events/filter", body).get("events", [])


def _run(api: str, run_id: str) -> dict:
    import json

    with urllib.request.urlopen(f"{api}/flow_runs/{run_id}", timeout=10) as r:
        return json.loads(r.read())


def _ts(s: str | None) -> float:
    from datetime import datetime

    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else 0.0
