"""Issue 22: `kill -9` of a `lingflow run` leaves none of its worker processes behind, the
forked ones included (each watches its parent, flows/pool.py), nor Prefect's temporary server
(flows/reaper.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flows.reaper import descendants
from lingflow_testing import seed_corpus

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _alive(pid: int) -> bool:
    try:
        return b"zombie" not in Path(f"/proc/{pid}/status").read_bytes().lower()
    except OSError:
        return False


def test_killing_the_run_stops_every_worker_process(tmp_path, seeds_dir):
    corpus = seed_corpus(tmp_path, seeds_dir, 20)
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(BIN / "lingflow"), "run", str(corpus), "--out", str(tmp_path / "out"),
                             "--no-progress", "--batch-size", "1", "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:  # the spawned worker and its fork
            workers = {p for p in descendants(proc.pid)
                       if b"multiprocessing.spawn" in Path(f"/proc/{p}/cmdline").read_bytes()}
            if len(workers) >= 2:
                break
            time.sleep(0.2)
        assert len(workers) >= 2, "the run never had its two worker processes"
        servers = {p for p in descendants(proc.pid) if b"prefect.server" in Path(f"/proc/{p}/cmdline").read_bytes()}
        assert servers, "the run has no temporary Prefect server"
        time.sleep(1.5)  # the reaper (flows/reaper.py) notes the servers every 0.5 s
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(p) for p in workers | servers):
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)], "worker processes outlived the killed run"
        assert not [p for p in servers if _alive(p)], "Prefect's temporary server outlived the killed run"
    finally:
        if proc.poll() is None:
            proc.kill()
        try:  # what the killed run leaves: Prefect's temporary server (reparented, still in the run's group)
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
