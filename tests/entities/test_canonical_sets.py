"""The hand-made canonical-form sets (tests/entities/data/canonical_<lang>.tsv), row by row."""

from __future__ import annotations

import pytest

from pipeline.entities import canonicalize
from pipeline.evaluation.entities import LANGS, evaluate, load_pairs


def _params():
    for lang in LANGS:
        for surface, label, expected, note in load_pairs(lang, with_notes=True):
            marks = [pytest.mark.xfail(strict=True, reason=note)] if note.startswith("xfail") else []
            yield pytest.param(lang, surface, label, expected, marks=marks, id=f"{lang}-{label}-{surface}")


@pytest.mark.parametrize("lang,surface,label,expected", list(_params()))
def test_canonical_form(lang: str, surface: str, label: str, expected: str) -> None:
    assert canonicalize(surface, label, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_sets_are_big_enough(lang: str) -> None:
    assert len(load_pairs(lang)) >= 50


def test_accuracy_per_language_at_least_95_percent() -> None:
    results = {r["lang"]: r for r in evaluate() if r["lang"] in LANGS}
    assert set(results) == set(LANGS)
    for lang, r in results.items():
        assert r["accuracy"] >= 0.95, (lang, r["misses"])
