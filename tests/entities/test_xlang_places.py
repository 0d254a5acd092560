"""Place names in the cross-language ids (issue 18): the packs' tables from ISO 3166, CLDR and GeoNames,
and Russian names that no case ending should be stripped from."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from pipeline import languages
from pipeline.entities import canonicalize
from pipeline.entities.translit import latin_key, place_fold, spelled_key, xlang_id


def _id(name: str, label: str, lang: str) -> str | None:
    return xlang_id(canonicalize(name, label, lang), label, lang)


@pytest.mark.parametrize("names", [
    {"en": "Bulgaria", "az": "Bolqarıstan", "ru": "Болгария", "fa": "بلغارستان"},  # ISO 3166-1 translations
    {"en": "Germany", "az": "Almaniya", "ru": "Германия", "fa": "آلمان"},  # exonyms, not spellings
    {"en": "Tehran", "az": "Tehran", "ru": "Тегеран", "fa": "تهران"},  # GeoNames, same geonameid
    {"en": "Lisbon", "az": "Lissabon", "ru": "Лиссабон"},
    {"en": "Latin America", "az": "Latın Amerikası", "ru": "Латинская Америка", "fa": "امریکای لاتین"},  # CLDR
    {"en": "Brisbane", "ru": "Брисбен", "fa": "بریسبین"},  # CLDR's time-zone cities
    {"en": "Turkey", "az": "Türkiyə", "ru": "Турция", "fa": "ترکیه"},  # GeoNames' English name; ISO says Türkiye
    {"en": "Vatican", "ru": "Ватикан", "az": "Vatikan"},
    # the hand-made table of natural features and regions (source 5), inflected where news inflects them
    {"en": "Caspian Sea", "az": "Xəzər dənizində", "ru": "Каспийского моря", "fa": "دریای خزر"},
    {"en": "Persian Gulf", "az": "Fars körfəzi", "ru": "Персидском заливе", "fa": "خلیج فارس"},
    {"en": "Tigris", "az": "Dəclə", "ru": "Тигр", "fa": "دجله"},
    {"en": "Jerusalem", "az": "Qüds", "ru": "Иерусалиме", "fa": "بیت‌المقدس"},
    # GeoNames exonyms that two languages write alike though English does not (session 17)
    {"en": "Aleppo", "az": "Hələb", "ru": "Халеб", "fa": "حلب"},
    {"en": "Munich", "az": "Münhen", "ru": "Мюнхен", "fa": "مونیخ"},
    {"en": "Riyadh", "az": "Ər-Riyad", "ru": "Эр-Рияд"},
    {"en": "Beijing", "ru": "Пекин", "fa": "پکن"},  # not Pekin, Illinois: a hundred times as populous
    # keys too short to link a name by its spelling, from a curated source's row in every table (session 17)
    {"en": "Kyiv", "az": "Kiyev", "ru": "Киев", "fa": "کیف"},
    {"en": "Chad", "az": "Çad", "ru": "Чад", "fa": "چاد"},
    {"en": "Chile", "az": "Çili", "ru": "Чили", "fa": "شیلی"},
])
def test_one_place_one_id_in_every_script(names: dict[str, str]) -> None:
    ids = {lang: _id(name, "LOC", lang) for lang, name in names.items()}
    assert None not in ids.values() and len(set(ids.values())) == 1, ids


def test_inflected_mentions_meet_the_table_after_canonicalisation() -> None:
    assert _id("Болгарии", "LOC", "ru") == _id("Bolqarıstanda", "LOC", "az") == _id("Bulgaria", "LOC", "en")


def test_the_tables_only_name_places() -> None:
    assert _id("Германия", "PER", "ru") != _id("Germany", "LOC", "en")  # the label is part of the id
    assert latin_key("Германия", "PER", "ru") == spelled_key("Германия", "PER", "ru")  # PER: spelling only


def test_tables_are_clean() -> None:
    seen = 0
    for lang in languages.supported():
        path = Path(importlib.import_module(f"pipeline.lang.{lang}").__file__).parent / "data" / "xlang_places.tsv"
        if not path.exists():
            continue
        rows = [ln.rstrip("\n").split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        names = [r[0] for r in rows]
        assert names == sorted(set(names)), f"{path}: sorted, one row per name"
        assert all(len(r) == 2 and r[1] and place_fold(r[0], lang) == r[0] for r in rows), path
        seen += len(rows)
    assert seen > 3000


def test_every_name_of_the_feature_table_reads_as_its_place() -> None:
    """Each spelling of ``pipeline/training/resources/xlang_features.tsv`` gets its English name's id after
    canonicalisation (``Сахара`` is the desert, not the genitive of ``сахар``)."""
    from pipeline.training.xlang_places import features

    rows = features()
    wrong = [(lang, en, name) for lang, pairs in rows.items() for en, names in pairs for name in names
             if _id(name, "LOC", lang) != _id(en, "LOC", "en")]
    assert sum(len(names) for pairs in rows.values() for _, names in pairs) > 400
    assert not wrong, wrong


def test_a_wrong_catalogue_row_is_not_taken() -> None:
    # GeoNames' Persian catalogue names Arak (143127) ساوه, which is Saveh: the skeletons disagree, with
    # the English name and with every other language's name of the place
    assert _id("ساوه", "LOC", "fa") != _id("Arak", "LOC", "en")


def test_an_exonym_needs_a_second_language_and_the_english_word_count() -> None:
    from pipeline.training.xlang_places import _as_many_words, _corroborated

    assert _corroborated({"ru": "Пекин", "fa": "پکن"}) == {"ru", "fa"}
    assert _corroborated({"ru": "Арак", "fa": "ساوه"}) == set()
    assert _corroborated({"az": "Hələb", "ru": "Халеб", "fa": "حلب"}) == {"az", "ru", "fa"}
    assert _as_many_words("Ər-Riyad", "Riyadh") and not _as_many_words("Frankfurt am Main", "Frankfurt")
    # an official long form's key is not what English text writes: the az name keeps its own key
    assert _id("Frankfurt", "LOC", "az") == _id("Frankfurt", "LOC", "en")


@pytest.mark.parametrize("surface,label,canonical", [
    ("Сулеймани", "PER", "Сулеймани"), ("Раиси", "PER", "Раиси"), ("Хаменеи", "PER", "Хаменеи"),  # indeclinable
    ("Керманшах", "LOC", "Керманшах"), ("Илам", "LOC", "Илам"),  # not plural cases of Керманша, ил
    ("Керманшаха", "LOC", "Керманшах"), ("Афинах", "LOC", "Афины"), ("Марии", "PER", "Мария"),  # still undone
    ("Ольги", "PER", "Ольга"), ("Тегерана", "LOC", "Тегеран"),
    ("Сахара", "LOC", "Сахара"), ("Газа", "LOC", "Газа"), ("Сахары", "LOC", "Сахара"),  # a place, not сахар, газ
])
def test_russian_foreign_names_keep_their_form(surface: str, label: str, canonical: str) -> None:
    assert canonicalize(surface, label, "ru") == canonical
