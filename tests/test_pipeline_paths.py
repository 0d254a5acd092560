"""Paths through the steps that a plain run takes: a document in no supported language, and the
provenance of DATE mentions whose span comes from a model and whose value from the grammar."""

from __future__ import annotations

import pytest

from lingflow_testing import annotate

pytestmark = pytest.mark.slow


def test_an_und_document_gets_its_language_neutral_dates():
    doc = annotate(["12.05.2019"])[0]
    assert doc.lang == "und"
    assert [(m.text, m.label, m.normalized, m.source) for m in doc.mentions] == [
        ("12.05.2019", "DATE", "2019-05-12", "dates.rules.v2")]
    assert doc.mentions[0].date.reading == "neutral"


def test_a_model_date_span_names_both_sources():
    doc = annotate(["The National Center of Oncology was founded on December 11, 1940 in Baku by decree."])[0]
    dates = [m for m in doc.mentions if m.label == "DATE"]
    assert [(m.text, m.normalized, m.source) for m in dates] == [
        ("December 11, 1940", "1940-12-11", "ner.spacy-en-rules.en.v2+dates.rules.v2")]
