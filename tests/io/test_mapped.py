"""pipeline.io.mapped: read-only memory maps, all of whose pages the forking process maps (issue 22)."""

from __future__ import annotations

import gc

import numpy as np

from lingflow_testing import resident_kb

from pipeline.io.mapped import load_mapped, map_in_full, mapped_tables


def _resident_kb(path) -> int:
    return resident_kb().get(str(path), 0)


def test_map_in_full_maps_every_page_of_every_table_still_in_use(tmp_path):
    paths = [tmp_path / "a.npy", tmp_path / "b.npy"]
    np.save(paths[0], np.arange(1 << 20, dtype=np.float32))  # 4 MiB
    np.save(paths[1], np.ones((512, 1024), dtype=np.uint8))  # 0.5 MiB
    a, b = (load_mapped(p) for p in paths)
    assert float(a[123]) == 123.0 and not a.flags.writeable  # read-only, the file's values
    assert _resident_kb(paths[0]) < 1024  # a page or so, not the 4 MiB
    assert sum(t.nbytes for t in mapped_tables() if str(t.filename).startswith(str(tmp_path))) == a.nbytes + b.nbytes
    assert map_in_full() >= a.nbytes + b.nbytes
    assert _resident_kb(paths[0]) >= 4096 and _resident_kb(paths[1]) >= 512
    del b
    gc.collect()
    assert [str(t.filename) for t in mapped_tables() if str(t.filename).startswith(str(tmp_path))] == [str(paths[0])]
