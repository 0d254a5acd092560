"""Measure the date extractor: DATE span P/R/F1 on NER dev sets, value accuracy on hand tables.

Both exact and overlap matching are reported for every set; the set's own (`primary`) matching
is exact for aznews and NEREL, and *overlap* for the Text-Mining Persian set (its gold spans are fragmentary, e.g. a lone `در` next to `سال ۲۰۰۵`): a predicted
span counts as correct if it overlaps any gold DATE span, and a gold span counts as found if
any predicted span overlaps it. Relative/duration mentions are predicted too (value null),
since all three sets label them DATE.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline import languages
from pipeline.dates.extractor import DateExtractor
from pipeline.evaluation.ner import evaluate_set

SPAN_SETS = (  # (relative path without split suffix, language, matching)
    ("ner/fa/textmining", "fa", "overlap"),
    ("ner/az/aznews", "az", "exact"),
    ("ner/ru/nerel", "ru", "exact"),
)
SPLIT_RANGE_SETS = ("ner/az/aznews",)  # sets that write a year range as two DATE spans
DEFAULT_TABLES = Path(__file__).resolve().parents[2] / "tests" / "dates" / "data"


@dataclass
class SpanScore:
    tp_pred: int = 0
    tp_gold: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def as_dict(self) -> dict:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "n_pred": self.n_pred, "n_gold": self.n_gold}


def score_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]], match: str, acc: SpanScore) -> None:
    """Add one document's counts to `acc`."""
    acc.n_pred += len(pred)
    acc.n_gold += len(gold)
    if match == "exact":
        common = len(set(pred) & set(gold))
        acc.tp_pred += common
        acc.tp_gold += common
        return
    overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]
    acc.tp_pred += sum(any(overlaps(p, g) for g in gold) for p in pred)
    acc.tp_gold += sum(any(overlaps(g, p) for p in pred) for g in gold)


def span_eval(path: Path, lang: str, match: str, extractor: DateExtractor | None = None,
              errors: list | None = None) -> dict:
    """DATE span precision/recall/F1 of the extractor on one JSONL NER file."""
    ex = extractor or DateExtractor()
    acc = SpanScore()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            text = item["text"]
            gold = [(e["start"], e["end"]) for e in item["entities"] if e["label"] == "DATE"]
            pred = [(m.start, m.end) for m in ex.extract(text, lang)]
            score_spans(pred, gold, match, acc)
            if errors is not None and set(pred) != set(gold):
                errors.append((text, sorted(gold), sorted(pred)))
    return acc.as_dict()


def read_table(path: Path) -> list[dict]:
    """Rows of a hand-made table: expression, value, granularity, calendar[, anchor]."""
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")),
                                          delimiter="\t")]
    for r in rows:
        r["value"] = None if r["value"] in ("", "null", "None") else r["value"]
        r["anchor"] = date.fromisoformat(r["anchor"]) if r.get("anchor") else None
    return rows


def value_eval(path: Path, lang: str, extractor: DateExtractor | None = None) -> dict:
    """Share of hand-made expressions whose normalised value is exactly the expected one."""
    ex = extractor or DateExtractor()
    rows = read_table(path)
    ok = 0
    for r in rows:
        m = ex.normalize(r["expression"], lang, r["anchor"])
        got = m.value if m else None
        ok += got == r["value"] and (r["value"] is None or (m.granularity == r["granularity"]
                                                             and m.calendar == r["calendar"]))
    return {"accuracy": round(ok / len(rows), 4) if rows else 0.0, "n": len(rows)}


def evaluate(data_dir, split: str = "dev", tables_dir=None) -> list[dict]:
    """One row per measurement: span scores per NER set, value accuracy per hand table."""
    data_dir = Path(data_dir)
    tables = Path(tables_dir) if tables_dir else DEFAULT_TABLES
    ex = DateExtractor()
    out: list[dict] = []
    split_ex = DateExtractor(split_ranges=True)
    for rel, lang, match in SPAN_SETS:
        path = data_dir / f"{rel}-{split}.jsonl"
        if not path.exists():
            continue
        # what users get: DATE mentions through the steps of `lingflow run` (model and grammar spans combined)
        row = evaluate_set(path, lang, "documents")
        for m in ("exact", "overlap"):
            d = row[m]["DATE"]
            out.append({"component": "lingflow run", "dataset": path.name, "lang": lang, "variant": "documents view",
                        "metric": f"span_{m}", "primary": m == match, "precision": round(d["p"] / 100, 4),
                        "recall": round(d["r"] / 100, 4), "f1": round(d["f1"] / 100, 4),
                        "n_pred": d["tp"] + d["fp"], "n_gold": d["n_gold"]})
        for m in (match, "overlap" if match == "exact" else "exact"):  # a diagnostic of the grammar alone
            out.append({"component": ex.name, "dataset": path.name, "lang": lang, "variant": "grammar alone",
                        "metric": f"span_{m}", "primary": False, **span_eval(path, lang, m, ex)})
        if rel in SPLIT_RANGE_SETS:  # aznews splits "1967 – 1977-ci illərdə" into two DATE spans
            out.append({"component": ex.name, "dataset": path.name, "lang": lang,
                        "variant": "split_ranges", "metric": f"span_{match}",
                        **span_eval(path, lang, match, split_ex)})
    for lang in languages.supported():
        path = tables / f"{lang}.tsv"
        if path.exists():
            out.append({"component": ex.name, "dataset": f"handmade/{path.name}", "lang": lang,
                        "variant": "default", "metric": "value_accuracy", **value_eval(path, lang, ex)})
    return out

