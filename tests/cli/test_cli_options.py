"""Issue 20: --version, settings' environment variables in --help, unknown names as one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__

BIN = Path(sys.executable).parent


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "lingflow"), *args], capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="200", **env))


def test_version():
    r = _cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"lingflow {__version__}"


@pytest.mark.parametrize("command,envvars", [
    (["run"], ["LINGFLOW_OUT", "LINGFLOW_WORKERS", "LINGFLOW_BATCH_SIZE", "LINGFLOW_MAX_MB"]),
    (["serve"], ["LINGFLOW_OUT", "LINGFLOW_BATCH_SIZE", "LINGFLOW_MAX_MB"]),
    (["inspect"], ["LINGFLOW_OUT"]),
    (["report"], ["LINGFLOW_OUT"]),
    (["eval", "langid"], ["LINGFLOW_DATA"]),
    (["train", "ner"], ["LINGFLOW_DATA"]),
])
def test_help_names_the_environment_variables(command, envvars):
    r = _cli(*command, "--help")
    assert r.returncode == 0
    for var in envvars:
        assert var in r.stdout, (command, var)


@pytest.mark.parametrize("args,needle", [
    (["eval", "langid", "--detectors", "bogus", "--no-cv"], "unknown detector 'bogus'"),
    (["eval", "langid", "--detectors", "lingua", "--half", "both"], "unknown --half 'both'"),
    (["eval", "ner", "--lang", "xx"], "unknown --lang 'xx'"),
    (["train", "ner", "--lang", "xx"], "no trainable NER model for 'xx'"),
    (["eval", "dates", "--data", "/nonexistent/data"], "no data folder at /nonexistent/data"),
])
def test_unknown_names_are_one_line(args, needle):
    r = _cli(*args)
    assert r.returncode == 2, r.stderr
    assert needle in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr, r.stderr
