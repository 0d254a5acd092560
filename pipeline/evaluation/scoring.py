"""Exact-span and overlap precision/recall/F1 per label and micro-averaged.

``exact``: a prediction counts only with the same ``(start, end, label)`` as a gold span.
``overlap``: predictions and gold spans of the same label are matched one to one, each
prediction (in position order) to the first unmatched gold span it overlaps; a matched pair
is a true positive, an unmatched prediction a false positive, an unmatched gold span a false
negative (the matching of ``../shared/tools/score_run.py``).
Only ``labels`` are scored: a label a dev file never annotates (DATE in WikiANN) is ignored
on both sides, so an unannotated label is not counted as a false positive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

Triple = tuple[int, int, str]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one label (exact or one-to-one overlap)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "n_gold": self.tp + self.fn}


def _overlaps(a: Triple, b: Triple) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score_spans(gold: Iterable[Sequence[Triple]], pred: Iterable[Sequence[Triple]],
                labels: Sequence[str]) -> dict[str, dict[str, dict[str, float]]]:
    """Exact and overlap P/R/F1 (percent) per label and ``micro`` over ``labels``."""
    exact = {lab: Counts() for lab in labels}
    over = {lab: Counts() for lab in labels}
    for g_doc, p_doc in zip(gold, pred):
        gset = {tuple(x) for x in g_doc if x[2] in exact}
        pset = {tuple(x) for x in p_doc if x[2] in exact}
        for x in pset:
            exact[x[2]].tp += x in gset
            exact[x[2]].fp += x not in gset
        for y in gset:
            exact[y[2]].fn += y not in pset
        used: set[Triple] = set()
        for x in sorted(pset):
            match = next((y for y in sorted(gset) if y not in used and _overlaps(x, y)), None)
            if match is None:
                over[x[2]].fp += 1
            else:
                used.add(match)
                over[x[2]].tp += 1
        for y in gset - used:
            over[y[2]].fn += 1
    result: dict[str, dict[str, dict[str, float]]] = {}
    for kind, counts in (("exact", exact), ("overlap", over)):
        micro = Counts()
        for c in counts.values():
            micro.add(c)
        block = {lab: counts[lab].as_dict() for lab in labels}
        block["micro"] = micro.as_dict()
        result[kind] = block
    return result


def load_jsonl(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Items of a jsonl NER file (``text`` and ``entities`` with char offsets)."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                items.append(json.loads(line))
                if limit is not None and len(items) >= limit:
                    break
    return items
