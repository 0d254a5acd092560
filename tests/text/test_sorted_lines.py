"""pipeline/text/sorted_lines.py: a committed sorted table read by binary search."""

from __future__ import annotations

import gzip
import random

from pipeline.text.sorted_lines import SortedLines


def _write(path, lines, header=True):
    body = ("# a comment\n" if header else "") + "".join(f"{ln}\n" for ln in lines)
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    return path


def test_finds_every_key_and_only_those(tmp_path) -> None:
    rng = random.Random(7)
    keys = sorted({"".join(rng.choice("abcçəğıöşü") for _ in range(rng.randint(1, 8))) for _ in range(2000)},
                  key=lambda k: k.encode("utf-8"))
    lines = [f"{k}\tv{i}" if i % 3 == 0 else k for i, k in enumerate(keys)]
    table = SortedLines(_write(tmp_path / "t.gz", lines))
    assert len(table) == len(keys)
    for i, k in enumerate(keys):
        assert table.get(k) == (f"v{i}" if i % 3 == 0 else "")
        assert k in table
    for k in ("", "zzz", keys[0] + "\u0259\u0259\u0259x", "a\tb"):
        if k not in keys:
            assert table.get(k) is None and k not in table


def test_absent_file_and_missing_final_newline(tmp_path) -> None:
    assert len(SortedLines(tmp_path / "absent.gz")) == 0
    assert "a" not in SortedLines(tmp_path / "absent.gz")
    path = tmp_path / "t.gz"
    path.write_bytes(gzip.compress(b"a\nb\tx"))
    table = SortedLines(path)
    assert table.get("b") == "x" and "a" in table and len(table) == 2
