"""Rows of the documents, mentions and dates tables from processed documents."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from pipeline.document import Document, Mention


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
