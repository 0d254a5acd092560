"""Functions the worker-pool tests send to worker processes (importable by a spawned process)."""

from __future__ import annotations

import os

LOADED_BY: int | None = None  # the pid of the process that ran load(): set before the fork


def load() -> None:
    global LOADED_BY
    LOADED_BY = os.getpid()


def where() -> tuple[int, int, int | None]:
    """(this pid, its parent's pid, the pid that loaded this process's model)."""
    return os.getpid(), os.getppid(), LOADED_BY


def fail(message: str) -> None:
    raise ValueError(message)


def die() -> None:
    os._exit(3)
