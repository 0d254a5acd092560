"""Word-frequency lexicon of name words, derived from the NER training data.

The az suffix stripper uses it to decide ambiguous cuts: ``Kanada`` (seen often as a name)
is not ``Kana`` + dative, ``Azərbaycana`` is ``Azərbaycan`` + dative. The artefact is a
small TSV (word, count) committed under ``pipeline/entities/data/``; rebuild it with
``python -m pipeline.entities.lexicon /path/to/shared/data``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from pipeline.text.normalize import normalize

DATA_DIR = Path(__file__).parent / "data"
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


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "az", inner: bool = False) -> dict[str, int]:
    """Word -> count (``inner``: count before the last word of a span), keyed by the language's
    lower-cased form; empty if the file is absent."""
    from pipeline.entities.az import az_lower

    path = DATA_DIR / f"{lang}_name_words.tsv"
    if not path.exists():
        return {}
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            c = int(cols[2]) if inner and len(cols) > 2 else (0 if inner else int(cols[1]))
            key = az_lower(cols[0]) if lang == "az" else cols[0].lower()
            out[key] = out.get(key, 0) + c
    return out


if __name__ == "__main__":  # pragma: no cover - maintenance script
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    inner_counts: Counter = Counter()
    print(write_lexicon(build_lexicon(root, inner=inner_counts), inner=inner_counts))
