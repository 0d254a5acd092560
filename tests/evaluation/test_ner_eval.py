"""``lingflow eval ner``'s views and scoring, and the inference path it shares with ``lingflow run``."""

from __future__ import annotations

import json
import re

import pytest

from lingflow_testing import annotate
from pipeline.evaluation.ner import build_view, evaluate_set, format_table
from pipeline.evaluation.scoring import score_spans
from pipeline.ner.base import NerBackend, Span
from pipeline.registrations import NER_FA, RULES


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


FA_TEXT = ("عنوان مقاله درباره شهرها\n\nدر تهـران و  ايران\u200cزمین بود و مردم زیادی در آنجا زندگی می کردند.\n\n"
           "بسیجٌ جامعه پزشکی در سراسر کشور فعال است")


@pytest.mark.slow
def test_offsets_refer_to_original_document_after_deletions_and_segments() -> None:
    # Tatweel and a harakat are deleted by normalize(fa); ZWNJ becomes a space; Arabic yeh -> Persian.
    be = WordBackend("fa", {"تهران": "LOC", "ایران": "LOC", "بسیج جامعه": "ORG"})
    be.rules = RULES[NER_FA]  # the shipped fa component's post-model rules
    doc = annotate([FA_TEXT], "fa", be)[0]
    assert doc.lang == "fa"
    got = [(m.text, m.label, m.source) for m in doc.mentions]
    # boundary rules widen the ZWNJ word ايران‌زمین to the whole word
    assert got == [("تهـران", "LOC", "ner.test.v0"), ("ايران\u200cزمین", "LOC", "ner.test.v0"),
                   ("بسیجٌ جامعه", "ORG", "ner.test.v0")]
    assert all(FA_TEXT[m.start:m.end] == m.text for m in doc.mentions)
    assert len(be.seen) == 3  # three paragraphs -> three segments, never one run across blank lines


@pytest.mark.slow
def test_lines_are_segments_and_documents_stay_apart() -> None:
    be = WordBackend("az", {"Bakı": "LOC", "Gəncə": "LOC", "Gəncə\nBakı": "LOC"})
    texts = ["Azərbaycanın paytaxtı Bakı şəhəridir və orada çoxlu insan yaşayır.",
             "Gəncə şəhəri Azərbaycanın ikinci böyük şəhəridir\nBakı isə paytaxtdır və ən böyük şəhərdir."]
    docs = annotate(texts, "az", be)
    assert [d.lang for d in docs] == ["az", "az"]
    assert [[(m.start, m.end) for m in d.mentions] for d in docs] == [[(22, 26)], [(0, 5), (49, 53)]]
    assert "Gəncə\nBakı" not in be.seen and all("\n" not in t for t in be.seen)


def test_documents_view_groups_lines_and_shifts_gold() -> None:
    items = [{"text": f"s{i} Bakı", "entities": [{"start": 3, "end": 7, "label": "LOC"}]} for i in range(10)]
    docs = build_view(items, "documents", group=4)
    assert [t.count("\n") for t, _ in docs] == [3, 3, 1]
    text, gold = docs[1]
    assert [text[s:e] for s, e, _ in gold] == ["Bakı"] * 4
    assert len(build_view(items, "sentences")) == 10
    with pytest.raises(ValueError):
        build_view(items, "paragraphs")


def test_score_exact_and_overlap() -> None:
    gold = [[(0, 10, "ORG"), (20, 24, "LOC")], [(0, 4, "DATE")]]
    pred = [[(0, 10, "ORG"), (19, 24, "LOC"), (30, 35, "PER")], [(0, 4, "LOC")]]
    s = score_spans(gold, pred, ["ORG", "LOC", "DATE", "PER"])
    assert s["exact"]["ORG"]["f1"] == 100.0
    assert s["exact"]["LOC"]["tp"] == 0 and s["overlap"]["LOC"]["f1"] == pytest.approx(66.67, abs=0.01)
    assert s["exact"]["micro"]["tp"] == 1 and s["exact"]["micro"]["fp"] == 3 and s["exact"]["micro"]["fn"] == 2
    assert s["overlap"]["micro"]["p"] == 50.0 and s["overlap"]["micro"]["r"] == pytest.approx(66.67, abs=0.01)


def test_overlap_matches_one_to_one() -> None:
    # one long prediction covering two gold spans: one pair matched, the other gold span missed
    s = score_spans([[(0, 3, "ORG"), (4, 7, "ORG")]], [[(0, 7, "ORG")]], ["ORG"])
    assert s["overlap"]["ORG"]["p"] == 100.0 and s["overlap"]["ORG"]["r"] == 50.0
    assert s["exact"]["ORG"]["f1"] == 0.0


@pytest.mark.slow
def test_evaluate_set_ignores_labels_the_file_does_not_annotate(tmp_path) -> None:
    path = tmp_path / "toy-dev.jsonl"
    text = "Bakı şəhərində 1972-ci ildə yeni xəstəxana tikildi və orada çoxlu həkim işləyir"
    items = [{"id": "1", "lang": "az", "text": text, "entities": [{"start": 0, "end": 4, "label": "LOC"}]}]
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    row = evaluate_set(path, "az", "sentences", ner_instances={"az": WordBackend("az", {"Bakı": "LOC"})})
    assert row["labels"] == ["LOC"] and row["exact"]["micro"]["f1"] == 100.0
    assert row["lang_right"] == 1 and row["n_words"] == len(text.split()) and row["words_per_s"] > 0
    assert "| az | toy | sentences | 1 | 1 | micro | 100.0" in format_table([row])
