"""Issue 22: the unpacked navec table is saved once and memory-mapped afterwards, with the same values."""

from __future__ import annotations

import numpy as np
import pytest

from lingflow_testing import TESTS

from pipeline.ner import natasha_backend as nb

pytestmark = pytest.mark.slow


def test_navec_is_cached_and_memory_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("LINGFLOW_CACHE", str(tmp_path / "cache"))
    nb.navec_table.cache_clear()
    try:
        words, data = nb.navec_table()  # unpacks and saves
        assert isinstance(data, np.memmap) and not data.flags.writeable
        assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".json", ".npy"]
        nb.navec_table.cache_clear()
        words2, data2 = nb.navec_table()  # read back: no unpacking
        ref_words, ref = nb._navec_unpacked()
        assert words2 == words == ref_words and data2.shape == ref.shape == (250002, 300)
        rows = [0, 1, 777, 123_456, 250_001]
        np.testing.assert_array_equal(np.asarray(data2[rows]), ref[rows])
    finally:
        nb.navec_table.cache_clear()


def test_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LINGFLOW_CACHE", str(blocker / "cache"))
    nb.navec_table.cache_clear()
    try:
        words, data = nb.navec_table()
        assert not isinstance(data, np.memmap) and data.shape == (250002, 300) and len(words) == 250002
    finally:
        nb.navec_table.cache_clear()


def test_half_precision_table_is_the_rounded_float32_one(tmp_path, monkeypatch):
    """Issue 22: inference maps navec in float16 (half the memory), the same values rounded."""
    monkeypatch.setenv("LINGFLOW_CACHE", str(tmp_path / "cache"))
    nb.navec_table.cache_clear()
    try:
        words, half = nb.navec_table("float16")
        assert isinstance(half, np.memmap) and half.dtype == np.float16 and half.shape == (250002, 300)
        assert any(p.name.endswith(".f16.npy") for p in (tmp_path / "cache").iterdir())
        _w, ref = nb._navec_unpacked()
        rows = [0, 1, 777, 123_456, 250_001]
        np.testing.assert_array_equal(np.asarray(half[rows]), ref[rows].astype(np.float16))
    finally:
        nb.navec_table.cache_clear()


def test_the_russian_model_attaches_half_precision_unless_blis(monkeypatch):
    from pipeline.lang.ru.ner import navec_dtype

    monkeypatch.delenv("LINGFLOW_MATMUL", raising=False)
    assert navec_dtype() == "float16"
    monkeypatch.setenv("LINGFLOW_MATMUL", "blis")
    assert navec_dtype() == "float32"


_MAPPED_RSS = r'''
import sys
sys.path.insert(0, sys.argv[1])
from lingflow_testing import resident_kb
from pipeline.io.mapped import map_in_full
from pipeline.ner import natasha_backend as nb


def mapped_kb():  # Rss of the table's mapping in this process
    return sum(kb for path, kb in resident_kb().items() if path.endswith(".f16.npy"))


words, table = nb.navec_table("float16")
int(table[7].sum())  # one word looked up
before = mapped_kb()
size = map_in_full()
print(before, mapped_kb(), size)
'''


def test_map_in_full_maps_the_whole_table(tmp_path):
    """Issue 22: the process that forks the workers maps every page of the navec table, so the pages
    the workers look up are shared with it (and counted once) instead of adding up word by word."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, LINGFLOW_CACHE=str(tmp_path / "cache"))
    for _ in range(2):  # the first run unpacks and saves the table, the second maps the saved file
        out = subprocess.run([sys.executable, "-c", _MAPPED_RSS, TESTS], env=env, capture_output=True, text=True,
                             check=True, timeout=600).stdout.split()
    before_kb, after_kb, size = (int(x) for x in out)
    assert size == 250002 * 300 * 2
    assert before_kb * 1024 < 0.1 * size  # one word: a page or two
    assert after_kb * 1024 >= 0.99 * size
