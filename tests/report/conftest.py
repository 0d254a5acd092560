"""Output folders for the report and inspect tests: the seeds through the real pipeline, and a synthetic one."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import schema
from pipeline.io.tables import write_atomic


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory, seeds_dir) -> Path:
    """The four seeds plus one file that fails, ingested by the same steps as `lingflow run` (no Prefect)."""
    from pipeline.runner import run_local

    corpus = tmp_path_factory.mktemp("corpus")
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, corpus / f.name)
    (corpus / "broken").mkdir()
    (corpus / "broken" / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    run_local(str(corpus), str(out))
    return out


def synthetic_out(root: Path, n: int) -> Path:
    """``n`` documents with mentions and dates, written with the real schemas (for paging and size checks)."""
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    docs, mentions, dates = [], [], []
    for i in range(n):
        lang = ("en", "ru", "fa", "az")[i % 4]
        text = f"Document {i} names Acme Corp and Jane Roe on 2020-01-{i % 28 + 1:02d}.\n"
        did = f"{i:016x}"
        docs.append({"doc_id": did, "path": f"d/{i:05d}.txt", "content_sha256": "0" * 64, "size_bytes": len(text),
                     "encoding": "utf-8", "lang": lang, "lang_confidence": 1.0,
                     "lang_spans": [{"start": 0, "end": len(text) - 1, "lang": lang}], "text": text,
                     "n_chars": len(text), "n_words": 9, "status": "ok", "error": None, "ingested_at": now,
                     "pipeline_version": "test"})
        for label, word, eid in (("ORG", "Acme Corp", "e-org"), ("PER", "Jane Roe", "e-per"),
                                 ("DATE", f"2020-01-{i % 28 + 1:02d}", None)):
            s = text.index(word)
            mid = f"{did}-{label}"
            mentions.append({"mention_id": mid, "doc_id": did, "lang": lang, "label": label, "text": word,
                             "start": s, "end": s + len(word), "normalized": word, "entity_id": eid,
                             "confidence": None, "source": "test"})
            if label == "DATE":
                day = date(2020, 1, i % 28 + 1)
                dates.append({"mention_id": mid, "doc_id": did, "expression": word, "value": day.isoformat(),
                              "start_date": day, "end_date": day, "granularity": "day", "calendar": "gregorian",
                              "source_value": None, "kind": "date"})
    ents = [{"entity_id": "e-org", "label": "ORG", "canonical": "Acme Corp", "lang": "en", "variants": ["Acme Corp"],
             "mention_count": n, "doc_count": n, "xlang_id": None},
            {"entity_id": "e-per", "label": "PER", "canonical": "Jane Roe", "lang": "en", "variants": ["Jane Roe"],
             "mention_count": n, "doc_count": n, "xlang_id": None}]
    for name, rows in (("documents", docs), ("mentions", mentions), ("dates", dates), ("entities", ents)):
        write_atomic(pa.Table.from_pylist(rows, schema=schema.TABLES[name]), root / name / "part-0.parquet")
    return root


@pytest.fixture
def make_synthetic(tmp_path):
    return lambda n: synthetic_out(tmp_path / f"synthetic-{n}", n)
