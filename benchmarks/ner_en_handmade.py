"""English NER on the hand-made news sets (tests/ner/data), ours vs en_core_web_md and en_core_web_sm alone.

Run: .venv/bin/python benchmarks/ner_en_handmade.py
Both go through the code path of `lingflow run` (pipeline.evaluation.ner.evaluate_set, one item per
document: a sentence for the news sets, a whole wire story for the CoNLL-style sets); a baseline
replaces only the NER backend inside the same steps (the models alone: no line casing, no rules). The CoNLL-style sets (30 stories each, PER/ORG/LOC
in CoNLL-2003's conventions and form: tokenised, ALL-CAPS headlines, datelines, results tables) were
written for issue 19 by helpers who read no code; each was measured once, fresh, before any of its rows
was read (see the README, "CoNLL-2003's form", for which rules each set saw).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.ner import evaluate_set
from pipeline import components

DATA = Path(__file__).resolve().parents[1] / "tests" / "ner" / "data"


SETS = ("en_news_handmade", "en_news_handmade_blind", "en_conll_style", "en_conll_style_blind",
        *(f"en_conll_style_{c}" for c in "cdefghijklmn"))


def main() -> None:
    baselines = {"en_core_web_md alone": components.ner("ner.spacy.en_core_web_md-3.8.0.v1"),
                 "en_core_web_sm alone": components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")}
    print("| set | spans | ours exact F1 | " + " | ".join(f"{b} exact F1" for b in baselines)
          + " | ours PER / ORG / LOC / DATE |")
    print("|---|---|---|" + "---|" * len(baselines) + "---|")
    for name in SETS:
        path = DATA / f"{name}.jsonl"
        if not path.exists():
            continue
        ours = evaluate_set(path, "en", "sentences")["exact"]
        plain = [evaluate_set(path, "en", "sentences", ner_instances={"en": b})["exact"] for b in baselines.values()]
        labels = " / ".join(f"{ours[lab]['f1']:.1f}" if lab in ours else "-" for lab in ("PER", "ORG", "LOC", "DATE"))
        print(f"| {name} | {ours['micro']['n_gold']} | {ours['micro']['f1']:.1f} | "
              + " | ".join(f"{p['micro']['f1']:.1f}" for p in plain) + f" | {labels} |")


if __name__ == "__main__":
    main()
