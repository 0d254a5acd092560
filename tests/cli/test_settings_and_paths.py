"""Issue 21: every bad setting or output path is one line on stderr and exit 2, before any work.

Each case runs the real ``lingflow`` command in a subprocess (no Prefect starts for these)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

LINGFLOW = str(Path(sys.executable).with_name("lingflow"))
SEEDS = Path(__file__).resolve().parents[2] / "corpus"


def _lingflow(*args: str, env: dict | None = None, cwd: Path | None = None, user: bool = False):
    cmd = [LINGFLOW, *args]
    if user:  # as an unprivileged user (root writes through permission bits)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("LINGFLOW_")}, **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def _one_line_exit_2(p: subprocess.CompletedProcess, *words: str) -> str:
    err = p.stderr.strip()
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr + p.stdout
    assert len(err.splitlines()) == 1, err
    for w in words:
        assert w in err, err
    return err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    shutil.copy(next(SEEDS.glob("001_*")), c / "en.txt")
    return c


@pytest.mark.parametrize("name,value,accepted", [
    ("LINGFLOW_BATCH_SIZE", "abc", "whole number >= 1"),
    ("LINGFLOW_MAX_MB", "1.5", "whole number >= 1"),
    ("LINGFLOW_WORKERS", "0", "whole number >= 1"),
    ("LINGFLOW_MATMUL", "gpu", "numpy, blis"),
    ("LINGFLOW_STANZA_DIR", "/no/such/folder", "existing folder"),
])
def test_bad_setting_is_one_line_naming_it(tmp_path, corpus, name, value, accepted):
    env = {name: value}
    assert _lingflow("--help", env=env).returncode == 0  # --help never reads a setting
    assert _lingflow("run", "--help", env=env).returncode == 0
    err = _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(tmp_path / "out"), env=env), name, accepted)
    assert "--workers" not in err and repr(value) in err
    _one_line_exit_2(_lingflow("serve", str(corpus), "--out", str(tmp_path / "out"), "--interval", "60", env=env),
                     name)
    assert not (tmp_path / "out").exists()  # refused before any work


def test_a_flag_overrides_nothing_bad_in_the_env_but_is_still_validated(tmp_path, corpus):
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(tmp_path / "o"), "--workers", "0"), "--workers")


def test_out_inside_corpus_is_refused(corpus):
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(corpus / "out")), "inside the corpus folder")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(corpus)), "inside the corpus folder")
    assert sorted(p.name for p in corpus.iterdir()) == ["en.txt"]


def test_out_that_is_a_file_is_refused(tmp_path, corpus):
    f = tmp_path / "out.parquet"
    f.write_text("not a folder")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(f)), "is a file")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(f / "sub")), "which is a file")
    assert f.read_text() == "not a folder"


def test_out_not_writable_is_refused(tmp_path, corpus):
    ro = tmp_path / "ro"
    ro.mkdir()
    mounted = user = False
    if os.geteuid() == 0:  # root: a read-only mount (EROFS), or else run as nobody over mode 0555
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(ro)],
                                 capture_output=True).returncode == 0
        if not mounted:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root with neither mount nor setpriv")
            user = True
            for p in (tmp_path, corpus, *corpus.iterdir()):
                p.chmod(0o755 if p.is_dir() else 0o644)
            ro.chmod(0o555)
    else:
        ro.chmod(0o555)
    try:
        _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(ro), user=user), "not writable")
        _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(ro / "new"), user=user), "cannot be created")
    finally:
        if mounted:
            subprocess.run(["umount", str(ro)], check=False)


def test_foreign_table_folders_are_refused(tmp_path, corpus):
    out = tmp_path / "out"
    (out / "documents").mkdir(parents=True)
    pq.write_table(pa.table({"id": [1], "body": ["x"]}), out / "documents" / "part-0.parquet")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(out)), "did not write", "no doc_id column")
    shutil.rmtree(out / "documents")
    (out / "mentions").mkdir()
    (out / "mentions" / "notes.txt").write_text("mine")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(out)), "out/mentions holds files", "notes.txt")
    shutil.rmtree(out / "mentions")
    (out / "entities").write_text("a file")
    _one_line_exit_2(_lingflow("run", str(corpus), "--out", str(out)), "out/entities is a file")
    assert (out / "entities").read_text() == "a file"


def test_locked_output_is_refused_before_prefect_starts(tmp_path, corpus):
    from pipeline.io.tables import TableStore

    out = tmp_path / "out"
    lock = TableStore(out).lock()
    try:
        p = _lingflow("run", str(corpus), "--out", str(out))
    finally:
        lock.release()
    _one_line_exit_2(p, "another lingflow run is writing")
    assert "temporary server" not in p.stdout + p.stderr  # Prefect never started
