"""``python -m flows.reaper PID``: stop Prefect's temporary server when the run PID dies without
stopping it (``kill -9``, the OOM killer).

Prefect starts its temporary server as a plain subprocess and stops it at exit; a run killed with
SIGKILL gets no exit, and its server (a uvicorn process, ~240 MB) would be reparented to init and
run on for good. ``lingflow run`` starts this watcher (in its own session, so that Ctrl-C of the
run does not reach it) when it has no ``PREFECT_API_URL``; every half second it notes the run's
servers (any process under the run whose command line is Prefect's server) and, once the run is
gone, sends them SIGTERM, then SIGKILL. Linux only (/proc); it only imports the standard library.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

SERVER_MARK = b"prefect.server"


def _ppid_and_start(pid: int) -> tuple[int, str] | None:
    """(parent pid, start time) of a live process; None when it is gone or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        return None if fields[0] == b"Z" else (int(fields[1]), fields[19].decode())
    except (OSError, ValueError, IndexError):
        return None


def _started(pid: int) -> str | None:
    info = _ppid_and_start(pid)
    return info[1] if info else None


def descendants(pid: int) -> dict[int, str]:
    """The live processes under ``pid`` (children and their children), with their start times."""
    kids: dict[int, list[tuple[int, str]]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            info = _ppid_and_start(int(d))
            if info is not None:
                kids.setdefault(info[0], []).append((int(d), info[1]))
    out: dict[int, str] = {}
    todo = [pid]
    while todo:
        for p, start in kids.get(todo.pop(), []):
            out[p] = start
            todo.append(p)
    return out


def _servers_under(pid: int) -> dict[int, str]:
    """Prefect server processes under ``pid``, with their start times."""
    out = {}
    for p, start in descendants(pid).items():
        try:
            if SERVER_MARK in Path(f"/proc/{p}/cmdline").read_bytes():
                out[p] = start
        except OSError:
            pass
    return out


def watch(pid: int, every: float = 0.5) -> None:
    own = _started(pid)
    if own is None:
        return
    servers: dict[int, str] = {}
    while _started(pid) == own:  # the same process (a pid can be reused)
        servers.update(_servers_under(pid))
        time.sleep(every)
    for sig in (signal.SIGTERM, signal.SIGKILL):  # a run that exited normally stopped them already
        alive = {p: s for p, s in servers.items() if _started(p) == s}
        for p in alive:
            try:
                os.kill(p, sig)
            except OSError:
                pass
        deadline = time.monotonic() + 5
        while alive and time.monotonic() < deadline:
            time.sleep(0.1)
            alive = {p: s for p, s in alive.items() if _started(p) == s}
        if not alive:
            return


if __name__ == "__main__":
    watch(int(sys.argv[1]))
