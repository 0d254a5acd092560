"""Evaluate NER backends on the jsonl dev sets exactly as inference runs them.

Every text goes through :func:`run_backend_on_texts`: ``normalize(text, lang)`` ->
``segment`` -> ``backend.predict`` on the segments -> offsets shifted to the document and
mapped back with ``to_original``. The pipeline reuses the same helper, so the scores
measure what users get.

Scores: exact-span and overlap precision/recall/F1 per label and micro-averaged.
``exact``: a prediction counts only with the same ``(start, end, label)`` as a gold span.
``overlap``: precision = predictions that overlap a gold span of the same label,
recall = gold spans overlapped by a prediction of the same label.
Labels that a dev file never annotates (DATE in WikiANN) are ignored on both sides, so
an unannotated label is not counted as a false positive.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from pipeline.ner.base import LABELS, NerBackend, Span
from pipeline.ner.docrules import apply_doc_rules
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment

__all__ = [
    "run_backend_on_text",
    "run_backend_on_texts",
    "load_jsonl",
    "score_spans",
    "evaluate_backend",
    "evaluate_lang",
    "default_backend",
    "format_table",
]

# -- inference helper (shared with the pipeline) ---------------------------------------


def run_backend_on_texts(backend: NerBackend, texts: Sequence[str], lang: str | None = None,
                         doc_rules: bool = True) -> list[list[Span]]:
    """Entities of each whole document text, with offsets into that (original) text.

    normalise -> segment -> one ``predict`` call over all segments -> shift -> map back ->
    document-level rules (:mod:`pipeline.ner.docrules`; az and fa only, ``doc_rules=False`` skips).
    Spans are sorted by ``(start, end)``; empty or whitespace-only mapped spans are dropped.
    """
    lang = lang or backend.lang
    normed = [normalize(t, lang) for t in texts]
    seg_texts: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, segment start in normalised text)
    for i, nt in enumerate(normed):
        for s, e in segment(nt.text):
            seg_texts.append(nt.text[s:e])
            owners.append((i, s))
    preds = backend.predict(seg_texts) if seg_texts else []
    out: list[list[Span]] = [[] for _ in texts]
    for (i, base), spans in zip(owners, preds):
        nt = normed[i]
        for sp in spans:
            start, end = nt.to_original(base + sp.start, base + sp.end)
            if end > start and texts[i][start:end].strip():
                out[i].append(Span(start, end, sp.label, sp.score))
    for i, spans in enumerate(out):
        spans.sort(key=lambda s: (s.start, s.end, s.label))
        if doc_rules:
            out[i] = apply_doc_rules(texts[i], spans, lang)
    return out


def run_backend_on_text(backend: NerBackend, text: str, lang: str | None = None,
                        doc_rules: bool = True) -> list[Span]:
    """Entities of one document: normalise + segment + predict + map back to ``text`` offsets."""
    return run_backend_on_texts(backend, [text], lang, doc_rules)[0]


# -- scoring ----------------------------------------------------------------------------


@dataclass
class _Counts:
    """Counts for one label. ``tp`` counts predictions, ``tp_gold`` gold spans (they differ
    for overlap matching, where one prediction may cover two gold spans)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_gold: int | None = None

    def add(self, other: "_Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        if other.tp_gold is not None:
            self.tp_gold = (self.tp_gold or 0) + other.tp_gold

    def as_dict(self) -> dict[str, float]:
        tp_gold = self.tp if self.tp_gold is None else self.tp_gold
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = tp_gold / (tp_gold + self.fn) if tp_gold + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "n_gold": tp_gold + self.fn}


Triple = tuple[int, int, str]


def _overlaps(a: Triple, b: Triple) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score_spans(gold: Iterable[Sequence[Triple]], pred: Iterable[Sequence[Triple]],
                labels: Sequence[str]) -> dict[str, dict[str, dict[str, float]]]:
    """Exact and overlap P/R/F1 (percent) per label and ``micro`` over ``labels``."""
    exact = {lab: _Counts() for lab in labels}
    over = {lab: _Counts(tp_gold=0) for lab in labels}
    for g_doc, p_doc in zip(gold, pred):
        gset = {tuple(x) for x in g_doc if x[2] in exact}
        pset = {tuple(x) for x in p_doc if x[2] in exact}
        for x in pset:
            if x in gset:
                exact[x[2]].tp += 1
            else:
                exact[x[2]].fp += 1
            if any(_overlaps(x, y) for y in gset):
                over[x[2]].tp += 1
            else:
                over[x[2]].fp += 1
        for y in gset:
            if y not in pset:
                exact[y[2]].fn += 1
            if any(_overlaps(x, y) for x in pset):
                over[y[2]].tp_gold += 1
            else:
                over[y[2]].fn += 1
    result: dict[str, dict[str, dict[str, float]]] = {}
    for kind, counts in (("exact", exact), ("overlap", over)):
        micro = _Counts(tp_gold=0 if kind == "overlap" else None)
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


def evaluate_backend(backend: NerBackend, path: str | Path, limit: int | None = None,
                     labels: Sequence[str] | None = None, lang: str | None = None,
                     batch: int = 256) -> dict[str, Any]:
    """Run ``backend`` over the texts of one jsonl file the way inference does and score it.

    Returns ``{"set", "path", "lang", "backend", "n_docs", "n_words", "seconds",
    "words_per_s", "cpu_seconds", "words_per_cpu_s", "labels", "exact": {label|micro: {p,r,f1,tp,fp,fn}}, "overlap": {...}}``.
    ``labels`` defaults to the labels that occur in the file's gold spans.
    """
    path = Path(path)
    items = load_jsonl(path, limit)
    lang = lang or (items[0].get("lang") if items else None) or backend.lang
    gold = [[(e["start"], e["end"], e["label"]) for e in it["entities"]] for it in items]
    if labels is None:
        present = {t[2] for doc in gold for t in doc}
        labels = [lab for lab in LABELS if lab in present] + sorted(present - set(LABELS))
    texts = [it["text"] for it in items]
    # Warm up (lazy model load) outside the timed loop.
    if texts:
        run_backend_on_texts(backend, texts[:1], lang)
    t0, c0 = time.perf_counter(), time.process_time()
    pred: list[list[Triple]] = []
    for i in range(0, len(texts), batch):
        for spans in run_backend_on_texts(backend, texts[i:i + batch], lang):
            pred.append([(s.start, s.end, s.label) for s in spans])
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    n_words = sum(len(t.split()) for t in texts)
    scores = score_spans(gold, pred, labels)
    name = path.name.removesuffix(".jsonl")
    return {
        "set": name,
        "path": str(path),
        "lang": lang,
        "backend": getattr(backend, "name", type(backend).__name__),
        "n_docs": len(items),
        "n_words": n_words,
        "seconds": round(seconds, 3),
        "words_per_s": round(n_words / seconds, 1) if seconds > 0 else None,
        "cpu_seconds": round(cpu_seconds, 3),
        # per core: CPU time of this process (all threads), robust to other load on the machine
        "words_per_cpu_s": round(n_words / cpu_seconds, 1) if cpu_seconds > 0 else None,
        "labels": list(labels),
        **scores,
    }


# -- per-language runs and tables -------------------------------------------------------


def default_backend(lang: str) -> NerBackend:
    """The backend the pipeline uses for ``lang`` (``pipeline.components.DEFAULT_NER``)."""
    from pipeline import components

    return components.ner(components.DEFAULT_NER[lang])


def _lang_dir(lang: str, data_dir: str | Path) -> Path:
    data_dir = Path(data_dir)
    if (data_dir / lang).is_dir():
        return data_dir / lang
    if (data_dir / "ner" / lang).is_dir():
        return data_dir / "ner" / lang
    return data_dir


def evaluate_lang(lang: str, data_dir: str | Path, backend: NerBackend | None = None,
                  limit: int | None = None, sets: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One :func:`evaluate_backend` row per ``*-dev.jsonl`` of ``lang`` under ``data_dir``.

    ``data_dir`` may be the ``ner`` root (holding ``<lang>/``), its parent, or the language folder.
    ``sets`` restricts to set names such as ``["wikiann", "aznews"]``.
    """
    backend = backend or default_backend(lang)
    rows = []
    for path in sorted(_lang_dir(lang, data_dir).glob("*-dev.jsonl")):
        set_name = path.name.removesuffix("-dev.jsonl")
        if sets is not None and set_name not in sets:
            continue
        rows.append(evaluate_backend(backend, path, limit=limit, lang=lang))
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """A Markdown table: one line per row and label (plus micro), exact and overlap P/R/F1."""
    head = ("| lang | set | label | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 "
            "| gold | words/s | words/CPU-s |")
    lines = [head, "|" + "---|" * 12]
    for row in rows:
        for lab in ["micro", *row["labels"]]:
            ex, ov = row["exact"][lab], row["overlap"][lab]
            n_gold = ex["n_gold"]
            wps = f"{row['words_per_s']:,.0f}" if lab == "micro" and row["words_per_s"] else ""
            cps = f"{row['words_per_cpu_s']:,.0f}" if lab == "micro" and row.get("words_per_cpu_s") else ""
            lines.append(
                f"| {row['lang']} | {row['set']} | {lab} | {ex['p']:.1f} | {ex['r']:.1f} | {ex['f1']:.1f} "
                f"| {ov['p']:.1f} | {ov['r']:.1f} | {ov['f1']:.1f} | {n_gold} | {wps} | {cps} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m pipeline.ner.evaluate --lang az [--data-dir D] [--model ner-az] [--limit N]``."""
    import argparse

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--data-dir", default=str(Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"))
    ap.add_argument("--model", default=None, help="spaCy model name/folder (az/fa); default: the shipped one")
    ap.add_argument("--sets", default=None, help="comma-separated set names")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true", help="print rows as JSON")
    args = ap.parse_args(argv)
    backend = None
    if args.model:
        from pipeline.ner.spacy_backend import SpacyNer

        backend = SpacyNer(name=f"ner.spacy.{args.lang}.v1", lang=args.lang, model=args.model, batch_size=256)
    rows = evaluate_lang(args.lang, args.data_dir, backend=backend, limit=args.limit,
                         sets=args.sets.split(",") if args.sets else None)
    print(json.dumps(rows, ensure_ascii=False, indent=1) if args.json else format_table(rows))


if __name__ == "__main__":
    main()
