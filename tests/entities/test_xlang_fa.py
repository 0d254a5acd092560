"""Persian in the cross-language ids (issue 18): skeletons, vowel fit, the blind set."""

from __future__ import annotations

from pipeline.entities import canonicalize
from pipeline.entities.translit import xlang_id
from pipeline.evaluation.entities import evaluate_fa_pairs, load_fa_blind
from pipeline.lang.fa.translit import fa_skeleton, latin_skeleton, vowels_fit


def _id(name: str, label: str, lang: str) -> str | None:
    return xlang_id(canonicalize(name, label, lang), label, lang)


def test_skeletons_meet_and_long_vowels_must_fit() -> None:
    fa, lat = fa_skeleton("جمیل"), latin_skeleton("jamil")
    assert fa[0] == lat[0] == "Jml" and vowels_fit(fa[1], lat[1])
    assert not vowels_fit(fa[1], latin_skeleton("jamal")[1])  # ی needs an i between m and l
    assert fa_skeleton("لاوروف")[0] == latin_skeleton("lavrov")[0]  # -ov is written -وف
    assert fa_skeleton("علی‌اف".replace("\u200c", ""))[0] == latin_skeleton("aliyev")[0]


def test_issue_examples_link() -> None:
    iran = {_id("ایران", "LOC", "fa"), _id("Iran", "LOC", "en"), _id("İran", "LOC", "az"), _id("Иран", "LOC", "ru")}
    assert len(iran) == 1 and None not in iran
    aliyev = _id("Jamil Aliyev", "PER", "en")
    assert aliyev is not None and _id("جمیل علیف", "PER", "fa") == aliyev
    assert _id("جمیل علیف", "PER", "fa") != _id("Jamal Aliyev", "PER", "en")


def test_unknown_or_ambiguous_words_stay_unlinked() -> None:
    assert _id("قلمبه‌سلمبه", "PER", "fa") is None  # no such Latin name word
    assert _id("عمان", "LOC", "fa") == _id("Oman", "LOC", "en")  # the Persian name of Oman in ISO 3166 (Amman is امان)


def test_blind_set_precision_first() -> None:
    assert len(load_fa_blind()) >= 100
    r = evaluate_fa_pairs()
    assert r["precision"] >= 0.98, [m for m in r["misses"] if m[0] == "false merge"]
    assert r["recall"] >= 0.62, r["recall"]  # measured 0.56 (xlang v3), 0.66 (v4, place tables), 0.67 (v5, given names); the issue asks 0.80: not reached (see the README)
    assert r["strict_precision"] >= 0.85, r["strict_precision"]


def test_english_letters_meet_other_scripts() -> None:
    # c is k or s, x is ks, th is t in English spellings (entities.xlang.v3 on)
    for en, other, lang, label in [("Fidel Castro", "Фидель Кастро", "ru", "PER"), ("Karl Marx", "Karl Marks", "az", "PER"),
                                   ("Thailand", "Таиланд", "ru", "LOC"), ("Valencia", "Валенсия", "ru", "LOC"),
                                   ("Anthony Hopkins", "Энтони Хопкинс", "ru", "PER")]:
        assert _id(en, label, "en") is not None and _id(en, label, "en") == _id(other, label, lang), (en, other)
    assert _id("Chile", "LOC", "en") != _id("Kile", "LOC", "en")  # ch stays ch
    assert _id("Oman", "LOC", "en") != _id("Аман", "LOC", "ru")  # vowels keep their classes


def test_persian_spellings_of_other_sounds() -> None:
    assert _id("استالین", "PER", "fa") == _id("Stalin", "PER", "en") is not None  # a vowel before s + consonant
    assert _id("شیکاگو", "LOC", "fa") == _id("Chicago", "LOC", "en") is not None  # ش for a French-read ch
    assert _id("صالحی", "PER", "fa") == _id("Salehi", "PER", "en") is not None  # the suffix -ی on a known name


def test_geonames_city_names_read_unseen_persian_places() -> None:
    assert _id("زاهدان", "LOC", "fa") == _id("Zahedan", "LOC", "en") is not None  # no az/en/ru span has it


def test_development_sets_precision_first() -> None:
    for name in ("dev", "dev2"):
        r = evaluate_fa_pairs(name=name)
        assert r["precision"] >= 0.98, (name, [m for m in r["misses"] if m[0] == "false merge"])


def test_a_given_name_list_settles_the_best_reading_only() -> None:
    """حسین: the NER spans' counts rank Hossein/Hüseyn/Хусейн first, but by less than DOMINANCE; the
    persian-names list spells it Hossein, so it links. A list row never picks another reading."""
    from pipeline.lang.fa import translit as t

    assert t._given_names()["حسین"] == "kusain" == t.candidates("حسین", "PER")[0]
    assert _id("حسین", "PER", "fa") == _id("Hüseyn", "PER", "az") == _id("Hossein", "PER", "en") is not None
    assert t._given_names()["اسماعیل"] != t.fa_word_key("اسماعیل", "PER") == "ismail"  # Esmaeil: not the best
    names = t._given_names()
    assert len(names) > 400 and all(k and k == k.strip() and " " not in k for k in names.values())


def test_the_given_names_table_is_what_its_command_builds() -> None:
    import pytest

    pytest.importorskip("persian_names", reason="build-time extra (pip install -e .[xlang]); the runtime reads the table")
    from pipeline.lang.fa.translit import _given_names
    from pipeline.training.xlang_fa_names import given_names

    assert given_names() == _given_names()
