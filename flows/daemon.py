"""``lingflow workers``: worker processes that keep every model loaded between runs (issue 22).

A small run spends most of its time loading models (spaCy pipelines, lingua's n-gram tables,
natasha): seconds that a running Prefect server does not save. ``lingflow workers`` loads them
once, in a pool of forked worker processes (:class:`flows.pool.ForkPool`, every language and
every lingua model), and listens on a Unix socket. ``lingflow run`` looks for that socket
before it starts its own workers; when it finds workers that run the same code with the same
settings, it sends them its batches (the same :func:`pipeline.batch.process_files`, so the same
tables) and loads nothing itself.

- The socket and its key live in ``LINGFLOW_CACHE`` (default ``~/.cache/lingflow``; or
  ``LINGFLOW_WORKERS_SOCKET`` names the socket), readable by their owner only (mode 0600); a
  connection proves it knows the key (HMAC challenge of :mod:`multiprocessing.connection`).
- Before its first batch a run compares its code (every ``.py`` under ``pipeline/`` and
  ``flows/``: path, size, mtime), its pipeline version of every language, its Python and its
  ``LINGFLOW_MATMUL`` with the workers'. On any difference, a stale socket (workers killed) or
  an unreadable key it prints one line saying why and loads its own models, as without workers.
- Workers that stop during a run fail its waiting batches with one line; the run fails and a
  re-run redoes the missing documents (staging and commit are atomic).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import signal
import socket
import sys
import threading
import time
from concurrent.futures import Future
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from flows.pool import WorkerDied, merge_loaded


def socket_path() -> Path:
    """``LINGFLOW_WORKERS_SOCKET``, else ``workers.sock`` in ``LINGFLOW_CACHE`` (default ~/.cache/lingflow)."""
    cache = Path(os.environ.get("LINGFLOW_CACHE") or Path.home() / ".cache" / "lingflow")
    return Path(os.environ.get("LINGFLOW_WORKERS_SOCKET") or cache / "workers.sock")


def _key_path() -> Path:
    return socket_path().with_suffix(".key")


def identity() -> dict[str, Any]:
    """What must be equal between a run and the workers it uses: code, model versions, Python, settings."""
    from pipeline import languages
    from pipeline.components import version_for

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for folder in ("pipeline", "flows"):
        for f in sorted((root / folder).rglob("*.py")):
            st = f.stat()
            h.update(f"{f.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return {"code": h.hexdigest()[:16], "python": sys.executable,
            "versions": {lang: version_for(lang) for lang in sorted(languages.LANGUAGES)},
            "matmul": os.environ.get("LINGFLOW_MATMUL", "numpy")}


def _differs(mine: dict[str, Any], theirs: dict[str, Any]) -> Optional[str]:
    names = {"code": "their code", "python": "their Python", "versions": "their model versions",
             "matmul": "LINGFLOW_MATMUL"}
    diff = [names.get(k, k) for k in sorted(set(mine) | set(theirs)) if mine.get(k) != theirs.get(k)]
    return " and ".join(diff) + " differ" if diff else None


def _run_pickled(payload: bytes) -> bytes:
    """In a worker: ``(cwd, fn, args)`` -> pickled ``(ok, result or error)``, run from the run's
    working folder (its paths may be relative). Pickled here, so that the relay in between
    (the process that listens) never imports or unpickles what the batches carry."""
    try:
        cwd, fn, args = pickle.loads(payload)
        os.chdir(cwd)
        out: tuple = (True, fn(*args))
    except BaseException as exc:  # noqa: BLE001 - sent back and raised in the run's process
        out = (False, exc)
    try:
        return pickle.dumps(out)
    except Exception as exc:  # noqa: BLE001 - an unpicklable result or error
        return pickle.dumps((False, RuntimeError(f"{exc.__class__.__name__}: {exc}")))


# -- the workers' side ------------------------------------------------------------------------

class _Session:
    """One run's connection: batches in, results out (in the order they finish)."""

    def __init__(self, conn: Connection, pool: Any, ident: dict[str, Any]) -> None:
        self.conn, self.pool, self.ident = conn, pool, ident
        self._send = threading.Lock()

    def reply(self, *msg: Any) -> None:
        with self._send:
            try:
                self.conn.send(msg)
            except (OSError, EOFError):  # the run is gone
                pass

    def serve(self) -> None:
        try:
            kind, theirs = self.conn.recv()
            why = _differs(theirs, self.ident) if kind == "hello" else "not a lingflow run"
            self.reply("refused", why) if why else self.reply("ok", {"pid": os.getpid(),
                                                                     "processes": self.pool.processes})
            while not why:
                _kind, tid, payload = self.conn.recv()
                self.pool.submit(_run_pickled, payload).add_done_callback(lambda f, t=tid: self._done(t, f))
        except (EOFError, OSError):
            pass
        finally:
            self.conn.close()

    def _done(self, tid: int, fut: Future) -> None:
        exc = fut.exception()  # the pool broke (a worker died): WorkerDied
        if exc is not None:
            self.reply("result", tid, pickle.dumps((False, exc)), 0, {})
        else:
            payload, pid, models = fut.result()
            self.reply("result", tid, payload, pid, models)


def serve_workers(processes: int, echo: Callable[[str], None] = print) -> None:
    """Load every model into ``processes`` worker processes and serve runs until stopped (SIGINT/SIGTERM)."""
    from flows.pool import ForkPool
    from pipeline.components import default_ner
    from pipeline.preload import prepare_worker

    sock, key_file = socket_path(), _key_path()
    sock.parent.mkdir(parents=True, exist_ok=True)
    if sock.exists():
        try:
            Client(str(sock), family="AF_UNIX").close()
        except OSError:
            sock.unlink()  # left by workers that were killed
        else:
            raise RuntimeError(f"lingflow workers are already running on {sock} (stop them first)")
    ident = identity()
    t0 = time.perf_counter()
    pool = ForkPool(processes, prepare_worker, (None, sorted(default_ner()), True))
    pool.submit(int).result()  # the first worker has loaded every model once it answers
    key = secrets.token_bytes(32)
    old = os.umask(0o077)  # the key and the socket: their owner only
    try:
        key_file.write_bytes(key)
        listener = Listener(str(sock), family="AF_UNIX", authkey=key)
    finally:
        os.umask(old)
    echo(f"lingflow workers: {processes} process{'es' if processes > 1 else ''} loaded every model in "
         f"{time.perf_counter() - t0:.1f} s; listening on {sock} (pid {os.getpid()}). `lingflow run` uses them "
         "while this runs; stop with Ctrl-C.")
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn = listener.accept()
            except Exception:  # noqa: BLE001 - a client that failed the key, or the listener closed
                continue
            threading.Thread(target=_Session(conn, pool, ident).serve, daemon=True).start()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    threading.Thread(target=accept, name="lingflow-workers-accept", daemon=True).start()
    try:
        while not stop.wait(0.5):
            if pool.broken is not None:  # a worker died (killed, out of memory): say so and stop
                echo(f"lingflow workers: {pool.broken}; stopping (runs load their own models until restarted)")
                break
    finally:
        stop.set()
        listener.close()  # removes the socket
        key_file.unlink(missing_ok=True)
        pool.close(timeout=10)


def workers(processes: Optional[int] = typer.Option(None, "--processes", "-p", min=1, show_default=False,
                                                     help="Worker processes (default: the CPUs, at most 4, or "
                                                          "LINGFLOW_WORKERS).")) -> None:
    """Keep worker processes with every model loaded, for `lingflow run` to use (small runs skip loading)."""
    from flows.results import fail
    from flows.settings import SETTINGS

    SETTINGS.validate()
    try:
        serve_workers(processes or SETTINGS.workers, echo=typer.echo)
    except RuntimeError as exc:
        fail(exc)


# -- a run's side -----------------------------------------------------------------------------

class RemoteExecutor:
    """A run's batches in the workers of ``lingflow workers`` (the interface of
    :class:`flows.workers.BatchExecutor`)."""

    def __init__(self, conn: Connection, info: dict[str, Any]) -> None:
        self.conn, self.daemon_pid, self.processes = conn, info["pid"], info["processes"]
        self.in_processes = 0
        self.models: dict[int, dict[str, float]] = {}
        self._waiting: dict[int, Future] = {}
        self._lock, self._next, self._closed = threading.Lock(), 0, False
        self._reader = threading.Thread(target=self._read, name="lingflow-workers-results", daemon=True)
        self._reader.start()

    def run(self, fn: Any, *args: Any) -> Any:
        """A batch: ``fn(*args)`` in one of the workers (counted, with the models it had loaded)."""
        value, pid, models = self._submit(fn, args)
        self.in_processes += 1
        self.models[pid] = models
        return value

    def call(self, fn: Any, *args: Any) -> Any:
        """``fn(*args)`` in one of the workers, not counted as a batch (the commit)."""
        return self._submit(fn, args)[0]

    def _submit(self, fn: Any, args: tuple) -> tuple:
        fut: Future = Future()
        with self._lock:
            tid, self._next = self._next, self._next + 1
            self._waiting[tid] = fut
            try:
                self.conn.send(("batch", tid, pickle.dumps((os.getcwd(), fn, args))))
            except (OSError, EOFError):
                self._waiting.pop(tid)
                raise WorkerDied(f"lingflow workers (pid {self.daemon_pid}) stopped; re-run to finish") from None
        return fut.result()

    def _read(self) -> None:
        while True:
            try:
                _kind, tid, payload, pid, models = self.conn.recv()
                ok, value = pickle.loads(payload)
            except (EOFError, OSError):
                break
            with self._lock:
                fut = self._waiting.pop(tid, None)
            if fut is not None:
                fut.set_result((value, pid, models)) if ok else fut.set_exception(value)
        with self._lock:
            waiting, self._waiting = self._waiting, {}
        for fut in waiting.values():
            fut.set_exception(WorkerDied(f"lingflow workers (pid {self.daemon_pid}) stopped while processing; "
                                         "re-run to finish"))

    def loaded(self) -> dict[str, float]:
        return merge_loaded(self.models)

    def stop_workers(self) -> None:
        """Nothing to stop: the connection stays for the commit and the summary (:meth:`call`)."""

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            try:  # wakes the reader thread from its recv() (closing the connection alone does not)
                socket.fromfd(self.conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM).shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._reader.join(2)
            self.conn.close()


def connect(warn: Callable[[str], None]) -> Optional[RemoteExecutor]:
    """The running ``lingflow workers``, if any and if they run this code; else None (and, when
    workers exist but cannot be used, one line through ``warn`` saying why)."""
    sock = socket_path()
    if not sock.exists():
        return None
    try:
        key = _key_path().read_bytes()
        conn = Client(str(sock), family="AF_UNIX", authkey=key)
    except (OSError, EOFError) as exc:
        warn(f"lingflow workers at {sock} do not answer ({exc.__class__.__name__}); this run loads its own models")
        return None
    except Exception as exc:  # noqa: BLE001 - multiprocessing.AuthenticationError: another key
        warn(f"lingflow workers at {sock} refused this run ({exc}); this run loads its own models")
        return None
    try:
        conn.send(("hello", identity()))
        kind, info = conn.recv()
    except (OSError, EOFError) as exc:
        conn.close()
        warn(f"lingflow workers at {sock} closed the connection ({exc.__class__.__name__}); "
             "this run loads its own models")
        return None
    if kind != "ok":
        conn.close()
        warn(f"lingflow workers at {sock} cannot serve this run: {info}; restart them "
             "(this run loads its own models)")
        return None
    return RemoteExecutor(conn, info)
