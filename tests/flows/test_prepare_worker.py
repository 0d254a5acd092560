"""Issue 22: what the process that forks a run's workers loads before it forks, so that the workers share
it instead of each reading it again on their first batches (their private memory grew by it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, sys
from pipeline.preload import prepare_worker
from pipeline.langid.features import MorphLexicon
prepare_worker(None, ["en"], sys.argv[1] == "forks")
lex = [o for o in gc.get_objects() if isinstance(o, MorphLexicon)]
print(json.dumps({"lexicons": len(lex), "open": [x._dawg is not None for x in lex]}))
"""


def _probe(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], cwd=REPO, capture_output=True, text=True,
                         timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_forking_process_opens_the_language_identifiers_russian_dictionary():
    """pymorphy3's word-form DAWG (~15 MB of Python bytes) behind the identifier's Russian lexicon: opened
    before the fork, it is shared; a one-process run still opens it on its first Russian word."""
    assert _probe("forks") == {"lexicons": 1, "open": [True]}
    assert _probe("alone") == {"lexicons": 1, "open": [False]}
