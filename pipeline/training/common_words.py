"""Build ``pipeline/lang/<iso>/data/common_words.tsv``: words the NER training text writes outside
every entity at least ``MIN_OUTSIDE`` times, with the times it writes them inside a PER span (the runtime's
common words are those never in one; the links by meaning read them all).

Maintenance only (the runtime reads the table): ``python -m pipeline.training.common_words fa ../shared/data``.
For a script without capitals this is one of the few cheap signals that a span is not a name:
``استانها گرد`` (provinces, together) is not a person. Built from the training sets the shipped
model is trained on (PEYMA stays research-only and is not read).
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

from pipeline.ner.base import letter_words as words
from pipeline.training.ner.data import read_set
from pipeline.text.normalize import normalize

SETS = {"fa": ("parstwiner", "textmining", "wikiann")}  # their -train files
MIN_OUTSIDE = 3


def count(lang: str, data_root: Path) -> tuple[Counter, Counter]:
    outside: Counter = Counter()
    person: Counter = Counter()
    for name in SETS[lang]:
        for doc in read_set(Path(data_root) / "ner", lang, name, "train"):
            text = normalize(doc["text"], lang).text
            labels: list[str | None] = [None] * len(text)
            for ent in doc["entities"]:
                for i in range(ent["start"], min(ent["end"], len(text))):
                    labels[i] = ent["label"]
            for s, e, w in words(text):
                seen = set(labels[s:e])
                if seen == {None}:
                    outside[w] += 1
                elif "PER" in seen:
                    person[w] += 1
    return outside, person


def write(lang: str, data_root: Path) -> Path:
    outside, person = count(lang, data_root)
    path = Path(importlib.import_module(f"pipeline.lang.{lang}").__file__).parent / "data" / "common_words.tsv"
    rows = sorted(w for w, c in outside.items() if c >= MIN_OUTSIDE)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# word\ttimes outside every entity in {', '.join(f'{n}-train' for n in SETS[lang])}\ttimes in a PER span "
                 "(built by pipeline.training.common_words)\n")
        for w in rows:
            fh.write(f"{w}\t{outside[w]}\t{person[w]}\n")
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance script
    lang = sys.argv[1] if len(sys.argv) > 1 else "fa"
    p = write(lang, Path(sys.argv[2] if len(sys.argv) > 2 else "/work/shared/data"))
    print(p, sum(1 for _ in open(p, encoding="utf-8")) - 1, "words")
