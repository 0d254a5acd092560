"""Helpers of test_snapshot_reads: a fast committer and the two readers (run as subprocesses).

The committer runs the real ``pipeline.runner.run_local`` (plan, staging, commit, runs row,
recovery) with the real ReadStep but a tiny tagger in place of the NLP models (every
capitalised word is a LOC mention), so a commit takes milliseconds and model loading does
not dominate: the subject here is the table store, not the models.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
from pathlib import Path

N_DOCS = 40
WORDS = ["Baku", "Oslo", "Paris", "Moscow", "Tehran", "Ganja", "Lima", "Quito", "Rome", "Cairo"]


def write_corpus(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(N_DOCS):
        (root / f"d{i:03d}.txt").write_text(f"{WORDS[i % 10]} and {WORDS[(i * 3) % 10]} met in {i}.\n")


def mutate(root: Path, k: int) -> None:
    """Commit k's change: edit one document, add one, delete the one added three commits ago."""
    p = root / f"d{(k * 7) % N_DOCS:03d}.txt"
    p.write_text(p.read_text() + f"{WORDS[k % 10]} again {k}.\n")
    (root / f"new{k:03d}.txt").write_text(f"{WORDS[(k + 5) % 10]} was new in {k}.\n")
    (root / f"new{k - 3:03d}.txt").unlink(missing_ok=True)


class FastPipeline:
    """Reads each file and tags every capitalised word as a LOC mention (what batch.py calls)."""

    def run(self, docs):
        from pipeline.document import Mention, stable_id

        for d in docs:
            if not d.ok:
                continue
            d.text = Path(d.abs_path).read_text("utf-8")
            d.encoding, d.lang, d.lang_confidence, d.lang_spans = "utf-8", "en", 1.0, [(0, len(d.text), "en")]
            for m in re.finditer(r"[A-Z][a-z]+", d.text):
                d.mentions.append(Mention(m.start(), m.end(), "LOC", m.group(), "test.capitals.v1", 1.0,
                                          m.group(), stable_id("e", m.group())))
        return docs


def fast_pipeline() -> FastPipeline:
    return FastPipeline()


def committer(corpus: str, out: str, state_file: str, total: int) -> None:
    """Commits ``total`` corpus states, resuming after a kill (``state_file`` says where)."""
    import pipeline.batch as batch
    from pipeline.runner import run_local

    batch.get_pipeline = lambda max_bytes=0: fast_pipeline()
    state_path = Path(state_file)
    while True:
        state = json.loads(state_path.read_text()) if state_path.exists() else {"applied": 0, "done": 0}
        k = state["done"]
        if k >= total:
            return
        if state["applied"] <= k:
            mutate(Path(corpus), k)
            state["applied"] = k + 1
            _write_json(state_path, state)
        run_local(corpus, out, batch_size=8)
        state["done"] = k + 1
        _write_json(state_path, state)


def _write_json(path: Path, obj: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj))
    os.replace(tmp, path)


def reader(kind: str, out: str, log: str, stop: str) -> None:
    """Loop until ``stop`` exists: read every table, pinned to one version and through the
    plain ``OUT/<table>`` links; append one JSON line per read to ``log``."""
    with open(log, "a") as f:
        while not os.path.exists(stop):
            rec: dict = {"kind": kind, "t": time.time()}
            try:
                rec.update(_read_once(kind, Path(out)))
            except Exception:  # noqa: BLE001 - every error is a finding
                rec["error"] = traceback.format_exc()[-2000:]
            if rec.get("empty"):
                time.sleep(0.02)
                continue
            f.write(json.dumps(rec) + "\n")
            f.flush()


def _read_once(kind: str, out: Path) -> dict:
    if not (out / ".current").exists():
        return {"empty": True}
    v = os.readlink(out / ".current")  # pin one version: every table of one commit
    base = out / v
    rec: dict = {"version": int(Path(v).name)}
    if kind == "duckdb":
        import duckdb

        con = duckdb.connect()
        files = [r[0] for r in con.execute(f"select file from glob('{base}/*/*.parquet')").fetchall()]
        files += [r[0] for r in con.execute(f"select file from glob('{out}/*/*.parquet')").fetchall()]
        rec["files"] = [Path(p).name for p in files]
        q = f"""select (select count(*) from read_parquet('{base}/documents/*.parquet')),
                       (select count(*) from read_parquet('{base}/mentions/*.parquet')),
                       (select count(*) from read_parquet('{base}/mentions/*.parquet') m
                        where m.doc_id not in (select doc_id from read_parquet('{base}/documents/*.parquet'))),
                       (select sum(mention_count) from read_parquet('{base}/entities/*.parquet')),
                       (select count(*) from read_parquet('{base}/runs/*.parquet'))"""
        rec["docs"], rec["mentions"], rec["orphans"], rec["entity_mentions"], rec["runs"] = con.execute(q).fetchone()
        rec["plain_mentions"] = con.execute(f"select count(*) from read_parquet('{out}/mentions/*.parquet')").fetchone()[0]
        rec["plain_docs"] = con.execute(f"select count(*) from read_parquet('{out}/documents/*.parquet')").fetchone()[0]
    else:
        import pandas as pd

        docs = pd.read_parquet(base / "documents", columns=["doc_id"])
        m = pd.read_parquet(base / "mentions", columns=["doc_id"])
        ent = pd.read_parquet(base / "entities", columns=["mention_count"])
        rec.update(docs=len(docs), mentions=len(m), orphans=int((~m["doc_id"].isin(docs["doc_id"])).sum()),
                   entity_mentions=int(ent["mention_count"].sum()), runs=len(pd.read_parquet(base / "runs")))
        rec["plain_mentions"] = len(pd.read_parquet(out / "mentions", columns=["doc_id"]))
        rec["plain_docs"] = len(pd.read_parquet(out / "documents", columns=["doc_id"]))
        rec["files"] = sorted(os.listdir(out / "mentions")) + sorted(os.listdir(base / "mentions"))
    return rec


if __name__ == "__main__":
    if sys.argv[1] == "commit":
        committer(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif sys.argv[1] == "clean":
        import pipeline.batch as batch
        from pipeline.runner import run_local

        batch.get_pipeline = lambda max_bytes=0: fast_pipeline()
        run_local(sys.argv[2], sys.argv[3], batch_size=8)
    else:
        reader(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
