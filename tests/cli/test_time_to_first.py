"""Issue 22: `lingflow run` loads only the models its documents need, and an unchanged re-run none.

The real command in a subprocess (its own PREFECT_HOME, Prefect's temporary server); the
summary's "models loaded" row lists what the run's worker processes loaded (flows/workers.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import components

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _run(corpus: Path, out: Path, home: Path) -> str:
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", COLUMNS="400")
    env.pop("PREFECT_API_URL", None)
    r = subprocess.run([str(BIN / "lingflow"), "run", str(corpus), "--out", str(out), "--no-progress"],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    line = next(ln for ln in r.stdout.splitlines() if "models loaded" in ln)
    return line.split("models loaded", 1)[1]


def test_one_language_loads_one_ner_model_and_a_rerun_none(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*")), corpus / "en.txt")  # the English seed only
    out, home = tmp_path / "out", tmp_path / "prefect-home"
    loaded = _run(corpus, out, home)
    ner = components.default_ner()
    assert ner["en"] in loaded, loaded
    assert [name for lang, name in ner.items() if lang != "en" and name in loaded] == [], loaded
    assert components.DEFAULT_LANGID in loaded and components.DEFAULT_DATES in loaded, loaded
    assert "in 1 worker process, started before Prefect" in loaded, loaded
    assert _run(corpus, out, home).strip(" │|") == "none"  # nothing changed: no model at all
