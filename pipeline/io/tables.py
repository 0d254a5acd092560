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
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from pipeline import schema
from pipeline.document import Document, Mention
from pipeline.entities.translit import xlang_id

PART_TABLES = ("dates", "mentions", "documents")  # commit order: documents last

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


def bucket(doc_id: str) -> str:
    return doc_id[0]


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` through a hidden temp file, fsync and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}-{path.name}"
    try:
        pq.write_table(table, tmp, compression=COMPRESSION, row_group_size=65536)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    _fsync_dir(path.parent)


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
        t = self.read("documents", ["doc_id", "content_sha256", "pipeline_version", "status", "error", "lang", "path"])
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
        """Write one batch's rows to staging (one file per table); return the batch folder."""
        bdir = self.staging_dir(run_id) / f"batch-{batch_no:06d}"
        for name in PART_TABLES:  # documents last: a batch counts only once its documents file exists
            table = pa.Table.from_pylist(rows[name], schema=schema.TABLES[name])
            write_atomic(table, bdir / f"{name}.parquet")
        return str(bdir)

    # -- commit ------------------------------------------------------------------------
    def commit(self, run_id: str) -> dict[str, int]:
        """Merge every staged batch of ``run_id`` into the tables; rebuild entities.

        Streaming: staged batches are first split by part into one file per (table, part),
        one batch in memory at a time; then each part is merged with its old file, one
        part in memory at a time. Safe to call again after a crash at any point: staged
        rows replace rows by doc_id, so a replay gives the same tables."""
        sdir = self.staging_dir(run_id)
        journal = self.root / ".commit"
        batches = sorted(b for b in sdir.glob("batch-*") if (b / "documents.parquet").exists()) if sdir.exists() else []
        if not batches and not journal.exists():
            return {}
        journal.write_text(json.dumps({"run_id": run_id}))
        _fsync_dir(self.root)
        merged = sdir / "merged"
        shutil.rmtree(merged, ignore_errors=True)
        replaced: dict[str, set[str]] = {}
        for b in batches:
            for doc_id in pq.read_table(b / "documents.parquet", columns=["doc_id"])["doc_id"].to_pylist():
                replaced.setdefault(bucket(doc_id), set()).add(doc_id)
        parts = sorted(replaced)
        written: Counter = Counter()
        for name in PART_TABLES:
            self._split_by_part(name, batches, merged)
            for part in parts:
                staged = merged / f"{name}-{part}.parquet"
                new = pq.read_table(staged, schema=schema.TABLES[name]) if staged.exists() \
                    else schema.TABLES[name].empty_table()
                target = self.root / name / f"part-{part}.parquet"
                if target.exists():
                    old = pq.read_table(target, schema=schema.TABLES[name])
                    ids = pa.array(sorted(replaced[part]), pa.string())
                    old = old.filter(pc.invert(pc.is_in(old["doc_id"], value_set=ids)))
                    new = pa.concat_tables([old, new])
                write_atomic(_sorted(new, name), target)
                written[name] += 1
        self.rebuild_entities()
        journal.unlink(missing_ok=True)
        shutil.rmtree(sdir, ignore_errors=True)
        return dict(written)

    @staticmethod
    def _split_by_part(name: str, batches: list[Path], merged: Path) -> None:
        """Append every staged batch's rows of table ``name`` to one file per part."""
        merged.mkdir(parents=True, exist_ok=True)
        writers: dict[str, pq.ParquetWriter] = {}
        try:
            for b in batches:
                t = pq.read_table(b / f"{name}.parquet", schema=schema.TABLES[name])
                if not t.num_rows:
                    continue
                first = pc.utf8_slice_codeunits(t["doc_id"], 0, 1)
                for part in sorted(set(first.to_pylist())):
                    if part not in writers:
                        writers[part] = pq.ParquetWriter(merged / f"{name}-{part}.parquet", schema.TABLES[name],
                                                         compression=COMPRESSION)
                    writers[part].write_table(t.filter(pc.equal(first, part)))
        finally:
            for w in writers.values():
                w.close()

    def rebuild_entities(self) -> None:
        """Aggregate mentions (non-DATE) into one row per entity_id (vectorised, no Python loop).

        Streams: one mentions part in memory at a time, reduced to per-entity partial counts.
        Parts split the documents, so partial counts (documents included) simply add up."""
        cols = ["doc_id", "label", "lang", "text", "normalized", "entity_id"]
        base_parts: list[pa.Table] = []
        value_parts: dict[str, list[pa.Table]] = {"normalized": [], "lang": [], "text": []}
        files = self.part_files("mentions")
        for f in files:
            m = pq.read_table(f, columns=cols, schema=schema.TABLES["mentions"])
            m = m.filter(pc.and_(pc.not_equal(m["label"], "DATE"), pc.is_valid(m["entity_id"])))
            m = m.set_column(m.schema.get_field_index("normalized"), "normalized",
                             pc.coalesce(m["normalized"], m["text"]))
            base_parts.append(m.group_by("entity_id").aggregate([
                ("label", "min"), ("entity_id", "count"), ("doc_id", "count_distinct")]))
            for col, parts in value_parts.items():
                parts.append(m.group_by(["entity_id", col]).aggregate([(col, "count")]))
            del m
        if not files:
            write_atomic(schema.ENTITIES.empty_table(), self.root / "entities" / "part-0.parquet")
            return
        base = pa.concat_tables(base_parts).group_by("entity_id").aggregate([
            ("label_min", "min"), ("entity_id_count", "sum"), ("doc_id_count_distinct", "sum")])
        counts = {col: _sum_counts(parts, col) for col, parts in value_parts.items()}
        variants = counts["text"].group_by("entity_id").aggregate([("text", "distinct")]).select(
            ["entity_id", "text_distinct"])
        out = pa.table({
            "entity_id": base["entity_id"], "label": base["label_min_min"],
            "canonical": _lookup(base["entity_id"], _most_common(counts["normalized"], "normalized")),
            "lang": _lookup(base["entity_id"], _most_common(counts["lang"], "lang")),
            "variants": _lookup(base["entity_id"], variants, sort_lists=True),
            "mention_count": base["entity_id_count_sum"], "doc_count": base["doc_id_count_distinct_sum"],
        })
        out = out.append_column("xlang_id", pa.array(
            [xlang_id(c, lb, lg) for c, lb, lg in zip(out["canonical"].to_pylist(), out["label"].to_pylist(),
                                                      out["lang"].to_pylist())], pa.string()))
        out = out.cast(schema.ENTITIES)
        write_atomic(_sorted(out, "entities"), self.root / "entities" / "part-0.parquet")

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


def _sum_counts(parts: list[pa.Table], column: str) -> pa.Table:
    """Add up per-part ``(entity_id, column) -> count`` tables."""
    t = pa.concat_tables(parts).group_by(["entity_id", column]).aggregate([(f"{column}_count", "sum")])
    return t.select(["entity_id", column, f"{column}_count_sum"]).rename_columns(
        ["entity_id", column, f"{column}_count"])


def _most_common(counts: pa.Table, column: str) -> pa.Table:
    """Per entity_id, the most frequent value of ``column`` (ties: the smallest value)."""
    counts = counts.sort_by([("entity_id", "ascending"), (f"{column}_count", "descending"), (column, "ascending")])
    ids = counts["entity_id"]
    if len(ids) == 0:
        return counts
    prev = pa.concat_arrays([pa.array([None], pa.string()), ids.combine_chunks()[:-1]])
    first = pc.fill_null(pc.not_equal(ids.combine_chunks(), prev), True)
    return counts.filter(first).select(["entity_id", column])


def _lookup(keys: pa.ChunkedArray, table: pa.Table, sort_lists: bool = False) -> pa.Array:
    """``table``'s second column, aligned with ``keys`` (entity ids)."""
    value_col = table.column_names[1]
    idx = pc.index_in(keys, value_set=table["entity_id"].combine_chunks())
    values = pc.take(table[value_col], idx)
    if sort_lists:
        values = pa.array([sorted(v) for v in values.to_pylist()], pa.list_(pa.string()))
    return values


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
