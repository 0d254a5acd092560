"""The Parquet table store: staged batches, one atomic version per commit, a lock per output folder.

Layout of an output folder (see :mod:`pipeline.io.versions` for how versions are published)::

    documents -> .current/documents   documents, mentions and dates are split into 16 parts by the
    mentions  -> .current/mentions    first hex digit of doc_id, so an incremental commit rewrites
    dates     -> .current/dates       only the parts it touches (the others are hard links)
    entities  -> .current/entities    one file, recomputed from mentions when they change
    runs      -> .current/runs        one file per run, published with that run's commit
    .current -> .versions/<n>         the published version
    .versions/<n>/manifest.json       version, run_id, kind, row counts of that version
    .staging/<run_id>/...             batch outputs waiting for commit
    .commit                           journal: present only while a commit is in progress
    .lock                             held by the running flow (an OS lock: a crash releases it)

A commit writes only inside ``.versions/<n>.building`` (never where a reader's glob looks) and
publishes it with one atomic symlink switch. A run killed mid-commit leaves an unpublished
folder, the journal and its staged batches: the next run removes the folder and replays the
commit from the staged batches (the replay gives the same tables).
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from pipeline import schema
from pipeline.io import versions
from pipeline.io.entities_table import aggregate_entities, write_entities  # noqa: F401 (re-exported)
from pipeline.io.files import (COMPRESSION, PARTS, atomic_path, fsync_file, link_or_copy,  # noqa: F401
                               row_groups_by_part, sorted_rows, write_parquet)
from pipeline.io.rows import document_rows  # noqa: F401 (re-exported: batch.py, tests)

PART_TABLES = ("dates", "mentions", "documents")

# Arrow's default mimalloc pool keeps freed memory; commits read and write whole parts, so
# with it peak RSS grows with corpus size. The system allocator returns memory to the OS.
pa.set_memory_pool(pa.system_memory_pool())

write_atomic = write_parquet  # the name older callers use
_row_groups_by_part = row_groups_by_part
_LOCKS: dict[str, FileLock] = {}  # one lock object per output folder per process (re-entrant)


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


class TableStore:
    """Reads state from and commits staged batches to one output folder."""

    def __init__(self, out_dir: str | Path) -> None:
        self.root = Path(out_dir)

    # -- locking -----------------------------------------------------------------------
    def lock(self) -> FileLock:
        """Acquire the folder's lock or raise :class:`OutputLocked` at once.

        Re-entrant within one process (the CLI takes it before Prefect starts, the flow again)."""
        self.root.mkdir(parents=True, exist_ok=True)
        key = str(self.root.resolve())
        lock = _LOCKS.setdefault(key, FileLock(str(self.root / ".lock"), thread_local=False))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise OutputLocked(
                f"another lingflow run is writing to {self.root} (lock {self.root / '.lock'} is held); "
                "wait for it to finish or use another --out folder") from None
        return lock

    # -- state (always from one published version) -------------------------------------
    def version_dir(self) -> Path | None:
        return versions.current_path(self.root)

    def part_files(self, table: str, vdir: Path | None = None) -> list[Path]:
        vdir = vdir or self.version_dir()
        d = vdir / table if vdir is not None else self.root / table
        return sorted(p for p in d.glob("*.parquet") if not p.name.startswith((".", "_"))) if d.is_dir() else []

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

    def journal(self) -> dict[str, Any]:
        """The journal of the commit in progress ({} if a kill left it unreadable: such a
        commit had built nothing yet, and its staging is dropped as stale)."""
        try:
            return json.loads((self.root / ".commit").read_text())
        except (OSError, ValueError):
            return {}

    def pending_run_id(self) -> str:
        return self.journal()["run_id"]

    # -- staging -----------------------------------------------------------------------
    def staging_dir(self, run_id: str) -> Path:
        return self.root / ".staging" / run_id

    def staged_batches(self, run_id: str) -> list[Path]:
        sdir = self.staging_dir(run_id)
        return sorted(b for b in sdir.glob("batch-*") if (b / "documents.parquet").exists()) if sdir.exists() else []

    def stage(self, run_id: str, batch_no: int, rows: dict[str, list]) -> str:
        """Write one batch's rows to staging (one file per table, one row group per part);
        return the batch folder."""
        bdir = self.staging_dir(run_id) / f"batch-{batch_no:06d}"
        for name in PART_TABLES:  # documents last: a batch counts only once its documents file exists
            table = pa.Table.from_pylist(rows[name], schema=schema.TABLES[name])
            write_parquet(sorted_rows(table, name), bdir / f"{name}.parquet", by_part=True)
        return str(bdir)

    # -- commit ------------------------------------------------------------------------
    def commit(self, run_id: str, run_row: dict | None = None, kind: str = "commit",
               recovered_run_id: str | None = None) -> dict[str, int]:
        """Publish a new version: the current one with every staged batch of ``run_id`` merged in
        (and ``run_row`` added to ``runs``); returns parts written per table and
        ``committed_documents``. Nothing is published when there is nothing to commit.

        Streaming, one (table, part) in memory at a time: each staged file holds one row
        group per part, so a part's new rows are read from every batch without reading
        the rest; they replace the part's old rows by doc_id. Untouched parts are hard links."""
        batches = self.staged_batches(run_id)
        if not batches and run_row is None:
            return {}
        self.migrate()
        versions.discard_unpublished(self.root)
        journal = self.root / ".commit"
        tmp = self.root / ".commit.tmp"  # written whole, then renamed: never a half journal
        tmp.write_text(json.dumps({"run_id": run_id, "run_row": run_row}, default=str))
        fsync_file(tmp)
        os.replace(tmp, journal)
        src = self.version_dir()
        n, build = versions.start(self.root)
        written: Counter = Counter()
        doc_index = _staged_index(batches, "documents")
        replaced = {part: pc.unique(_read_part(doc_index, part, "documents", ["doc_id"])["doc_id"])
                    for part in sorted({p for _, groups in doc_index for p in groups})}
        for name in PART_TABLES:
            index = doc_index if name == "documents" else _staged_index(batches, name)
            (build / name).mkdir()
            for part in sorted(set(PARTS) | set(replaced)):
                old = src / name / f"part-{part}.parquet" if src is not None else None
                target = build / name / f"part-{part}.parquet"
                if part not in replaced:
                    if old is not None and old.exists():
                        link_or_copy(old, target)
                    continue
                new = _read_part(index, part, name)
                if old is not None and old.exists():
                    prev = pq.read_table(old, schema=schema.TABLES[name])
                    prev = prev.filter(pc.invert(pc.is_in(prev["doc_id"], value_set=replaced[part])))
                    new = pa.concat_tables([prev, new])
                write_parquet(sorted_rows(new, name), target)
                written[name] += 1
                del new
        (build / "entities").mkdir()
        old_entities = src / "entities" / "part-0.parquet" if src is not None else None
        if replaced or old_entities is None or not old_entities.exists():
            write_entities(self.part_files("mentions", build), build / "entities" / "part-0.parquet")
        else:
            link_or_copy(old_entities, build / "entities" / "part-0.parquet")
        prev = versions.manifest(self.root)
        same_runs_schema = prev.get("runs_schema") == str(schema.RUNS)
        self._runs_into(build, src, run_row, same_runs_schema)
        docs = sum(len(ids) for ids in replaced.values())
        counts = {name: sum(pq.ParquetFile(f).metadata.num_rows for f in self.part_files(name, build))
                  for name in schema.TABLES if name != "runs"}
        counts["runs"] = (prev["rows"]["runs"] + (run_row is not None) if same_runs_schema
                          else sum(pq.ParquetFile(f).metadata.num_rows for f in self.part_files("runs", build)))
        versions.publish(self.root, n, build, {"run_id": run_id, "kind": kind, "rows": counts,
                                               "committed_documents": docs, "recovered_run_id": recovered_run_id,
                                               "runs_schema": str(schema.RUNS)})
        journal.unlink(missing_ok=True)
        shutil.rmtree(self.staging_dir(run_id), ignore_errors=True)
        versions.collect_garbage(self.root)
        return {**written, "committed_documents": docs}

    def _runs_into(self, build: Path, src: Path | None, run_row: dict | None, same_schema: bool) -> None:
        """Link the runs files of ``src`` into ``build`` (rewriting files of an older runs
        schema, once: ``same_schema`` says the previous version's files all have today's) and
        add ``run_row``'s file."""
        (build / "runs").mkdir()
        for f in self.part_files("runs", src) if src is not None else []:
            if same_schema or pq.read_schema(f) == schema.RUNS:
                link_or_copy(f, build / "runs" / f.name)
            else:
                write_parquet(pq.read_table(f, schema=schema.RUNS), build / "runs" / f.name)
        if run_row is not None:
            row = dict(run_row)
            row["finished_at"] = utcnow()
            row["duration_s"] = (row["finished_at"] - row["started_at"]).total_seconds()
            stamp = row["started_at"].strftime("%Y%m%dT%H%M%S%fZ")
            write_parquet(pa.Table.from_pylist([row], schema=schema.RUNS),
                          build / "runs" / f"run-{stamp}-{row['run_id'][:8]}.parquet")

    def write_run(self, row: dict) -> None:
        """Publish a version that only adds ``row`` to ``runs``."""
        self.commit(row["run_id"], run_row=row, kind="run")

    def migrate(self) -> bool:
        """Move a flat output folder of an older lingflow into the versioned layout."""
        return versions.migrate_flat(self.root)

    def clean_stale_staging(self, keep: str | None = None) -> list[str]:
        """Remove staging left by crashed runs (their documents are redone by this run)."""
        sroot = self.root / ".staging"
        removed = []
        if sroot.exists():
            for d in sroot.iterdir():
                if d.name != keep:
                    shutil.rmtree(d, ignore_errors=True)
                    removed.append(d.name)
        return removed


def _staged_index(batches: list[Path], name: str) -> list[tuple[Path, dict[str, list[int]]]]:
    """Each staged batch's file of table ``name`` with its part -> row groups map."""
    return [(b / f"{name}.parquet", row_groups_by_part(b / f"{name}.parquet")) for b in batches]


def _read_part(index: list[tuple[Path, dict[str, list[int]]]], part: str, name: str,
               columns: list[str] | None = None) -> pa.Table:
    """One part's rows of a table from every staged batch (one row group each)."""
    sch = schema.TABLES[name]
    sch = pa.schema([sch.field(c) for c in columns]) if columns else sch
    tables = [pq.ParquetFile(path).read_row_groups(groups[part], columns=columns).cast(sch)
              for path, groups in index if part in groups]
    t = pa.concat_tables(tables) if tables else sch.empty_table()
    return t.filter(pc.starts_with(t["doc_id"], part))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
