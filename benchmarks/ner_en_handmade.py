"""English NER on the hand-made news sets (tests/ner/data), ours vs plain en_core_web_sm.

Run: .venv/bin/python benchmarks/ner_en_handmade.py
Both go through the code path of `lingflow run` (pipeline.evaluation.ner.evaluate_set, one
sentence per document); the baseline replaces only the NER backend inside the same steps.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.ner import evaluate_set
from pipeline import components

DATA = Path(__file__).resolve().parents[1] / "tests" / "ner" / "data"


def main() -> None:
    base = components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")
    print("| set | spans | ours exact F1 | en_core_web_sm exact F1 | ours DATE | en_core_web_sm DATE |")
    print("|---|---|---|---|---|---|")
    for name in ("en_news_handmade", "en_news_handmade_blind"):
        ours = evaluate_set(DATA / f"{name}.jsonl", "en", "sentences")
        plain = evaluate_set(DATA / f"{name}.jsonl", "en", "sentences", ner_instances={"en": base})
        print(f"| {name} | {ours['exact']['micro']['n_gold']} | {ours['exact']['micro']['f1']:.1f} "
              f"| {plain['exact']['micro']['f1']:.1f} | {ours['exact']['DATE']['f1']:.1f} "
              f"| {plain['exact']['DATE']['f1']:.1f} |")


if __name__ == "__main__":
    main()
