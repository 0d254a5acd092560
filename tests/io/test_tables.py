from datetime import datetime, timezone

import pandas as pd
import pytest

from pipeline.document import Document, Mention, doc_id_for
from pipeline.io.tables import TableStore, document_rows

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
VERSIONS = {"en": "v-en", "und": "v-und"}


def _doc(path: str, text: str, mentions: list[tuple[int, int, str]]) -> Document:
    d = Document(doc_id_for(path), path, "/x/" + path, "sha-" + path, len(text), "utf-8", text, "en", 0.99)
    d.lang_spans = [(0, len(text), "en")]
    for s, e, label in mentions:
        d.mentions.append(Mention(s, e, label, text[s:e], "test.v1", None, text[s:e], "e-" + text[s:e]))
    return d


def _commit(store: TableStore, run: str, docs: list[Document], deleted: bool = False) -> None:
    store.stage(run, 0, document_rows(docs, NOW, VERSIONS, deleted=deleted))
    store.commit(run)


def test_commit_replaces_rows_by_document_and_rebuilds_entities(tmp_path):
    store = TableStore(tmp_path)
    a = _doc("a.txt", "Baku and Baku", [(0, 4, "LOC"), (9, 13, "LOC")])
    b = _doc("b.txt", "Moscow", [(0, 6, "LOC")])
    _commit(store, "r1", [a, b])
    m = pd.read_parquet(tmp_path / "mentions")
    assert sorted(m["text"]) == ["Baku", "Baku", "Moscow"]
    ent = pd.read_parquet(tmp_path / "entities").set_index("canonical")
    assert ent.loc["Baku", "mention_count"] == 2 and ent.loc["Baku", "doc_count"] == 1
    # a changes, b is deleted: a's old mentions are replaced, b's removed, b kept as a deleted row
    a2 = _doc("a.txt", "Paris", [(0, 5, "LOC")])
    _commit(store, "r2", [a2])
    _commit(store, "r3", [b], deleted=True)
    m = pd.read_parquet(tmp_path / "mentions")
    assert list(m["text"]) == ["Paris"]
    docs = pd.read_parquet(tmp_path / "documents").set_index("path")
    assert docs.loc["b.txt", "status"] == "deleted" and docs.loc["a.txt", "text"] == "Paris"
    assert list(pd.read_parquet(tmp_path / "entities")["canonical"]) == ["Paris"]
    assert not list(tmp_path.rglob(".tmp-*")) and not (tmp_path / ".staging" / "r3").exists()


def test_commit_is_idempotent_after_a_crash(tmp_path):
    store = TableStore(tmp_path)
    a = _doc("a.txt", "Baku", [(0, 4, "LOC")])
    store.stage("r1", 0, document_rows([a], NOW, VERSIONS))
    (tmp_path / ".commit").write_text('{"run_id": "r1"}')  # as if killed mid-commit
    before = store.commit("r1")
    store.stage("r1", 0, document_rows([a], NOW, VERSIONS))
    store.commit("r1")  # replayed: no duplicates
    assert before and len(pd.read_parquet(tmp_path / "mentions")) == 1
    assert not store.pending_commit()


def test_second_lock_is_refused(tmp_path):
    """Another process is refused; the same process may take the lock again (CLI, then flow)."""
    import subprocess
    import sys

    probe = ("import sys; from pipeline.io.tables import TableStore, OutputLocked\n"
             "try:\n    TableStore(sys.argv[1]).lock()\nexcept OutputLocked as e:\n    print(e); sys.exit(3)")
    store = TableStore(tmp_path)
    lock = store.lock()
    try:
        again = TableStore(tmp_path).lock()  # re-entrant in this process
        again.release()
        assert lock.is_locked
        p = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True)
        assert p.returncode == 3 and "another lingflow run" in p.stdout
    finally:
        lock.release()
    assert not lock.is_locked
    p = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr


def test_duckdb_reads_the_tables(tmp_path):
    import duckdb

    _commit(TableStore(tmp_path), "r1", [_doc("a.txt", "Baku", [(0, 4, "LOC")])])
    n = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/mentions/*.parquet')").fetchall()[0][0]
    assert n == 1


def test_entities_aggregate_variants_canonical_and_xlang(tmp_path):
    from pipeline.entities.translit import xlang_id

    store = TableStore(tmp_path)
    d1 = _doc("d1.txt", "Беларуси. Республики Беларусь", [(0, 8, "LOC"), (10, 29, "LOC")])
    d2 = _doc("d2.txt", "Беларусь", [(0, 8, "LOC")])
    for d, canon in ((d1, ["Беларусь", "Республика Беларусь"]), (d2, ["Беларусь"])):
        d.lang = "ru"
        d.lang_spans = [(0, len(d.text), "ru")]
        for m, c in zip(d.mentions, canon):
            m.normalized, m.entity_id = c, "a"
    _commit(store, "r1", [d1, d2])
    e = pd.read_parquet(tmp_path / "entities").to_dict("records")
    assert len(e) == 1
    row = e[0]
    assert (row["canonical"], row["lang"], row["mention_count"], row["doc_count"]) == ("Беларусь", "ru", 3, 2)
    assert list(row["variants"]) == ["Беларуси", "Беларусь", "Республики Беларусь"]
    assert row["xlang_id"] == xlang_id("Belarus", "LOC", "en") is not None


def _fa(d: Document) -> Document:
    return _as(d, "fa")


def _as(d: Document, lang: str) -> Document:
    d.lang = lang
    d.lang_spans = [(0, len(d.text), lang)]
    return d


def test_persian_names_link_to_a_name_of_their_corpus(tmp_path):
    """Issue 18: a Persian name whose own spelling links nowhere (the tables read اصغر as Uskar) gets the
    id of the az/en/ru name of the corpus that it writes; a name that fits nothing stays unlinked,
    and one that fits two names of one language too."""
    from pipeline.entities.translit import xlang_id

    store = TableStore(tmp_path)
    en = _doc("en.txt", "Asghar Farhadi met Zarbat Galmak and Zorbat Golmak.",
              [(0, 14, "PER"), (19, 32, "PER"), (37, 50, "PER")])
    fa = _fa(_doc("fa.txt", "اصغر فرهادی و قلمبه سلمبه", [(0, 11, "PER"), (14, 25, "PER")]))
    fa2 = _fa(_doc("fa2.txt", "زربت گلمک", [(0, 9, "PER")]))  # Zarbat Galmak or Zorbat Golmak: two names
    for d in (en, fa, fa2):
        for m in d.mentions:
            m.entity_id = "e-" + d.path + m.text
    assert xlang_id("اصغر فرهادی", "PER", "fa") != xlang_id("Asghar Farhadi", "PER", "en")  # the tables alone
    _commit(store, "r1", [en, fa, fa2])
    e = pd.read_parquet(tmp_path / "entities").set_index("canonical")
    assert len(e) == 6
    assert e.loc["اصغر فرهادی", "xlang_id"] == e.loc["Asghar Farhadi", "xlang_id"] == xlang_id("Asghar Farhadi", "PER", "en")
    assert pd.isna(e.loc["قلمبه سلمبه", "xlang_id"])
    assert e.loc["Zarbat Galmak", "xlang_id"] != e.loc["Zorbat Golmak", "xlang_id"]
    assert pd.isna(e.loc["زربت گلمک", "xlang_id"])
    # without its partner in the corpus, the Persian name keeps what its spelling gives
    _commit(store, "r2", [_doc("en.txt", "nothing", [])])
    e = pd.read_parquet(tmp_path / "entities").set_index("canonical")
    assert e.loc["اصغر فرهادی", "xlang_id"] == xlang_id("اصغر فرهادی", "PER", "fa")


def test_english_names_take_the_id_of_the_names_that_write_them_by_sound(tmp_path):
    """Issue 18: ``Bill Gates`` is spelled, ``Bill Qeyts`` and ``Билл Гейтс`` are written by its sound: within
    one corpus the English name takes their id, and the Persian name (written by sound too) meets all
    three; an English name whose own id another language's name has keeps it (``Tehran``)."""
    from pipeline.entities.translit import xlang_id

    store = TableStore(tmp_path)
    en = _doc("en.txt", "Bill Gates visited Tehran.", [(0, 10, "PER"), (19, 25, "LOC")])
    az = _as(_doc("az.txt", "Bill Qeyts Tehran şəhərində.", [(0, 10, "PER"), (11, 17, "LOC")]), "az")
    ru = _as(_doc("ru.txt", "Билл Гейтс приехал.", [(0, 10, "PER")]), "ru")
    fa = _fa(_doc("fa.txt", "بیل گیتس به تهران رفت", [(0, 8, "PER"), (12, 17, "LOC")]))
    for d in (en, az, ru, fa):
        for m in d.mentions:
            m.entity_id = "e-" + d.path + m.text
    assert xlang_id("Bill Gates", "PER", "en") != xlang_id("Bill Qeyts", "PER", "az") == xlang_id("Билл Гейтс", "PER", "ru")
    _commit(store, "r1", [en, az, ru, fa])
    e = pd.read_parquet(tmp_path / "entities").set_index(["lang", "canonical"])["xlang_id"]
    gates = xlang_id("Bill Qeyts", "PER", "az")
    assert e["en", "Bill Gates"] == e["az", "Bill Qeyts"] == e["ru", "Билл Гейтс"] == e["fa", "بیل گیتس"] == gates
    assert e["en", "Tehran"] == e["az", "Tehran"] == e["fa", "تهران"] == xlang_id("Tehran", "LOC", "en")
    # without the az and ru names, the English name keeps its spelling's id (and the Persian one meets it)
    _commit(store, "r2", [_as(_doc("az.txt", "heç nə", []), "az"), _as(_doc("ru.txt", "ничего", []), "ru")])
    e = pd.read_parquet(tmp_path / "entities").set_index(["lang", "canonical"])["xlang_id"]
    assert e["en", "Bill Gates"] == e["fa", "بیل گیتس"] == xlang_id("Bill Gates", "PER", "en")


def test_names_written_with_an_english_names_letters_take_its_id(tmp_path):
    """Issue 18: az text writes ``Google`` and ``Facebook`` with English letters, but the az key reads them as
    az letters (``c`` is j): within one corpus they take the English name's id, and so does the Persian name
    that writes the English one by its sound. A name no English name spells keeps its own id."""
    from pipeline.entities.translit import xlang_id

    store = TableStore(tmp_path)
    en = _doc("en.txt", "Google and Facebook grew.", [(0, 6, "ORG"), (11, 19, "ORG")])
    az = _as(_doc("az.txt", "Google və Facebook və Azercell böyüdü.", [(0, 6, "ORG"), (10, 18, "ORG"), (22, 30, "ORG")]), "az")
    fa = _fa(_doc("fa.txt", "فیسبوک رشد کرد", [(0, 6, "ORG")]))
    for d in (en, az, fa):
        for m in d.mentions:
            m.entity_id = "e-" + d.path + m.text
    assert xlang_id("Facebook", "ORG", "az") != xlang_id("Facebook", "ORG", "en")
    _commit(store, "r1", [en, az, fa])
    e = pd.read_parquet(tmp_path / "entities").set_index(["lang", "canonical"])["xlang_id"]
    assert e["az", "Google"] == e["en", "Google"] == xlang_id("Google", "ORG", "en")
    assert e["az", "Facebook"] == e["en", "Facebook"] == e["fa", "فیسبوک"] == xlang_id("Facebook", "ORG", "en")
    assert e["az", "Azercell"] == xlang_id("Azercell", "ORG", "az")


def test_staged_batches_hold_one_row_group_per_part_and_commit_reads_them(tmp_path):
    """Commit streams one part at a time: a staged file has a row group per doc_id part."""
    import pyarrow.parquet as pq

    from pipeline.io.tables import PARTS, _row_groups_by_part

    store = TableStore(tmp_path)
    docs = [_doc(f"d{i}.txt", f"Baku {i}", [(0, 4, "LOC")]) for i in range(60)]
    parts = {d.doc_id[0] for d in docs}
    assert len(parts) > 8  # the ids spread over many parts
    bdir = store.stage("r1", 0, document_rows(docs, NOW, VERSIONS))
    for name in ("documents", "mentions"):
        path = tmp_path / ".staging" / "r1" / "batch-000000" / f"{name}.parquet"
        assert str(path.parent) == bdir
        groups = _row_groups_by_part(path)
        assert set(groups) == parts and all(len(g) == 1 for g in groups.values())
        assert pq.read_metadata(path).num_row_groups == len(parts)
    store.commit("r1")
    m = pd.read_parquet(tmp_path / "mentions")
    assert len(m) == 60 and set(m["doc_id"]) == {d.doc_id for d in docs}
    assert sorted(p.name for p in (tmp_path / "mentions").glob("*.parquet")) == \
        sorted(f"part-{p}.parquet" for p in parts if p in PARTS)
    ent = pd.read_parquet(tmp_path / "entities")
    assert list(ent["canonical"]) == ["Baku"] and ent["mention_count"].tolist() == [60]
    assert ent["doc_count"].tolist() == [60]  # summed over parts, each document counted once


def test_entities_keep_ids_outside_the_hex_buckets(tmp_path):
    store = TableStore(tmp_path)
    a = _doc("a.txt", "Baku Oslo", [(0, 4, "LOC"), (5, 9, "LOC")])
    a.mentions[1].entity_id = "Z-oslo"  # not a hex id: still one entities row
    _commit(store, "r1", [a])
    assert sorted(pd.read_parquet(tmp_path / "entities")["entity_id"]) == ["Z-oslo", "e-Baku"]
