"""The document rule that drops one-word names capitalised only by their place (pipeline/ner/docrules.py)."""

from __future__ import annotations

import pytest

from pipeline.ner.base import Span
from pipeline.ner.docrules import drop_capitalised_common_words


def _spans(text: str, words: list[str], label: str = "LOC") -> list[Span]:
    out, pos = [], 0
    for w in words:
        s = text.index(w, pos)
        out.append(Span(s, s + len(w), label))
        pos = s + len(w)
    return out


def _kept(text: str, spans: list[Span], lang: str) -> list[str]:
    return [text[s.start:s.end] for s in drop_capitalised_common_words(text, spans, lang)]


def test_a_list_item_word_written_lower_case_elsewhere_is_dropped() -> None:
    text = ("Məqsədlər:\n  • Onkologiya sahəsində köməyin göstərilməsi;\n"
            "Həkimlər onkologiya üzrə məruzələr dinləyir.")
    assert _kept(text, _spans(text, ["Onkologiya"]), "az") == []


@pytest.mark.parametrize("text,word,lang", [
    # never in lower case in the document: a name
    ("• Bakı şəhərində iclas keçirildi.\nİclasda Bakı haqqında danışıldı.", "Bakı", "az"),
    # capitalised in mid-sentence too: a name even if a lower-case twin exists
    ("Orel is a city. He saw an orel there. The road to Orel was long.", "Orel", "en"),
    # not at the start of a line or sentence
    ("Доклад про Надежду прочитан. Надежда умирает последней, а надежда есть.", "Надежду", "ru"),
])
def test_names_stay(text: str, word: str, lang: str) -> None:
    assert _kept(text, _spans(text, [word]), lang) == [word]


def test_dates_and_caseless_scripts_are_untouched() -> None:
    fa = "تهران پایتخت است.\nدر تهران"
    assert _kept(fa, _spans(fa, ["تهران"]), "fa") == ["تهران"]
    text = "Mart ayında.\nmart ayı"
    assert _kept(text, _spans(text, ["Mart"], "DATE"), "az") == ["Mart"]


def test_turkic_dotted_capital_i_is_lowered_as_az_writes_it() -> None:
    text = "1. İqtisadiyyat sahəsində işlər.\nBu iqtisadiyyat üçün vacibdir."
    assert _kept(text, _spans(text, ["İqtisadiyyat"], "ORG"), "az") == []


def test_persian_person_of_common_words_is_dropped() -> None:
    from pipeline.lang.fa.rules import common_words, drop_common_word_persons

    assert len(common_words()) > 3000  # the committed table (pipeline/lang/fa/data/common_words.tsv)
    text = "اعضای شوراهای بسیج جامعه پزشکی استانها گرد هم آمده اند و علی رضایی سخنرانی کرد."
    spans = _spans(text, ["استانها گرد", "علی رضایی"], "PER")
    kept = [text[s.start:s.end] for s in drop_common_word_persons(text, spans, "fa")]
    assert kept == ["علی رضایی"]  # provinces ... together is no person; a name stays
    loc = _spans(text, ["استانها"], "LOC")
    assert drop_common_word_persons(text, loc, "fa") == loc  # only PER spans are judged


def test_russian_place_cut_at_a_compound_adjective_keeps_the_stem() -> None:
    from pipeline.lang.ru.rules import fix_spans

    text = "принял участие в Межправительством белорусско-оманском форуме в г. Маскад"
    cut = _spans(text, ["Межправительством белорусско"])
    kept = [text[s.start:s.end] for s in fix_spans(text, cut) if s.label == "LOC"]
    assert kept == ["белорусско", "Маскад"]  # NEREL marks the country stem of a compound adjective
    text = "российско-американских переговоров"
    assert [text[s.start:s.end] for s in fix_spans(text, _spans(text, ["российско"]))] == ["российско"]


def test_whole_word_starts_equal_the_regular_expression() -> None:
    import random
    import re

    from pipeline.ner.docrules import _whole_word_starts

    rng = random.Random(7)
    alphabet = ["a", "A", "Б", "б", "-", " ", "_", "1", ".", "\n", "ə", "\u0301", "ـ", "ی", "\u200c"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        word = "".join(rng.choice(alphabet[:4] + ["ə", "ی"]) for _ in range(rng.randint(1, 3)))
        expected = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
        assert list(_whole_word_starts(text, word)) == expected, (text, word)


def test_sentence_start_common_words_by_the_word_list() -> None:
    """rules.az.v3: a sentence-initial one-word name that tesseract's az word list writes in lower case and no
    training name holds is dropped even when the document never writes it in lower case; names stay."""
    from pipeline.ner.docrules import drop_sentence_start_common_words

    text = "Miqrantlar gəldi. Bakı böyük şəhərdir. Kanada uzaqdır.\nÖlkəyə qayıtdı. Onlar Miqrantlar dedi."
    spans = [Span(text.index(w), text.index(w) + len(w), lab) for w, lab in
             (("Miqrantlar", "ORG"), ("Bakı", "LOC"), ("Kanada", "LOC"), ("Ölkəyə", "LOC"))]
    kept = {text[s.start:s.end] for s in drop_sentence_start_common_words(text, spans, "az")}
    assert kept == {"Bakı", "Kanada"}
    mid = text.rindex("Miqrantlar")  # mid-sentence: left to the model
    assert drop_sentence_start_common_words(text, [Span(mid, mid + 10, "ORG")], "az") == [Span(mid, mid + 10, "ORG")]
    assert drop_sentence_start_common_words("Gülüş", [Span(0, 5, "PER")], "fa") == [Span(0, 5, "PER")]  # no table
