"""Read an output folder into the compact data of the HTML report (plain pyarrow, no Prefect).

Everything the page shows at load (overview, top entities, timeline, runs, the document
index) is small; the documents' text and mentions go into chunks of ``CHUNK`` documents
that the page parses only when a document of that chunk is shown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import languages
from pipeline.batch import failure_reason
from pipeline.inspect import check_output_folder
from pipeline.io.tables import TableStore

CHUNK = 50                      # documents per lazily parsed JSON block
LABELS = ("ORG", "PER", "LOC", "DATE")
# right-to-left scripts (ISO 15924) of the language packs, and the codes of other right-to-left
# languages that language ID may report (they have no pack, so no script to ask)
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm"})
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ps", "sd", "ug", "ur", "yi", "dv", "ckb"})
MAX_DAY_SPAN = 31               # an interval up to a month counts on each of its days


def direction(lang: str | None) -> str:
    """``rtl`` or ``ltr``: the writing direction of ``lang``'s script (the HTML ``dir`` of its text)."""
    spec = languages.spec(lang or "")
    rtl = spec.script in RTL_SCRIPTS if spec is not None else lang in RTL_LANGUAGES
    return "rtl" if rtl else "ltr"


def _rows(t: pa.Table) -> list[dict[str, Any]]:
    return t.to_pylist()


def load_report_data(out: str | Path, top: int = 25, runs: int = 20) -> dict[str, Any]:
    """The report's data: ``{"meta", "overview", "entities", "timeline", "runs", "index", "chunks"}``."""
    store = check_output_folder(out)
    docs = store.read("documents", ["doc_id", "path", "lang", "status", "error", "n_chars", "n_words", "lang_spans",
                                    "text"])
    docs = docs.take(pc.sort_indices(docs, [("path", "ascending")]))
    mentions = store.read("mentions", ["doc_id", "label", "start", "end", "normalized", "entity_id", "lang"])
    entities = store.read("entities")
    dates = store.read("dates", ["doc_id", "expression", "value", "start_date", "end_date", "granularity",
                                 "calendar", "source_value"])
    doc_ids = docs.column("doc_id").to_pylist()
    pos = {d: i for i, d in enumerate(doc_ids)}
    by_doc: dict[int, list] = defaultdict(list)
    for d, lab, s, e, norm in zip(*(mentions.column(c).to_pylist()
                                    for c in ("doc_id", "label", "start", "end", "normalized"))):
        if d in pos:
            by_doc[pos[d]].append((s, e, lab, norm))
    index, chunks = _documents(docs, by_doc)
    ents = _top_entities(entities, mentions, pos, top)
    return {
        "meta": {"out": str(Path(out).resolve()), "n_documents": len(doc_ids), "chunk": CHUNK,
                 "labels": list(LABELS)},
        "overview": _overview(docs, mentions, entities),
        "entities": ents,
        "timeline": _timeline(dates, pos),
        "runs": _runs(store, runs),
        "index": index,
        "chunks": chunks,
    }


def _documents(docs: pa.Table, by_doc: dict[int, list]) -> tuple[dict[str, list], list[list]]:
    """Column-wise index (path, lang, status, ...) and per-chunk [text, dir, stretches, mentions] lists."""
    cols = {c: docs.column(c).to_pylist() for c in ("path", "lang", "status", "error", "n_chars", "lang_spans", "text")}
    index = {"path": cols["path"], "lang": [x or "" for x in cols["lang"]], "status": cols["status"],
             "error": cols["error"], "n_chars": [x or 0 for x in cols["n_chars"]],
             "n_mentions": [len(by_doc.get(i, ())) for i in range(len(cols["path"]))]}
    chunks: list[list] = []
    for i, text in enumerate(cols["text"]):
        if i % CHUNK == 0:
            chunks.append([])
        spans = [[s["start"], s["end"], s["lang"], direction(s["lang"])] for s in (cols["lang_spans"][i] or [])]
        ms = sorted(by_doc.get(i, ()), key=lambda m: (m[0], -m[1]))
        chunks[-1].append([text or "", direction(cols["lang"][i]), spans, [list(m) for m in ms]])
    return index, chunks


def _overview(docs: pa.Table, mentions: pa.Table, entities: pa.Table) -> dict[str, Any]:
    by_ls = Counter(zip(docs.column("lang").to_pylist(), docs.column("status").to_pylist()))
    failed = [(p, e) for p, st, e in zip(docs.column("path").to_pylist(), docs.column("status").to_pylist(),
                                         docs.column("error").to_pylist()) if st == "failed"]
    reasons = Counter(failure_reason(e) for _, e in failed)
    return {
        "documents": len(docs),
        "by_lang_status": [[lang or "", st, n] for (lang, st), n in sorted(by_ls.items(), key=lambda kv: (
            str(kv[0][0]), kv[0][1]))],
        "mentions_by_label": dict(sorted(Counter(mentions.column("label").to_pylist()).items())),
        "mentions_by_lang": dict(sorted(Counter(mentions.column("lang").to_pylist()).items())),
        "entities_by_label": dict(sorted(Counter(entities.column("label").to_pylist()).items())),
        "failures": [[p, e or ""] for p, e in failed[:1000]],
        "n_failures": len(failed),
        "failure_reasons": dict(reasons.most_common()),
    }


def _top_entities(entities: pa.Table, mentions: pa.Table, pos: dict[str, int], top: int) -> dict[str, list]:
    """Per label the ``top`` entities by mention count, each with its documents and cross-language links."""
    rows = sorted(_rows(entities), key=lambda r: (-r["mention_count"], r["canonical"], r["lang"]))
    by_x: dict[str, list] = defaultdict(list)
    for r in rows:
        if r["xlang_id"]:
            by_x[r["xlang_id"]].append(r)
    chosen: dict[str, list[dict]] = {lab: [] for lab in LABELS}
    for r in rows:
        lst = chosen.setdefault(r["label"], [])
        if len(lst) < top:
            lst.append(r)
    wanted = {r["entity_id"] for lst in chosen.values() for r in lst}
    docs_of: dict[str, set[int]] = defaultdict(set)
    for eid, d in zip(mentions.column("entity_id").to_pylist(), mentions.column("doc_id").to_pylist()):
        if eid in wanted and d in pos:
            docs_of[eid].add(pos[d])
    out: dict[str, list] = {}
    for lab, lst in chosen.items():
        if not lst:
            continue
        out[lab] = [{
            "id": r["entity_id"], "canonical": r["canonical"], "lang": r["lang"], "dir": direction(r["lang"]),
            "mentions": r["mention_count"], "docs": r["doc_count"], "variants": list(r["variants"] or []),
            "xlang_id": r["xlang_id"],
            "xlang": [[o["canonical"], o["lang"]] for o in by_x.get(r["xlang_id"] or "", []) if o is not r],
            "doc_idx": sorted(docs_of.get(r["entity_id"], ())),
        } for r in lst]
    return out


def _timeline(dates: pa.Table, pos: dict[str, int]) -> dict[str, Any]:
    """Counts by year and by day, and every dated mention (with its Gregorian reading when Jalali/Hijri)."""
    years: Counter = Counter()
    days: Counter = Counter()
    rows: list[list] = []
    undated = 0
    for r in _rows(dates):
        start, end = r["start_date"], r["end_date"]
        if not r["value"] or start is None:
            undated += 1
            continue
        years[start.year] += 1
        if end is not None and (end - start).days < MAX_DAY_SPAN and r["granularity"] in ("day", "interval"):
            d: date = start
            while d <= end:
                days[d.isoformat()] += 1
                d += timedelta(days=1)
        rows.append([start.isoformat(), r["expression"], r["value"], r["calendar"] or "", r["source_value"] or "",
                     pos.get(r["doc_id"], -1)])
    rows.sort()
    return {"by_year": sorted(years.items()), "by_day": sorted(days.items()), "rows": rows, "undated": undated,
            "calendars": dict(sorted(Counter(r[3] for r in rows).items()))}


def _runs(store: TableStore, n: int) -> list[dict[str, Any]]:
    t = store.read("runs")
    rows = sorted(_rows(t), key=lambda r: r["started_at"], reverse=True)[:n]
    keep = ["run_id", "flow_run_id", "corpus", "started_at", "duration_s", "seen", "new", "changed", "unchanged",
            "deleted", "failed", "processed", "mentions_written", "status"]
    out = []
    for r in rows:
        row = {k: r.get(k) for k in keep if k in r}
        row["started_at"] = r["started_at"].strftime("%Y-%m-%d %H:%M:%S UTC")
        row["duration_s"] = round(r["duration_s"], 1)
        row["per_language"] = dict(r["per_language"] or [])
        out.append(row)
    return out
