"""The entities table: mentions (non-DATE) aggregated into one row per entity_id."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.entities.bridge import BridgeLinks
from pipeline.entities.name_links import SoundLinks, SpellingLinks
from pipeline.entities.corpus_links import CorpusLinks, clear_readings
from pipeline.entities.meaning_links import MeaningLinks
from pipeline.entities.translit import corpus_languages, sound_languages, xlang_id
from pipeline.io.files import COMPRESSION, PARTS, atomic_path, sorted_rows

_NAME_COLUMNS = ["entity_id", "label", "lang", "canonical", "xlang_id"]


def write_entities(mention_files: list[Path], target: Path) -> None:
    """Aggregate ``mention_files`` into ``target`` (vectorised, no Python loop per mention).

    Streams by entity_id range (16 buckets split at the hex digits): for each bucket every mentions
    part is read and filtered, so memory holds about 1/16 of the mentions at a time
    whatever the corpus size; buckets are written in order as row groups of one file.

    Then names get the ids of names of the same corpus that write them otherwise (:func:`link_in_corpus`:
    English names written by their sound, Persian names): the file is read again, names only, and
    rewritten row group by row group if any was linked."""
    cols = ["doc_id", "label", "lang", "text", "normalized", "entity_id"]
    with atomic_path(target) as tmp:
        with pq.ParquetWriter(tmp, schema.ENTITIES, compression=COMPRESSION) as writer:
            for i, lo in enumerate(PARTS):  # bucket i: ids from PARTS[i] up to PARTS[i + 1];
                hi = PARTS[i + 1] if i + 1 < len(PARTS) else None  # first and last open-ended
                pieces = []
                for f in mention_files:
                    m = pq.read_table(f, columns=cols, schema=schema.TABLES["mentions"])
                    keep = pc.not_equal(m["label"], "DATE")
                    if i:
                        keep = pc.and_(keep, pc.greater_equal(m["entity_id"], lo))
                    if hi:
                        keep = pc.and_(keep, pc.less(m["entity_id"], hi))
                    pieces.append(m.filter(keep))
                    del m
                m = pa.concat_tables(pieces) if pieces else schema.TABLES["mentions"].empty_table().select(cols)
                del pieces
                if m.num_rows:
                    writer.write_table(sorted_rows(aggregate_entities(m), "entities"))
        link_in_corpus(tmp)


def link_in_corpus(path: Path) -> dict[str, str]:
    """Give names of the entities file ``path`` the ids of names of the same file: first the English
    names that the other languages write by their sound (:class:`SoundLinks`) and the names the other
    languages write with an English name's letters (:class:`SpellingLinks`), then the Persian names
    (:class:`CorpusLinks`; the languages of :func:`corpus_languages`), then the ids a Persian name shows to
    be one (:class:`BridgeLinks`), last the Persian names no spelling linked, by what they mean
    (:class:`MeaningLinks`, which may make ids one too). Each pass reads the names (row group by row group) only if the file has
    names it may link; the file is rewritten only if a name was linked. Returns entity_id -> new xlang_id."""
    try:
        with pq.ParquetFile(path) as f:
            found = _sound_links(f)
            found.update(_corpus_links(f, found))
            for linked_pass in (_bridge_links, _meaning_links):  # each may make ids one
                linked, remap = linked_pass(f, found)
                found.update(linked)
                if remap:
                    for eid, _label, _lang, _canonical, xid in _names(f, None):
                        new = remap.get(found.get(eid, xid))
                        if new is not None:
                            found[eid] = new
            if found:
                _rewrite(f, path, found)
    finally:
        clear_readings()  # the two Persian passes' shared readings: this corpus only
    return found


def _names(f: pq.ParquetFile, langs: pa.Array | None, inside: bool = True,
           columns: list[str] = _NAME_COLUMNS) -> Iterator[tuple]:
    """(entity_id, label, lang, canonical, xlang_id) of the file's names in ``langs`` (or outside them; None:
    every name); other ``columns``, in their order, instead."""
    for g in range(f.num_row_groups):
        names = f.read_row_group(g, columns=columns)
        if langs is not None:
            keep = pc.is_in(names["lang"], value_set=langs)
            names = names.filter(keep if inside else pc.invert(keep))
        yield from zip(*(names[c].to_pylist() for c in columns))


def _sound_links(f: pq.ParquetFile) -> dict[str, str]:
    sounding = pa.array(sound_languages(), pa.string())
    links = SoundLinks()
    any_sounding = any_other = False
    for g in range(f.num_row_groups):
        ids = f.read_row_group(g, columns=["lang", "xlang_id"])
        mine = pc.is_in(ids["lang"], value_set=sounding)
        any_sounding = any_sounding or pc.any(mine).as_py()
        other = ids.filter(pc.invert(mine))["xlang_id"]
        any_other = any_other or len(other) > 0
        links.offer(other.to_pylist())
    if not (any_sounding and any_other):
        return {}  # no English name, or no name of another language it could meet
    found = {}
    spelled = SpellingLinks()
    for eid, label, lang, canonical, xid in _names(f, sounding):
        new = links.link(canonical, label, lang, xid)
        if new is not None:
            found[eid] = new
        spelled.offer(canonical, label, found.get(eid, xid))
    for eid, label, lang, canonical, xid in _names(f, sounding, inside=False):
        new = spelled.link(canonical, label, xid)
        if new is not None:
            found[eid] = new
    return found


def _corpus_links(f: pq.ParquetFile, before: dict[str, str]) -> dict[str, str]:
    """The Persian pass; ``before``: ids the sound pass gave (entity_id -> xlang_id)."""
    links = CorpusLinks()
    wanted = pa.array(corpus_languages(), pa.string())
    for eid, label, lang, canonical, xid in _names(f, wanted):
        links.want(eid, canonical, label, lang, xid)
    if not links:
        return {}
    for eid, label, lang, canonical, xid in _names(f, wanted, inside=False):
        if xid is not None:
            links.offer(canonical, label, lang, before.get(eid, xid))
    return links.resolve()


def _bridge_links(f: pq.ParquetFile, before: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Persian names as bridges between the az/en/ru spellings of one name (:class:`BridgeLinks`);
    ``before``: ids the passes before gave (entity_id -> xlang_id). Returns the Persian names' new ids
    (entity_id -> xlang_id) and the ids made one (xlang_id -> xlang_id)."""
    wanted = pa.array(corpus_languages(), pa.string())
    links = BridgeLinks()
    for eid, label, lang, canonical, xid in _names(f, wanted):
        links.want(eid, canonical, label, lang, before.get(eid, xid))
    if not links:
        return {}, {}
    for eid, label, lang, canonical, xid in _names(f, wanted, inside=False):
        xid = before.get(eid, xid)
        if xid is not None:
            links.offer(canonical, label, lang, xid)
    for eid, _label, lang, _canonical, xid in _names(f, wanted, inside=False):
        xid = before.get(eid, xid)
        if xid is not None:
            links.carry(lang, xid)
    found = links.resolve()
    return found, links.remap


def _meaning_links(f: pq.ParquetFile, before: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Persian names linked by what they mean to az/en/ru names the passes before left them without
    (:class:`MeaningLinks`); ``before``: ids the passes before gave (entity_id -> xlang_id). Returns the
    Persian names' new ids, with the az/en/ru names that had none and take the id they offered, and the ids
    made one (xlang_id -> xlang_id)."""
    wanted = pa.array(corpus_languages(), pa.string())
    columns = [*_NAME_COLUMNS, "mention_count"]
    links = MeaningLinks()
    for eid, label, lang, canonical, xid, count in _names(f, wanted, columns=columns):
        links.want(eid, canonical, label, lang, before.get(eid, xid), count)
    if not links:
        return {}, {}
    unlinked = {}  # entity_id -> the id an az/en/ru name without one offers (meaning_links.unlinked_id)
    for eid, label, lang, canonical, xid, count in _names(f, wanted, inside=False, columns=columns):
        own = before.get(eid, xid)
        offered = links.offer(canonical, label, lang, own, count)
        if own is None and offered is not None:
            unlinked[eid] = offered
    linked = links.resolve()
    used = set(linked.values()) | set(links.remap) | set(links.remap.values())
    linked.update((eid, x) for eid, x in unlinked.items() if x in used)  # only where a Persian name means it
    return linked, links.remap


def _rewrite(f: pq.ParquetFile, path: Path, found: dict[str, str]) -> None:
    """``path`` again with the ``found`` ids (entity_id -> xlang_id), through a temp file beside it."""
    ids, xids = pa.array(sorted(found), pa.string()), pa.array([found[k] for k in sorted(found)], pa.string())
    redone = path.with_name(path.name + ".linked")
    try:
        with pq.ParquetWriter(redone, schema.ENTITIES, compression=COMPRESSION) as writer:
            for g in range(f.num_row_groups):
                rows = f.read_row_group(g)
                at = pc.index_in(rows["entity_id"], value_set=ids)
                xid = pc.if_else(pc.is_valid(at), pc.take(xids, at), rows["xlang_id"])
                writer.write_table(rows.set_column(rows.schema.get_field_index("xlang_id"), "xlang_id", xid))
        os.replace(redone, path)
    finally:
        if redone.exists():
            redone.unlink()


def aggregate_entities(m: pa.Table) -> pa.Table:
    """Entities rows from mention rows (all mentions of each entity_id must be in ``m``)."""
    m = m.set_column(m.schema.get_field_index("normalized"), "normalized", pc.coalesce(m["normalized"], m["text"]))
    base = m.group_by("entity_id").aggregate([
        ("label", "min"), ("entity_id", "count"), ("doc_id", "count_distinct"), ("text", "distinct")])
    out = pa.table({
        "entity_id": base["entity_id"], "label": base["label_min"],
        "canonical": _lookup(base["entity_id"], _most_common(m, "normalized")),
        "lang": _lookup(base["entity_id"], _most_common(m, "lang")),
        "variants": pa.array([sorted(v) for v in base["text_distinct"].to_pylist()], pa.list_(pa.string())),
        "mention_count": base["entity_id_count"], "doc_count": base["doc_id_count_distinct"],
    })
    out = out.append_column("xlang_id", pa.array(
        [xlang_id(c, lb, lg) for c, lb, lg in zip(out["canonical"].to_pylist(), out["label"].to_pylist(),
                                                  out["lang"].to_pylist())], pa.string()))
    return out.cast(schema.ENTITIES)


def _most_common(t: pa.Table, column: str) -> pa.Table:
    """Per entity_id, the most frequent value of ``column`` (ties: the smallest value)."""
    counts = t.group_by(["entity_id", column]).aggregate([(column, "count")])
    counts = counts.sort_by([("entity_id", "ascending"), (f"{column}_count", "descending"), (column, "ascending")])
    ids = counts["entity_id"]
    prev = pa.concat_arrays([pa.array([None], pa.string()), ids.combine_chunks()[:-1]])
    first = pc.fill_null(pc.not_equal(ids.combine_chunks(), prev), True)
    return counts.filter(first).select(["entity_id", column])


def _lookup(keys: pa.ChunkedArray, table: pa.Table) -> pa.Array:
    """``table``'s second column, aligned with ``keys`` (entity ids)."""
    idx = pc.index_in(keys, value_set=table["entity_id"].combine_chunks())
    return pc.take(table[table.column_names[1]], idx)
