"""Train the Russian spaCy NER (NEREL, natasha tags as features) into pipeline/models/ner-ru.

Reproduce the shipped model (one core, ~15 min): ``lingflow train ner --lang ru``.

Other configs (scores in pipeline/models/ner-ru/README.md): ``ru_natasha.cfg`` (no navec vectors),
``ru_plain.cfg`` (no natasha features, no vectors), ``ru_natasha_navec_all.cfg`` with ``--all``.

Training examples are built exactly like inference sees text: ``normalize(text, "ru")`` ->
``segment`` -> lines. The last ``--holdout`` NEREL train documents choose the best checkpoint;
nerel-dev is never used for training or model selection.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

from pipeline.ner.natasha_backend import split_lines, strip_vectors
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment


def _inverse(nt: Any) -> dict[int, int]:
    """Original offset -> normalised offset (only needed when normalisation deleted chars)."""
    inv: dict[int, int] = {}
    for i, o in enumerate(nt.offsets):
        inv.setdefault(o, i)
    return inv


def pieces(item: dict[str, Any], lang: str = "ru") -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """``(text, entities)`` per segment line of one jsonl item, offsets local to the piece."""
    nt = normalize(item["text"], lang)
    inv = _inverse(nt) if nt.offsets is not None else None
    ents = []
    for e in item["entities"]:
        s, t = e["start"], e["end"]
        if inv is not None:
            s, t = inv.get(s, s), inv.get(t, t)
        ents.append((s, t, e["label"]))
    text = nt.text
    for ss, se in segment(text):
        for ls, le in split_lines(text[ss:se]):
            a, b = ss + ls, ss + le
            local = [(s - a, t - a, lab) for s, t, lab in ents if s >= a and t <= b]
            yield text[a:b], local


def build_docbin(items: list[dict[str, Any]], nlp: Any, out: Path) -> dict[str, int]:
    """Write a DocBin of segment docs; returns counts of kept / misaligned entities."""
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    db = DocBin()
    stats = {"docs": 0, "ents": 0, "misaligned": 0}
    for item in items:
        for text, ents in pieces(item):
            doc = nlp.make_doc(text)
            spans = []
            for s, t, lab in ents:
                span = doc.char_span(s, t, label=lab, alignment_mode="expand")
                if span is None or span.text.strip() != text[s:t].strip():
                    stats["misaligned"] += 1
                if span is not None:
                    spans.append(span)
            doc.ents = filter_spans(spans)
            stats["ents"] += len(doc.ents)
            stats["docs"] += 1
            db.add(doc)
    db.to_disk(out)
    return stats


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def train_ru(data: Path, config: Path, work: Path, out: Path, holdout: int = 60, all_docs: bool = False,
             version: str = "1.0.0", skip_data: bool = False, extra: tuple[str, ...] = ()) -> Path:
    """Train the Russian model on NEREL (``lingflow train ner --lang ru``).

    ``all_docs``: train on every train document (the held-out ones only log scores) and keep
    model-last; ``skip_data``: reuse the DocBins already in ``work``; ``extra``: spaCy overrides
    such as ``--training.max_epochs=5``."""

    import spacy

    work.mkdir(parents=True, exist_ok=True)
    items = load(data / "nerel-train.jsonl")
    held = items[-holdout:]
    train = items if all_docs else items[: -holdout]
    nlp = spacy.blank("ru")
    train_bin = work / ("train-all.spacy" if all_docs else "train.spacy")
    if not skip_data or not train_bin.exists():
        print("train", build_docbin(train, nlp, train_bin), flush=True)
        print("select", build_docbin(held, nlp, work / "select.spacy"), flush=True)
    code = Path(__file__).resolve().parents[2] / "ner" / "natasha_backend.py"
    run_dir = work / ("out-" + config.stem + ("-all" if all_docs else ""))
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(run_dir),
           "--paths.train", str(train_bin), "--paths.dev", str(work / "select.spacy"),
           "--code", str(code), *extra]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(run_dir / ("model-last" if all_docs else "model-best"), out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({"name": "lingflow_ner_ru", "version": version, "license": "research/see README",
                 "description": f"lingflow Russian NER (PER/ORG/LOC/DATE) from {config.name}",
                 "sources": [{"name": "NEREL v1.1", "url": "nerel-ds/NEREL"},
                             {"name": "natasha 1.6 / slovnet_ner_news_v1 (features)"}]})
    uses_navec = "include_static_vectors = true" in config.read_text(encoding="utf-8")
    if uses_navec:
        meta["sources"].append({"name": "navec_news_v1_1B_250K_300d_100q (static vectors, attached at load)"})
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    if uses_navec:
        strip_vectors(out)  # navec (300 MB) is re-attached from the natasha wheel at load time
    print("saved", out)
    return out
