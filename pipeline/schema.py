"""The pyarrow schemas of every output table: the single source of the output contract."""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("path", pa.string(), nullable=False),          # relative to the corpus root, POSIX separators
    pa.field("content_sha256", pa.string()),                # null when the file could not be read
    pa.field("size_bytes", pa.int64()),
    pa.field("encoding", pa.string()),                      # how the bytes were decoded (utf-8, utf-16, cp1251 ...)
    pa.field("lang", pa.string()),                          # ISO 639-1 or "und"
    pa.field("lang_confidence", pa.float64()),
    pa.field("lang_spans", pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32()), ("lang", pa.string())]))),
    pa.field("text", pa.large_string()),                    # decoded text; every offset refers to it
    pa.field("n_chars", pa.int64()),
    pa.field("n_words", pa.int64()),
    pa.field("status", pa.string(), nullable=False),        # ok | failed | deleted | skipped
    pa.field("error", pa.string()),
    pa.field("ingested_at", TS, nullable=False),
    pa.field("pipeline_version", pa.string(), nullable=False),
])

MENTIONS = pa.schema([
    pa.field("mention_id", pa.string(), nullable=False),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("lang", pa.string(), nullable=False),
    pa.field("label", pa.string(), nullable=False),          # ORG | PER | LOC | DATE
    pa.field("text", pa.string(), nullable=False),           # == documents.text[start:end]
    pa.field("start", pa.int64(), nullable=False),
    pa.field("end", pa.int64(), nullable=False),
    pa.field("normalized", pa.string()),                     # canonical name; ISO 8601 for DATE
    pa.field("entity_id", pa.string()),
    pa.field("confidence", pa.float64()),
    pa.field("source", pa.string(), nullable=False),         # backend name and version
])

ENTITIES = pa.schema([
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("label", pa.string(), nullable=False),
    pa.field("canonical", pa.string(), nullable=False),
    pa.field("lang", pa.string(), nullable=False),
    pa.field("variants", pa.list_(pa.string()), nullable=False),
    pa.field("mention_count", pa.int64(), nullable=False),
    pa.field("doc_count", pa.int64(), nullable=False),
    pa.field("xlang_id", pa.string()),                       # same person/place across az/en/ru/fa scripts, or null
])

DATES = pa.schema([
    pa.field("mention_id", pa.string(), nullable=False),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("expression", pa.string(), nullable=False),
    pa.field("value", pa.string()),                          # ISO 8601: 1972, 2010-03, 1940-12-11, 2024-08-26/2024-08-29
    pa.field("start_date", pa.date32()),
    pa.field("end_date", pa.date32()),
    pa.field("granularity", pa.string()),                    # year | month | day | interval
    pa.field("calendar", pa.string()),                       # gregorian | jalali | hijri
    pa.field("source_value", pa.string()),                   # the value as written in its own calendar (e.g. 1374)
    pa.field("kind", pa.string()),                           # date | relative | duration
])

RUNS = pa.schema([
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("corpus", pa.string(), nullable=False),
    pa.field("started_at", TS, nullable=False),
    pa.field("finished_at", TS, nullable=False),
    pa.field("duration_s", pa.float64(), nullable=False),
    pa.field("seen", pa.int64(), nullable=False),
    pa.field("new", pa.int64(), nullable=False),
    pa.field("changed", pa.int64(), nullable=False),
    pa.field("unchanged", pa.int64(), nullable=False),
    pa.field("deleted", pa.int64(), nullable=False),
    pa.field("failed", pa.int64(), nullable=False),
    pa.field("processed", pa.int64(), nullable=False),
    pa.field("mentions_written", pa.int64(), nullable=False),
    pa.field("per_language", pa.map_(pa.string(), pa.int64()), nullable=False),
    pa.field("per_label", pa.map_(pa.string(), pa.int64()), nullable=False),
    pa.field("pipeline_version", pa.string(), nullable=False),
    pa.field("status", pa.string(), nullable=False),        # completed | failed | recovered
    pa.field("recovered_run_id", pa.string()),              # the killed run whose commit this run completed
    pa.field("committed_documents", pa.int64()),            # document rows this run committed (recovery included)
    pa.field("flow_run_id", pa.string()),                   # Prefect's flow-run id; null outside a flow run
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "dates": DATES,
    "runs": RUNS,
}


class RowError(ValueError):
    """A row whose keys are not the columns of its table."""


_COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(sch.names) for name, sch in TABLES.items()}


def row(table: str, **values) -> dict:
    """One row of ``table``, keyed in the schema's column order; a missing or an extra key raises
    :class:`RowError` (``pa.Table.from_pylist`` would silently make a column of nulls or drop it)."""
    columns = _COLUMNS[table]
    if values.keys() != set(columns):
        missing = [c for c in columns if c not in values]
        extra = sorted(k for k in values if k not in columns)
        raise RowError(f"{table} row: missing {missing}, extra {extra} (columns: pipeline/schema.py)")
    return {c: values[c] for c in columns}


# Sort keys: every table is written sorted, so the same input gives the same bytes.
SORT_KEYS: dict[str, list[tuple[str, str]]] = {
    "documents": [("doc_id", "ascending")],
    "mentions": [("doc_id", "ascending"), ("start", "ascending"), ("end", "ascending"), ("label", "ascending")],
    "entities": [("entity_id", "ascending")],
    "dates": [("doc_id", "ascending"), ("mention_id", "ascending")],
    "runs": [("started_at", "ascending")],
}
