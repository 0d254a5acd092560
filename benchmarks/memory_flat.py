"""Peak memory of `lingflow run` by corpus size (issue 22): is it flat from 1k to 100k documents?

    python -m benchmarks.memory_flat [--sizes 1000,10000,30000] [--words 40] [--label NAME]
    python -m benchmarks.memory_flat --sizes 2000 --words 0     # the 2,000 whole mixed documents

Each size is a generated mixed corpus (benchmarks/gen_corpus.py, az/en/ru/fa, seed 0; every
document cut to ``--words`` words, as ``bench_pipeline.py rss`` does, so that many documents fit in
little time) under scratch/bench/rss-N-Ww. Each run is a fresh `lingflow run` into a fresh output
folder, with the default options (worker processes, temporary Prefect server). The whole process
tree is sampled every 0.3 s: peak sum of RSS, peak sum of PSS (shared pages counted once) and the
largest single process. Prints a table with each size's ratio to the smallest; appends the rows to
benchmarks/results/memory_flat.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time

from benchmarks.bench_pipeline import RESULTS, corpus_words, ensure_corpus, print_table
from benchmarks.time_to_first import REPO, SCRATCH, base_env, last_run, lingflow_run, trivial_flow


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes in documents, comma-separated")
    ap.add_argument("--words", type=int, default=40,
                    help="words per document (0: whole documents, the corpus of time_to_first's large run)")
    ap.add_argument("--label", default="latest")
    ap.add_argument("--workers", type=int, default=None, help="pass --workers N to lingflow run")
    a = ap.parse_args()
    extra = ["--workers", str(a.workers)] if a.workers else []
    SCRATCH.mkdir(parents=True, exist_ok=True)
    env = base_env()
    trivial_flow(env)  # creates the Prefect database (untimed)
    rows: list[dict] = []
    for n in (int(s) for s in a.sizes.split(",")):
        corpus = (ensure_corpus(REPO / "scratch" / "bench" / f"rss-{n}-{a.words}w", n, a.words) if a.words
                  else ensure_corpus(REPO / "scratch" / "bench" / f"c{n}", n))  # whole documents
        out = SCRATCH / f"out-flat-{n}"
        shutil.rmtree(out, ignore_errors=True)
        load = os.getloadavg()[0]
        r = lingflow_run(corpus, out, env, extra, memory=True)
        run = last_run(out)
        assert run["processed"] == n, f"processed {run['processed']} of {n}"
        shutil.rmtree(out, ignore_errors=True)
        words = corpus_words(corpus)
        row = {"label": a.label, "docs": n, "words": words, "wall_s": r["wall_s"], "words_s": words / r["wall_s"],
               "peak_rss_tree_mb": r["peak_rss_tree_mb"], "peak_pss_tree_mb": r["peak_pss_tree_mb"],
               "peak_rss_single_mb": r["peak_rss_single_mb"], "pss_at_peak_mb": r["pss_at_peak_mb"], "load": load,
               "at": time.strftime("%Y-%m-%dT%H:%M:%S")}
        base = rows[0] if rows else row
        row["pss_x_first"] = row["peak_pss_tree_mb"] / base["peak_pss_tree_mb"]
        row["rss_x_first"] = row["peak_rss_tree_mb"] / base["peak_rss_tree_mb"]
        rows.append(row)
        RESULTS.mkdir(parents=True, exist_ok=True)
        with open(RESULTS / "memory_flat.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        print_table(rows, ["docs", "words", "wall_s", "words_s", "peak_rss_tree_mb", "peak_pss_tree_mb",
                           "peak_rss_single_mb", "rss_x_first", "pss_x_first", "load"])
        print("  PSS of each process at the peak (MB): " + ", ".join(f"{w} {m}" for w, m in row["pss_at_peak_mb"]))


if __name__ == "__main__":
    main()
