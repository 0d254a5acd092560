"""Compare NER training recipes over several seeds: one run moves by 1.5-3 points with the seed alone.

    python benchmarks/ner_seeds.py --lang az --configs az,lex --seeds 0,1,2 [--matmul numpy] [--work /tmp/seeds]
    python benchmarks/ner_seeds.py --lang az --configs az,lex --seeds 0,1,2 --table-only   # re-print
    python benchmarks/ner_seeds.py --lang fa --configs fa+p0,fa+p20 --seeds 0,1            # pretraining or not

A recipe is a config name, optionally with ``+pN``: the tok2vec pretrained for N epochs first (``+p0``: none),
pretrained once per language and N into ``WORK/pretrain-<lang>-<N>`` (deterministic; the training seed does not
change it) and shared by the seeds' runs.

Each (config, seed) is trained by ``lingflow train ner`` into ``WORK/<config>-s<seed>`` (skipped when that folder
already holds ``scores.json``), whose packaging step scores it through the code path of ``lingflow run``
(:mod:`pipeline.evaluation.ner`). The table gives exact micro F1 per dev set and view for each run, then the mean
and the range per recipe. About 11 min per az run and 25 per fa run on one core, with ``--matmul numpy``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def pretrained(lang: str, epochs: int, work: Path) -> Path:
    """The tok2vec weights of ``epochs`` epochs of pretraining for ``lang`` (made once under ``work``)."""
    out = work / f"pretrain-{lang}-{epochs}"
    weights = out / "weights" / f"model{epochs - 1}.bin"
    if not weights.exists():
        cmd = [sys.executable, "-m", "pipeline.training.ner.pretrain", lang, str(out), str(epochs)]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return weights


def run_one(lang: str, recipe: str, seed: int, matmul: str, out: Path) -> None:
    if (out / "scores.json").exists():
        return
    config, _, pre = recipe.partition("+p")
    extra = []
    if pre:
        epochs = int(pre)
        extra = (["--set", f"paths.init_tok2vec={pretrained(lang, epochs, out.parent)}"] if epochs
                 else ["--pretrain-epochs", "0"])
    cmd = [str(Path(sys.executable).parent / "lingflow"), "train", "ner", "--lang", lang, "--config", config,
           "--matmul", matmul, "--seed", str(seed), "--out", str(out), "--work", str(out.with_suffix(".work")), *extra]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL)


def f1s(out: Path) -> dict[tuple[str, str], float]:
    rows = json.loads((out / "scores.json").read_text(encoding="utf-8"))["rows"]
    return {(r["set"], r["view"]): r["exact"]["micro"]["f1"] for r in rows}


def table(configs: list[str], seeds: list[int], work: Path) -> str:
    runs = {(c, s): f1s(work / f"{c}-s{s}") for c in configs for s in seeds if (work / f"{c}-s{s}" / "scores.json").exists()}
    cols = sorted({k for r in runs.values() for k in r})
    head = "| recipe | seed | " + " | ".join(f"{s} {v}" for s, v in cols) + " |"
    lines = [head, "|" + "---|" * (len(cols) + 2)]
    for c in configs:
        mine = [(s, runs[(c, s)]) for s in seeds if (c, s) in runs]
        for s, r in mine:
            lines.append(f"| {c} | {s} | " + " | ".join(f"{r.get(k, float('nan')):.1f}" for k in cols) + " |")
        if len(mine) > 1:
            vals = {k: [r[k] for _, r in mine if k in r] for k in cols}
            lines.append(f"| **{c}** | mean (range) | " + " | ".join(
                f"**{statistics.mean(v):.1f}** ({min(v):.1f}-{max(v):.1f})" for v in vals.values()) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True)
    ap.add_argument("--configs", required=True, help="comma-separated config names of pipeline/training/ner/configs,"
                                                     " each optionally with +pN (N epochs of pretraining; +p0: none)")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--matmul", default="numpy", choices=("numpy", "blis"))
    ap.add_argument("--work", default="/tmp/lingflow-ner-seeds")
    ap.add_argument("--table-only", action="store_true")
    a = ap.parse_args(argv)
    configs, seeds, work = a.configs.split(","), [int(s) for s in a.seeds.split(",")], Path(a.work)
    if not a.table_only:
        for s in seeds:
            for c in configs:
                run_one(a.lang, c, s, a.matmul, work / f"{c}-s{s}")
    print(table(configs, seeds, work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
