"""English NER on the hand-made news sets (tests/ner/data), ours vs plain en_core_web_sm.

Run: .venv/bin/python benchmarks/ner_en_handmade.py
Both go through the code path of `lingflow run` (pipeline.evaluation.ner.evaluate_set, one item per
document: a sentence for the news sets, a whole wire story for the CoNLL-style sets); the baseline
replaces only the NER backend inside the same steps. The CoNLL-style sets (30 stories each, PER/ORG/LOC
in CoNLL-2003's conventions and form: tokenised, ALL-CAPS headlines, datelines, results tables) were
written for issue 19 by helpers who read no code; each was measured once, fresh, before any of its rows
was read (see the README, "CoNLL-2003's form", for which rules each set saw).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.ner import evaluate_set
from pipeline import components

DATA = Path(__file__).resolve().parents[1] / "tests" / "ner" / "data"


def main() -> None:
    base = components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")
    print("| set | spans | ours exact F1 | en_core_web_sm exact F1 | ours PER / ORG / LOC / DATE "
          "| en_core_web_sm PER / ORG / LOC / DATE |")
    print("|---|---|---|---|---|---|")
    for name in ("en_news_handmade", "en_news_handmade_blind", "en_conll_style", "en_conll_style_blind",
                 "en_conll_style_c", "en_conll_style_d", "en_conll_style_e", "en_conll_style_f", "en_conll_style_g",
                 "en_conll_style_h", "en_conll_style_i", "en_conll_style_j"):
        ours = evaluate_set(DATA / f"{name}.jsonl", "en", "sentences")["exact"]
        plain = evaluate_set(DATA / f"{name}.jsonl", "en", "sentences", ner_instances={"en": base})["exact"]

        def labels(row: dict) -> str:
            return " / ".join(f"{row[lab]['f1']:.1f}" if lab in row else "-" for lab in ("PER", "ORG", "LOC", "DATE"))

        print(f"| {name} | {ours['micro']['n_gold']} | {ours['micro']['f1']:.1f} | {plain['micro']['f1']:.1f} "
              f"| {labels(ours)} | {labels(plain)} |")


if __name__ == "__main__":
    main()
