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

PART_TABLES = ("dates", "mentions", "documents")  # commit order: documents last
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
        """Write one batch's rows to staging, split by part; return the batch folder."""
        bdir = self.staging_dir(run_id) / f"batch-{batch_no:06d}"
        for name in PART_TABLES:
            by_part: dict[str, list] = {}
            for r in rows[name]:
                by_part.setdefault(bucket(r["doc_id"]), []).append(r)
            for part, prow in by_part.items():
                table = pa.Table.from_pylist(prow, schema=schema.TABLES[name])
                write_atomic(table, bdir / f"{name}-{part}.parquet")
        return str(bdir)

    # -- commit ------------------------------------------------------------------------
    def commit(self, run_id: str) -> dict[str, int]:
        """Merge every staged batch of ``run_id`` into the tables; rebuild entities.

        Safe to call again after a crash at any point: parts already merged are merged
        again to the same result, because staged rows replace rows by doc_id."""
        sdir = self.staging_dir(run_id)
        journal = self.root / ".commit"
        staged = sorted(sdir.glob("batch-*/*.parquet")) if sdir.exists() else []
        if not staged and not journal.exists():
            return {}
        journal.write_text(json.dumps({"run_id": run_id}))
        _fsync_dir(self.root)
        written: Counter = Counter()
        # every part holding a staged document is rewritten in every table, even with no new rows
        parts = sorted({p.stem.split("-", 1)[1] for p in staged if p.stem.startswith("documents-")})
        replaced_by_part = {part: pa.array(sorted(set(self._doc_ids(staged, part))), pa.string()) for part in parts}
        for name in PART_TABLES:
            for part in parts:
                replaced = replaced_by_part[part]
                new = pa.concat_tables([schema.TABLES[name].empty_table()]
                                       + [pq.read_table(p, schema=schema.TABLES[name]) for p in staged
                                          if p.stem == f"{name}-{part}"])
                target = self.root / name / f"part-{part}.parquet"
                if target.exists():
                    old = pq.read_table(target, schema=schema.TABLES[name])
                    old = old.filter(pc.invert(pc.is_in(old["doc_id"], value_set=replaced)))
                    new = pa.concat_tables([old, new])
                write_atomic(_sorted(new, name), target)
                written[name] += 1
        self.rebuild_entities()
        journal.unlink(missing_ok=True)
        shutil.rmtree(sdir, ignore_errors=True)
        return dict(written)

    @staticmethod
    def _doc_ids(staged: list[Path], part: str) -> list[str]:
        """Documents whose rows are replaced: every doc staged in this part's documents file."""
        ids: list[str] = []
        for p in staged:
            if p.stem == f"documents-{part}":
                ids.extend(pq.read_table(p, columns=["doc_id"])["doc_id"].to_pylist())
        return ids

    def rebuild_entities(self) -> None:
        """Aggregate mentions (non-DATE) into one row per entity_id."""
        m = self.read("mentions", ["doc_id", "label", "lang", "text", "normalized", "entity_id"])
        m = m.filter(pc.and_(pc.not_equal(m["label"], "DATE"), pc.is_valid(m["entity_id"])))
        rows = m.to_pydict()
        agg: dict[str, dict] = {}
        for doc, label, lang, text, norm, eid in zip(rows["doc_id"], rows["label"], rows["lang"], rows["text"],
                                                    rows["normalized"], rows["entity_id"]):
            a = agg.setdefault(eid, {"label": label, "lang": Counter(), "canon": Counter(), "variants": set(),
                                     "docs": set(), "n": 0})
            a["lang"][lang] += 1
            a["canon"][norm or text] += 1
            a["variants"].add(text)
            a["docs"].add(doc)
            a["n"] += 1
        out = []
        for eid in sorted(agg):
            a = agg[eid]
            canon = sorted(a["canon"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            lang = sorted(a["lang"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            out.append({"entity_id": eid, "label": a["label"], "canonical": canon, "lang": lang,
                        "variants": sorted(a["variants"]), "mention_count": a["n"], "doc_count": len(a["docs"])})
        write_atomic(pa.Table.from_pylist(out, schema=schema.ENTITIES), self.root / "entities" / "part-0.parquet")

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


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
