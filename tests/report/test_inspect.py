"""Issue 20: `lingflow inspect` shows paths, real nulls, readable lists, views, one document, and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import inspect as lib

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
FA_SEED = "003_6a43b78325f67bf8.txt"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "lingflow"), "inspect", *args], capture_output=True, text=True)


def test_views_show_paths_and_nulls(seed_out):
    m = lib.view(seed_out, "mentions", 0)
    assert m["total"] == len(m["rows"]) > 50 and "doc_id" not in m["rows"][0]
    assert {r["path"] for r in m["rows"]} >= {FA_SEED, "002_5a64a4d3f26ddb38.txt"}
    assert any(r["normalized"] is None for r in m["rows"] if r["label"] == "DATE")  # relative dates: null, not nan
    ents = lib.view(seed_out, "entities", 5)["rows"]
    assert isinstance(ents[0]["variants"], list) and ents[0]["mention_count"] >= ents[-1]["mention_count"]
    failed = lib.view(seed_out, "failed")["rows"]
    assert [r["path"] for r in failed] == ["broken/empty.txt"] and failed[0]["error"]
    dates = lib.view(seed_out, "dates", 0)["rows"]
    jalali = [d for d in dates if d["calendar"] == "jalali"]
    assert jalali and jalali[0]["path"] == FA_SEED and jalali[0]["source_value"] == "1374"
    runs = lib.view(seed_out, "runs")["rows"]
    assert runs[0]["seen"] == 5 and runs[0]["failed"] == 1


def test_one_document(seed_out):
    d = lib.document(seed_out, "./" + FA_SEED)
    assert d["document"]["lang"] == "fa" and d["document"]["error"] is None
    assert all(d["text"][m["start"]:m["end"]] == m["text"] for m in d["mentions"])
    with pytest.raises(lib.NoSuchDocument, match="did you mean"):
        lib.document(seed_out, FA_SEED[:-5])


def test_cli_tables_are_readable(seed_out):
    r = _cli(str(seed_out), "--table", "entities", "-n", "50")
    assert r.returncode == 0, r.stderr
    assert "Azərbaycan Onkoloqlar Cəmiyyəti" in r.stdout and " · " in r.stdout
    for bad in ("nan", "None", "array(", "\\xa0", "[np."):
        assert bad not in r.stdout, bad
    r = _cli(str(seed_out), "--table", "mentions", "-n", "3")
    assert "000_06061c9ebb900fde.txt" in r.stdout and "787930ffc4bbd312" not in r.stdout
    r = _cli(str(seed_out), "--failed")
    assert "broken/empty.txt" in r.stdout
    r = _cli(str(seed_out), "--doc", FA_SEED)
    assert r.returncode == 0 and "بسیج" in r.stdout and "1995-03-21" in r.stdout


def test_cli_json_parses(seed_out):
    for args in ([], ["--table", "documents"], ["--table", "dates", "-n", "0"], ["--table", "runs"], ["--failed"],
                 ["--doc", FA_SEED]):
        r = _cli(str(seed_out), "--json", *args)
        assert r.returncode == 0, (args, r.stderr)
        data = json.loads(r.stdout)
        assert data["view"] in ("summary", "documents", "dates", "runs", "failed", "document"), args


@pytest.mark.parametrize("args,needle", [
    (["{empty}"], "holds no lingflow tables"),
    (["{missing}"], "is not a folder"),
    (["{seed}", "--table", "bogus"], "unknown table 'bogus'"),
    (["{seed}", "--doc", "nope.txt"], "no document 'nope.txt'"),
    (["{seed}", "--failed", "--table", "runs"], "at most one of"),
])
def test_cli_errors_are_one_line(seed_out, tmp_path, args, needle):
    subst = {"empty": str(tmp_path), "missing": str(tmp_path / "missing"), "seed": str(seed_out)}
    r = _cli(*[a.format(**subst) for a in args])
    assert r.returncode == 2 and needle in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
