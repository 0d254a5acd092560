"""Issue 21: the versioned layout: publish, garbage collection, recovery traces, flat-layout migration."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone

import duckdb
import pandas as pd

from pipeline import runner
from pipeline.document import Document, Mention, doc_id_for
from pipeline.io import versions
from pipeline.io.tables import TableStore, document_rows

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
VERSIONS = {"en": "v-en", "und": "v-und"}


def _doc(path: str, text: str) -> Document:
    d = Document(doc_id_for(path), path, "/x/" + path, "sha-" + path, len(text), "utf-8", text, "en", 0.99)
    d.lang_spans = [(0, len(text), "en")]
    d.mentions.append(Mention(0, 4, "LOC", text[:4], "test.v1", None, text[:4], "e-" + text[:4]))
    return d


def _row(run_id: str) -> dict:
    return {"run_id": run_id, "corpus": "c", "started_at": NOW, "finished_at": NOW, "duration_s": 0.0, "seen": 1,
            "new": 1, "changed": 0, "unchanged": 0, "deleted": 0, "failed": 0, "processed": 1,
            "mentions_written": 1, "per_language": [("en", 1)], "per_label": [("LOC", 1)],
            "pipeline_version": "t", "status": "completed"}


def test_each_commit_is_a_version_with_links_and_a_manifest(tmp_path):
    store = TableStore(tmp_path)
    store.stage("r1", 0, document_rows([_doc(f"d{i}.txt", "Baku") for i in range(20)], NOW, VERSIONS))
    store.commit("r1", run_row=_row("r1"))
    store.stage("r2", 0, document_rows([_doc("d0.txt", "Oslo")], NOW, VERSIONS))
    store.commit("r2", run_row=_row("r2"))
    assert os.readlink(tmp_path / ".current") == ".versions/00000002"
    assert all(os.readlink(tmp_path / t) == f".current/{t}" for t in ("documents", "mentions", "runs"))
    m = versions.manifest(tmp_path)
    assert (m["version"], m["run_id"], m["committed_documents"], m["rows"]["documents"]) == (2, "r2", 1, 20)
    v1, v2 = tmp_path / ".versions/00000001/documents", tmp_path / ".versions/00000002/documents"
    part = doc_id_for("d0.txt")[0]
    touched = {p.name: p.stat().st_ino for p in v2.iterdir()}
    for p in v1.iterdir():  # untouched parts are the same inode (hard links); the touched one is new
        assert (touched[p.name] == p.stat().st_ino) == (p.name != f"part-{part}.parquet")
    assert sorted(pd.read_parquet(tmp_path / "runs")["run_id"]) == ["r1", "r2"]
    assert sorted(pd.read_parquet(tmp_path / ".versions/00000001/runs")["run_id"]) == ["r1"]


def test_old_versions_go_after_the_grace_period(tmp_path):
    store = TableStore(tmp_path)
    for i in range(5):
        store.commit(f"r{i}", run_row=_row(f"r{i}"))
    assert versions.numbers(tmp_path) == [1, 2, 3, 4, 5]  # all replaced less than the grace period ago
    later = versions.manifest(tmp_path)["committed_at"] + versions.GRACE_SECONDS + 1
    assert versions.collect_garbage(tmp_path, now=later) == [1, 2, 3]
    assert versions.numbers(tmp_path) == [4, 5] and len(pd.read_parquet(tmp_path / "runs")) == 5


def test_recovery_removes_every_trace_and_replays_the_killed_commit(tmp_path):
    store = TableStore(tmp_path)
    store.stage("r1", 0, document_rows([_doc("a.txt", "Baku")], NOW, VERSIONS))
    store.commit("r1", run_row=_row("r1"))
    # r2 killed mid-commit: staged batch, journal, a half-built version, a half-made .current link
    store.stage("r2", 0, document_rows([_doc("b.txt", "Oslo")], NOW, VERSIONS))
    (tmp_path / ".commit").write_text(json.dumps({"run_id": "r2", "run_row": _row("r2")}, default=str))
    (tmp_path / ".versions/00000002.building/mentions").mkdir(parents=True)
    (tmp_path / ".versions/00000002.building/mentions/part-3.parquet").write_bytes(b"PAR1 half")
    os.symlink(".versions/00000002.building", tmp_path / ".current.tmp-0123")
    store.stage("r0", 0, document_rows([_doc("c.txt", "Rome")], NOW, VERSIONS))  # killed before its commit
    n = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/mentions/*.parquet')").fetchall()[0][0]
    assert n == 1  # the half-built files were never visible to a glob

    info = runner.recover(str(tmp_path))
    assert info["recovered_run_id"] == "r2" and info["committed_documents"] == 1
    assert ".versions/00000002.building" in info["removed"] and ".staging/r0" in info["removed"]
    assert not (tmp_path / ".commit").exists() and not list(tmp_path.glob(".current.tmp-*"))
    assert not list((tmp_path / ".staging").iterdir())
    assert versions.manifest(tmp_path)["kind"] == "recovery"
    runs = pd.read_parquet(tmp_path / "runs").set_index("run_id")
    assert runs.loc["r2", "status"] == "recovered"
    assert sorted(pd.read_parquet(tmp_path / "documents")["path"]) == ["a.txt", "b.txt"]


def test_a_flat_folder_of_an_older_lingflow_is_migrated(tmp_path):
    new = tmp_path / "new"
    store = TableStore(new)
    store.stage("r1", 0, document_rows([_doc(f"d{i}.txt", "Baku") for i in range(10)], NOW, VERSIONS))
    store.commit("r1", run_row=_row("r1"))
    flat = tmp_path / "flat"  # the layout before issue 21: real folders of part files (and a leftover)
    for t in ("documents", "mentions", "entities", "dates", "runs"):
        shutil.copytree(new / t, flat / t)
    (flat / "mentions" / f".tmp-{'0' * 32}-part-1.parquet").write_bytes(b"half a file")
    before = pd.read_parquet(flat / "mentions").sort_values("mention_id").reset_index(drop=True)

    from pipeline.io.outdir import check_output

    check_output(None, flat)  # a flat folder of ours is accepted
    info = runner.recover(str(flat))
    assert info == {}
    assert os.readlink(flat / "mentions") == ".current/mentions" and versions.manifest(flat)["kind"] == "migration"
    assert not [p for p in flat.rglob(".tmp-*")] and not list(flat.glob(".flat-*"))
    after = pd.read_parquet(flat / "mentions").sort_values("mention_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(before, after)
    assert duckdb.sql(f"select count(*) from read_parquet('{flat}/mentions/*.parquet')").fetchall()[0][0] == 10


def test_runs_files_of_an_older_schema_are_rewritten_once(tmp_path):
    import pyarrow.parquet as pq

    store = TableStore(tmp_path)
    store.commit("r1", run_row=_row("r1"))
    old = next((tmp_path / "runs").glob("*.parquet"))
    t = pq.read_table(old).drop_columns(["recovered_run_id", "committed_documents"])  # as before issue 21
    flat = tmp_path / "flat"
    (flat / "runs").mkdir(parents=True)
    pq.write_table(t, flat / "runs" / old.name)
    TableStore(flat).commit("r2", run_row=_row("r2"))
    runs = pd.read_parquet(flat / "runs")  # pandas takes the schema of one file: all must agree
    assert {"recovered_run_id", "committed_documents"} <= set(runs.columns) and len(runs) == 2
    assert versions.manifest(flat)["rows"]["runs"] == 2
    TableStore(flat).commit("r3", run_row=_row("r3"))
    assert versions.manifest(flat)["rows"]["runs"] == 3 == len(pd.read_parquet(flat / "runs"))
