"""Parquet file helpers of the table store: durable writes, part ranges, row groups per part."""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import schema

PARTS = "0123456789abcdef"  # first hex digit of doc_id
COMPRESSION = "zstd"


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a hidden temp path next to ``path``; on success fsync it and rename it over ``path``.

    Used for staging and for files inside a version folder that is not published yet: never
    inside a folder that readers list."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}-{path.name}"
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    fsync_dir(path.parent)


def write_parquet(table: pa.Table, path: Path, by_part: bool = False) -> None:
    """Write ``table`` to ``path`` through a hidden temp file, fsync and rename.

    ``by_part``: one row group per part (rows must be sorted by doc_id), so a commit can
    read one part of a staged batch without reading the rest."""
    with atomic_path(path) as tmp:
        if by_part and table.num_rows:
            with pq.ParquetWriter(tmp, table.schema, compression=COMPRESSION) as w:
                for _, start, stop in part_runs(table):
                    w.write_table(table.slice(start, stop - start))
        else:
            pq.write_table(table, tmp, compression=COMPRESSION, row_group_size=65536)


def link_or_copy(src: Path, dst: Path) -> None:
    """Hard-link ``src`` as ``dst`` (an untouched part costs no space); copy where links fail."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def part_runs(table: pa.Table) -> list[tuple[str, int, int]]:
    """``(part, start, stop)`` row ranges of a table sorted by doc_id."""
    first = pc.utf8_slice_codeunits(table["doc_id"], 0, 1).to_pylist()
    runs: list[tuple[str, int, int]] = []
    for i, part in enumerate(first):
        if runs and runs[-1][0] == part:
            runs[-1] = (part, runs[-1][1], i + 1)
        else:
            runs.append((part, i, i + 1))
    return runs


def row_groups_by_part(path: Path) -> dict[str, list[int]]:
    """Part -> row groups of a staged file that may hold rows of that part (from the
    doc_id statistics; with ``by_part=True`` writes that is exactly one group per part)."""
    md = pq.read_metadata(path)
    col = md.schema.names.index("doc_id")
    groups: dict[str, list[int]] = {}
    for i in range(md.num_row_groups):
        stats = md.row_group(i).column(col).statistics
        if md.row_group(i).num_rows == 0:
            continue
        lo, hi = (stats.min[:1], stats.max[:1]) if stats is not None and stats.has_min_max else ("0", "f")
        for part in PARTS:
            if lo <= part <= hi:
                groups.setdefault(part, []).append(i)
    return groups


def fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sorted_rows(table: pa.Table, name: str) -> pa.Table:
    return table.sort_by(schema.SORT_KEYS[name]) if table.num_rows else table
