"""Build N realistic multi-paragraph documents in az/en/ru/fa from ../shared/data and the seeds.

    python benchmarks/gen_corpus.py --n 1000 --out scratch/bench/corpus-1k [--langs az,en,ru,fa] [--seed 0]

Paragraphs are runs of 2-6 sentences of one language drawn from the NER training sets
(NEREL news paragraphs for Russian, aznews + WikiANN for Azerbaijani, Text-Mining +
WikiANN for Persian, WikiANN for English), with a seed paragraph now and then, so the
text looks like the documents users feed in. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "ner"
SOURCES = {
    "az": ["az/aznews-train.jsonl", "az/wikiann-train.jsonl"],
    "en": ["en/wikiann-train.jsonl"],
    "ru": ["ru/nerel-train.jsonl"],
    "fa": ["fa/textmining-train.jsonl", "fa/wikiann-train.jsonl"],
}
SEED_FOR = {"az": "000_", "en": "001_", "ru": "002_", "fa": "003_"}


def load_sentences(lang: str, limit: int = 20000) -> list[str]:
    out: list[str] = []
    for rel in SOURCES[lang]:
        with open(DATA / rel, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                if lang == "ru":  # NEREL items are whole documents: use their paragraphs
                    out.extend(p.strip() for p in text.split("\n") if len(p.split()) > 5)
                elif len(text.split()) >= 4:
                    out.append(text)
                if len(out) >= limit:
                    break
    return out


def seed_paragraphs(lang: str) -> list[str]:
    seed = next((REPO / "corpus").glob(SEED_FOR[lang] + "*"))
    return [p.strip() for p in seed.read_text("utf-8").split("\n\n") if len(p.split()) > 5]


def make_document(rng: random.Random, sents: list[str], seeds: list[str]) -> str:
    paras = []
    for _ in range(rng.randint(3, 8)):
        if seeds and rng.random() < 0.1:
            paras.append(rng.choice(seeds))
        else:
            paras.append(" ".join(rng.choice(sents) for _ in range(rng.randint(2, 6))))
    title = " ".join(rng.choice(sents).split()[:8])
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def generate(n: int, out: Path, langs: list[str], seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    pools = {lang: (load_sentences(lang), seed_paragraphs(lang)) for lang in langs}
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        lang = langs[i % len(langs)]
        sents, seeds = pools[lang]
        p = out / f"{i // 1000:03d}" / f"{lang}-{i:06d}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(make_document(rng, sents, seeds), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--langs", default="az,en,ru,fa")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    paths = generate(a.n, a.out, a.langs.split(","), a.seed)
    words = sum(len(p.read_text("utf-8").split()) for p in paths)
    print(json.dumps({"documents": len(paths), "words": words, "out": str(a.out)}))


if __name__ == "__main__":
    main()
