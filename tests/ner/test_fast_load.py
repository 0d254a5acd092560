"""Issue 22: the shipped az/fa models load with their rulers' patterns only tokenised (and English
with only its ner), and find exactly the entities of a plain ``spacy.load``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "pipeline" / "models"
SHARED = REPO.parent / "shared"  # its NER dev sets add texts when present


def _texts(lang: str, seeds_dir: Path, shared: Path) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for f in sorted((shared / "data" / "ner" / lang).glob("*-dev.jsonl")) if shared.exists() else []:
        with open(f, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(150), fh)]
    return texts


def _ents(nlp, texts):
    return [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in d.ents] for d in nlp.pipe(texts)]


@pytest.mark.parametrize("lang", ["az", "fa"])
def test_rulers_tokenised_only_give_the_same_entities(lang, seeds_dir):
    import spacy

    from pipeline.ner.spacy_backend import inference_ops, load_with_rulers_tokenised

    path = MODELS / f"ner-{lang}"
    with inference_ops():
        plain = spacy.load(path, exclude=["lemmatizer"])
        fast = load_with_rulers_tokenised(path)
    assert fast.pipe_names == plain.pipe_names and any(n.startswith("rules_") for n in fast.pipe_names)
    texts = _texts(lang, seeds_dir, SHARED)
    ents = _ents(plain, texts)
    assert sum(map(len, ents)) > 0 and _ents(fast, texts) == ents


def test_english_ner_alone_gives_the_same_entities(seeds_dir):
    """en_core_web_md's ner without the vocab's strings and with the compact memory-mapped vectors
    finds exactly what its ner finds as spaCy loads it (the same vectors, from a dict of keys).
    (The whole pipeline differs on a few long lines: its parser's sentence boundaries stop names;
    the NER step reads one line at a time, where they agree.)"""
    import numpy as np
    import spacy

    from pipeline.lang.en.ner import load_en_core_web_md, model_dir
    from pipeline.ner.spacy_backend import inference_ops
    from pipeline.ner.static_vectors import SortedVectors

    with inference_ops():
        full = spacy.load(model_dir(), exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                                "lemmatizer"])
    fast = load_en_core_web_md()
    assert fast.pipe_names == ["ner"] and isinstance(fast.vocab.vectors, SortedVectors)
    assert fast.vocab.vectors.shape == full.vocab.vectors.shape
    words = ["London", "london", "Reuters", "the", "Kazuyoshi", "xqzzyv", ""]
    keys = [full.vocab.strings.add(w) for w in words]
    want = np.stack([full.vocab.vectors[k] if k in full.vocab.vectors else np.zeros(300, "f") for k in keys])
    assert np.abs(want).sum() > 0 and np.array_equal(fast.vocab.vectors.get_batch(keys), want)
    texts = _texts("en", seeds_dir, SHARED)
    for f in sorted((REPO / "tests" / "ner" / "data").glob("en_conll_style*.jsonl"))[:3]:
        texts += [line for row in f.read_text("utf-8").splitlines() for line in json.loads(row)["text"].split("\n")]
    ents = _ents(full, texts)
    assert sum(map(len, ents)) > 500 and _ents(fast, texts) == ents
