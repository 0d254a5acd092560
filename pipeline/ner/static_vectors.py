"""A spaCy model's static word vectors, read-only and compact, for prediction.

spaCy keeps a vectors table's keys in a Python dict (``Vectors.key2row``): en_core_web_md maps
684,830 word hashes to 20,000 rows, about 70 MB of dict and int objects per process, and every
lookup writes those objects' reference counts, so a worker forked after loading copies their
pages. Here the keys are two sorted numpy arrays (8 MB, never written) and the matrix is the
model's own ``.npy`` file memory-mapped read-only (shared by every process through the page cache).

spaCy's ``StaticVectors`` layer asks any vectors table that is not its own ``Vectors`` class for
``get_batch(keys)``; rows of unknown keys are zero, as ``Vectors`` makes them. Prediction only:
nothing can be added or trained.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import srsly
from spacy.vectors import BaseVectors

from pipeline.io.mapped import load_mapped


class SortedVectors(BaseVectors):
    """Static vectors of a saved spaCy vocab directory (``vectors``, ``key2row``), read-only."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray, data: np.ndarray, *, strings: Any = None) -> None:
        super().__init__(strings=strings)
        order = np.argsort(keys, kind="stable")
        self.keys = np.ascontiguousarray(keys[order], dtype=np.uint64)
        self.rows = np.ascontiguousarray(rows[order], dtype=np.int32)
        self.data = data
        self.name = None

    @classmethod
    def from_vocab_dir(cls, path: Path) -> "SortedVectors":
        cfg = srsly.read_json(path / "vectors.cfg") if (path / "vectors.cfg").exists() else {}
        if cfg.get("mode", "default") != "default":
            raise ValueError(f"{path}: vectors mode {cfg.get('mode')!r}; only spaCy's default mode is supported")
        key2row = srsly.read_msgpack(path / "key2row")
        keys = np.fromiter(key2row.keys(), dtype=np.uint64, count=len(key2row))
        rows = np.fromiter(key2row.values(), dtype=np.int32, count=len(key2row))
        del key2row
        data = load_mapped(path / "vectors")  # mapped in full before a fork (pipeline.io.mapped)
        return cls(keys, rows, data)

    def find_rows(self, keys: Any) -> np.ndarray:
        """The row of each key, -1 where the table has none."""
        keys = np.asarray(keys, dtype=np.uint64)
        at = np.searchsorted(self.keys, keys)
        at[at == len(self.keys)] = 0
        return np.where(self.keys[at] == keys, self.rows[at], -1) if len(self.keys) else np.full(len(keys), -1)

    def get_batch(self, keys: Any) -> np.ndarray:
        rows = self.find_rows(keys)
        out = np.zeros((len(rows), self.data.shape[1]), dtype=self.data.dtype)
        known = rows >= 0
        out[known] = self.data[rows[known]]
        return out

    def __getitem__(self, key: Any) -> np.ndarray:
        key = self.strings[key] if isinstance(key, str) else key
        return self.get_batch([key])[0]

    def __contains__(self, key: Any) -> bool:
        key = self.strings[key] if isinstance(key, str) else key
        return bool(self.find_rows([key])[0] >= 0)

    def __len__(self) -> int:
        return int(self.data.shape[0])

    @property
    def shape(self) -> tuple[int, int]:
        return tuple(self.data.shape)  # type: ignore[return-value]

    @property
    def vectors_length(self) -> int:
        return int(self.data.shape[1])

    @property
    def size(self) -> int:
        return int(self.data.size)

    def is_full(self) -> bool:
        return True

    def add(self, key: Any, *, vector: Any = None) -> int:
        raise TypeError("SortedVectors is read-only (prediction only)")

    def to_ops(self, ops: Any) -> None:  # the matrix stays a numpy memory map
        pass
