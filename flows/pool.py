"""Worker processes forked from one process that loaded the models first (issue 22: memory).

Every worker used to be spawned and load its own copy of every model (1.2-1.4 GB each on a
mixed corpus). Here ONE process is spawned (the *zygote*); it loads what the run needs, freezes
its objects out of the garbage collector's reach (``gc.freeze``) and forks the other workers.
The models' memory (spaCy weights, lingua's n-gram tables, lexicons) is then shared copy-on-write
between all of them: each later worker adds only what its own batches allocate. The zygote then
processes batches itself, like the workers it forked.

Batches go through one task queue that every worker reads, results come back through one result
queue (read by a thread of this process). Crash safety:

- every worker exits as soon as its parent is gone (``kill -9`` of the run leaves no process behind);
- a worker that dies (killed, out of memory) breaks the pool: the zygote reports it, or the
  result thread notices the zygote is gone, and every waiting batch fails with one clear error
  instead of waiting forever (the run then fails and a re-run redoes the missing documents).
"""

from __future__ import annotations

import atexit
import gc
import itertools
import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import Future
from typing import Any

_BROKEN = "broken"


class WorkerDied(RuntimeError):
    """A worker process ended while batches were waiting (killed, out of memory)."""


def watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the process that started it is gone (killed), never linger."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="lingflow-parent-watch", daemon=True).start()


def _release_free_memory() -> Any:
    """glibc's ``malloc_trim(0)``: give the heap pages that a batch freed back to the system (a
    worker's private memory is mostly what its batches allocated and freed; on a 2,000-document run
    the tree's PSS went down by ~95 MB). A no-op where the C library has no such call."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return lambda _pad: 0


def release_free_memory() -> None:
    """``malloc_trim(0)`` now (see :func:`_release_free_memory`)."""
    _release_free_memory()(0)


def _serve(tasks: Any, results: Any) -> None:
    """Take batches from ``tasks`` until the stop sign (None); put (id, ok, value, pid, models)."""
    from pipeline.steps.base import loaded_models

    trim = _release_free_memory()
    while True:
        item = tasks.get()
        if item is None:
            return
        tid, fn, args = item
        try:
            out = (tid, True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - sent back and raised in the run's process
            out = (tid, False, exc)
        trim(0)
        try:
            results.put((*out, os.getpid(), loaded_models()))
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or error
            results.put((tid, False, RuntimeError(f"{exc.__class__.__name__}: {exc}"), os.getpid(), {}))


def _quiet_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the workers leave it to the process that
    started them (which stops them), instead of each dying with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _forked(parent: int, tasks: Any, results: Any) -> None:
    _quiet_interrupts()
    watch_parent(parent)
    _serve(tasks, results)


def _zygote(parent: int, processes: int, load: Any, load_args: tuple, tasks: Any, results: Any) -> None:
    """The spawned process: load, freeze, fork ``processes - 1`` workers, then work like them."""
    _quiet_interrupts()
    watch_parent(parent)
    load(*load_args)
    gc.collect()
    gc.freeze()  # the loaded objects' GC headers are never written again: their pages stay shared
    release_free_memory()  # what loading freed is not kept resident and inherited (~12 MB)
    fork = multiprocessing.get_context("fork")
    kids = [fork.Process(target=_forked, args=(os.getpid(), tasks, results), daemon=True)
            for _ in range(processes - 1)]
    for k in kids:
        k.start()

    def guard() -> None:  # a forked worker that dies breaks the pool: say so, then stop everything
        from multiprocessing.connection import wait

        alive = list(kids)
        while alive:
            for s in wait([k.sentinel for k in alive]):
                k = next(k for k in alive if k.sentinel == s)
                alive.remove(k)
                if k.exitcode != 0:
                    results.put((_BROKEN, False, WorkerDied(f"a worker process (pid {k.pid}) ended with code "
                                                            f"{k.exitcode} while processing"), k.pid, {}))
                    results.close()
                    results.join_thread()
                    os._exit(1)

    threading.Thread(target=guard, name="lingflow-pool-guard", daemon=True).start()
    _serve(tasks, results)
    for k in kids:
        k.join()


def merge_loaded(per_worker: dict[int, dict[str, float]], base: dict[str, float] | None = None) -> dict[str, float]:
    """The models loaded in ``base`` and in every worker (pid -> {model: seconds}), each with its
    longest load time."""
    out = dict(base or {})
    for models in per_worker.values():
        for name, s in models.items():
            out[name] = max(s, out.get(name, 0.0))
    return out


class ForkPool:
    """``processes`` worker processes: one spawned that runs ``load(*load_args)`` and forks the others.

    :meth:`submit` returns a :class:`~concurrent.futures.Future` of ``(result, pid, models)``.
    Nothing blocks here: the zygote loads while this process goes on (imports Prefect)."""

    def __init__(self, processes: int, load: Any, load_args: tuple = ()) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.processes = processes
        self._tasks, self._results = ctx.Queue(), ctx.Queue()
        self._zygote = ctx.Process(target=_zygote, name="lingflow-worker",
                                   args=(os.getpid(), processes, load, load_args, self._tasks, self._results))
        self._zygote.start()
        self._ids = itertools.count()
        self._waiting: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._broken: BaseException | None = None
        self._reader = threading.Thread(target=self._read, name="lingflow-pool-results", daemon=True)
        self._reader.start()
        atexit.register(self.close)  # never leave the zygote waiting for work at interpreter exit

    @property
    def broken(self) -> BaseException | None:
        """Why the pool stopped serving (a worker died), or None."""
        return self._broken

    def submit(self, fn: Any, *args: Any) -> Future:
        fut: Future = Future()
        with self._lock:
            if self._broken is not None or self._closed:
                fut.set_exception(self._broken or RuntimeError("the worker processes were stopped"))
                return fut
            tid = next(self._ids)
            self._waiting[tid] = fut
        self._tasks.put((tid, fn, args))
        return fut

    def _read(self) -> None:
        while True:
            try:
                tid, ok, value, pid, models = self._results.get(timeout=0.5)
            except queue.Empty:
                alive = self._zygote.is_alive()
                if self._closed and not alive:
                    return
                if alive or self._closed:
                    continue
                self._fail(WorkerDied(f"the worker process (pid {self._zygote.pid}) ended with code "
                                      f"{self._zygote.exitcode} while processing"))
                return
            except (EOFError, OSError):
                return
            if tid == _BROKEN:
                self._fail(value)
                return
            with self._lock:
                fut = self._waiting.pop(tid, None)
            if fut is not None:
                if ok:
                    fut.set_result((value, pid, models))
                else:
                    fut.set_exception(value)

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            self._broken = exc
            waiting, self._waiting = self._waiting, {}
        for fut in waiting.values():
            fut.set_exception(exc)

    def close(self, timeout: float = 60.0) -> None:
        """Let the workers finish their batch and stop (batches not yet taken are dropped)."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        try:
            while True:  # drop what no worker took yet
                self._tasks.get_nowait()
        except (queue.Empty, OSError, EOFError):
            pass
        for _ in range(self.processes):
            self._tasks.put(None)
        self._zygote.join(timeout)
        if self._zygote.is_alive():
            self._zygote.terminate()
            self._zygote.join(5)
        self._fail(RuntimeError("the worker processes were stopped"))
        self._reader.join(2)
        self._tasks.close()
        self._results.close()
