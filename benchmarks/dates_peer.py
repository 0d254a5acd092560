"""Peer date cases through the real `lingflow run`: share of cases with a `dates` row of exactly the expected value.

Run: .venv/bin/python benchmarks/dates_peer.py [--cases tests/dates/data/peer_cases.tsv] [--work scratch/dates_peer]
     [--modes sentence,alone]

From the case file (lang, kind, expression, value, origin, split) it builds two corpora:
- `sentence`: each expression in a plain sentence of its language ("... Date: <expression>."),
- `alone`: each expression alone in its file,
one file per case, then runs `lingflow run CORPUS --out OUT --full` as a subprocess (the code path users
get) and reads the Parquet `documents` and `dates` tables back with pandas. A case is right when a
`dates` row of its document has exactly the expected `value`. Prints per language (dev / held split)
and per kind, and appends one JSON line per mode to benchmarks/results/dates_peer.jsonl.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline.evaluation.dates_peer import CASES, FRAMES, read_cases  # noqa: E402  (the same frames as `eval dates`)

LANGS = ("az", "en", "ru", "fa")


def build(cases: list[dict], mode: str, corpus: Path) -> dict[str, dict]:
    """One file per case; returns relative path -> case."""
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    by_path = {}
    for i, c in enumerate(cases):
        rel = f"{c['lang']}/{i:04d}.txt"
        text = FRAMES[c["lang"]].format(x=c["expression"]) if mode == "sentence" else c["expression"]
        (corpus / c["lang"]).mkdir(exist_ok=True)
        (corpus / rel).write_text(text + "\n", encoding="utf-8")
        by_path[rel] = c
    return by_path


def run_lingflow(corpus: Path, out: Path) -> float:
    if out.exists():
        shutil.rmtree(out)
    t0 = time.time()
    cmd = [str(Path(sys.executable).with_name("lingflow")), "run", str(corpus), "--out", str(out), "--full",
           "--no-progress"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"lingflow run failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return time.time() - t0


def score(by_path: dict[str, dict], out: Path) -> list[dict]:
    import pandas as pd

    docs = pd.read_parquet(out / "documents", columns=["doc_id", "path", "lang"])
    dates = pd.read_parquet(out / "dates", columns=["doc_id", "value", "expression"])
    values = dates.groupby("doc_id")["value"].apply(lambda s: set(s.dropna())).to_dict()
    exprs = dates.groupby("doc_id")["expression"].apply(list).to_dict()
    results = []
    for row in docs.itertuples():
        c = by_path.get(row.path)
        if c is None:
            continue
        got = values.get(row.doc_id, set())
        results.append({**c, "doc_lang": row.lang, "ok": c["value"] in got, "got": sorted(got),
                        "spans": exprs.get(row.doc_id, [])})
    return results


def table(results: list[dict], key, title: str) -> list[str]:
    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for r in results:
        for split in (r["split"], "all"):
            g = groups[key(r)][split]
            g[0] += r["ok"]
            g[1] += 1
    cell = lambda g: f"{g[0]}/{g[1]} ({100 * g[0] / g[1]:.0f} %)" if g[1] else "-"
    lines = [f"| {title} | dev | held | all |", "|---|---|---|---|"]
    for k in sorted(groups):
        g = groups[k]
        lines.append(f"| {k} | {cell(g['dev'])} | {cell(g['held'])} | {cell(g['all'])} |")
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--work", type=Path, default=ROOT / "scratch" / "dates_peer")
    ap.add_argument("--modes", default="sentence,alone")
    ap.add_argument("--label", default="", help="A note stored with the JSON result (e.g. 'before').")
    ap.add_argument("--misses", action="store_true", help="List the dev cases that were missed.")
    args = ap.parse_args(argv)
    cases = read_cases(args.cases)
    for mode in args.modes.split(","):
        by_path = build(cases, mode, args.work / f"corpus-{mode}")
        secs = run_lingflow(args.work / f"corpus-{mode}", args.work / f"out-{mode}")
        results = score(by_path, args.work / f"out-{mode}")
        n_ok = sum(r["ok"] for r in results)
        print(f"\n## {mode}: {n_ok}/{len(results)} right ({100 * n_ok / len(results):.1f} %), lingflow run {secs:.0f} s\n")
        print("\n".join(table(results, lambda r: r["lang"], "lang")))
        print()
        print("\n".join(table(results, lambda r: f"{r['lang']} {r['kind']}", "lang kind")))
        und = sum(r["doc_lang"] == "und" for r in results)
        print(f"\ndocuments detected as und: {und}/{len(results)}")
        if args.misses:
            for r in results:
                if not r["ok"] and r["split"] == "dev":
                    print(f"MISS {r['lang']} [{r['doc_lang']}] {r['kind']}: {r['expression']!r} want {r['value']} "
                          f"got {r['got']} spans {r['spans']}")
        per_lang = {lg: round(100 * sum(r["ok"] for r in results if r["lang"] == lg)
                              / max(1, sum(r["lang"] == lg for r in results)), 1) for lg in LANGS}
        res_dir = ROOT / "benchmarks" / "results"
        res_dir.mkdir(parents=True, exist_ok=True)
        with (res_dir / "dates_peer.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"mode": mode, "label": args.label, "right": n_ok, "n": len(results),
                                 "per_lang": per_lang, "seconds": round(secs, 1)}) + "\n")


if __name__ == "__main__":
    main()
