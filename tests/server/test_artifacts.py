"""Issue 20: a `lingflow run` against a real `prefect server` shows its summary in the Prefect UI.

The run is named from the corpus folder and the time, publishes a table artifact (counts per
language, label and failure reason) and a markdown artifact (top entities, failed files), logs
each failed document into the flow run's log, and the `runs` table stores the flow-run id.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow
sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, running_server  # noqa: E402


@pytest.fixture
def prefect_server(tmp_path):
    """A real `prefect server start`; yields the environment of processes that talk to it."""
    with running_server(tmp_path) as (_api, env):
        yield env


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
