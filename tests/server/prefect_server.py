"""A real `prefect server start` for the server tests: its own PREFECT_HOME, a free port on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def post(url: str, body: dict) -> list:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


@contextmanager
def running_server(home: Path, timeout: float = 90) -> Iterator[tuple[str, dict]]:
    """Start the server (the port set through the environment, as the UI needs), wait until healthy,
    yield ``(api_url, env)`` for the processes that should talk to it, stop it afterwards."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(home / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port), PREFECT_API_URL=api)
    log_path = home / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(BIN / "prefect"), "server", "start"], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    urllib.request.urlopen(f"{api}/health", timeout=2)
                    break
                except OSError:
                    assert time.monotonic() < deadline, log_path.read_text()[-3000:]
                    assert proc.poll() is None, log_path.read_text()[-3000:]
                    time.sleep(0.5)
            yield api, env
        finally:
            stop(proc)
