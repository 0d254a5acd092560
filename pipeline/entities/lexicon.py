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


def build_lexicon(data_root: Path, lang: str = "az", min_count: int = MIN_COUNT) -> Counter:
    """Count every word inside a PER/ORG/LOC span of the ``lang`` training sets."""
    counts: Counter = Counter()
    for rel in _SETS[lang]:
        with open(Path(data_root) / "ner" / rel, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                text = doc["text"]
                for ent in doc["entities"]:
                    if ent["label"] == "DATE":
                        continue
                    for word in normalize(text[ent["start"]:ent["end"]], lang).text.split():
                        if any(c.isalpha() for c in word) and word[0].isupper():
                            counts[word] += 1
    return Counter({w: c for w, c in counts.items() if c >= min_count})


def write_lexicon(counts: Counter, lang: str = "az") -> Path:
    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / f"{lang}_name_words.tsv"
    with open(path, "w", encoding="utf-8") as fh:
        for word, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{c}\n")
    return path


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "az") -> dict[str, int]:
    """Word -> count, keyed by the language's lower-cased form; empty if the file is absent."""
    from pipeline.entities.az import az_lower

    path = DATA_DIR / f"{lang}_name_words.tsv"
    if not path.exists():
        return {}
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, c = line.rstrip("\n").partition("\t")
            key = az_lower(word) if lang == "az" else word.lower()
            out[key] = out.get(key, 0) + int(c)
    return out


if __name__ == "__main__":  # pragma: no cover - maintenance script
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    print(write_lexicon(build_lexicon(root)))
