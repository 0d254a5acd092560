"""Read an output folder back for a quick look (used by ``lingflow inspect``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.io.tables import TableStore

PREVIEW_COLUMNS = {
    "mentions": ["doc_id", "lang", "label", "text", "start", "end", "normalized", "source"],
    "entities": ["label", "canonical", "lang", "mention_count", "doc_count", "variants"],
}


def table_counts(out: str | Path) -> dict[str, int]:
    store = TableStore(out)
    return {name: sum(pq.ParquetFile(f).metadata.num_rows for f in store.part_files(name)) for name in schema.TABLES}


def preview(out: str | Path, rows: int = 10) -> tuple[dict[str, int], dict[str, pd.DataFrame]]:
    store = TableStore(out)
    samples: dict[str, pd.DataFrame] = {}
    for name, cols in PREVIEW_COLUMNS.items():
        df = store.read(name, cols).to_pandas()
        if name == "entities":
            df = df.sort_values(["mention_count", "canonical"], ascending=[False, True])
        samples[name] = df.head(rows)
    return table_counts(out), samples
