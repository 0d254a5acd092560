"""Issue 22: the shipped az/fa models load with their rulers' patterns only tokenised (and English
with only its ner), and find exactly the entities of a plain ``spacy.load``."""

from __future__ import annotations

import importlib
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
    from pipeline.lang.en.ner import MODEL_PACKAGE, load_en_core_web_sm
    from pipeline.ner.spacy_backend import inference_ops

    with inference_ops():
        full = importlib.import_module(MODEL_PACKAGE).load()
    fast = load_en_core_web_sm()
    assert fast.pipe_names == ["ner"]
    texts = _texts("en", seeds_dir, SHARED)
    ents = _ents(full, texts)
    assert sum(map(len, ents)) > 0 and _ents(fast, texts) == ents
