"""Issue 11: a served deployment with a schedule starts runs on a real `prefect server`.

The test harness's temporary server runs no scheduler service, so this test starts a
real server (its own PREFECT_HOME and port on 127.0.0.1), serves the ingest deployment
with a 5-second interval, and polls the API until a scheduled run has completed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _post(url: str, body: dict) -> list:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def test_scheduled_deployment_runs(tmp_path, seeds_dir):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port), PREFECT_API_URL=api)
    corpus = tmp_path / "watched"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")
    out = tmp_path / "out"
    server_log = open(tmp_path / "server.log", "w")
    serve_log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start"], env=env, stdout=server_log,
                              stderr=subprocess.STDOUT)
    serve = None
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{api}/health", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()[-3000:]
                assert server.poll() is None, (tmp_path / "server.log").read_text()[-3000:]
                time.sleep(0.5)
        serve = subprocess.Popen([str(BIN / "lingflow"), "serve", str(corpus), "--out", str(out), "--interval", "5",
                                  "--name", "test-serve"], env=env, stdout=serve_log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        completed: list = []
        while time.monotonic() < deadline and not completed:
            time.sleep(3)
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            runs = _post(f"{api}/flow_runs/filter",
                         {"limit": 50, "flow_runs": {"state": {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED"]}}}})
            assert not [r for r in runs if r["state"]["type"] != "COMPLETED"], runs
            completed = [r for r in runs if r.get("deployment_id")]
        assert completed, "no scheduled run completed:\n" + (tmp_path / "serve.log").read_text()[-3000:]
        deps = _post(f"{api}/deployments/filter", {"limit": 10})
        assert [d["name"] for d in deps] == ["test-serve"] and deps[0]["schedules"]
        docs = pd.read_parquet(out / "documents")
        assert list(docs["lang"]) == ["en"]
    finally:
        if serve is not None:
            _stop(serve)  # before the server, or serve hangs retrying the API
        _stop(server)
        server_log.close()
        serve_log.close()
