"""``lingflow eval langid --documents``: the language ``lingflow run`` gives whole documents.

Documents go through the segmentation and language-ID steps of ``lingflow run`` (the first two of
:func:`pipeline.steps.text_steps`, the same classes); ``documents.lang`` is what is scored:

- every NER dev set in its documents view (8 lines per document; NEREL whole news documents);
- long documents built from the langid sentences: ``N`` random lines of one language (seeded),
  joined by spaces (one paragraph) or by blank lines, for N in ``LENGTHS``; the look-alike
  languages the same way, where a document counts as right when it is *not* given a target.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from pipeline.evaluation.langid import LOOKALIKES, TARGETS, read_lines
from pipeline.evaluation.ner import BATCH, WHOLE_DOCUMENT_SETS, build_view
from pipeline.evaluation.scoring import load_jsonl

LENGTHS = (3, 10, 30, 100)  # langid sentences per built document
PER_LENGTH = 40             # built documents per language and length (half one paragraph, half many)
SEED = 0


def _langid_pipeline() -> Any:
    from pipeline.steps import Pipeline, text_steps

    return Pipeline(text_steps()[:2], given={"text"})


def detect_documents(texts: Sequence[str], pipeline: Any = None) -> list[str]:
    """``documents.lang`` of each text, in batches as the flow runs them."""
    from pipeline.steps import annotate_texts

    pipe = pipeline or _langid_pipeline()
    out: list[str] = []
    for i in range(0, len(texts), BATCH):
        names = [f"doc-{j:06d}.txt" for j in range(i, min(i + BATCH, len(texts)))]
        out += [d.lang for d in annotate_texts(texts[i:i + BATCH], names, pipeline=pipe)]
    return out


def dev_documents(data_dir: Path) -> list[tuple[str, str, list[str]]]:
    """``(set, lang, texts)`` for every NER dev set in its documents view."""
    out = []
    for path in sorted((data_dir / "ner").glob("*/*-dev.jsonl")):
        items = load_jsonl(path)
        name = path.name.removesuffix("-dev.jsonl")
        texts = ([it["text"] for it in items] if name in WHOLE_DOCUMENT_SETS
                 else [t for t, _ in build_view(items, "documents")])
        out.append((f"ner/{name}", path.parent.name, texts))
    return out


def built_documents(data_dir: Path, langs: Sequence[str], lengths: Sequence[int] = LENGTHS,
                    per_length: int = PER_LENGTH) -> list[tuple[str, str, list[str]]]:
    """``(set, lang, texts)``: documents of N langid sentences of one language (seeded)."""
    out = []
    for lang in langs:
        lines = read_lines(data_dir / "langid", "sentences", lang)
        rng = random.Random(f"{SEED}-{lang}")
        for n in lengths:
            texts = []
            for k in range(per_length):
                picked = rng.sample(lines, min(n, len(lines)))
                texts.append(" ".join(picked) if k % 2 else "\n\n".join(picked))
            out.append((f"langid x{n}", lang, texts))
    return out


def evaluate_documents(data_dir: str | Path, lengths: Sequence[int] = LENGTHS,
                       per_length: int = PER_LENGTH) -> list[dict[str, Any]]:
    """One row per set and language: documents, share right, and the wrong answers."""
    data_dir = Path(data_dir)
    pipe = _langid_pipeline()
    groups = dev_documents(data_dir) + built_documents(data_dir, TARGETS + LOOKALIKES, lengths, per_length)
    rows = []
    for name, lang, texts in groups:
        got = detect_documents(texts, pipe)
        if lang in TARGETS:
            right = sum(g == lang for g in got)
        else:
            right = sum(g not in TARGETS for g in got)
        wrong = Counter(g for g in got if (g != lang if lang in TARGETS else g in TARGETS))
        rows.append({"set": name, "lang": lang, "documents": len(texts),
                     "right %": round(100.0 * right / len(texts), 2) if texts else 0.0,
                     "wrong": ", ".join(f"{k} {v}" for k, v in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0])))
                     or "-"})
    return rows
