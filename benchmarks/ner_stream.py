"""NER-step words per CPU-second on a stream of unseen documents, as a long run sees them.

Run: .venv/bin/python benchmarks/ner_stream.py [--lang ru] [--sets nerel,wikiann] [--limit 1500]

Every model is loaded first (one sentence per language); then the training documents of each set
(documents view: NEREL whole, the others 8 lines each; never scored, so nothing is repeated from the
warm-up) go through the steps of ``lingflow run`` (``pipeline.evaluation.ner.predict``), 64 to a
batch, and the NER step's CPU seconds are summed. To compare two commits under the same load, run
the script from both trees at once, one process each (``PYTHONPATH=<worktree>``): this machine's
CPU seconds move by tens of per cent between runs of the same code.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"


def main(argv: list[str] | None = None) -> None:
    from pipeline.evaluation.ner import GROUP, WHOLE_DOCUMENT_SETS, _warm, build_view, load_jsonl, predict

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--sets", default="nerel,wikiann")
    ap.add_argument("--limit", type=int, default=1500, help="documents per set")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    for lang in ("az", "en", "ru", "fa"):
        _warm(lang, None)
    for name in args.sets.split(","):
        path = args.data / args.lang / f"{name}-train.jsonl"
        if not path.exists():
            raise SystemExit(f"{path} not found: pass --data (the folder holding <lang>/<set>-train.jsonl)")
        items = load_jsonl(path, None)
        texts = [t for t, _ in build_view(items, "documents", 1 if name in WHOLE_DOCUMENT_SETS else GROUP)]
        texts = texts[:args.limit]
        words = sum(len(t.split()) for t in texts)
        cpu = 0.0
        for i in range(0, len(texts), 64):
            _, stats = predict(texts[i:i + 64], None)
            cpu += stats["ner"].cpu_seconds
        print(json.dumps({"lang": args.lang, "set": name, "documents": len(texts), "words": words,
                          "ner_cpu_s": round(cpu, 2), "ner_words_per_cpu_s": round(words / cpu)}), flush=True)


if __name__ == "__main__":
    main()
