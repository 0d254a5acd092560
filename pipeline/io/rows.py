"""Rows of the documents, mentions and dates tables from processed documents.

Every row is made by :func:`pipeline.schema.row`, so its keys are exactly the columns of its
table in ``pipeline/schema.py``: a missing or an extra key raises instead of becoming a column
of nulls (or being dropped) when the rows are written."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from pipeline.document import Document, Mention
from pipeline.languages import UND
from pipeline.schema import RUNS, row


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
        drows.append(_document_row(d, ingested_at, versions, deleted))
        if not d.ok or deleted:
            continue
        for m in d.mentions:
            mid = m.mention_id(d.doc_id)
            mrows.append(_mention_row(d, mid, m))
            if m.label == "DATE":
                trows.append(_date_row(d.doc_id, mid, m))
    return {"documents": drows, "mentions": mrows, "dates": trows}


def _document_row(d: Document, ingested_at: datetime, versions: dict[str, str], deleted: bool) -> dict:
    text = None if deleted or not d.ok else d.text
    return row(
        "documents",
        doc_id=d.doc_id, path=d.path, content_sha256=d.content_sha256, size_bytes=d.size_bytes,
        encoding=d.encoding, lang=d.lang if d.ok else (UND if not deleted else d.lang),
        lang_confidence=d.lang_confidence if d.ok else 0.0,
        lang_spans=[{"start": s, "end": e, "lang": lg} for s, e, lg in d.lang_spans] if d.ok else [],
        text=text, n_chars=len(text) if text is not None else 0,
        n_words=len(text.split()) if text is not None else 0,
        status="deleted" if deleted else d.status, error=d.error,
        ingested_at=ingested_at, pipeline_version=versions.get(d.lang if d.ok else UND, versions[UND]),
    )


def _mention_row(d: Document, mid: str, m: Mention) -> dict:
    return row(
        "mentions",
        mention_id=mid, doc_id=d.doc_id, lang=_lang_at(d, m.start), label=m.label,
        text=m.text, start=m.start, end=m.end, normalized=m.normalized,
        entity_id=m.entity_id, confidence=m.confidence, source=m.source,
    )


def _date_row(doc_id: str, mid: str, m: Mention) -> dict:
    dm = m.date
    return row(
        "dates",
        mention_id=mid, doc_id=doc_id, expression=m.text,
        value=getattr(dm, "value", None), start_date=getattr(dm, "start_date", None),
        end_date=getattr(dm, "end_date", None), granularity=getattr(dm, "granularity", None),
        calendar=getattr(dm, "calendar", None) or "gregorian", source_value=getattr(dm, "source_value", None),
        kind=getattr(dm, "kind", None),
    )


_RUN_MAPS = ("per_language", "per_label")


def run_row(summary: dict[str, Any]) -> dict[str, Any]:
    """The ``runs`` row of a run summary (which holds more keys than the table: only the columns are taken;
    a column the summary lacks raises)."""
    values = {c: summary[c] for c in RUNS.names if c in summary and c not in _RUN_MAPS}
    return row("runs", **values, **{m: list(summary[m].items()) for m in _RUN_MAPS})
