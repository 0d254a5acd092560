"""Read an output folder back for people and scripts (used by ``lingflow inspect``).

Every view returns plain records: paths instead of doc_id hashes, ``None`` for nulls, lists as
lists, timestamps and dates as ISO strings, so the CLI can print them as a table or as JSON.
"""

from __future__ import annotations

import difflib
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.io.tables import TableStore

VIEWS = ("summary", "documents", "mentions", "entities", "dates", "runs", "failed")

COLUMNS = {
    "documents": ["path", "lang", "lang_confidence", "status", "n_chars", "n_words", "encoding", "error",
                  "ingested_at"],
    "mentions": ["path", "lang", "label", "text", "start", "end", "normalized", "source"],
    "entities": ["label", "canonical", "lang", "mention_count", "doc_count", "variants", "xlang_id"],
    "dates": ["path", "expression", "value", "calendar", "source_value", "granularity", "kind", "start_date",
              "end_date"],
    "runs": ["started_at", "corpus", "status", "seen", "new", "changed", "unchanged", "deleted", "failed",
             "processed", "mentions_written", "duration_s", "flow_run_id", "run_id"],
    "failed": ["path", "error", "ingested_at"],
}


class NotAnOutputFolder(ValueError):
    """The folder holds none of the lingflow tables."""


class NoSuchDocument(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


def check_output_folder(out: str | Path) -> TableStore:
    """The folder's store, or :class:`NotAnOutputFolder` with what to do."""
    root = Path(out)
    store = TableStore(root)
    if not root.is_dir():
        raise NotAnOutputFolder(f"{root} is not a folder; run `lingflow run CORPUS --out {root}` first")
    if not any(store.part_files(name) for name in schema.TABLES):
        raise NotAnOutputFolder(f"{root} holds no lingflow tables (documents/, mentions/, entities/, dates/, runs/); "
                                f"run `lingflow run CORPUS --out {root}` first")
    return store


def table_counts(out: str | Path) -> dict[str, int]:
    store = TableStore(out)
    return {name: sum(pq.ParquetFile(f).metadata.num_rows for f in store.part_files(name)) for name in schema.TABLES}


def _plain(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.isoformat(timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _records(t: pa.Table, columns: list[str]) -> list[dict[str, Any]]:
    cols = [c for c in columns if c in t.column_names]
    return [{k: _plain(v) for k, v in r.items()} for r in t.select(cols).to_pylist()]


def _with_paths(store: TableStore, t: pa.Table) -> pa.Table:
    """Add each row's document ``path`` (from ``doc_id``)."""
    docs = store.read("documents", ["doc_id", "path"])
    return t.join(docs, "doc_id", join_type="left outer", use_threads=False)


def _head(t: pa.Table, rows: int) -> pa.Table:
    return t if rows <= 0 else t.slice(0, rows)


def view(out: str | Path, name: str, rows: int = 10) -> dict[str, Any]:
    """One view of the folder: ``{"view", "total", "rows"}`` (``rows <= 0``: every row)."""
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}; choose one of {', '.join(VIEWS)}")
    store = check_output_folder(out)
    if name == "summary":
        return summary(store)
    table = "documents" if name == "failed" else name
    t = store.read(table)
    if name == "failed":
        t = t.filter(pc.equal(t.column("status"), "failed"))
    if name in ("mentions", "dates"):
        t = _with_paths(store, t)
    sort = {"documents": [("path", "ascending")], "failed": [("path", "ascending")],
            "mentions": [("path", "ascending"), ("start", "ascending"), ("end", "ascending")],
            "entities": [("mention_count", "descending"), ("canonical", "ascending"), ("lang", "ascending")],
            "dates": [("path", "ascending"), ("start_date", "ascending"), ("expression", "ascending")],
            "runs": [("started_at", "descending")]}[name]
    t = t.take(pc.sort_indices(t, sort))
    return {"view": name, "total": t.num_rows, "rows": _records(_head(t, rows), COLUMNS[name])}


def summary(store: TableStore) -> dict[str, Any]:
    docs = store.read("documents", ["lang", "status"])
    labels = store.read("mentions", ["label"]).column("label").to_pylist()
    runs = view(store.root, "runs", 1)["rows"]
    return {
        "view": "summary", "out": str(store.root), "tables": table_counts(store.root),
        "documents_by_status": dict(sorted(Counter(docs.column("status").to_pylist()).items())),
        "documents_by_language": dict(sorted(Counter(x or "" for x in docs.column("lang").to_pylist()).items())),
        "mentions_by_label": dict(sorted(Counter(labels).items())),
        "last_run": runs[0] if runs else None,
    }


def document(out: str | Path, path: str) -> dict[str, Any]:
    """One document (by its path relative to the corpus root) with its mentions and dates."""
    store = check_output_folder(out)
    docs = store.read("documents")
    wanted = path.replace("\\", "/")
    wanted = wanted[2:] if wanted.startswith("./") else wanted
    hit = docs.filter(pc.equal(docs.column("path"), wanted))
    if hit.num_rows == 0:
        paths = docs.column("path").to_pylist()
        close = difflib.get_close_matches(wanted, paths, n=3) or [p for p in paths if p.endswith(wanted)][:3]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NoSuchDocument(f"no document {path!r} in {out} (paths are relative to the corpus root){hint}")
    row = hit.to_pylist()[0]
    did = row["doc_id"]
    mentions = store.read("mentions")
    mentions = mentions.filter(pc.equal(mentions.column("doc_id"), did))
    mentions = mentions.take(pc.sort_indices(mentions, [("start", "ascending"), ("end", "ascending")]))
    dates = store.read("dates")
    dates = dates.filter(pc.equal(dates.column("doc_id"), did))
    info = {k: _plain(row[k]) for k in COLUMNS["documents"] + ["doc_id", "lang_spans", "size_bytes",
                                                                 "pipeline_version"]}
    return {"view": "document", "document": info, "text": row["text"],
            "mentions": _records(mentions, ["label", "text", "start", "end", "normalized", "lang", "entity_id",
                                            "source"]),
            "dates": _records(dates, ["expression", "value", "calendar", "source_value", "granularity", "kind"])}
