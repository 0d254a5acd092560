"""Model-free tests of the az/fa training data path (tokenizer fix, alignment, date masks, rules)."""

from __future__ import annotations

import spacy

from pipeline.training.ner.data import BuildStats, date_like_spans, make_doc
from pipeline.training.ner.tokenizer import fix_tokenizer


def test_az_tokenizer_splits_year_suffix_like_the_data() -> None:
    nlp = fix_tokenizer(spacy.blank("az"))
    assert [t.text for t in nlp("1972-ci ildə AOC-un 2005–ci")] == ["1972", "-", "ci", "ildə", "AOC", "-", "un",
                                                                   "2005", "–", "ci"]


def test_tokenizer_fix_survives_serialisation(tmp_path) -> None:
    fix_tokenizer(spacy.blank("az")).to_disk(tmp_path / "m")
    assert [t.text for t in spacy.load(tmp_path / "m")("1989-cu")] == ["1989", "-", "cu"]


def test_make_doc_moves_offsets_through_normalisation() -> None:
    nlp = fix_tokenizer(spacy.blank("fa"))
    # tatweel (deleted) before the entity, ZWNJ inside it, Persian digits in the date
    text = "در تهـران کتاب\u200cخانه ملی در سال ۱۳۷۴"
    ents = [{"start": text.index("کتاب"), "end": text.index("ملی") + 3, "label": "ORG"},
            {"start": text.index("سال"), "end": len(text), "label": "DATE"}]
    stats = BuildStats()
    doc = make_doc(nlp, {"text": text, "entities": ents}, "fa", True, stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("کتاب خانه ملی", "ORG"), ("سال 1374", "DATE")]
    assert stats.misaligned == 0 and stats.dropped == 0


def test_unannotated_dates_are_missing_not_outside() -> None:
    nlp = fix_tokenizer(spacy.blank("az"))
    text = "Bakı 1972 - ci ildə böyüdü"
    doc = make_doc(nlp, {"text": text, "entities": [{"start": 0, "end": 4, "label": "LOC"}]}, "az", False, BuildStats())
    iob = [t.ent_iob_ for t in doc]
    assert iob == ["B", "", "", "", "", "O"]  # "" = missing: neither DATE nor "not an entity"


def test_date_like_spans_fa() -> None:
    text = "در سال 1374 و 12 تیر 98 ، 600 نفر"
    found = [text[s:e] for s, e in date_like_spans(text, "fa")]
    assert "در سال 1374" in found and "12 تیر 98" in found
    assert "600" not in " ".join(found)


def test_az_date_rules_find_year_expressions() -> None:
    from pathlib import Path

    from pipeline.training.ner.rules import add_groups

    nlp = fix_tokenizer(spacy.blank("az"))
    add_groups(nlp, "az", Path("."), ["dates", "acronyms"])
    doc = nlp("AOC 1972-ci ildə yaradılıb, 24 İyul 2002-ci ildə və XIX əsrdə, ÜDM artdı")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("AOC", "ORG"), ("1972-ci ildə", "DATE"), ("24 İyul 2002-ci ildə", "DATE"), ("XIX əsrdə", "DATE")]


def test_shipped_mix_never_trains_on_peyma() -> None:
    from pipeline.training.ner.mixes import MIX_VARIANTS, MIXES

    assert all(spec.name != "peyma" for specs in MIXES.values() for spec in specs)
    assert all(spec.name != "peyma" for specs in MIX_VARIANTS.values() for spec in specs)


def test_rescore_rewrites_only_the_scores_of_a_card(tmp_path) -> None:
    import json
    import shutil
    from pathlib import Path

    import pytest

    from pipeline.training.ner.card import SCORES_HEADING, rescore_card

    repo = Path(__file__).resolve().parents[2]
    data = repo.parent / "shared" / "data" / "ner"
    if not (data / "az" / "aznews-dev.jsonl").exists():
        pytest.skip("az dev data not found")
    model = tmp_path / "ner-az"
    shutil.copytree(repo / "pipeline" / "models" / "ner-az", model)
    card = model / "MODEL_CARD.md"
    before = card.read_text(encoding="utf-8")
    head, _, tail = before.partition(SCORES_HEADING)
    after_scores = tail[tail.index("\n## "):]
    card.write_text(head + SCORES_HEADING + "\n\nstale numbers\n" + after_scores, encoding="utf-8")
    rows = rescore_card(model, "az", data)
    text = card.read_text(encoding="utf-8")
    assert "stale numbers" not in text
    assert text.startswith(head) and text.endswith(after_scores)
    micro = {(r["set"], r["view"]): r["exact"]["micro"]["f1"] for r in rows}
    assert set(micro) == {(s, v) for s in ("aznews", "wikiann") for v in ("sentences", "documents")}
    assert min(micro.values()) > 65
    assert "| az | aznews | documents |" in text
    scores = json.loads((model / "scores.json").read_text(encoding="utf-8"))
    assert scores["rows"] == rows and scores["data"]["train"]


def test_shipped_models_carry_meta_and_load_without_training_code() -> None:
    import json
    import subprocess
    import sys
    from pathlib import Path

    models = Path(__file__).resolve().parents[2] / "pipeline" / "models"
    for lang in ("az", "fa"):
        meta = json.loads((models / f"ner-{lang}" / "meta.json").read_text(encoding="utf-8"))
        assert (meta["name"], meta["version"]) == (f"ner_{lang}", "1.0.0")
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print([t.text for t in nlp.make_doc('1972-ci')])")
    out = subprocess.run([sys.executable, "-c", code, str(models / "ner-az")], capture_output=True, text=True,
                         check=True, cwd="/")
    assert "['1972', '-', 'ci']" in out.stdout


def test_merge_prep_dates_joins_only_a_bare_preposition_with_the_next_date() -> None:
    from pipeline.training.ner.data import merge_prep_dates

    text = "در سال ۲۰۰۳ و در ایران از ۱۳۷۴"
    ents = [{"start": 0, "end": 2, "label": "DATE"}, {"start": 3, "end": 11, "label": "DATE"},
            {"start": 17, "end": 22, "label": "LOC"}, {"start": 23, "end": 25, "label": "DATE"}]
    merged = merge_prep_dates(text, ents, "fa")
    assert [(text[e["start"]:e["end"]], e["label"]) for e in merged] == [
        ("در سال ۲۰۰۳", "DATE"), ("ایران", "LOC"), ("از", "DATE")]


def test_fa_durations_are_masked_and_place_types_moved_inside_loc() -> None:
    from pipeline.training.ner.data import date_like_spans, place_types_inside

    text = "او 3 سال در شهر قم و 5 سال گذشته در 11 سالگی بود"
    assert [text[a:b] for a, b in date_like_spans(text, "fa")] == ["3 سال", "5 سال گذشته", "در 11 سالگی"]
    ents = [{"start": text.index("قم"), "end": text.index("قم") + 2, "label": "LOC"}]
    assert [text[e["start"]:e["end"]] for e in place_types_inside(text, ents, "fa")] == ["شهر قم"]
    taken = [{"start": text.index("شهر"), "end": text.index("شهر") + 3, "label": "ORG"}] + ents
    assert place_types_inside(text, taken, "fa") == taken  # never into another entity


def test_swapped_names_keep_their_labels_and_the_rest_of_the_text() -> None:
    """The az-swap candidate mix (issue 19): every PER/LOC/ORG span becomes another name of its label,
    a DATE span and the text between spans stay, offsets point at the new names, same seed same copy."""
    import random

    from pipeline.training.ner.data import name_pool, swap_names

    def item(text: str, *spans: tuple[str, str]) -> dict:
        return {"text": text, "entities": [{"start": text.index(t), "end": text.index(t) + len(t), "label": lb}
                                           for t, lb in spans]}

    items = [item("Bakıda Əli Həsənov 5 may 2020-ci ildə ADA Universitetinə gəldi.", ("Bakıda", "LOC"),
                  ("Əli Həsənov", "PER"), ("5 may 2020-ci ildə", "DATE"), ("ADA Universitetinə", "ORG")),
             item("Gəncədə Leyla Məmmədova və Azərsu.", ("Gəncədə", "LOC"), ("Leyla Məmmədova", "PER"),
                  ("Azərsu", "ORG"))]
    pool = name_pool(items)
    assert pool == {"LOC": ["Bakıda", "Gəncədə"], "PER": ["Leyla Məmmədova", "Əli Həsənov"],
                    "ORG": ["ADA Universitetinə", "Azərsu"]}
    a = swap_names(items[0], pool, random.Random(3))
    assert a == swap_names(items[0], pool, random.Random(3))
    spans = [(a["text"][e["start"]:e["end"]], e["label"]) for e in a["entities"]]
    assert [lb for _, lb in spans] == ["LOC", "PER", "DATE", "ORG"]
    assert all(t in pool[lb] for t, lb in spans if lb != "DATE")
    assert ("5 may 2020-ci ildə", "DATE") in spans and a["text"].endswith(" gəldi.")
