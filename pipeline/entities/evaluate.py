"""Accuracy of canonical forms on the hand-made pair sets (``tests/entities/data``)."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.entities.canon import canonicalize

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "tests" / "entities" / "data"
LANGS = ("az", "en", "fa", "ru")


def load_pairs(lang: str, data_dir: Path | str | None = None, with_notes: bool = False) -> list[tuple]:
    """(surface, label, expected canonical[, note]) rows of ``canonical_<lang>.tsv`` ('#' lines are comments).

    A fourth column is a note; notes starting with ``xfail`` mark known, documented misses.
    """
    path = Path(data_dir or DEFAULT_DATA) / f"canonical_{lang}.tsv"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            surface, label, expected = row[0], row[1], row[2]
            note = row[3] if len(row) > 3 else ""
            rows.append((surface, label, expected, note) if with_notes else (surface, label, expected))
    return rows


def evaluate(data_dir: Path | str | None = None, verbose: bool = False) -> list[dict]:
    """Per language: n, correct, accuracy, and the misses (surface, expected, got)."""
    results = []
    for lang in LANGS:
        pairs = load_pairs(lang, data_dir)
        misses = []
        for surface, label, expected in pairs:
            got = canonicalize(surface, label, lang)
            if got != expected:
                misses.append((surface, expected, got))
        n = len(pairs)
        results.append({"lang": lang, "n": n, "correct": n - len(misses), "accuracy": (n - len(misses)) / n if n else 0.0, "misses": misses})
    for lang in BLIND_LANGS:
        results.append(evaluate_blind(lang, data_dir))
    try:
        from pipeline.entities.translit import evaluate_fa_pairs, evaluate_pairs

        results.append(evaluate_pairs(data_dir))
        results.append(evaluate_fa_pairs(data_dir))
        results.append(evaluate_fa_pairs(data_dir, labels=("PER", "LOC")))
        results.append(evaluate_fa_pairs(data_dir, name="dev"))  # the set the thresholds were chosen on
    except (ImportError, FileNotFoundError):
        pass
    return results


BLIND_LANGS = ("ru", "az")


def load_blind(lang: str, data_dir: Path | str | None = None) -> list[tuple[str, str, str, str, str]]:
    """(label, surface, expected, left context, right context) rows of ``blind_<lang>.tsv``."""
    path = Path(data_dir or DEFAULT_DATA) / f"blind_{lang}.tsv"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            _src, _doc, _s, _e, label, surface, expected, left, right = row
            rows.append((label, surface, expected, left, right))
    return rows


def evaluate_blind(lang: str, data_dir: Path | str | None = None) -> dict:
    """Accuracy of the document step (the ``lingflow run`` path) on a blind set: each mention in its context."""
    from pipeline.entities.document import EntityCanonicalizer

    step = EntityCanonicalizer()
    rows = load_blind(lang, data_dir)
    misses = []
    for label, surface, expected, left, right in rows:
        mentions = step.split_mentions(left + surface + right, lang, [(len(left), len(left) + len(surface), label, surface)])
        got = step.canonicalize_document(left + surface + right, lang, mentions)[-1][0]
        if got != expected:
            misses.append((surface, expected, got))
    n = len(rows)
    return {"lang": f"{lang} blind", "n": n, "correct": n - len(misses),
            "accuracy": (n - len(misses)) / n if n else 0.0, "misses": misses}


def main() -> None:  # pragma: no cover - CLI
    for r in evaluate():
        extra = {k: v for k, v in r.items() if k not in ("misses",)}
        print(extra)
        for miss in r.get("misses", []):
            print("   miss:", miss)


if __name__ == "__main__":  # pragma: no cover
    main()
