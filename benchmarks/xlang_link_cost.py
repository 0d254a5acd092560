"""What the commit's cross-language links cost on a large entities file, with and without the bridge pass.

Run: .venv/bin/python benchmarks/xlang_link_cost.py [--data ../shared/data] [--repeats 2]

Writes an entities file of every PER/LOC/ORG name of the NER sets (PEYMA left out: research-only) and the
Persian names of the hand-made pair sets, one row per name, and times
:func:`pipeline.io.entities_table.link_in_corpus` on it: all passes, and all but the bridge
(:class:`pipeline.entities.bridge.BridgeLinks`), interleaved. Prints seconds (in all, and each pass's) and the
number of ids changed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import pipeline.io.entities_table as table_step
from pipeline import schema
from pipeline.entities.canon import canonicalize
from pipeline.entities.translit import xlang_id
from pipeline.evaluation.entities import load_fa_blind
from pipeline.io.files import sorted_rows

PASSES = ("_sound_links", "_corpus_links", "_bridge_links")  # the passes of link_in_corpus, in order
SETS = ("dev", "dev2", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")


def entities(data: Path) -> pa.Table:
    names = set()
    for path in sorted((data / "ner").glob("*/*.jsonl")):
        if path.name.startswith("peyma"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            names.update((doc["text"][e["start"]:e["end"]], e["label"], path.parent.name)
                         for e in doc["entities"] if e["label"] in ("PER", "LOC", "ORG"))
    for name in SETS:
        names.update((fa, label, "fa") for label, fa, _others in load_fa_blind(name=name))
    rows = sorted({(canonicalize(t, label, lang), label, lang) for t, label, lang in names})
    return pa.table({
        "entity_id": [f"{i:08x}" for i in range(len(rows))], "label": [r[1] for r in rows],
        "canonical": [r[0] for r in rows], "lang": [r[2] for r in rows], "variants": [[r[0]] for r in rows],
        "mention_count": [1] * len(rows), "doc_count": [1] * len(rows),
        "xlang_id": [xlang_id(*r) for r in rows]}).cast(schema.ENTITIES)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    t = entities(args.data)
    print(f"{t.num_rows} names, {sum(1 for x in t['lang'].to_pylist() if x == 'fa')} Persian")
    passes = {name: getattr(table_step, name) for name in PASSES}
    spent: dict[str, float] = {}

    def timed(name: str, run):  # each pass's own seconds (the total also reads and rewrites the file)
        def wrapper(*a, **k):
            start = time.perf_counter()
            try:
                return run(*a, **k)
            finally:
                spent[name] = time.perf_counter() - start
        return wrapper

    for _ in range(args.repeats):
        for with_bridge in (False, True):
            spent.clear()
            for name, run in passes.items():
                off = name == "_bridge_links" and not with_bridge
                setattr(table_step, name, timed(name, (lambda f, before: ({}, {})) if off else run))
            with tempfile.TemporaryDirectory(prefix="lingflow-xlang-cost-") as d:
                path = Path(d) / "entities.parquet"
                pq.write_table(sorted_rows(t, "entities"), path, row_group_size=20000)
                start = time.perf_counter()
                found = table_step.link_in_corpus(path)
                print(f"{'with' if with_bridge else 'without'} the bridge: {time.perf_counter() - start:.1f} s, "
                      f"{len(found)} ids changed; passes: "
                      + ", ".join(f"{name.strip('_').split('_')[0]} {spent.get(name, 0):.1f} s" for name in PASSES))
    for name, run in passes.items():
        setattr(table_step, name, run)


if __name__ == "__main__":
    main()
