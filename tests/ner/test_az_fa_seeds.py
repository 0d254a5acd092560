"""The shipped az and fa NER models find every gold entity of the seed documents.

Golden entities are written by hand from corpus/000_* (az) and corpus/003_* (fa). Each
occurrence must be covered by a predicted span of the right label that ends inside the same
word (inflected forms such as ``Cəmiyyətinin`` / ``Əliyevin`` may keep their suffix) and
starts at most two words earlier (``جمهوری اسلامی ایران`` covers ``ایران``); DATE needs only
an overlap.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lingflow_testing import mentions

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "pipeline" / "models"

GOLD = {
    "az": ("000_", [
        ("Azərbaycan Onkoloqlar Cəmiyyəti", "ORG"),
        ("AOC", "ORG"),
        ("Cəmil Əliyev", "PER"),
        ("1972-ci ildə", "DATE"),
        ("1989-cu ilə", "DATE"),
        ("2005-ci ildən", "DATE"),
    ]),
    "fa": ("003_", [
        ("بسیج جامعه پزشکی", "ORG"),
        ("ایران", "LOC"),
        ("سال ۷۴", "DATE"),
    ]),
}


def _seed_text(prefix: str) -> str:
    path = next((REPO / "corpus").glob(prefix + "*.txt"))
    return path.read_text(encoding="utf-8")


def _found(text: str, spans, start: int, end: int, label: str) -> bool:
    for s in spans:
        if s.label != label:
            continue
        if label == "DATE" and s.start < end and start < s.end:
            return True
        if (s.start <= start and s.end >= end and not re.search(r"\s", text[end:s.end])
                and len(text[s.start:start].split()) <= 2):
            return True
    return False


@pytest.fixture(scope="module", params=["az", "fa"])
def seed_run(request):
    lang = request.param
    if not (MODELS / f"ner-{lang}" / "meta.json").exists():
        pytest.skip(f"model ner-{lang} not trained")
    prefix, gold = GOLD[lang]
    text = _seed_text(prefix)
    return lang, text, gold, mentions(text)  # the path of `lingflow run`


@pytest.mark.slow
def test_every_gold_entity_found(seed_run) -> None:
    lang, text, gold, spans = seed_run
    missing = []
    for surface, label in gold:
        occurrences = [m.span() for m in re.finditer(re.escape(surface), text)]
        assert occurrences, surface
        for start, end in occurrences:
            if not _found(text, spans, start, end, label):
                missing.append((surface, label, start))
    predicted = [(text[s.start:s.end], s.label) for s in spans]
    assert not missing, f"{lang}: missed {missing}; predicted {predicted}"


@pytest.mark.slow
def test_spans_are_clean_document_offsets(seed_run) -> None:
    lang, text, _, spans = seed_run
    assert spans
    for s in spans:
        surface = text[s.start:s.end]
        assert surface == surface.strip() and "\n" not in surface, (lang, surface)
        assert s.label in {"ORG", "PER", "LOC", "DATE"}


@pytest.mark.slow
def test_az_name_joined_to_a_date_is_kept() -> None:
    """The az model reads `ABŞ XIX əsrdə` at a sentence's start as one LOC; the date pattern takes `XIX əsrdə`
    and the gazetteer, which runs after it, finds `ABŞ` in the gap (it ran first and lost the name before)."""
    if not (MODELS / "ner-az" / "meta.json").exists():
        pytest.skip("model ner-az not trained")
    text = "ABŞ XIX əsrdə Şimali Amerikada güclü bir geosiyasi qüvvə oldu ."
    found = {(text[m.start:m.end], m.label) for m in mentions(text, "az")}
    assert ("ABŞ", "LOC") in found and ("XIX əsrdə", "DATE") in found, found
