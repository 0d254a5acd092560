"""The Parquet table store: staged batches, atomic per-file commits, a lock per output folder.

Layout of an output folder::

    documents/part-<h>.parquet   documents, mentions and dates are split into 16 parts by the
    mentions/part-<h>.parquet    first hex digit of doc_id, so an incremental run rewrites
    dates/part-<h>.parquet       only the parts it touches and memory stays bounded
    entities/part-0.parquet      recomputed from mentions after every commit
    runs/run-<time>-<id>.parquet one file per run
    .staging/<run_id>/...        batch outputs waiting for commit (hidden: readers skip it)
    .commit                      journal: present only while a commit is in progress
    .lock                        held by the running flow (an OS lock: a crash releases it)

Every file is written to a hidden temporary name, flushed, fsynced and renamed over the
old one, so a reader sees either the old or the new file, never half of one. The
documents parts are committed last; a run killed mid-commit leaves documents that the
next run sees as still to do, and the journal makes it rebuild the entities table.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from pipeline import schema
from pipeline.document import Document, Mention
from pipeline.entities.translit import xlang_id

PART_TABLES = ("dates", "mentions", "documents")  # commit order: documents last
PARTS = "0123456789abcdef"  # first hex digit of doc_id

# Arrow's default mimalloc pool keeps freed memory; commits read and write whole parts, so
# with it peak RSS grows with corpus size. The system allocator returns memory to the OS.
pa.set_memory_pool(pa.system_memory_pool())
COMPRESSION = "zstd"


class OutputLocked(RuntimeError):
    """Another run holds the output folder."""


@dataclass
class DocState:
    sha: str | None
    version: str
    status: str
    error: str | None
    lang: str
    path: str


@dataclass
class BatchSummary:
    """What a staged batch holds: small enough to pass between tasks."""

    path: str
    docs: int = 0
    failed: int = 0
    mentions: int = 0
    per_language: dict[str, int] = field(default_factory=dict)
    per_label: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)  # reason (first clause) -> count
    words: int = 0


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a hidden temp path next to ``path``; on success fsync it and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}-{path.name}"
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    _fsync_dir(path.parent)


def write_atomic(table: pa.Table, path: Path, by_part: bool = False) -> None:
    """Write ``table`` to ``path`` through a hidden temp file, fsync and rename.

    ``by_part``: one row group per part (rows must be sorted by doc_id), so a commit can
    read one part of a staged batch without reading the rest."""
    with atomic_path(path) as tmp:
        if by_part and table.num_rows:
            with pq.ParquetWriter(tmp, table.schema, compression=COMPRESSION) as w:
                for _, start, stop in _part_runs(table):
                    w.write_table(table.slice(start, stop - start))
        else:
            pq.write_table(table, tmp, compression=COMPRESSION, row_group_size=65536)


def _part_runs(table: pa.Table) -> list[tuple[str, int, int]]:
    """``(part, start, stop)`` row ranges of a table sorted by doc_id."""
    first = pc.utf8_slice_codeunits(table["doc_id"], 0, 1).to_pylist()
    runs: list[tuple[str, int, int]] = []
    for i, part in enumerate(first):
        if runs and runs[-1][0] == part:
            runs[-1] = (part, runs[-1][1], i + 1)
        else:
            runs.append((part, i, i + 1))
    return runs


def _row_groups_by_part(path: Path) -> dict[str, list[int]]:
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


def _fsync_dir(path: Path) -> None:
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


def _sorted(table: pa.Table, name: str) -> pa.Table:
    return table.sort_by(schema.SORT_KEYS[name]) if table.num_rows else table


def _lang_at(doc: Document, pos: int) -> str:
    for s, e, lang in doc.lang_spans:
        if s <= pos < e:
            return lang
    return doc.lang


def document_rows(docs: Iterable[Document], ingested_at: datetime, versions: dict[str, str],
                  deleted: bool = False) -> dict[str, list]:
    """Rows of the documents, mentions and dates tables for processed documents."""
    drows, mrows, trows = [], [], []
    for d in docs:
        text = None if deleted or not d.ok else d.text
        drows.append({
            "doc_id": d.doc_id, "path": d.path, "content_sha256": d.content_sha256, "size_bytes": d.size_bytes,
            "encoding": d.encoding, "lang": d.lang if d.ok else ("und" if not deleted else d.lang),
            "lang_confidence": d.lang_confidence if d.ok else 0.0,
            "lang_spans": [{"start": s, "end": e, "lang": lg} for s, e, lg in d.lang_spans] if d.ok else [],
            "text": text, "n_chars": len(text) if text is not None else 0,
            "n_words": len(text.split()) if text is not None else 0,
            "status": "deleted" if deleted else d.status, "error": d.error,
            "ingested_at": ingested_at, "pipeline_version": versions.get(d.lang if d.ok else "und", versions["und"]),
        })
        if not d.ok or deleted:
            continue
        for m in d.mentions:
            mid = m.mention_id(d.doc_id)
            mrows.append({
                "mention_id": mid, "doc_id": d.doc_id, "lang": _lang_at(d, m.start), "label": m.label,
                "text": m.text, "start": m.start, "end": m.end, "normalized": m.normalized,
                "entity_id": m.entity_id, "confidence": m.confidence, "source": m.source,
            })
            if m.label == "DATE":
                trows.append(_date_row(d.doc_id, mid, m))
    return {"documents": drows, "mentions": mrows, "dates": trows}


def _date_row(doc_id: str, mid: str, m: Mention) -> dict:
    dm = m.date
    return {
        "mention_id": mid, "doc_id": doc_id, "expression": m.text,
        "value": getattr(dm, "value", None), "start_date": getattr(dm, "start_date", None),
        "end_date": getattr(dm, "end_date", None), "granularity": getattr(dm, "granularity", None),
        "calendar": getattr(dm, "calendar", None) or "gregorian", "source_value": getattr(dm, "source_value", None),
        "kind": getattr(dm, "kind", None),
    }


class TableStore:
    """Reads state from and commits staged batches to one output folder."""

    def __init__(self, out_dir: str | Path) -> None:
        self.root = Path(out_dir)

    # -- locking -----------------------------------------------------------------------
    def lock(self) -> FileLock:
        """Acquire the folder's lock or raise :class:`OutputLocked` at once."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / ".lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise OutputLocked(
                f"another lingflow run is writing to {self.root} (lock {self.root / '.lock'} is held); "
                "wait for it to finish or use another --out folder") from None
        return lock

    # -- state -------------------------------------------------------------------------
    def part_files(self, table: str) -> list[Path]:
        d = self.root / table
        return sorted(p for p in d.glob("*.parquet") if not p.name.startswith((".", "_"))) if d.exists() else []

    def read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        files = self.part_files(table)
        if not files:
            return schema.TABLES[table].empty_table().select(columns) if columns else schema.TABLES[table].empty_table()
        return pa.concat_tables([pq.read_table(f, columns=columns, schema=schema.TABLES[table]) for f in files])

    def load_state(self) -> dict[str, DocState]:
        """doc_id -> what the last committed run recorded (no text is read)."""
        cols = ["doc_id", "content_sha256", "pipeline_version", "status", "error", "lang", "path"]
        # ParquetFile, not pq.read_table: the latter imports pyarrow.dataset (and pandas), ~0.2 s
        # of a re-run that otherwise only hashes files
        files = self.part_files("documents")
        if not files:
            return {}
        t = pa.concat_tables([pq.ParquetFile(f).read(columns=cols) for f in files])
        c = t.to_pydict()
        return {
            d: DocState(s, v, st, e, lg, p)
            for d, s, v, st, e, lg, p in zip(c["doc_id"], c["content_sha256"], c["pipeline_version"], c["status"],
                                             c["error"], c["lang"], c["path"])
        }

    def pending_commit(self) -> bool:
        return (self.root / ".commit").exists()

    def pending_run_id(self) -> str:
        return json.loads((self.root / ".commit").read_text())["run_id"]

    # -- staging -----------------------------------------------------------------------
    def staging_dir(self, run_id: str) -> Path:
        return self.root / ".staging" / run_id

    def stage(self, run_id: str, batch_no: int, rows: dict[str, list]) -> str:
        """Write one batch's rows to staging (one file per table, one row group per part);
        return the batch folder."""
        bdir = self.staging_dir(run_id) / f"batch-{batch_no:06d}"
        for name in PART_TABLES:  # documents last: a batch counts only once its documents file exists
            table = pa.Table.from_pylist(rows[name], schema=schema.TABLES[name])
            write_atomic(_sorted(table, name), bdir / f"{name}.parquet", by_part=True)
        return str(bdir)

    # -- commit ------------------------------------------------------------------------
    def commit(self, run_id: str) -> dict[str, int]:
        """Merge every staged batch of ``run_id`` into the tables; rebuild entities.

        Streaming, one (table, part) in memory at a time: each staged file holds one row
        group per part, so a part's new rows are read from every batch without reading
        the rest; they replace the part's old rows by doc_id. Safe to call again after a
        crash at any point: a replay gives the same tables."""
        sdir = self.staging_dir(run_id)
        journal = self.root / ".commit"
        batches = sorted(b for b in sdir.glob("batch-*") if (b / "documents.parquet").exists()) if sdir.exists() else []
        if not batches and not journal.exists():
            return {}
        journal.write_text(json.dumps({"run_id": run_id}))
        _fsync_dir(self.root)
        written: Counter = Counter()
        doc_index = _staged_index(batches, "documents")
        replaced = {part: pc.unique(_read_part(doc_index, part, "documents", ["doc_id"])["doc_id"])
                    for part in sorted({p for _, groups in doc_index for p in groups})}
        for name in PART_TABLES:
            index = doc_index if name == "documents" else _staged_index(batches, name)
            for part, ids in replaced.items():
                new = _read_part(index, part, name)
                target = self.root / name / f"part-{part}.parquet"
                if target.exists():
                    old = pq.read_table(target, schema=schema.TABLES[name])
                    old = old.filter(pc.invert(pc.is_in(old["doc_id"], value_set=ids)))
                    new = pa.concat_tables([old, new])
                write_atomic(_sorted(new, name), target)
                written[name] += 1
                del new
        self.rebuild_entities()
        journal.unlink(missing_ok=True)
        shutil.rmtree(sdir, ignore_errors=True)
        return dict(written)

    def rebuild_entities(self) -> None:
        """Aggregate mentions (non-DATE) into one row per entity_id (vectorised, no Python loop).

        Streams by entity_id range (16 buckets split at the hex digits): for each bucket every mentions
        part is read and filtered, so memory holds about 1/16 of the mentions at a time
        whatever the corpus size; buckets are written in order as row groups of one file."""
        files = self.part_files("mentions")
        cols = ["doc_id", "label", "lang", "text", "normalized", "entity_id"]
        with atomic_path(self.root / "entities" / "part-0.parquet") as tmp, \
                pq.ParquetWriter(tmp, schema.ENTITIES, compression=COMPRESSION) as writer:
            for i, lo in enumerate(PARTS):  # bucket i: ids from PARTS[i] up to PARTS[i + 1];
                hi = PARTS[i + 1] if i + 1 < len(PARTS) else None  # first and last open-ended
                pieces = []
                for f in files:
                    m = pq.read_table(f, columns=cols, schema=schema.TABLES["mentions"])
                    keep = pc.not_equal(m["label"], "DATE")
                    if i:
                        keep = pc.and_(keep, pc.greater_equal(m["entity_id"], lo))
                    if hi:
                        keep = pc.and_(keep, pc.less(m["entity_id"], hi))
                    pieces.append(m.filter(keep))
                    del m
                m = pa.concat_tables(pieces) if pieces else schema.TABLES["mentions"].empty_table().select(cols)
                del pieces
                if m.num_rows:
                    writer.write_table(_sorted(_aggregate_entities(m), "entities"))

    def write_run(self, row: dict) -> Path:
        stamp = row["started_at"].strftime("%Y%m%dT%H%M%S%fZ")
        path = self.root / "runs" / f"run-{stamp}-{row['run_id'][:8]}.parquet"
        write_atomic(pa.Table.from_pylist([row], schema=schema.RUNS), path)
        return path

    def clean_stale_staging(self, keep: str | None = None) -> None:
        """Remove staging left by crashed runs (their documents are redone by this run)."""
        sroot = self.root / ".staging"
        if sroot.exists():
            for d in sroot.iterdir():
                if d.name != keep:
                    shutil.rmtree(d, ignore_errors=True)


def _staged_index(batches: list[Path], name: str) -> list[tuple[Path, dict[str, list[int]]]]:
    """Each staged batch's file of table ``name`` with its part -> row groups map."""
    return [(b / f"{name}.parquet", _row_groups_by_part(b / f"{name}.parquet")) for b in batches]


def _read_part(index: list[tuple[Path, dict[str, list[int]]]], part: str, name: str,
               columns: list[str] | None = None) -> pa.Table:
    """One part's rows of a table from every staged batch (one row group each)."""
    sch = schema.TABLES[name]
    sch = pa.schema([sch.field(c) for c in columns]) if columns else sch
    tables = [pq.ParquetFile(path).read_row_groups(groups[part], columns=columns).cast(sch)
              for path, groups in index if part in groups]
    t = pa.concat_tables(tables) if tables else sch.empty_table()
    return t.filter(pc.starts_with(t["doc_id"], part))


def _aggregate_entities(m: pa.Table) -> pa.Table:
    """Entities rows from mention rows (all mentions of each entity_id must be in ``m``)."""
    m = m.set_column(m.schema.get_field_index("normalized"), "normalized", pc.coalesce(m["normalized"], m["text"]))
    base = m.group_by("entity_id").aggregate([
        ("label", "min"), ("entity_id", "count"), ("doc_id", "count_distinct"), ("text", "distinct")])
    out = pa.table({
        "entity_id": base["entity_id"], "label": base["label_min"],
        "canonical": _lookup(base["entity_id"], _most_common(m, "normalized")),
        "lang": _lookup(base["entity_id"], _most_common(m, "lang")),
        "variants": pa.array([sorted(v) for v in base["text_distinct"].to_pylist()], pa.list_(pa.string())),
        "mention_count": base["entity_id_count"], "doc_count": base["doc_id_count_distinct"],
    })
    out = out.append_column("xlang_id", pa.array(
        [xlang_id(c, lb, lg) for c, lb, lg in zip(out["canonical"].to_pylist(), out["label"].to_pylist(),
                                                  out["lang"].to_pylist())], pa.string()))
    return out.cast(schema.ENTITIES)


def _most_common(t: pa.Table, column: str) -> pa.Table:
    """Per entity_id, the most frequent value of ``column`` (ties: the smallest value)."""
    counts = t.group_by(["entity_id", column]).aggregate([(column, "count")])
    counts = counts.sort_by([("entity_id", "ascending"), (f"{column}_count", "descending"), (column, "ascending")])
    ids = counts["entity_id"]
    prev = pa.concat_arrays([pa.array([None], pa.string()), ids.combine_chunks()[:-1]])
    first = pc.fill_null(pc.not_equal(ids.combine_chunks(), prev), True)
    return counts.filter(first).select(["entity_id", column])


def _lookup(keys: pa.ChunkedArray, table: pa.Table) -> pa.Array:
    """``table``'s second column, aligned with ``keys`` (entity ids)."""
    idx = pc.index_in(keys, value_set=table["entity_id"].combine_chunks())
    return pc.take(table[table.column_names[1]], idx)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
