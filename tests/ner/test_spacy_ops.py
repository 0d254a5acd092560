"""spaCy models multiply through numpy's BLAS on one thread, with the same entities as blis.

``pipeline.ner.spacy_backend`` loads every spaCy pipeline with thinc's ``NumpyOps(use_blis=False)``
(about 60% more NER words/s on our machines) and limits numpy's BLAS to one thread while a batch
is predicted. These tests check the ops the loaded layers hold, that the thread limit is scoped,
and that switching the backend does not change a single predicted span.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ner.spacy_backend import MATMUL_ENV, load_spacy, one_blas_thread

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "ner"

pytestmark = pytest.mark.slow


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_loaded_layers_use_numpy_blas():
    if os.environ.get(MATMUL_ENV, "").lower() == "blis":
        pytest.skip("LINGFLOW_MATMUL=blis set in this environment")
    nlp = load_spacy("ner-fa")
    tok2vec = nlp.get_pipe("tok2vec").model
    ops = {(type(layer.ops).__name__, getattr(layer.ops, "use_blis", None)) for layer in tok2vec.walk()}
    assert ops == {("NumpyOps", False)}


def test_one_blas_thread_is_scoped():
    before = _blas_threads()
    if not before:
        pytest.skip("numpy has no BLAS that threadpoolctl can see")
    with one_blas_thread():
        assert set(_blas_threads()) == {1}
    assert _blas_threads() == before


_PREDICT = """
import json, sys
from pipeline.steps import annotate_texts
texts = json.load(sys.stdin)
docs = annotate_texts(texts)
print(json.dumps([[[m.start, m.end, m.label] for m in d.mentions] for d in docs]))
"""


@pytest.mark.parametrize("lang,dev", [("fa", "textmining-dev"), ("az", "aznews-dev")])
def test_numpy_and_blis_give_the_same_entities(lang, dev):
    path = DATA / lang / f"{dev}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:150]]
    out = {}
    for mode in ("blis", "numpy"):
        env = {**os.environ, "PYTHONPATH": str(REPO), MATMUL_ENV: mode}
        res = subprocess.run([sys.executable, "-c", _PREDICT, lang], input=json.dumps(texts), capture_output=True,
                             text=True, check=True, cwd=REPO, env=env)
        out[mode] = json.loads(res.stdout.strip().splitlines()[-1])
    assert sum(len(doc) for doc in out["numpy"]) > 100
    assert out["numpy"] == out["blis"]
