"""The real ingest flow on the four seed documents, read back with pandas and DuckDB."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from flows.ingest import ingest

pytestmark = pytest.mark.slow

SEED_LANGS = {"000_06061c9ebb900fde.txt": "az", "001_eae644f9b0cb8116.txt": "en",
              "002_5a64a4d3f26ddb38.txt": "ru", "003_6a43b78325f67bf8.txt": "fa"}


def _hashes(out: Path) -> dict[str, str]:
    """The published tables (read through OUT/<table>, the links readers use), runs aside."""
    return {f"{name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
            for name in ("documents", "mentions", "entities", "dates") for p in sorted((out / name).glob("*.parquet"))}


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, seeds_dir):
    corpus = tmp_path_factory.mktemp("corpus")
    for name in SEED_LANGS:
        shutil.copy(seeds_dir / name, corpus / name)
    out = tmp_path_factory.mktemp("out")
    summary = ingest(corpus=str(corpus), out_dir=str(out), show_progress=False)
    return corpus, out, summary


def test_every_table_reads_back(seed_run):
    _corpus, out, summary = seed_run
    for table in ("documents", "mentions", "entities", "dates", "runs"):
        df = pd.read_parquet(out / table)
        assert len(df) > 0, table
    assert summary["processed"] == 4 and summary["failed"] == 0


def test_languages_of_the_seeds(seed_run):
    _corpus, out, _ = seed_run
    docs = pd.read_parquet(out / "documents").set_index("path")
    assert docs["lang"].to_dict() == SEED_LANGS
    assert (docs["status"] == "ok").all()


def test_offsets_and_labels(seed_run):
    _corpus, out, _ = seed_run
    docs = pd.read_parquet(out / "documents").set_index("doc_id")
    m = pd.read_parquet(out / "mentions")
    for r in m.itertuples():
        assert docs.loc[r.doc_id, "text"][r.start:r.end] == r.text
    assert set(m["label"]) == {"ORG", "PER", "LOC", "DATE"}
    assert m.groupby("doc_id").size().size == 4  # every seed has mentions
    assert m["source"].notna().all() and m["mention_id"].is_unique


def test_dates_table_links_to_mentions(seed_run):
    _corpus, out, _ = seed_run
    d = pd.read_parquet(out / "dates")
    m = pd.read_parquet(out / "mentions")
    assert set(d["mention_id"]) <= set(m.loc[m["label"] == "DATE", "mention_id"])


def test_duckdb_query(seed_run):
    import duckdb

    _corpus, out, _ = seed_run
    rows = duckdb.sql(f"select label, count(*) from read_parquet('{out}/mentions/*.parquet') group by label").fetchall()
    assert {r[0] for r in rows} == {"ORG", "PER", "LOC", "DATE"}


GOLD_GROUPS = [  # surface forms in the seeds that must be one entity each (issue 7)
    ("az", {"Azərbaycan Onkoloqlar Cəmiyyəti", "Azərbaycan Onkoloqlar Cəmiyyətinin", "AOC-un"}),  # as written
    ("az", {"Cəmil Əliyevin"}),
    ("en", {"National Center of Oncology", "NCO", "Azerbaijan National Center of Oncology"}),
    ("en", {"SRIRR", "Azerbaijani Scientific Research Institute of Roentgen Radiology"}),
    ("en", {"SRIRRO", "Scientific Research Institute of Roentgenology, Radiology, and Oncology"}),
    ("en", {"Jamil Aliyev"}),
    ("en", {"Kyiv"}),
    ("en", {"Leningrad"}),
    ("en", {"Council of Higher Education of Turkey"}),
    ("ru", {"Республики Беларусь", "Республику Беларусь", "Беларусь"}),
    ("ru", {"Красного\u00a0С.А.", "С.А.\u00a0Красного"}),
    ("fa", {"بسیج جامعه پزشکی"}),
    ("fa", {"جمهوری اسلامی ایران"}),  # ner.spacy.fa.v3 reads the country's full name as one place (v2: `ایران` after an ORG)
]


def test_seed_entities_are_one_row_each(seed_run):
    _corpus, out, _ = seed_run
    ent = pd.read_parquet(out / "entities")
    rows_of = {}
    for r in ent.itertuples():
        for v in r.variants:
            rows_of.setdefault((r.lang, v), []).append(r.entity_id)
    for lang, group in GOLD_GROUPS:
        ids = set()
        for surface in group:
            found = rows_of.get((lang, surface), [])
            assert len(found) == 1, (lang, surface, found)  # found, and in exactly one row
            ids.update(found)
        assert len(ids) == 1, (lang, group)  # no split variants
    # no merged distinct entities: these stay apart
    assert rows_of[("en", "SRIRR")] != rows_of[("en", "SRIRRO")]
    assert rows_of[("en", "Jamil Aliyev")] != rows_of[("en", "NCO")]
    canon = ent.set_index("entity_id")["canonical"]
    assert canon[rows_of[("az", "Cəmil Əliyevin")][0]] == "Cəmil Əliyev"
    assert canon[rows_of[("ru", "С.А.\u00a0Красного")][0]] == "Красный С.А."


# last: it edits the corpus the module fixture shares
def test_rerun_unchanged_then_edit_add_delete(seed_run, tmp_path):
    corpus, out, _ = seed_run
    before = _hashes(out)
    s2 = ingest(corpus=str(corpus), out_dir=str(out), show_progress=False)
    assert s2["processed"] == 0 and s2["unchanged"] == 4
    assert _hashes(out) == before
    assert len(pd.read_parquet(out / "runs")) == 2
    # edit one, add one, delete one
    (corpus / "001_eae644f9b0cb8116.txt").write_text("Jamil Aliyev visited Baku in 1990.\n", encoding="utf-8")
    (corpus / "new.txt").write_text("Ilham Aliyev met officials in Moscow on 5 May 2021.\n", encoding="utf-8")
    (corpus / "003_6a43b78325f67bf8.txt").unlink()
    s3 = ingest(corpus=str(corpus), out_dir=str(out), show_progress=False)
    assert (s3["new"], s3["changed"], s3["deleted"], s3["unchanged"]) == (1, 1, 1, 2)
    docs = pd.read_parquet(out / "documents").set_index("path")
    assert docs.loc["003_6a43b78325f67bf8.txt", "status"] == "deleted"
    m = pd.read_parquet(out / "mentions")
    fa_id = docs.loc["003_6a43b78325f67bf8.txt", "doc_id"]
    assert (m["doc_id"] != fa_id).all()
    en_id = docs.loc["001_eae644f9b0cb8116.txt", "doc_id"]
    assert "Baku" in set(m.loc[m["doc_id"] == en_id, "text"])
    assert "Leningrad" not in set(m.loc[m["doc_id"] == en_id, "text"])
