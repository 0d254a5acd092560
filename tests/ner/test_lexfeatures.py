"""The word-list feature component (pipeline/ner/lexfeatures.py) and the tables it is built from."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from pipeline.ner.lexfeatures import NONE, LexTable

REPO = Path(__file__).resolve().parents[2]


def _nlp(lang: str, table: LexTable | None = None):
    nlp = spacy.blank(lang)
    comp = nlp.add_pipe("lingflow_lexfeatures", name="lexfeatures", config={"lang": lang})
    if table is not None:
        comp.table = table
    return nlp


def test_lookup_uses_the_language_lower_case_and_defaults_to_none():
    table = LexTable.from_mapping({"i̇stanbul": "lex:X", "istanbul": "lex:L", "bakı": "lex:W-L"})
    doc = _nlp("az", table)("İstanbul BAKI xyz")
    # az lower-cases İ as i and I as ı (form_key), so both capitalised forms find their rows
    assert [t.lemma_ for t in doc] == ["lex:L", "lex:W-L", NONE]
    assert doc.to_array(["LEMMA"]).tolist()[2] == spacy.strings.hash_string(NONE)


def test_empty_table_and_empty_doc():
    nlp = _nlp("fa")
    assert [t.lemma_ for t in nlp("سلام دنیا")] == [NONE, NONE]
    assert len(nlp("")) == 0


def test_round_trip_through_a_model_folder(tmp_path):
    table = LexTable.from_mapping({"tehran": "lex:L", "kitab": "lex:W3"})
    nlp = _nlp("en", table)
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert [t.lemma_ for t in again("Tehran kitab other")] == ["lex:L", "lex:W3", NONE]
    assert np.array_equal(again.get_pipe("lexfeatures").table.hashes, table.hashes)


def test_az_table_from_the_committed_word_forms(tmp_path):
    """The az builder reads only committed tables (tesseract's forms, the place names), so it runs anywhere."""
    from pipeline.training.lexfeatures import build

    mapping = build("az")
    LexTable.from_mapping(mapping).save(tmp_path / "az")
    nlp = _nlp("az", LexTable.load(tmp_path / "az"))
    # a place of the ISO/CLDR table that tesseract also lists; a proper noun only ever capitalised; a verb form
    assert [t.lemma_ for t in nlp("Bakı Rəsulzadə işləyir qwrtzx")] == ["lex:W-L", "lex:P", "lex:W", NONE]
    assert sum(c == "lex:P" for c in mapping.values()) > 30_000


def test_a_model_with_the_component_loads_in_a_bare_process(tmp_path):
    """spaCy finds the factory through lingflow's ``spacy_factories`` entry point (pyproject.toml): a plain
    ``spacy.load`` of such a model folder works without importing lingflow first."""
    import subprocess
    import sys

    nlp = _nlp("en", LexTable.from_mapping({"tehran": "lex:L"}))
    nlp.to_disk(tmp_path / "m")
    code = "import spacy, sys; nlp = spacy.load(sys.argv[1]); print([t.lemma_ for t in nlp('Tehran x')])"
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m")], capture_output=True, text=True,
                         cwd="/", check=True)
    assert out.stdout.strip() == "['lex:L', 'lex:-']"


def test_a_lexfeatures_config_without_its_table_is_one_clear_line(tmp_path, monkeypatch):
    import pipeline.training.lexfeatures as builder
    from pipeline.training.ner.train import CONFIGS, missing_resources

    monkeypatch.setattr(builder, "out_dir", lambda lang: tmp_path / f"lexfeatures-{lang}")
    problem = missing_resources(CONFIGS / "lex.cfg", "fa")
    assert problem and "python -m pipeline.training.lexfeatures fa" in problem and "\n" not in problem
    assert missing_resources(CONFIGS / "fa.cfg", "fa") is None  # the shipped recipe needs no table
    (tmp_path / "lexfeatures-fa").mkdir()
    assert missing_resources(CONFIGS / "lex.cfg", "fa") is None


def test_cli_says_how_to_build_a_missing_table():
    """On a fresh clone the tables are not built (.gitignore): the CLI stops with one line and exit 2."""
    import os
    import subprocess
    import sys

    from pipeline.training.lexfeatures import out_dir

    if out_dir("fa").exists():
        pytest.skip("the fa table is built on this machine")
    out = subprocess.run([str(Path(sys.executable).parent / "lingflow"), "train", "ner", "--lang", "fa", "--config",
                          "lex", "--out", "/nonexistent/never-written"], capture_output=True, text=True,
                         env=dict(os.environ, COLUMNS="200"), timeout=120)
    assert out.returncode == 2
    assert "pipeline.training.lexfeatures fa" in out.stderr and "Traceback" not in out.stderr
