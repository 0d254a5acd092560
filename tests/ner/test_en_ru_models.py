"""Model tests for the English and Russian NER backends (slow: they load spaCy/natasha models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lingflow_testing import mentions
from pipeline import components
from pipeline.evaluation.ner import evaluate_set
from pipeline.evaluation.scoring import score_spans

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def en_backend():
    from pipeline import components

    return components.ner("ner.spacy-en-rules.en.v2")


@pytest.fixture(scope="module")
def ru_backend():
    from pipeline import components

    return components.ner("ner.spacy-natasha.ru.v1")


def _spans(backend, text: str, lang: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in mentions(text, lang, backend)}


def test_en_seed_every_gold_entity_found(en_backend) -> None:
    gold = json.loads((DATA / "en_seed_gold.json").read_text(encoding="utf-8"))
    text = (REPO / "corpus" / gold["seed"]).read_text(encoding="utf-8")
    g = [(e["start"], e["end"], e["label"]) for e in gold["entities"]]
    assert all(text[s:e] == ent["text"] for (s, e, _), ent in zip(g, gold["entities"]))
    pred = [(s.start, s.end, s.label) for s in mentions(text, "en", en_backend)]
    missed = [(text[s:e], lab) for s, e, lab in sorted(set(g) - set(pred))]
    assert missed == []
    scores = score_spans([g], [pred], ["PER", "ORG", "LOC", "DATE"])
    assert scores["exact"]["micro"]["f1"] >= 95.0


def test_en_backend_name_and_conll_conventions(en_backend) -> None:
    assert en_backend.name == "ner.spacy-en-rules.en.v2"
    text = ("LONDON 1996-08-30\n\nThe European Commission said on Thursday it disagreed with "
            "the advice of the Council of Europe .")
    out = _spans(en_backend, text, "en")
    assert {("LONDON", "LOC"), ("European Commission", "ORG"), ("Council of Europe", "ORG")} <= out


def test_en_entities_never_span_title_and_body(en_backend) -> None:
    text = "National Center of Oncology\nJamil Aliyev has led the center since 1990."
    out = mentions(text, "en", en_backend)
    assert all("\n" not in text[s.start:s.end] for s in out)
    assert ("Jamil Aliyev", "PER") in {(text[s.start:s.end], s.label) for s in out}


def test_ru_default_is_trained_model_and_finds_entities(ru_backend) -> None:
    assert ru_backend.name == "ner.spacy-natasha.ru.v1"
    text = ("Семья Обамы приобрела дом в Вашингтоне\n"
            "Бывший президент США Барак Обама в январе 2017 года купил дом в Вашингтоне. "
            "Об этом сообщило Министерство иностранных дел России.")
    out = mentions(text, "ru", ru_backend)
    got = {(text[s.start:s.end], s.label) for s in out}
    assert ("Барак Обама", "PER") in got
    assert ("Вашингтоне", "LOC") in got
    assert any(lab == "DATE" and "2017" in t for t, lab in got)
    assert all("\n" not in text[s.start:s.end] for s in out)


def test_no_mention_without_a_letter_or_digit(ru_backend) -> None:
    """The ru model tags the "**" of WikiANN-style list items as PER or ORG; no mention keeps it."""
    text = "*** Анна Каренина\n** Москва\n** ( 4,5 км ) Володарск"
    got = _spans(ru_backend, text, "ru")
    assert ("Анна Каренина", "PER") in got and ("Москва", "LOC") in got
    assert all(any(ch.isalnum() for ch in surface) for surface, _ in got)


def test_ru_deterministic(ru_backend) -> None:
    text = "Владимир Путин встретился с главой Сбербанка Германом Грефом 5 мая в Москве."
    assert mentions(text, "ru", ru_backend) == mentions(text, "ru", ru_backend)


def test_natasha_backend() -> None:
    from pipeline.ner.natasha_backend import NatashaNer

    b = NatashaNer()
    assert b.name == "ner.natasha.ru.v1"
    text = "Барак Обама прилетел в Москву 9 апреля."
    got = _spans(b, text, "ru")
    assert ("Барак Обама", "PER") in got and ("Москву", "LOC") in got
    assert any(lab == "DATE" for _, lab in got)


def test_ru_nerel_dev_targets(ru_backend, shared_data: Path) -> None:
    """Issue 6 targets on nerel-dev (micro >= 85, ORG >= 75, better than natasha), and no regression of the
    rules of issue 19 (measured 88.6 micro, 80.0 ORG with rules.ru.v6; 88.3 / 80.0 with v5, 88.1 / 79.1 with v4)."""
    row = evaluate_set(shared_data / "ner" / "ru" / "nerel-dev.jsonl", "ru", "documents")
    exact = row["exact"]
    assert exact["micro"]["f1"] >= 87.7
    assert exact["ORG"]["f1"] >= 79.0
    natasha = {"PER": 88.5, "ORG": 59.7, "LOC": 77.6, "DATE": 28.9}  # measured, see models/ner-ru/README.md
    assert all(exact[lab]["f1"] > f1 for lab, f1 in natasha.items())


def test_en_rules_beat_plain_model_on_wikiann(en_backend, shared_data: Path) -> None:

    path = shared_data / "ner" / "en" / "wikiann-dev.jsonl"
    ours = evaluate_set(path, "en", "documents", limit=2000)["exact"]
    base = evaluate_set(path, "en", "documents", limit=2000, ner_instances={
        "en": components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")})["exact"]
    assert all(ours[lab]["f1"] > base[lab]["f1"] for lab in ("micro", "PER", "ORG", "LOC"))


@pytest.mark.parametrize("name", ["en_news_handmade.jsonl", "en_news_handmade_blind.jsonl"])
def test_en_handmade_news_beats_plain_model(en_backend, name: str) -> None:

    ours = evaluate_set(DATA / name, "en", "sentences")["exact"]
    base = evaluate_set(DATA / name, "en", "sentences", ner_instances={
        "en": components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")})["exact"]
    assert ours["micro"]["f1"] >= 85.0
    assert ours["micro"]["f1"] > base["micro"]["f1"] + 10
    assert all(ours[lab]["f1"] >= base[lab]["f1"] for lab in ("PER", "ORG", "LOC", "DATE"))


@pytest.mark.parametrize("name,floor", [("en_conll_style.jsonl", 89.0), ("en_conll_style_blind.jsonl", 91.0),
                                        ("en_conll_style_c.jsonl", 91.5), ("en_conll_style_d.jsonl", 91.5),
                                        ("en_conll_style_e.jsonl", 91.0), ("en_conll_style_f.jsonl", 91.5),
                                        ("en_conll_style_g.jsonl", 90.5), ("en_conll_style_h.jsonl", 89.0),
                                        ("en_conll_style_i.jsonl", 88.5), ("en_conll_style_j.jsonl", 90.5),
                                        ("en_conll_style_k.jsonl", 91.0), ("en_conll_style_l.jsonl", 91.5),
                                        ("en_conll_style_m.jsonl", 92.5), ("en_conll_style_n.jsonl", 87.0)])
def test_en_conll_style_stories(en_backend, name: str, floor: float) -> None:
    """Issue 19, CoNLL-2003-style wire stories (ALL-CAPS headlines, datelines, results tables, surnames):
    measured 90.3 / 92.8 / 93.0 / 93.2 / 92.8 / 93.3 / 92.1 / 90.8 / 90.2 / 92.2 / 92.9 / 93.4 / 94.0 / 88.6
    with en_core_web_md and rules.en.v5 (session 31; sm + v3: 90.8 / 91.7 / 92.6 / 91.1 / 90.9 / 90.0 / 91.0 /
    88.4 / 87.0 / 90.2 / 88.5 / 90.5 / 92.8 / 88.0); see the README, "CoNLL-2003's form"."""
    ours = evaluate_set(DATA / name, "en", "sentences")["exact"]
    base = evaluate_set(DATA / name, "en", "sentences", ner_instances={
        "en": components.ner("ner.spacy.en_core_web_sm-3.8.0.v1")})["exact"]
    assert ours["micro"]["f1"] >= floor
    assert all(ours[lab]["f1"] > base[lab]["f1"] for lab in ("PER", "ORG", "LOC"))
