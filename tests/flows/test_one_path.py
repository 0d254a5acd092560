"""One inference path: the mentions `lingflow run` writes equal what `lingflow eval ner` predicts.

The real ingest flow (Prefect test harness) runs over the seeds and documents written here;
the evaluation's :func:`pipeline.evaluation.ner.predict` runs over the same texts; the mention
rows (built by the same row builder) must be identical. Also: no entity runs across a line
break in a document of line items, and one may in hard-wrapped prose.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pandas as pd
import pytest

from flows.ingest import ingest
from pipeline.batch import versions
from pipeline.evaluation.ner import predict
from pipeline.io.tables import document_rows

pytestmark = pytest.mark.slow

WRAPPED_EN = (
    "Doctors from Baku and Ganja met on Monday at the Azerbaijan National Center\n"
    "of Oncology to discuss the new screening programme, which the ministry\n"
    "of health will fund from next year, the director Jamil Aliyev said.\n")
ITEMS = {
    "items_ru.txt": "Министерство здравоохранения Республики Беларусь\nРеспубликанский научно-практический центр "
                    "онкологии\nМинск\nБелорусский государственный медицинский университет\nАлександр Лукашенко\n"
                    "Делегация Болгарии прибыла в Тегеран.\nЯсир Арафат прибыл в Каир.\nБакинский государственный университет\n",
    "items_az.txt": "Azərbaycan Onkoloqlar Cəmiyyəti\nMilli Onkologiya Mərkəzi\nBakı Dövlət Universiteti\n"
                    "Cəmil Əliyev\nGəncə şəhəri\nNümayəndə heyəti Bolqarıstandan Tehrana gəldi.\n",
    "items_fa.txt": "دانشگاه علوم پزشکی تهران\nسازمان بهداشت جهانی\nشهر مشهد\nمحمود احمدی نژاد\n"
                    "وزارت بهداشت درمان و آموزش پزشکی\nهیئتی از بلغارستان به تهران رسید.\nیاسر عرفات به قاهره رسید.\n"
                    "دانشگاه دولتی باکو\n",
    "items_en.txt": "World Health Organization\nNational Center of Oncology\nBaku State University\nJamil Aliyev\n"
                    "Tehran University of Medical Sciences\nA delegation from Bulgaria arrived in Tehran.\nYasser Arafat arrived in Cairo.\n",
}
COLUMNS = ["path", "start", "end", "label", "text", "normalized", "entity_id", "source", "lang"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("one-path")
    for p in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, root / p.name)
    (root / "wrapped_en.txt").write_text(WRAPPED_EN, encoding="utf-8")
    for name, text in ITEMS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def out_dir(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary = ingest(corpus=str(corpus), out_dir=str(out), show_progress=False)
    assert summary["failed"] == 0
    return out


@pytest.fixture(scope="module")
def written(out_dir):
    out = out_dir
    docs = pd.read_parquet(out / "documents", columns=["doc_id", "path"])
    m = pd.read_parquet(out / "mentions").merge(docs, on="doc_id")
    return m[COLUMNS].sort_values(["path", "start", "end", "label"]).reset_index(drop=True)


def test_run_writes_exactly_what_evaluation_predicts(corpus, written):
    names = sorted(p.name for p in corpus.iterdir())
    texts = [(corpus / n).read_text(encoding="utf-8") for n in names]
    docs, _stats = predict(texts)
    for d, n in zip(docs, names):  # the evaluation names documents itself; give them the run's paths
        d.path = n
    rows = document_rows(docs, datetime.now(timezone.utc), versions())
    paths = {d["doc_id"]: d["path"] for d in rows["documents"]}
    ev = pd.DataFrame(rows["mentions"]).assign(path=lambda f: f.doc_id.map(paths))
    ev = ev[COLUMNS].sort_values(["path", "start", "end", "label"]).reset_index(drop=True)
    assert len(written) > 60
    pd.testing.assert_frame_equal(written, ev, check_dtype=False)


def test_no_entity_crosses_a_line_between_items(written):
    items = written[written.path.isin(list(ITEMS))]
    assert set(items.path) == set(ITEMS)  # every items document has mentions
    assert not items.text.str.contains("\n").any()


def test_a_name_may_continue_on_the_next_line_of_wrapped_prose(written):
    wrapped = written[written.path == "wrapped_en.txt"]
    assert ("Azerbaijan National Center\nof Oncology", "ORG") in set(zip(wrapped.text, wrapped.label))


def test_one_place_in_four_scripts_is_one_cross_language_entity(out_dir):
    # the place tables (pipeline/lang/*/data/xlang_places.tsv) give Bolqarıstan, Болгария, بلغارستان
    # and Bulgaria the key of the English name; Тегеран, Tehran and تهران likewise
    ents = pd.read_parquet(out_dir / "entities")
    for names in ({"Bulgaria", "Bolqarıstan", "Болгария", "بلغارستان"}, {"Tehran", "Тегеран", "تهران"}):
        rows = ents[(ents.label == "LOC") & ents.canonical.isin(names)]
        assert set(rows.canonical) == names, rows[["lang", "canonical"]]
        assert rows.xlang_id.nunique() == 1 and rows.xlang_id.notna().all(), rows[["lang", "canonical", "xlang_id"]]


def test_a_persian_name_bridges_the_english_and_russian_spellings(out_dir):
    # Yasser Arafat (en) and Ясир Арафат (ru) have different keys; یاسر عرفات writes both, and the commit's
    # bridge pass (pipeline/entities/bridge.py) makes the three one cross-language entity
    ents = pd.read_parquet(out_dir / "entities")
    names = {"Yasser Arafat", "Ясир Арафат", "یاسر عرفات"}
    rows = ents[(ents.label == "PER") & ents.canonical.isin(names)]
    assert set(rows.canonical) == names, rows[["lang", "canonical"]]
    assert rows.xlang_id.nunique() == 1 and rows.xlang_id.notna().all(), rows[["lang", "canonical", "xlang_id"]]


def test_an_organisation_name_that_translates_is_one_cross_language_entity(out_dir):
    # its words read as concepts and places in each language (pipeline/entities/org_keys.py)
    ents = pd.read_parquet(out_dir / "entities")
    names = {"Baku State University", "Bakı Dövlət Universiteti", "Бакинский государственный университет",
             "دانشگاه دولتی باکو"}
    rows = ents[(ents.label == "ORG") & ents.canonical.isin(names)]
    assert set(rows.canonical) == names, rows[["lang", "canonical"]]
    assert rows.xlang_id.nunique() == 1 and rows.xlang_id.notna().all(), rows[["lang", "canonical", "xlang_id"]]
