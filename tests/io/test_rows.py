"""Rows are built from pipeline/schema.py: a missing or an extra key raises instead of becoming a
column of nulls (or being dropped silently) when ``pa.Table.from_pylist`` writes them."""

from datetime import date, datetime, timezone

import pyarrow as pa
import pytest

from pipeline import schema
from pipeline.dates import DateMention
from pipeline.document import Document, Mention, doc_id_for
from pipeline.io.rows import document_rows, run_row
from pipeline.schema import RowError, row

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
VERSIONS = {"en": "v-en", "und": "v-und"}


def _doc() -> Document:
    text = "Baku, 11 December 1940."
    d = Document(doc_id_for("a.txt"), "a.txt", "/x/a.txt", "sha", len(text), "utf-8", text, "en", 0.99)
    d.lang_spans = [(0, len(text), "en")]
    d.mentions.append(Mention(0, 4, "LOC", "Baku", "test.v1", None, "Baku", "e-baku"))
    dm = DateMention(6, 22, "11 December 1940", "1940-12-11", date(1940, 12, 11), date(1940, 12, 11), "day",
                     "gregorian", None, "date")
    d.mentions.append(Mention(6, 22, "DATE", "11 December 1940", "dates.rules.v2", None, "1940-12-11", None, dm))
    return d


def _mention_values() -> dict:
    return {"mention_id": "m", "doc_id": "d", "lang": "en", "label": "LOC", "text": "Baku", "start": 0, "end": 4,
            "normalized": "Baku", "entity_id": "e", "confidence": None, "source": "test.v1"}


def test_a_row_with_a_missing_key_raises():
    values = _mention_values()
    del values["entity_id"]
    with pytest.raises(RowError, match=r"mentions row: missing \['entity_id'\], extra \[\]"):
        row("mentions", **values)


def test_a_row_with_an_extra_key_raises():
    with pytest.raises(RowError, match=r"mentions row: missing \[\], extra \['entity'\]"):
        row("mentions", **_mention_values(), entity="e")


def test_a_complete_row_takes_the_schema_order_and_writes_without_loss():
    values = _mention_values()
    r = row("mentions", **dict(reversed(list(values.items()))))
    assert list(r) == schema.MENTIONS.names
    assert pa.Table.from_pylist([r], schema=schema.MENTIONS).to_pylist() == [r]


def test_document_rows_have_exactly_the_columns_of_their_tables():
    rows = document_rows([_doc()], NOW, VERSIONS)
    assert {name: len(r) for name, r in rows.items()} == {"documents": 1, "mentions": 2, "dates": 1}
    for name, table_rows in rows.items():
        for r in table_rows:
            assert list(r) == schema.TABLES[name].names
    assert rows["dates"][0]["value"] == "1940-12-11" and rows["dates"][0]["kind"] == "date"


def test_a_new_column_without_its_value_in_the_row_builder_raises(monkeypatch):
    """What a forgotten key in document_rows does when a column is added to pipeline/schema.py."""
    monkeypatch.setitem(schema._COLUMNS, "mentions", (*schema.MENTIONS.names, "sentence"))
    with pytest.raises(RowError, match=r"missing \['sentence'\]"):
        document_rows([_doc()], NOW, VERSIONS)


def test_run_row_takes_the_runs_columns_and_raises_on_a_missing_one():
    summary = {name: None for name in schema.RUNS.names}
    summary.update(per_language={"en": 1}, per_label={"LOC": 1}, words=7, parts_written={})  # extras are not columns
    r = run_row(summary)
    assert list(r) == schema.RUNS.names and r["per_language"] == [("en", 1)]
    del summary["flow_run_id"]
    with pytest.raises(RowError, match=r"missing \['flow_run_id'\]"):
        run_row(summary)
