"""Precision of the Persian cross-language links when half the partners are missing from the corpus (issue 18).

Run: .venv/bin/python benchmarks/xlang_fa_partners_removed.py [--sets blind16,...] [--splits 4]

The blind sets measure recall with every Persian name's partners in the corpus; a user's corpus often lacks them.
Here each split keeps every row of a set but removes the az/en/ru names of half its rows (chosen by an md5 of the
split number and the Persian name), then scores the set as one corpus through the code path of ``lingflow eval
entities`` (:func:`pipeline.evaluation.entities.evaluate_fa_pairs`, the entities step's own linking). A Persian name
whose partners were removed can only be linked wrongly: every such link is a "false merge" (one per az/en/ru name
it meets). Prints, per split, the right pairs, the false merges and each wrong link. Needs no ``../shared``.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

from pipeline.evaluation.entities import LATER_BLIND_SETS, evaluate_fa_pairs, load_fa_blind

HEADER = "# label\tfa\ten\taz\tru\n"


def write_split(name: str, split: int, folder: Path) -> int:
    """xlang_fa_<name>.tsv in ``folder`` with the partners of half the rows removed; returns the rows kept whole."""
    kept = 0
    with open(folder / f"xlang_fa_{name}.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for label, fa, others in load_fa_blind(name=name):
            whole = hashlib.md5(f"{split}{fa}".encode("utf-8")).digest()[0] % 2 == 0
            kept += whole
            cells = [others.get(lang, "") if whole else "" for lang in ("en", "az", "ru")]
            fh.write("\t".join([label, fa, *cells]) + "\n")
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(s for s in LATER_BLIND_SETS if int(s[5:]) >= 16),
                    help="comma-separated set names (default: blind16 onwards)")
    ap.add_argument("--splits", type=int, default=4, help="splits to run (0 .. n-1)")
    args = ap.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    print(f"{'split':>5} | {'right pairs':>11} | {'false merges':>12} | wrong links")
    for split in range(args.splits):
        right = wrong = 0
        links: list[str] = []
        with tempfile.TemporaryDirectory(prefix="lingflow-partners-") as d:
            for name in sets:
                write_split(name, split, Path(d))
                r = evaluate_fa_pairs(data_dir=d, name=name)
                merges = [m for m in r["misses"] if m[0] == "false merge"]
                right += r["positives"] - (len(r["misses"]) - len(merges))
                wrong += len(merges)
                links += sorted({f"{m[1]} -> {m[2]}" for m in merges})
        print(f"{split:>5} | {right:>11} | {wrong:>12} | {'; '.join(links) or '-'}")


if __name__ == "__main__":
    main()
