"""Throughput, overhead, memory and re-run cost of lingflow (issue 9). A script, not a test.

    python benchmarks/bench_pipeline.py raw   --corpus scratch/bench/c1k
    python benchmarks/bench_pipeline.py e2e   --corpus scratch/bench/c1k [--workers 1] [--local]
    python benchmarks/bench_pipeline.py rerun --corpus scratch/bench/c10k
    python benchmarks/bench_pipeline.py rss   --sizes 1000,10000,100000 [--words 40]
    python benchmarks/bench_pipeline.py all   --n 1000

Every command prints a table and appends JSON lines to benchmarks/results/<command>.jsonl.
``raw`` times each backend alone on the same text (``nlp.pipe`` over the segments, no
Prefect, no Parquet); ``e2e`` runs ``lingflow run`` in a subprocess (cold: new output
folder; warm: a second ``--full`` run) and reports words/s from the flow's own duration
(Prefect's server start-up excluded) and from wall time; the ratio of the slowest
backend's raw words/s to end-to-end words/s is the pipeline's overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results"
LINGFLOW = str(Path(sys.executable).with_name("lingflow"))


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine(),
            "processor": platform.processor() or platform.machine()}


def record(kind: str, row: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / f"{kind}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({**row, "machine": machine(), "at": time.strftime("%Y-%m-%dT%H:%M:%S")}) + "\n")


def print_table(rows: list[dict], cols: list[str]) -> None:
    widths = [max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in cols]
    print(" | ".join(c.ljust(w) for c, w in zip(cols, widths)))
    print("-|-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(_fmt(r.get(c)).ljust(w) for c, w in zip(cols, widths)))


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:,.1f}" if v >= 10 else f"{v:.3f}"
    return "" if v is None else str(v)


def ensure_corpus(path: Path, n: int, words: int | None = None) -> Path:
    if not path.exists():
        from benchmarks.gen_corpus import generate

        generate(n, path, ["az", "en", "ru", "fa"], seed=0)
        if words:  # shorten every document to about `words` words (memory benchmark at 100k docs)
            for p in path.rglob("*.txt"):
                p.write_text(" ".join(p.read_text("utf-8").split()[:words]) + "\n", encoding="utf-8")
    return path


# -- raw backend speed -------------------------------------------------------------

def bench_raw(corpus: Path, limit_words: int = 60000) -> list[dict]:
    """Words/s of each component alone, one core, on the corpus's own text."""
    from pipeline import components
    from pipeline.text.normalize import normalize
    from pipeline.text.segment import segment

    texts_by_lang: dict[str, list[str]] = defaultdict(list)
    words_by_lang: dict[str, int] = defaultdict(int)
    for p in sorted(corpus.rglob("*.txt")):
        lang = p.name.split("-")[0]
        if lang in components.default_ner() and words_by_lang[lang] < limit_words:
            t = p.read_text("utf-8")
            texts_by_lang[lang].append(t)
            words_by_lang[lang] += len(t.split())
    rows = []
    lid = components.langid()
    dates = components.dates()
    for lang, texts in sorted(texts_by_lang.items()):
        segs = [normalize(t[s:e], lang).text for t in texts for s, e in segment(t)]
        words = sum(len(t.split()) for t in texts)
        backend = components.ner(components.default_ner()[lang])
        backend.predict(segs[:20])  # load + warm up
        t0 = time.perf_counter()
        backend.predict(segs)
        ner_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t in texts:
            lid.detect(t)
        lid_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t in texts:
            dates.extract(t, lang)
        dates_s = time.perf_counter() - t0
        row = {"lang": lang, "docs": len(texts), "words": words, "ner_backend": backend.name,
               "ner_words_s": words / ner_s, "langid_words_s": words / lid_s, "dates_words_s": words / dates_s,
               "all_models_words_s": words / (ner_s + lid_s + dates_s)}
        rows.append(row)
        record("raw", row)
    print_table(rows, ["lang", "docs", "words", "ner_backend", "ner_words_s", "langid_words_s", "dates_words_s",
                       "all_models_words_s"])
    return rows


# -- end to end ----------------------------------------------------------------------

def run_cli(corpus: Path, out: Path, *extra: str) -> dict:
    """Run ``lingflow run`` under /usr/bin/time; return the runs row, wall time and peak RSS."""
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    cmd = ["/usr/bin/time", "-f", "%M", LINGFLOW, "run", str(corpus), "--out", str(out), "--no-progress", *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"lingflow failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    import pandas as pd

    runs = pd.read_parquet(out / "runs").sort_values("started_at")
    last = runs.iloc[-1].to_dict()
    return {"wall_s": wall, "flow_s": float(last["duration_s"]), "processed": int(last["processed"]),
            "peak_rss_mb": peak_kb / 1024}


def corpus_words(corpus: Path) -> int:
    return sum(len(p.read_text("utf-8", errors="replace").split()) for p in corpus.rglob("*") if p.is_file())


def bench_e2e(corpus: Path, workers: list[int]) -> list[dict]:
    words = corpus_words(corpus)
    docs = sum(1 for p in corpus.rglob("*") if p.is_file())
    rows = []
    for w in workers:
        out = REPO / "scratch" / "bench" / f"out-e2e-{corpus.name}-w{w}"
        shutil.rmtree(out, ignore_errors=True)
        for mode, extra in (("cold", []), ("warm", ["--full"])):
            r = run_cli(corpus, out, "--workers", str(w), *extra)
            row = {"corpus": corpus.name, "docs": docs, "words": words, "workers": w, "mode": mode, **r,
                   "docs_s": docs / r["flow_s"], "words_s_flow": words / r["flow_s"], "words_s_wall": words / r["wall_s"]}
            rows.append(row)
            record("e2e", row)
    print_table(rows, ["corpus", "docs", "words", "workers", "mode", "wall_s", "flow_s", "docs_s", "words_s_flow",
                       "words_s_wall", "peak_rss_mb"])
    return rows


def bench_local(corpus: Path) -> dict:
    """The same run without Prefect (pipeline.runner.run_local) in this process."""
    from pipeline.runner import run_local

    out = REPO / "scratch" / "bench" / f"out-local-{corpus.name}"
    shutil.rmtree(out, ignore_errors=True)
    words = corpus_words(corpus)
    t0 = time.perf_counter()
    s = run_local(str(corpus), str(out))
    dt = time.perf_counter() - t0
    row = {"corpus": corpus.name, "docs": s["processed"], "words": words, "seconds": dt, "words_s": words / dt,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    record("local", row)
    print_table([row], list(row))
    return row


# -- re-run cost ----------------------------------------------------------------------

def bench_rerun(corpus: Path) -> dict:
    """A re-run of an unchanged corpus against ``sha256sum`` over the same files, and an empty corpus."""
    out = REPO / "scratch" / "bench" / f"out-rerun-{corpus.name}"
    if not (out / "documents").exists():
        run_cli(corpus, out)
    files = [str(p) for p in sorted(corpus.rglob("*")) if p.is_file()]
    t0 = time.perf_counter()
    for i in range(0, len(files), 2000):
        subprocess.run(["sha256sum", *files[i:i + 2000]], stdout=subprocess.DEVNULL, check=True)
    sha = time.perf_counter() - t0
    rerun = run_cli(corpus, out)
    empty_dir = REPO / "scratch" / "bench" / "empty-corpus"
    empty_dir.mkdir(parents=True, exist_ok=True)
    empty_out = REPO / "scratch" / "bench" / "out-empty"
    shutil.rmtree(empty_out, ignore_errors=True)
    empty = run_cli(empty_dir, empty_out)
    row = {"corpus": corpus.name, "files": len(files), "sha256sum_s": sha, "rerun_flow_s": rerun["flow_s"],
           "rerun_wall_s": rerun["wall_s"], "empty_flow_s": empty["flow_s"], "empty_wall_s": empty["wall_s"],
           "ratio_flow_vs_sha256sum": rerun["flow_s"] / sha,
           "extra_wall_vs_empty_s": rerun["wall_s"] - empty["wall_s"],
           "processed": rerun["processed"]}
    record("rerun", row)
    print_table([row], list(row))
    return row


def bench_rss(sizes: list[int], words: int) -> list[dict]:
    rows = []
    for n in sizes:
        corpus = ensure_corpus(REPO / "scratch" / "bench" / f"rss-{n}-{words}w", n, words)
        out = REPO / "scratch" / "bench" / f"out-rss-{n}"
        shutil.rmtree(out, ignore_errors=True)
        r = run_cli(corpus, out, "--batch-size", "256")
        row = {"docs": n, "words_per_doc": words, **r}
        rows.append(row)
        record("rss", row)
        print_table(rows, ["docs", "words_per_doc", "wall_s", "flow_s", "peak_rss_mb"])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["raw", "e2e", "local", "rerun", "rss", "all"])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", default="1")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--words", type=int, default=40)
    a = ap.parse_args()
    corpus = a.corpus or ensure_corpus(REPO / "scratch" / "bench" / f"c{a.n}", a.n)
    if a.what in ("raw", "all"):
        bench_raw(corpus)
    if a.what in ("e2e", "all"):
        bench_e2e(corpus, [int(w) for w in a.workers.split(",")])
    if a.what in ("local", "all"):
        bench_local(corpus)
    if a.what in ("rerun", "all"):
        bench_rerun(corpus)
    if a.what == "rss":
        bench_rss([int(s) for s in a.sizes.split(",")], a.words)


if __name__ == "__main__":
    main()
