"""Precision of the in-corpus Persian links when a name's partners are NOT in the corpus (issue 18).

Run: .venv/bin/python benchmarks/xlang_fa_stress.py [--data ../shared/data]

The Persian names of every hand-made pair set (blind, blind2, blind3, dev, dev2) are wanted, as the
entities step wants them; the corpus offered is every PER/LOC/ORG name of the az/en/ru NER sets (~77k
names) and none of the sets' own partners. A link is right when it is the id of one of the row's
partners (the NER sets hold many of the same people and places), wrong otherwise. Prints the counts
and the wrong links (Persian name -> the names that carry the id it got).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.entities.canon import canonicalize
from pipeline.entities.translit import CorpusLinks, xlang_id
from pipeline.evaluation.entities import load_fa_blind

SETS = ("blind", "blind2", "blind3", "dev", "dev2")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    rows = [r for name in SETS for r in load_fa_blind(name=name)]
    links = CorpusLinks()
    partners = []
    for i, (label, fa, others) in enumerate(rows):
        c = canonicalize(fa, label, "fa")
        links.want(i, c, label, "fa", xlang_id(c, label, "fa"))
        partners.append({xlang_id(canonicalize(x, label, lang), label, lang) for lang, x in others.items()})
    names = set()
    for path in sorted((args.data / "ner").glob("*/*.jsonl")):
        if path.parent.name == "fa":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            names.update((doc["text"][e["start"]:e["end"]], e["label"], path.parent.name)
                         for e in doc["entities"] if e["label"] in ("PER", "LOC", "ORG"))
    by_id: dict[str | None, set[str]] = {}
    for text, label, lang in sorted(names):
        c = canonicalize(text, label, lang)
        xid = xlang_id(c, label, lang)
        links.offer(c, label, lang, xid)
        by_id.setdefault(xid, set()).add(c)
    found = links.resolve()
    wrong = {i: xid for i, xid in found.items() if xid not in partners[i]}
    print(f"{len(rows)} Persian names, {len(names)} names offered: {len(found)} linked in the corpus, "
          f"{len(found) - len(wrong)} to a partner's id, {len(wrong)} to another id")
    for i, xid in sorted(wrong.items()):
        print(f"  {rows[i][1]} ({rows[i][2].get('en', '')}) -> {', '.join(sorted(by_id.get(xid, ()))[:4])}")


if __name__ == "__main__":
    main()
