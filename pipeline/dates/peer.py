"""Peer date cases (`tests/dates/data/peer_cases.tsv`): value accuracy per language and per kind.

Each case is an absolute date expression with its expected ISO value, taken from the public test
suites of dateparser, natasha and persiantools or written here (column `origin`); every 4th case
of a language is `held` (never looked at while writing rules). Three ways of reading it, all
through `DateExtractor.extract` (the call `lingflow run` makes):
- `sentence`: in a plain sentence of its language ("... Date: <expression>."), with that language;
- `alone`: the expression alone, with its language;
- `alone-und`: the expression alone read as `und` (what a short file whose language is not
  identified gets: language-neutral forms and script-guided word forms only).
A case is right when one extracted mention has exactly the expected value.
`benchmarks/dates_peer.py` measures the same cases through `lingflow run` and the Parquet tables.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from .extractor import DateExtractor

CASES = Path(__file__).resolve().parents[2] / "tests" / "dates" / "data" / "peer_cases.tsv"
FRAMES = {
    "en": "The meeting was held as planned. Date: {x}.",
    "ru": "Встреча прошла по плану. Дата: {x}.",
    "az": "Görüş plana uyğun keçirildi. Tarix: {x}.",
    "fa": "جلسه طبق برنامه برگزار شد. تاریخ: {x}.",
}
MODES = ("sentence", "alone", "alone-und")


def read_cases(path: Path = CASES) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def run_cases(cases: list[dict], extractor: DateExtractor | None = None) -> list[dict]:
    """One result per case and mode: the values found and whether the expected one is among them."""
    ex = extractor or DateExtractor()
    out = []
    for c in cases:
        for mode in MODES:
            text = FRAMES[c["lang"]].format(x=c["expression"]) if mode == "sentence" else c["expression"]
            found = ex.extract(text, "und" if mode == "alone-und" else c["lang"])
            values = {m.value for m in found if m.value is not None}
            out.append({**c, "mode": mode, "ok": c["value"] in values, "got": sorted(values)})
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
