"""Checks on the lingua test data (../shared/data/langid): 2-fold cross-validation against the issue's
bars, reproducible training, determinism (see pipeline/models/langid/MODEL_CARD.md)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lingflow_testing import assert_same_artifact
from pipeline.evaluation.langid import cross_validate
from pipeline.training.langid import train
from pipeline.langid.backends import MODELS_DIR
from pipeline.evaluation.langid import _interleave, score_predictions

ROOT = Path(__file__).resolve().parents[2]


def _check_bars(rows: dict, mean: float, each: float, lookalike_sent: float, pairs_mean: float,
                lookalike_pairs: float) -> None:
    sent, pairs = rows["sentences"], rows["word-pairs"]
    assert sent["mean"] >= mean and min(sent[t] for t in ("az", "en", "ru", "fa")) >= each
    assert sent["lookalike_accepted"] <= lookalike_sent
    assert pairs["mean"] >= pairs_mean and pairs["lookalike_accepted"] <= lookalike_pairs


@pytest.mark.slow
def test_cross_validation_meets_the_bars(langid_data):
    """2-fold CV of the recipe (the honest estimate): pooled over both folds, the issue's bars hold;
    each fold stays above regression guards just under its measured numbers (MODEL_CARD.md)."""
    rows = cross_validate(langid_data.parent, ("sentences", "word-pairs"))
    pooled = {r["kind"]: r for r in rows if r["half"] == "pooled"}
    assert pooled["sentences"]["detector"] == "lingflow (2-fold CV)"
    _check_bars(pooled, 99.5, 99.0, 0.5, 96.0, 1.0)  # measured 99.75 / ru 99.4 / 0.26 %; pairs 96.7, 0.72 %
    for test_half in ("odd", "even"):
        _check_bars({r["kind"]: r for r in rows if r["half"] == test_half}, 99.5, 98.7, 0.5, 95.0, 1.25)


def test_pooled_predictions_go_back_in_file_order():
    assert _interleave(["e0", "e2", "e4"], ["o1", "o3"]) == ["e0", "o1", "e2", "o3", "e4"]
    row = score_predictions({"ru": ["ru", "und"], "bg": ["bg", "ru"]}, "sentences", "pooled", 2.0)
    assert row["ru"] == 50.0 and row["lookalike_accepted"] == 50.0 and row["lines_per_s"] == 2.0


def test_shipped_model_is_trained_on_all_lines():
    spec = json.loads((MODELS_DIR / "combiner.json").read_text(encoding="utf-8"))
    assert spec["trained_on"]["langid"].startswith("all lines")


@pytest.mark.slow
def test_training_reproduces_the_shipped_artefacts(tmp_path, langid_data):
    train(langid_data.parent, tmp_path)
    for rel in ("combiner.json", "profiles/az.json", "lexicons/az.txt", "lexicons/en.txt",
                "lexicons/ru.txt", "lexicons/fa.txt", "lexicons/others.txt", "lexicons/frequent.tsv",
                "vocab/hashes.npy", "vocab/masks.npy", "vocab/langs.txt"):
        assert_same_artifact(tmp_path / rel, MODELS_DIR / rel)  # floats within 1e-3 relative: the fit differs by CPU in the 4th-5th digit


@pytest.mark.slow
def test_deterministic_across_processes_on_real_data(langid_data, ident):
    lines = []
    for kind in ("sentences", "word-pairs"):
        for f in sorted((langid_data / kind).glob("*.txt")):
            lines += f.read_text(encoding="utf-8").splitlines()[:15]
    expected = [[r.lang, r.confidence] for r in map(ident.detect, lines)]
    code = ("import sys, json; from pipeline.langid import LanguageIdentifier; i = LanguageIdentifier(); "
            "print(json.dumps([[r.lang, r.confidence] for r in map(i.detect, json.load(sys.stdin))]))")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(lines), capture_output=True, text=True,
                         check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "7",
                                                    "PATH": "/usr/bin:/bin"})
    assert json.loads(out.stdout) == expected
