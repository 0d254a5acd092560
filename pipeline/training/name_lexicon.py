"""Build the name-word lexicon of pipeline/entities/data/ from the NER training sets.

``python -m pipeline.training.name_lexicon /path/to/shared/data`` rewrites ``az_name_words.tsv``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from pipeline.entities.lexicon import DATA_DIR
from pipeline.text.normalize import normalize

_SETS = {"az": ("az/wikiann-train.jsonl", "az/aznews-train.jsonl")}
MIN_COUNT = 2


def build_lexicon(data_root: Path, lang: str = "az", min_count: int = MIN_COUNT,
                  inner: Counter | None = None) -> Counter:
    """Count every word inside a PER/ORG/LOC span of the ``lang`` training sets.

    ``inner`` (if given) also counts the words seen before the last word of a span: an az case
    suffix goes on the last word only, so these are nominative forms (``Napoleon`` of
    ``Napoleon Bonapartın``)."""
    counts: Counter = Counter()
    for rel in _SETS[lang]:
        with open(Path(data_root) / "ner" / rel, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                text = doc["text"]
                for ent in doc["entities"]:
                    if ent["label"] == "DATE":
                        continue
                    words = normalize(text[ent["start"]:ent["end"]], lang).text.split()
                    for i, word in enumerate(words):
                        if any(c.isalpha() for c in word) and word[0].isupper():
                            counts[word] += 1
                            if i < len(words) - 1 and inner is not None:
                                inner[word] += 1
    return Counter({w: c for w, c in counts.items() if c >= min_count})


def write_lexicon(counts: Counter, lang: str = "az", inner: Counter | None = None) -> Path:
    """``word<TAB>count<TAB>count before the last word of a span``, most frequent first."""
    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / f"{lang}_name_words.tsv"
    inner = inner or Counter()
    with open(path, "w", encoding="utf-8") as fh:
        for word, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{c}\t{inner.get(word, 0)}\n")
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance script
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    inner_counts: Counter = Counter()
    print(write_lexicon(build_lexicon(root, inner=inner_counts), inner=inner_counts))
