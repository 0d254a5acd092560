"""Issue 20: a `lingflow run` against a real `prefect server` shows its summary in the Prefect UI.

The run is named from the corpus folder and the time, publishes a table artifact (counts per
language, label and failure reason) and a markdown artifact (top entities, failed files), logs
each failed document into the flow run's log, and the `runs` table stores the flow-run id.
"""

from __future__ import annotations

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


@pytest.fixture
def prefect_server(tmp_path):
    """A real `prefect server start` on a free port with its own PREFECT_HOME; yields its environment."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port), PREFECT_API_URL=api)
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{api}/health", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (tmp_path / "server.log").read_text()
                time.sleep(0.5)
        yield env
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_run_publishes_its_summary(prefect_server, tmp_path, seeds_dir):
    corpus = tmp_path / "press-2026"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    r = subprocess.run([str(BIN / "lingflow"), "run", str(corpus), "--out", str(out), "--no-progress"],
                       env=prefect_server, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr

    runs = pd.read_parquet(out / "runs")
    flow_run_id = runs["flow_run_id"].iloc[0]
    assert isinstance(flow_run_id, str) and len(flow_run_id) == 36

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, LogFilter, LogFilterFlowRunId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: prefect_server["PREFECT_API_URL"]}):
        with get_client(sync_client=True) as client:
            fr = client.read_flow_run(flow_run_id)
            arts = client.read_artifacts(artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[fr.id])))
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[fr.id])))
    assert fr.name.startswith("ingest press-2026 ") and fr.state.is_completed(), fr.name
    by_type = {a.type: a for a in arts}
    assert set(by_type) == {"table", "markdown"}, arts
    assert by_type["table"].key == "lingflow-press-2026-counts"
    table = by_type["table"].data
    rows = table if isinstance(table, list) else __import__("json").loads(table)
    cells = {(r["group"], r["name"]): r["count"] for r in rows}
    assert cells[("language", "en")] == 1 and cells[("files", "failed")] == 1 and cells[("label", "ORG")] > 0
    assert any(g == "failure" for g, _ in cells)
    md = by_type["markdown"].data
    assert "National Center of Oncology" in md and "`empty.txt`" in md
    assert any("failed: empty.txt" in lg.message for lg in logs), [lg.message for lg in logs]
