"""Hand-made expression tables (tests/dates/data/<lang>.tsv): every row gets its exact value."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.dates import DateExtractor
from pipeline.evaluation.dates import read_table

DATA = Path(__file__).parent / "data"
LANGS = ("az", "en", "ru", "fa")
ROWS = [(lang, row) for lang in LANGS for row in read_table(DATA / f"{lang}.tsv")]


def _id(item) -> str:
    lang, row = item
    return f"{lang}:{row['expression']}" + (f"@{row['anchor']}" if row["anchor"] else "")


@pytest.mark.parametrize("lang", LANGS)
def test_table_is_big_enough(lang: str) -> None:
    assert len(read_table(DATA / f"{lang}.tsv")) >= 60


@pytest.mark.parametrize("item", ROWS, ids=[_id(i) for i in ROWS])
def test_normalize_gives_expected_value(item, extractor: DateExtractor) -> None:
    lang, row = item
    m = extractor.normalize(row["expression"], lang, row["anchor"])
    got = m.value if m else None
    assert got == row["value"]
    if row["value"] is not None:
        assert m.granularity == row["granularity"]
        assert m.calendar == row["calendar"]
        if not row["value"].startswith(("-", "0000")):  # BC years have no Python date range
            assert m.start_date is not None and m.end_date is not None
            assert m.start_date <= m.end_date


@pytest.mark.parametrize("item", ROWS, ids=[_id(i) for i in ROWS])
def test_extract_finds_the_expression_in_a_sentence(item, extractor: DateExtractor) -> None:
    """The expression embedded in running text is found, with exact offsets and the same value."""
    lang, row = item
    text = f"… {row['expression']} …"
    found = extractor.extract(text, lang, row["anchor"])
    assert found, "nothing extracted"
    for m in found:
        assert text[m.start:m.end] == m.text
    if row["value"] is not None:
        assert row["value"] in {m.value for m in found}
