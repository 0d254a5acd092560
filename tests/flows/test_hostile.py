"""Issue 8: 1,000 hostile files mixed with 100 normal ones; nothing lost, every file recorded."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from flows.ingest import ingest
from hostile import write_hostile, write_normal
from pipeline.io.discover import iter_files

pytestmark = pytest.mark.slow


def _mentions_by_path(out) -> dict[str, set]:
    docs = pd.read_parquet(out / "documents", columns=["doc_id", "path"])
    m = pd.read_parquet(out / "mentions", columns=["doc_id", "label", "start", "end", "text"])
    m = m.merge(docs, on="doc_id")
    return {p: set(zip(g["label"], g["start"], g["end"], g["text"])) for p, g in m.groupby("path")}


def test_hostile_corpus(tmp_path):
    mixed, alone = tmp_path / "mixed", tmp_path / "alone"
    kinds = write_hostile(mixed, 1000)
    normal = write_normal(mixed, 100)
    write_normal(alone, 100)
    out_mixed, out_alone = tmp_path / "out_mixed", tmp_path / "out_alone"
    summary = ingest(corpus=str(mixed), out_dir=str(out_mixed), show_progress=False)
    ingest(corpus=str(alone), out_dir=str(out_alone), show_progress=False)

    docs = pd.read_parquet(out_mixed / "documents")
    listed = [rel for rel, _abs, _p in iter_files(mixed)]
    assert sorted(docs["path"]) == sorted(listed)  # exactly one row per file
    assert docs["doc_id"].is_unique
    assert summary["seen"] == len(listed)
    by_path = docs.set_index("path")

    def status(kind: str) -> set:
        return {by_path.loc[p, "status"] for p, k in kinds.items() if k == kind}

    for kind in ("empty", "whitespace", "png", "zip", "elf", "broken-link", "link-loop"):
        assert status(kind) == {"failed"}, kind
    failed = docs[docs["status"] == "failed"]
    assert failed["error"].notna().all() and (failed["error"].str.len() > 5).all()
    for kind in ("utf16le", "utf16be", "cp1251", "cp1256", "mixed", "long-line", "controls", "rtl-zwnj"):
        assert status(kind) == {"ok"}, kind
    enc = {by_path.loc[p, "encoding"] for p, k in kinds.items() if k == "cp1251"}
    assert enc == {"cp1251"}
    if os.geteuid() != 0:
        assert status("unreadable") == {"failed"}

    # mixed-language documents: languages per paragraph and entities in every paragraph
    mixed_path = next(p for p, k in kinds.items() if k == "mixed")
    spans = {s["lang"] for s in by_path.loc[mixed_path, "lang_spans"]}
    assert {"az", "ru", "fa"} <= spans
    text = by_path.loc[mixed_path, "text"]
    paras = [(text.index(x), text.index(x) + len(x)) for x in text.strip().split("\n\n")]
    m = pd.read_parquet(out_mixed / "mentions")
    m = m[m["doc_id"] == by_path.loc[mixed_path, "doc_id"]]
    for s, e in paras:
        assert ((m["start"] >= s) & (m["end"] <= e)).any(), text[s:e]

    # no normal document loses an entity because of its hostile neighbours
    got, want = _mentions_by_path(out_mixed), _mentions_by_path(out_alone)
    for p in normal:
        assert got.get(p, set()) == want.get(p, set()), p

    # offsets hold everywhere
    m = pd.read_parquet(out_mixed / "mentions").merge(docs[["doc_id", "text"]].rename(columns={"text": "doc"}),
                                                      on="doc_id")
    assert all(r.doc[r.start:r.end] == r.text for r in m.itertuples())


def test_huge_file_is_refused_with_reason(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    with open(corpus / "huge.txt", "wb") as f:
        line = ("Azərbaycan Respublikası " * 40 + "\n").encode()
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    (corpus / "small.txt").write_text("The World Health Organization met in Geneva.", encoding="utf-8")
    s = ingest(corpus=str(corpus), out_dir=str(tmp_path / "out"), show_progress=False)
    docs = pd.read_parquet(tmp_path / "out" / "documents").set_index("path")
    assert docs.loc["huge.txt", "status"] == "failed"
    assert "too large" in docs.loc["huge.txt", "error"] and "--max-mb" in docs.loc["huge.txt", "error"]
    assert docs.loc["small.txt", "status"] == "ok"
    assert s["failed"] == 1
