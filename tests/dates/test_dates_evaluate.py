"""The evaluation function: span scoring rules, and the targets on the real dev sets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.dates import SpanScore, evaluate, score_spans


def test_exact_scoring() -> None:
    acc = SpanScore()
    score_spans([(0, 4), (10, 14)], [(0, 4), (10, 15)], "exact", acc)
    assert acc.as_dict()["precision"] == 0.5 and acc.as_dict()["recall"] == 0.5


def test_overlap_scoring_counts_fragments() -> None:
    acc = SpanScore()  # gold "در" + "سال ۲۰۰۵" fragments, one predicted span over both
    score_spans([(0, 11)], [(0, 2), (3, 11), (20, 25)], "overlap", acc)
    d = acc.as_dict()
    assert d["precision"] == 1.0 and d["recall"] == round(2 / 3, 4)


def test_evaluate_on_tiny_files(tmp_path: Path) -> None:
    (tmp_path / "ner" / "ru").mkdir(parents=True)
    text = "Это было в 2025 году и вчера."
    item = {"id": "1", "lang": "ru", "source": "t", "text": text,
            "entities": [{"start": 9, "end": 20, "label": "DATE"}, {"start": 0, "end": 3, "label": "PER"}]}
    (tmp_path / "ner" / "ru" / "nerel-dev.jsonl").write_text(json.dumps(item, ensure_ascii=False) + "\n")
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "ru.tsv").write_text("expression\tvalue\tgranularity\tcalendar\tanchor\n"
                                   "в 2025 году\t2025\tyear\tgregorian\t\nвчера\tnull\t\t\t\n")
    rows = evaluate(tmp_path, tables_dir=tables)
    assert {r["variant"] for r in rows if r["metric"].startswith("span")} == {"documents view", "grammar alone"}
    rows = [r for r in rows if r["variant"] != "documents view"]
    span = next(r for r in rows if r["metric"] == "span_exact")
    assert next(r for r in rows if r["metric"] == "span_overlap")["n_pred"] == 2
    assert (span["precision"], span["recall"], span["n_pred"]) == (0.5, 1.0, 2)
    value = next(r for r in rows if r["metric"] == "value_accuracy")
    assert value["accuracy"] == 1.0 and value["n"] == 2


@pytest.mark.slow
def test_targets_on_dev_sets(shared_data: Path) -> None:
    """Issue 10 targets for the grammar alone: DATE span F1 >= 0.85 per dev set (its own matching);
    through `lingflow run`'s path a regression guard under today's numbers (Text-Mining's overlap 0.80 -> 0.73 since
    session 16 gives each grammar date one mention: its gold tags `در` alone as a date); >= 95% hand-made values."""
    rows = evaluate(shared_data)
    spans = [r for r in rows if r["metric"].startswith("span") and r["variant"] == "grammar alone"
             and r["metric"] == {"fa": "span_overlap"}.get(r["lang"], "span_exact")]
    assert len(spans) == 3
    for r in spans:
        assert r["f1"] >= 0.85, r
    run = [r for r in rows if r["variant"] == "documents view" and r["primary"]]
    assert len(run) == 3 and all(r["f1"] >= (0.70 if r["lang"] == "fa" else 0.75) for r in run), run
    for r in rows:
        if r["metric"] == "value_accuracy":
            assert r["accuracy"] >= 0.95, r
