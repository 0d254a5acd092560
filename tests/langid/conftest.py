from pathlib import Path

import pytest

LANGID_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "langid"


@pytest.fixture(scope="session")
def ident():
    from pipeline.langid import LanguageIdentifier

    return LanguageIdentifier().load()


@pytest.fixture(scope="session")
def langid_data() -> Path:
    if not (LANGID_DATA / "sentences").is_dir():
        pytest.skip(f"{LANGID_DATA} not present")
    return LANGID_DATA
