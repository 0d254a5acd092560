"""Helpers for tests: run texts through the inference path of ``lingflow run``."""

from __future__ import annotations

from typing import Any, Sequence

TESTS = __file__.rsplit("/", 1)[0]  # for a probe run with `python -c`: sys.path.insert(0, TESTS)


def annotate(texts: Sequence[str], lang: str | None = None, backend: Any = None) -> list:
    """Documents (language, mentions) for ``texts`` from the steps of ``lingflow run``;
    ``backend`` replaces the shipped NER backend of ``lang`` inside the same steps."""
    from pipeline.evaluation.ner import predict

    return predict(list(texts), {lang: backend} if backend is not None else None)[0]


def mentions(text: str, lang: str | None = None, backend: Any = None) -> list:
    return annotate([text], lang, backend)[0].mentions


def _close(a: Any, b: Any, rel: float, abs_: float, where: str) -> None:
    import math

    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, (int, float)) and isinstance(b, (int, float)), where
        assert math.isclose(a, b, rel_tol=rel, abs_tol=abs_), f"{where}: {a} != {b}"
    elif isinstance(a, dict):
        assert isinstance(b, dict) and sorted(a) == sorted(b), f"{where}: keys differ"
        for k in a:
            _close(a[k], b[k], rel, abs_, f"{where}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{where}: lengths differ"
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, rel, abs_, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def assert_same_artifact(new: Any, shipped: Any, rel: float = 1e-3, abs_: float = 1e-4) -> None:
    """A retrained artefact equals the shipped one: JSON floats within a tolerance (BLAS kernels
    differ between CPUs in the last bits), everything discrete (keys, strings, ints, text files)
    exactly."""
    from pathlib import Path

    new, shipped = Path(new), Path(shipped)
    if new.suffix == ".json":
        import json

        _close(json.loads(new.read_text("utf-8")), json.loads(shipped.read_text("utf-8")), rel, abs_, new.name)
    else:
        assert new.read_bytes() == shipped.read_bytes(), new.name


def span(text: str, surface: str, label: str) -> Any:
    """A Span over the first occurrence of ``surface`` in ``text``."""
    from pipeline.ner.base import Span

    i = text.index(surface)
    return Span(i, i + len(surface), label)


def surfaces(text: str, spans: list) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


TABLE_KEYS = {"documents": "doc_id", "mentions": "mention_id", "entities": "entity_id", "dates": "mention_id"}


def assert_same_tables(got: Any, expected: Any) -> None:
    """The four content tables under two output folders are equal, row order and
    ``ingested_at`` aside (lists compared by their items)."""
    import pandas as pd

    def read(out: Any, name: str) -> Any:
        df = pd.read_parquet(out / name).drop(columns=["ingested_at"], errors="ignore")
        for c in df.columns:  # lists/structs -> hashable for comparison
            if df[c].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
                df[c] = df[c].map(lambda v: repr(list(v)) if v is not None else None)
        return df.sort_values(TABLE_KEYS[name]).reset_index(drop=True)

    for name in TABLE_KEYS:
        pd.testing.assert_frame_equal(read(got, name), read(expected, name), obj=name)


def seed_corpus(root: Any, seeds_dir: Any, copies: int) -> Any:
    """``root/corpus`` holding ``copies`` copies of every seed document (``00_<name>``, ``01_<name>``, ...)."""
    import shutil
    from pathlib import Path

    corpus = Path(root) / "corpus"
    corpus.mkdir()
    for p in sorted(Path(seeds_dir).glob("*.txt")):
        for k in range(copies):
            shutil.copy(p, corpus / f"{k:02d}_{p.name}")
    return corpus


def resident_kb() -> dict[str, int]:
    """Resident kB of each file mapped into this process (``/proc/self/smaps``: Rss, summed over the file's mappings)."""
    out: dict[str, int] = {}
    name = None
    for line in open("/proc/self/smaps"):
        head = line.split()
        if "-" in head[0] and not head[0].endswith(":"):
            name = head[5] if len(head) > 5 and head[5].startswith("/") else None
        elif name and head[0] == "Rss:":
            out[name] = out.get(name, 0) + int(head[1])
    return out
