"""One very long English document through `lingflow run`'s steps: CPU seconds per step.

Run: .venv/bin/python benchmarks/ner_long_document.py
The document is every CoNLL-style story of tests/ner/data joined (about 345 kB, 63k words) under a sports
headline, so that every English document rule runs over all of it: rules that compare every name with
every other, or search the whole text once per name, show here as seconds, not on short stories.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from pipeline.evaluation.ner import predict

DATA = Path(__file__).resolve().parents[1] / "tests" / "ner" / "data"


def main() -> None:
    texts = [json.loads(line)["text"] for path in sorted(DATA.glob("en_conll_style*.jsonl"))
             for line in path.open(encoding="utf-8")]
    big = "SOCCER - ALL THE STORIES .\n" + "\n\n".join(texts)
    predict(["Warm-up: Baku is a city."])  # models loaded outside the measurement
    t = time.process_time()
    docs, stats = predict([big])
    total = time.process_time() - t
    print(f"{len(big):,} characters, {len(big.split()):,} words, {len(docs[0].mentions):,} mentions")
    print("| step | CPU s |\n|---|---|")
    for name, st in stats.items():
        print(f"| {name} | {st.cpu_seconds:.2f} |")
    print(f"| all | {total:.2f} |")


if __name__ == "__main__":
    main()
