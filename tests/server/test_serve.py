"""Issue 11: a served deployment with a schedule starts runs on a real `prefect server`.

The test harness's temporary server runs no scheduler service, so this test starts a
real server (its own PREFECT_HOME and port on 127.0.0.1), serves the ingest deployment
with a 5-second interval, and polls the API until a scheduled run has completed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, post, running_server, stop  # noqa: E402


def test_scheduled_deployment_runs(tmp_path, seeds_dir):
    corpus = tmp_path / "watched"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")
    out = tmp_path / "out"
    with running_server(tmp_path) as (api, env), open(tmp_path / "serve.log", "w") as serve_log:
        serve = subprocess.Popen([str(BIN / "lingflow"), "serve", str(corpus), "--out", str(out), "--interval", "5",
                                  "--name", "test-serve"], env=env, stdout=serve_log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 300
            completed: list = []
            while time.monotonic() < deadline and not completed:
                time.sleep(3)
                assert serve.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
                runs = post(f"{api}/flow_runs/filter",
                            {"limit": 50, "flow_runs": {"state": {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED"]}}}})
                assert not [r for r in runs if r["state"]["type"] != "COMPLETED"], runs
                completed = [r for r in runs if r.get("deployment_id")]
            assert completed, "no scheduled run completed:\n" + (tmp_path / "serve.log").read_text()[-3000:]
            deps = post(f"{api}/deployments/filter", {"limit": 10})
            assert [d["name"] for d in deps] == ["test-serve"] and deps[0]["schedules"]
            docs = pd.read_parquet(out / "documents")
            assert list(docs["lang"]) == ["en"]
        finally:
            stop(serve)  # before the server, or serve hangs retrying the API
