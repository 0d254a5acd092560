"""Ablation of the post-model entity_ruler groups of an az/fa model, through the code path of `lingflow run`.

Run: .venv/bin/python benchmarks/ner_rules_ablation.py --lang fa [--model pipeline/models/ner-fa]
     [--data ../shared/data/ner] [--candidates "none;gazetteer;gazetteer+dates"]
Each candidate: the model with only those rule groups, run inside the same steps as `lingflow run`
(pipeline.evaluation.ner.evaluate_lang, documents view), exact and overlap micro F1 per dev set.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.training.ner.rules import ablate

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True, choices=["az", "fa"])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--candidates", default="none;gazetteer", help="';'-separated, groups joined by '+'")
    args = ap.parse_args()
    cands = [[g for g in c.split("+") if g and g != "none"] for c in args.candidates.split(";")]
    model = args.model or ROOT / "pipeline" / "models" / f"ner-{args.lang}"
    for name, rows in ablate(args.lang, model, args.data, cands):
        cells = [f"{r['set']} {r['exact']['micro']['f1']:.1f}/{r['overlap']['micro']['f1']:.1f}"
                 + "".join(f" {lab}:{r['exact'][lab]['f1']:.1f}" for lab in r["labels"])
                 for r in rows if r["view"] == "documents"]
        print(f"{name:30s} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
