"""Model-free tests of pipeline.ner.evaluate (scoring and the inference helper)."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.ner.base import NerBackend, Span
from pipeline.ner.evaluate import (evaluate_backend, format_table, run_backend_on_text,
                                   run_backend_on_texts, score_spans)


class WordBackend(NerBackend):
    """Tags every occurrence of fixed words; records the segment texts it was given."""

    name = "ner.test.v0"

    def __init__(self, lang: str, words: dict[str, str]) -> None:
        self.lang = lang
        self.words = words
        self.seen: list[str] = []

    def predict(self, texts: list[str]) -> list[list[Span]]:
        self.seen.extend(texts)
        out = []
        for t in texts:
            spans = []
            for w, lab in self.words.items():
                spans += [Span(m.start(), m.end(), lab) for m in re.finditer(re.escape(w), t)]
            out.append(spans)
        return out


def test_offsets_refer_to_original_document_after_deletions_and_segments() -> None:
    # Tatweel and a harakat are deleted by normalize(fa); ZWNJ becomes a space; Arabic yeh -> Persian.
    text = "عنوان\n\nدر تهـران و  ايران\u200cزمین بود.\n\nبسیجٌ جامعه"
    be = WordBackend("fa", {"تهران": "LOC", "ایران": "LOC", "بسیج جامعه": "ORG"})
    spans = run_backend_on_text(be, text, "fa", doc_rules=False)  # raw mapping (boundary rules would widen ايران)
    got = [(text[s.start:s.end], s.label) for s in spans]
    assert got == [("تهـران", "LOC"), ("ايران", "LOC"), ("بسیجٌ جامعه", "ORG")]
    assert len(be.seen) == 3  # three paragraphs -> three segments, never one run across blank lines
    widened = [(text[s.start:s.end], s.label) for s in run_backend_on_text(be, text, "fa")]
    assert widened == [("تهـران", "LOC"), ("ايران\u200cزمین", "LOC"), ("بسیجٌ جامعه", "ORG")]


def test_run_on_texts_keeps_documents_apart() -> None:
    be = WordBackend("az", {"Bakı": "LOC"})
    out = run_backend_on_texts(be, ["Bakı şəhəri", "", "Gəncə və Bakı"], "az")
    assert [[(s.start, s.end) for s in d] for d in out] == [[(0, 4)], [], [(9, 13)]]


def test_score_exact_and_overlap() -> None:
    gold = [[(0, 10, "ORG"), (20, 24, "LOC")], [(0, 4, "DATE")]]
    pred = [[(0, 10, "ORG"), (19, 24, "LOC"), (30, 35, "PER")], [(0, 4, "LOC")]]
    s = score_spans(gold, pred, ["ORG", "LOC", "DATE", "PER"])
    assert s["exact"]["ORG"]["f1"] == 100.0
    assert s["exact"]["LOC"]["tp"] == 0 and s["overlap"]["LOC"]["f1"] == pytest.approx(66.67, abs=0.01)
    assert s["exact"]["micro"]["tp"] == 1 and s["exact"]["micro"]["fp"] == 3 and s["exact"]["micro"]["fn"] == 2
    assert s["overlap"]["micro"]["p"] == 50.0 and s["overlap"]["micro"]["r"] == pytest.approx(66.67, abs=0.01)


def test_overlap_recall_counts_gold_spans() -> None:
    # one long prediction covering two gold spans: 1 prediction correct, 2 gold spans recalled
    s = score_spans([[(0, 3, "ORG"), (4, 7, "ORG")]], [[(0, 7, "ORG")]], ["ORG"])
    assert s["overlap"]["ORG"]["p"] == 100.0 and s["overlap"]["ORG"]["r"] == 100.0
    assert s["exact"]["ORG"]["f1"] == 0.0


def test_evaluate_backend_ignores_labels_the_file_does_not_annotate(tmp_path) -> None:
    path = tmp_path / "toy-dev.jsonl"
    items = [{"id": "1", "lang": "az", "text": "Bakı 1972 ildə", "entities": [{"start": 0, "end": 4, "label": "LOC"}]}]
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    row = evaluate_backend(WordBackend("az", {"Bakı": "LOC", "1972": "DATE"}), path)
    assert row["labels"] == ["LOC"] and row["exact"]["micro"]["f1"] == 100.0
    assert row["n_words"] == 3 and row["words_per_s"] > 0
    assert "| az | toy-dev | micro | 100.0" in format_table([row])
