"""Model files memory-mapped read-only, and all of their pages mapped before a fork (issue 22).

Large read-only tables are memory-mapped instead of read: navec's Russian vectors (150 MB),
en_core_web_md's vectors matrix (23 MB), language ID's hashed word lists (10 MB). A process maps
a page of such a file when it first looks at it, so a worker of a large run maps more and more of
them as it meets new words (a forked worker of the 100k-document benchmark: +22 MB of the English
vectors and +8 MB of the word lists over its first 30 batches, page by page). Pages are counted
between the processes that map them (PSS): when the process that forks the workers has mapped
every page of every table (:func:`map_in_full`), what a worker looks up is already counted there,
and a run's memory no longer grows with the number of distinct words it sees.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import Any

import numpy as np

_LOCK = threading.Lock()
_MAPS: list[weakref.ref] = []  # every table of this process opened by load_mapped


def load_mapped(path: Path | str) -> np.ndarray:
    """``np.load(path, mmap_mode="r")``, remembered for :func:`map_in_full`."""
    table = np.load(path, mmap_mode="r", allow_pickle=False)
    with _LOCK:
        _MAPS[:] = [r for r in _MAPS if r() is not None]
        _MAPS.append(weakref.ref(table))
    return table


def mapped_tables() -> list[Any]:
    """The tables of this process opened by :func:`load_mapped` and still in use."""
    with _LOCK:
        return [t for t in (r() for r in _MAPS) if t is not None]


def map_in_full() -> int:
    """Read one byte of every page of every table opened by :func:`load_mapped`: all of each file
    is then mapped in this process. Called in the process that forks the workers. Returns the bytes
    mapped (~0.1 s for 180 MB already in the page cache)."""
    total = 0
    for table in mapped_tables():
        flat = np.asarray(table).reshape(-1).view(np.uint8)
        int(flat[::4096].sum())  # page by page (4 KiB: a larger page is touched more than once)
        total += flat.size
    return total
