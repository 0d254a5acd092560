"""``lingflow eval ner``: NER scores of the dev sets through the inference path of ``lingflow run``.

Texts go through :func:`pipeline.steps.annotate_texts` (segmentation, language ID, NER with
its normalisation and rules, dates, canonical names): what a user gets for a file holding
that text. Two views of every dev set:

- ``sentences``: one dev sentence per document;
- ``documents``: dev sentences grouped in file order, ``GROUP`` lines per document joined by
  single newlines (sets of whole documents, NEREL, are scored as they are, in this view only).

Scores (:mod:`pipeline.evaluation.scoring`) count only the labels a set annotates. Speed is
words per second of the whole path and of the NER step alone (wall and process CPU time).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from pipeline.evaluation.scoring import load_jsonl, score_spans
from pipeline.ner.base import LABELS

GROUP = 8  # dev sentences per document in the documents view
BATCH = 64  # documents per pipeline call, as the flow's default --batch-size
VIEWS = ("sentences", "documents")
WHOLE_DOCUMENT_SETS = ("nerel",)


def build_view(items: list[dict[str, Any]], view: str, group: int = GROUP) -> list[tuple[str, list]]:
    """``[(text, gold triples)]`` for one view of the items of a dev set."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    size = 1 if view == "sentences" else group
    out = []
    for i in range(0, len(items), size):
        parts, gold, pos = [], [], 0
        for it in items[i:i + size]:
            gold += [(pos + e["start"], pos + e["end"], e["label"]) for e in it["entities"]]
            parts.append(it["text"])
            pos += len(it["text"]) + 1
        out.append(("\n".join(parts), gold))
    return out


def predict(texts: Sequence[str], ner_instances: dict[str, Any] | None = None) -> tuple[list, dict[str, Any]]:
    """Documents for ``texts`` through the steps of ``lingflow run``, and the steps' stats."""
    from pipeline.steps import Pipeline, annotate_texts, text_steps

    pipe = Pipeline(text_steps(ner_instances), given={"text"})
    docs = []
    for i in range(0, len(texts), BATCH):
        names = [f"dev-{j:06d}.txt" for j in range(i, min(i + BATCH, len(texts)))]
        docs += annotate_texts(texts[i:i + BATCH], names, pipeline=pipe)
    return docs, {s.name: s.stats for s in pipe.steps}


def _warm(lang: str, ner_instances: dict[str, Any] | None) -> None:
    """Load every model outside the timed runs (lazy loading is per process)."""
    from pipeline.evaluation.samples import SAMPLE

    predict([SAMPLE.get(lang, "Baku")], ner_instances)


def evaluate_set(path: str | Path, lang: str, view: str, limit: int | None = None,
                 ner_instances: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score one dev file in one view; a row for :func:`format_table`."""
    path = Path(path)
    set_name = path.name.removesuffix(".jsonl").removesuffix("-dev")
    items = load_jsonl(path, limit)
    docs_gold = build_view(items, view, 1 if set_name in WHOLE_DOCUMENT_SETS else GROUP)
    texts = [t for t, _ in docs_gold]
    gold = [g for _, g in docs_gold]
    present = {t[2] for doc in gold for t in doc}
    labels = [lab for lab in LABELS if lab in present] + sorted(present - set(LABELS))
    docs, stats = predict(texts, ner_instances)
    pred = [[(m.start, m.end, m.label) for m in d.mentions] for d in docs]
    n_words = sum(len(t.split()) for t in texts)
    total_s = sum(s.seconds for s in stats.values())
    total_cpu = sum(s.cpu_seconds for s in stats.values())
    ner = stats["ner"]
    return {
        "lang": lang, "set": set_name, "view": view, "path": str(path), "n_docs": len(texts), "n_words": n_words,
        "backend": sorted({m.source for d in docs for m in d.mentions if m.label != "DATE"} or {"-"}),
        "lang_right": sum(d.lang == lang for d in docs), "failed": sum(not d.ok for d in docs),
        "across_line": sum("\n" in m.text for d in docs for m in d.mentions),
        "seconds": round(total_s, 3), "cpu_seconds": round(total_cpu, 3),
        "words_per_s": round(n_words / total_s, 1) if total_s else None,
        "words_per_cpu_s": round(n_words / total_cpu, 1) if total_cpu else None,
        "ner_words_per_cpu_s": round(n_words / ner.cpu_seconds, 1) if ner.cpu_seconds else None,
        "labels": labels, **score_spans(gold, pred, labels),
    }


def dev_files(lang: str, data_dir: str | Path, sets: Sequence[str] | None = None) -> list[Path]:
    """The ``*-dev.jsonl`` files of ``lang`` under ``data_dir`` (the data root, its ``ner``
    folder or the language folder)."""
    data_dir = Path(data_dir)
    for cand in (data_dir / "ner" / lang, data_dir / lang, data_dir):
        if cand.is_dir() and list(cand.glob("*-dev.jsonl")):
            files = sorted(cand.glob("*-dev.jsonl"))
            return [f for f in files if sets is None or f.name.removesuffix("-dev.jsonl") in sets]
    return []


def evaluate_lang(lang: str, data_dir: str | Path, backend: Any = None, limit: int | None = None,
                  sets: Sequence[str] | None = None, views: Sequence[str] = VIEWS) -> list[dict[str, Any]]:
    """One row per dev set of ``lang`` and view. ``backend``: a candidate NER backend for ``lang``
    run inside the same steps instead of the shipped one (training and ablations)."""
    instances = {lang: backend} if backend is not None else None
    _warm(lang, instances)
    rows = []
    for view in views:
        for path in dev_files(lang, data_dir, sets):
            if view == "sentences" and path.name.removesuffix("-dev.jsonl") in WHOLE_DOCUMENT_SETS:
                continue
            rows.append(evaluate_set(path, lang, view, limit, instances))
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """A Markdown table: one line per row and label (plus micro), exact and overlap P/R/F1."""
    head = ("| lang | set | view | docs | lang right | label | exact P | exact R | exact F1 | overlap P | overlap R "
            "| overlap F1 | gold | across a line | words/s | words/CPU-s | NER words/CPU-s |")
    lines = [head, "|" + "---|" * 17]
    for row in rows:
        for lab in ["micro", *row["labels"]]:
            ex, ov = row["exact"][lab], row["overlap"][lab]
            first = lab == "micro"

            def num(key: str) -> str:
                return f"{row[key]:,.0f}" if first and row.get(key) else ""

            lines.append(
                f"| {row['lang']} | {row['set']} | {row['view']} | {row['n_docs'] if first else ''} "
                f"| {row['lang_right'] if first else ''} | {lab} | {ex['p']:.1f} | {ex['r']:.1f} | {ex['f1']:.1f} "
                f"| {ov['p']:.1f} | {ov['r']:.1f} | {ov['f1']:.1f} | {ex['n_gold']} "
                f"| {row['across_line'] if first else ''} | {num('words_per_s')} | {num('words_per_cpu_s')} "
                f"| {num('ner_words_per_cpu_s')} |")
    return "\n".join(lines)
