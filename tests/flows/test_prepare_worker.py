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


MAPS = """
import json, sys
from pipeline.io.mapped import mapped_tables
from pipeline.preload import prepare_worker
prepare_worker(None, ["en", "ru"], sys.argv[1] == "forks")
names = {}  # file name of each mapping -> kB resident in this process
name = None
for line in open("/proc/self/smaps"):
    head = line.split()
    if "-" in head[0] and not head[0].endswith(":"):
        name = head[5].rsplit("/", 1)[-1] if len(head) > 5 else None
    elif name and head[0] == "Rss:":
        names[name] = names.get(name, 0) + int(head[1])
size = {}
for t in mapped_tables():
    name = str(t.filename).rsplit("/", 1)[-1]
    size[name] = size.get(name, 0) + t.nbytes // 1024
print(json.dumps({n: [names.get(n, 0), kb] for n, kb in size.items()}))
"""


def test_the_forking_process_maps_every_memory_mapped_table_in_full():
    """The English model's vectors, language ID's word lists and navec's table (memory-mapped read-only):
    a worker maps a page when it first looks a word up, so its memory grew with the distinct words it met;
    with every page mapped before the fork, what it looks up is counted once, in the forking process."""
    out = subprocess.run([sys.executable, "-c", MAPS, "forks"], cwd=REPO, capture_output=True, text=True,
                         timeout=600, check=True)
    maps = json.loads(out.stdout.strip().splitlines()[-1])
    assert {"vectors", "hashes.npy", "masks.npy"} <= set(maps), maps  # en_core_web_md's matrix, language ID's lists
    assert any(n.endswith(".npy") and n.startswith("navec") for n in maps), maps
    for name, (resident_kb, size_kb) in maps.items():
        assert resident_kb >= 0.98 * size_kb, (name, resident_kb, size_kb)
    alone = subprocess.run([sys.executable, "-c", MAPS, "alone"], cwd=REPO, capture_output=True, text=True,
                           timeout=600, check=True)
    maps = json.loads(alone.stdout.strip().splitlines()[-1])
    assert maps["vectors"][0] < 0.5 * maps["vectors"][1], maps  # a one-process run maps what it looks up
