"""Issue 22: what the process that forks a run's workers loads before it forks, so that the workers share
it instead of each reading it again on their first batches (their private memory grew by it)."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from lingflow_testing import TESTS

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, sys
sys.path.insert(0, sys.argv[2])
from lingflow_testing import resident_kb
from pipeline.io.mapped import mapped_tables
from pipeline.langid.features import MorphLexicon
from pipeline.preload import prepare_worker
prepare_worker(None, ["en", "ru"], sys.argv[1] == "forks")
lex = [o for o in gc.get_objects() if isinstance(o, MorphLexicon)]
resident = resident_kb()
maps = {}  # file name of each memory-mapped table -> [kB resident in this process, kB of the table]
for t in mapped_tables():
    kb = maps.setdefault(str(t.filename).rsplit("/", 1)[-1], [resident.get(str(t.filename), 0), 0])
    kb[1] += t.nbytes // 1024
print(json.dumps({"lexicons": len(lex), "open": [x._dawg is not None for x in lex], "maps": maps}))
"""


@lru_cache(maxsize=None)
def _probe(mode: str) -> dict:
    """What ``prepare_worker`` leaves loaded in a fresh process: ``forks`` (it will fork workers) or ``alone``."""
    out = subprocess.run([sys.executable, "-c", PROBE, mode, TESTS], cwd=REPO, capture_output=True, text=True,
                         timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_forking_process_opens_the_language_identifiers_russian_dictionary():
    """pymorphy3's word-form DAWG (~15 MB of Python bytes) behind the identifier's Russian lexicon: opened
    before the fork, it is shared; a one-process run still opens it on its first Russian word."""
    assert {k: v for k, v in _probe("forks").items() if k != "maps"} == {"lexicons": 1, "open": [True]}
    assert {k: v for k, v in _probe("alone").items() if k != "maps"} == {"lexicons": 1, "open": [False]}


def test_the_forking_process_maps_every_memory_mapped_table_in_full():
    """The English model's vectors, language ID's word lists and navec's table (memory-mapped read-only):
    a worker maps a page when it first looks a word up, so its memory grew with the distinct words it met;
    with every page mapped before the fork, what it looks up is counted once, in the forking process."""
    maps = _probe("forks")["maps"]
    assert {"vectors", "hashes.npy", "masks.npy"} <= set(maps), maps  # en_core_web_md's matrix, language ID's lists
    assert any(n.endswith(".npy") and n.startswith("navec") for n in maps), maps
    for name, (resident_kb, size_kb) in maps.items():
        assert resident_kb >= 0.98 * size_kb, (name, resident_kb, size_kb)
    maps = _probe("alone")["maps"]
    assert maps["vectors"][0] < 0.5 * maps["vectors"][1], maps  # a one-process run maps what it looks up
