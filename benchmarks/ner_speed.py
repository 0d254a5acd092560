"""NER throughput per language and matrix-multiply backend (thinc's blis vs numpy's BLAS).

Run: .venv/bin/python benchmarks/ner_speed.py [--langs az,fa,ru,en] [--modes blis,numpy] [--repeats 2]

Each (language, mode) pair runs in a fresh process, because the mode is read when a model is
loaded (``LINGFLOW_MATMUL``, see ``pipeline/ner/spacy_backend.py``). Every dev set of the language
goes through the inference path of ``lingflow run`` as ``lingflow eval ner`` runs it (documents
view). Reported: words per CPU-second of the NER step (best of ``--repeats``) and exact micro F1,
which must not depend on the mode. A JSON line per row is appended to ``benchmarks/results/ner_speed.jsonl``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"

_SNIPPET = """
import json, sys
from pathlib import Path
from pipeline.evaluation.ner import dev_files, evaluate_set
lang, data, repeats = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
for path in dev_files(lang, data):
    evaluate_set(path, lang, "documents", limit=200)  # load the models and warm caches
    runs = [evaluate_set(path, lang, "documents") for _ in range(repeats)]
    best = max(runs, key=lambda r: r["ner_words_per_cpu_s"])
    print(json.dumps({"set": best["set"], "words": best["n_words"], "words_per_cpu_s": best["ner_words_per_cpu_s"],
                      "pipeline_words_per_cpu_s": best["words_per_cpu_s"], "exact_f1": best["exact"]["micro"]["f1"]}),
          flush=True)
"""


def run(lang: str, mode: str, data: Path, repeats: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LINGFLOW_MATMUL": mode}
    out = subprocess.run([sys.executable, "-c", _SNIPPET, lang, str(data), str(repeats)], capture_output=True,
                         text=True, check=True, cwd=ROOT, env=env)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default="az,fa,ru,en")
    ap.add_argument("--modes", default="blis,numpy")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args(argv)
    modes = args.modes.split(",")
    rows: dict[tuple[str, str], dict[str, dict]] = {}
    for lang in args.langs.split(","):
        for mode in modes:
            rows[(lang, mode)] = {r["set"]: r for r in run(lang, mode, args.data, args.repeats)}
    head = "| lang | set | words | " + " | ".join(f"{m} words/CPU-s" for m in modes) + " | exact F1 |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    results = ROOT / "benchmarks" / "results" / "ner_speed.jsonl"
    with results.open("a", encoding="utf-8") as fh:
        for lang in args.langs.split(","):
            for name, first in rows[(lang, modes[0])].items():
                cells = [rows[(lang, m)].get(name, {}) for m in modes]
                f1s = sorted({c.get("exact_f1") for c in cells})
                f1 = f"{f1s[0]}" if len(f1s) == 1 else " / ".join(map(str, f1s)) + " (differ!)"
                speeds = " | ".join(f"{c.get('words_per_cpu_s', 0):,.0f}" for c in cells)
                print(f"| {lang} | {name} | {first['words']:,} | {speeds} | {f1} |")
                for m, c in zip(modes, cells):
                    fh.write(json.dumps({"time": stamp, "lang": lang, "mode": m, **c}) + "\n")


if __name__ == "__main__":
    main()
