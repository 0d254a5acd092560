from __future__ import annotations

from pathlib import Path

import os

import pytest

# A developer's running `lingflow workers` (flows/daemon.py) must not serve the tests' runs: the
# tests that want workers start their own on their own socket.
os.environ["LINGFLOW_WORKERS_SOCKET"] = str(Path("/nonexistent/lingflow-tests/workers.sock"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = REPO / "corpus"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    d = SHARED / "data"
    if not d.exists():
        pytest.skip("../shared/data is not present")
    return d
