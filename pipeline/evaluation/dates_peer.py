"""Peer date cases (`tests/dates/data/peer_cases.tsv`): value accuracy per language and per kind.

Each case is an absolute date expression with its expected ISO value, taken from the public test
suites of dateparser, natasha and persiantools or written here (column `origin`); every 4th case
of a language is `held` (never looked at while writing rules). Two ways of reading it, both
through the steps of `lingflow run` (`pipeline.steps.annotate_texts`: language ID, NER, dates):
- `sentence`: in a plain sentence of its language ("... Date: <expression>.");
- `alone`: the expression alone in its document (short documents often get `und`, which reads
  language-neutral forms and script-guided word forms only).
A case is right when a DATE mention of the document has exactly the expected value.
`benchmarks/dates_peer.py` measures the same cases through the `lingflow run` command and the
Parquet tables.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path


CASES = Path(__file__).resolve().parents[2] / "tests" / "dates" / "data" / "peer_cases.tsv"
#: Dates as CLDR writes them in each language (built with Babel by tests/dates/data/build_cldr_cases.py).
CLDR_CASES = CASES.with_name("cldr_cases.tsv")
FRAMES = {
    "en": "The meeting was held as planned. Date: {x}.",
    "ru": "Встреча прошла по плану. Дата: {x}.",
    "az": "Görüş plana uyğun keçirildi. Tarix: {x}.",
    "fa": "جلسه طبق برنامه برگزار شد. تاریخ: {x}.",
}
MODES = ("sentence", "alone")


def read_cases(path: Path = CASES) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def run_cases(cases: list[dict]) -> list[dict]:
    """One result per case and mode: the values found and whether the expected one is among them."""
    from pipeline.steps import annotate_texts

    jobs = [(c, mode, FRAMES[c["lang"]].format(x=c["expression"]) if mode == "sentence" else c["expression"])
            for c in cases for mode in MODES]
    out = []
    for i in range(0, len(jobs), 64):
        batch = jobs[i:i + 64]
        for (c, mode, _text), doc in zip(batch, annotate_texts([t for _, _, t in batch])):
            values = {m.date.value for m in doc.mentions if m.label == "DATE" and m.date is not None
                      and m.date.value is not None}
            out.append({**c, "mode": mode, "doc_lang": doc.lang, "ok": c["value"] in values, "got": sorted(values)})
    return out


def _cell(ok: int, n: int) -> str:
    return f"{ok}/{n} ({100 * ok / n:.0f} %)" if n else "-"


def per_language(results: list[dict]) -> list[dict]:
    """Rows: language x mode, with the dev, held and all shares."""
    acc: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for split in (r["split"], "all"):
            a = acc[(r["lang"], r["mode"], split)]
            a[0] += r["ok"]
            a[1] += 1
    rows = []
    for lang in sorted({r["lang"] for r in results}):
        for mode in MODES:
            rows.append({"lang": lang, "mode": mode, **{s: _cell(*acc[(lang, mode, s)]) for s in ("dev", "held", "all")}})
    return rows


def per_kind(results: list[dict]) -> list[dict]:
    """Rows: language x kind, with the share right in each mode (dev and held together)."""
    acc: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        a = acc[(r["lang"], r["kind"], r["mode"])]
        a[0] += r["ok"]
        a[1] += 1
    keys = sorted({(r["lang"], r["kind"]) for r in results})
    return [{"lang": lg, "kind": k, **{m: _cell(*acc[(lg, k, m)]) for m in MODES}} for lg, k in keys]
