"""Issue 22: `lingflow workers` keep every model loaded; `lingflow run` sends them its batches,
loads nothing itself and writes the same tables. Workers that run other settings, or that were
killed, are not used: the run says why in one line and loads its own models."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lingflow_testing import assert_same_tables

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _env(tmp: Path, sock: Path) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(tmp / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               LINGFLOW_WORKERS_SOCKET=str(sock))
    env.pop("PREFECT_API_URL", None)
    return env


@pytest.fixture(scope="module")
def daemon(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers")
    sock = tmp / "w.sock"
    log = open(tmp / "workers.log", "w+")
    proc = subprocess.Popen([str(BIN / "lingflow"), "workers", "--processes", "2"], env=_env(tmp, sock),
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and "listening" not in (tmp / "workers.log").read_text():
        time.sleep(0.3)
    assert "listening" in (tmp / "workers.log").read_text(), (tmp / "workers.log").read_text()
    yield proc, sock, tmp
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _run(corpus: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "lingflow"), "run", str(corpus), "--out", str(out), "--no-progress"],
                          env=env, capture_output=True, text=True, timeout=600)


def test_a_run_uses_the_workers_and_writes_the_same_tables(daemon, tmp_path, seeds_dir):
    proc, sock, tmp = daemon
    assert not (sock.stat().st_mode & 0o077), "socket open to others"
    assert not (sock.with_suffix(".key").stat().st_mode & 0o077), "key readable by others"
    used = _run(seeds_dir, tmp_path / "with", _env(tmp_path, sock))
    assert used.returncode == 0, used.stderr
    assert f"pid {proc.pid}" in used.stdout and "lingflow workers" in used.stdout, used.stdout
    own = _run(seeds_dir, tmp_path / "without", _env(tmp_path, tmp_path / "none.sock"))
    assert own.returncode == 0, own.stderr
    assert "lingflow workers" not in own.stdout
    assert_same_tables(tmp_path / "with", tmp_path / "without")


def test_a_flow_run_without_the_cli_uses_them_too(daemon, tmp_path, seeds_dir, monkeypatch):
    """What a scheduled run of `lingflow serve` does: the ingest flow called directly."""
    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest

    proc, sock, _tmp = daemon
    monkeypatch.setenv("LINGFLOW_WORKERS_SOCKET", str(sock))
    with prefect_test_harness(server_startup_timeout=60):
        s = ingest(corpus=str(seeds_dir), out_dir=str(tmp_path / "out"), show_progress=False)
    assert s["workers_daemon"] == proc.pid and s["batches_in_worker_processes"] == 1 and s["processed"] == 4


def test_workers_with_other_settings_are_not_used(daemon, monkeypatch):
    from flows import daemon as d

    _proc, sock, _tmp = daemon
    monkeypatch.setenv("LINGFLOW_WORKERS_SOCKET", str(sock))
    lines: list[str] = []
    assert d.connect(lines.append) is not None and not lines
    monkeypatch.setenv("LINGFLOW_MATMUL", "blis")
    assert d.connect(lines.append) is None
    assert len(lines) == 1 and "LINGFLOW_MATMUL differ" in lines[0] and "restart them" in lines[0], lines


def test_killed_workers_leave_no_process_and_are_not_used(daemon, monkeypatch):
    from flows import daemon as d

    proc, sock, _tmp = daemon
    kids = [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == proc.pid]
    assert kids, "the workers' pool process is missing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.2)
    assert not any(_alive(k) for k in kids), "a worker outlived `lingflow workers`"
    monkeypatch.setenv("LINGFLOW_WORKERS_SOCKET", str(sock))
    lines: list[str] = []
    assert sock.exists() and d.connect(lines.append) is None  # the socket of killed workers
    assert len(lines) == 1 and "do not answer" in lines[0], lines


def _ppid(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def _alive(pid: int) -> bool:
    try:
        return b"zombie" not in Path(f"/proc/{pid}/status").read_bytes().lower()
    except OSError:
        return False


def test_ctrl_c_stops_the_workers_cleanly(tmp_path):
    """Ctrl-C reaches the whole process group: the workers stop, remove their socket and key, and no
    process prints a traceback."""
    sock = tmp_path / "w.sock"
    log = tmp_path / "workers.log"
    proc = subprocess.Popen([str(BIN / "lingflow"), "workers", "--processes", "1"], env=_env(tmp_path, sock),
                            stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and "listening" not in log.read_text():
            time.sleep(0.3)
        assert sock.exists() and sock.with_suffix(".key").exists(), log.read_text()
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(60) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert not sock.exists() and not sock.with_suffix(".key").exists()
    assert "Traceback" not in log.read_text(), log.read_text()
