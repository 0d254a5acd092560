"""Process one batch of files end to end and stage its rows: the unit a worker runs.

Takes and returns small records (paths, ids, counts), never models or DataFrames; the
pipeline (and so every model) is built once per worker process and thread and reused.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime

from pipeline import components, languages
from pipeline.document import Document
from pipeline.io.decode import DEFAULT_MAX_BYTES
from pipeline.io.discover import SourceFile
from pipeline.io.tables import BatchSummary, TableStore, document_rows
from pipeline.steps import Pipeline, default_pipeline

_local = threading.local()


def get_pipeline(max_bytes: int = DEFAULT_MAX_BYTES) -> Pipeline:
    """The default pipeline, built once per thread (models are shared per process)."""
    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    if max_bytes not in cache:
        cache[max_bytes] = default_pipeline(max_bytes)
    return cache[max_bytes]


def versions() -> dict[str, str]:
    return {lang: components.version_for(lang) for lang in (*languages.supported(), languages.UND)}


def _document(f: SourceFile) -> Document:
    doc = Document(f.doc_id, f.rel_path, f.abs_path, f.content_sha256, f.size_bytes)
    if f.error:
        doc.fail("discover", f.error)
    return doc


def failure_reason(error: str | None) -> str:
    """A short category for the run summary: ``"binary file (read)"`` from the full error."""
    step, _, rest = (error or "unknown").partition(":")
    category = rest.split(":")[0].split("(")[0].strip() or step
    return f"{category} ({step})"


def summarize(path: str, docs: list[Document]) -> BatchSummary:
    s = BatchSummary(path=path, docs=len(docs))
    langs: Counter = Counter()
    labels: Counter = Counter()
    failures: Counter = Counter()
    for d in docs:
        if d.ok:
            langs[d.lang] += 1
            labels.update(m.label for m in d.mentions)
            s.mentions += len(d.mentions)
            s.words += len((d.text or "").split())
        elif d.status == "failed":
            s.failed += 1
            failures[failure_reason(d.error)] += 1
    s.per_language, s.per_label, s.failures = dict(langs), dict(labels), dict(failures)
    return s


def process_files(files: list[SourceFile], out_dir: str, run_id: str, batch_no: int, ingested_at: datetime,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> BatchSummary:
    """Run the pipeline over ``files`` and stage the resulting rows under ``out_dir``."""
    docs = [_document(f) for f in files]
    get_pipeline(max_bytes).run(docs)
    rows = document_rows(docs, ingested_at, versions())
    path = TableStore(out_dir).stage(run_id, batch_no, rows)
    return summarize(path, docs)


def stage_deleted(deleted: list[tuple[str, str]], out_dir: str, run_id: str, batch_no: int,
                  ingested_at: datetime) -> BatchSummary:
    """Stage ``deleted`` rows for files that disappeared (their mentions leave the tables)."""
    docs = [Document(doc_id, path, "") for doc_id, path in deleted]
    rows = document_rows(docs, ingested_at, versions(), deleted=True)
    path = TableStore(out_dir).stage(run_id, batch_no, rows)
    return BatchSummary(path=path, docs=len(docs))
