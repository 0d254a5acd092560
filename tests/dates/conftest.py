"""Shared fixtures for the date tests."""
from __future__ import annotations

import pytest

from pipeline.dates import DateExtractor


@pytest.fixture(scope="session")
def extractor() -> DateExtractor:
    return DateExtractor()
