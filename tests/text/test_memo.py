"""The per-process memos of the per-word and per-mention steps are bounded by ``MEMO`` (issue 22).

A worker of a large run meets new names for as long as it runs; a memo bounded at 10k-20k entries
was still filling after 10k documents, so the run's memory grew with the corpus. Every memo of the
runtime's modules with a bound above a handful of entries must now be bounded by ``MEMO``.
"""

from __future__ import annotations

import importlib
import pkgutil

import pipeline
from pipeline.text.memo import MEMO

SKIP = ("pipeline.training", "pipeline.evaluation")  # not the runtime


def _runtime_memos() -> dict[str, int]:
    out: dict[str, int] = {}
    for mod in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if mod.name.startswith(SKIP):
            continue
        m = importlib.import_module(mod.name)
        for name, obj in vars(m).items():
            if callable(obj) and hasattr(obj, "cache_info") and getattr(obj, "__module__", None) == mod.name:
                out[f"{mod.name}.{name}"] = obj.cache_info().maxsize
    return out


def test_every_per_word_memo_is_bounded_by_memo() -> None:
    memos = _runtime_memos()
    assert len(memos) > 20  # the walk found the runtime's memos
    per_word = {k: v for k, v in memos.items() if v is not None and v > 16}
    assert len(per_word) >= 14, per_word
    assert all(v <= MEMO for v in per_word.values()), {k: v for k, v in per_word.items() if v > MEMO}
    # the unbounded ones are per language or per model, never per word
    unbounded = sorted(k for k, v in memos.items() if v is None)
    assert not [k for k in unbounded if k.endswith(("_key", "_parses", "canonicalize", "strip_case"))], unbounded


def test_a_memo_stops_at_memo_entries() -> None:
    from pipeline.entities.canon import entity_key

    entity_key.cache_clear()
    for i in range(MEMO + 500):
        entity_key(f"Name{i}", "PER", "en")
    assert entity_key.cache_info().currsize == MEMO


def test_natasha_date_parses_are_bounded_by_memo() -> None:
    import gc

    import pytest

    pytest.importorskip("natasha")
    from pipeline.ner.natasha_backend import load_natasha

    found = list(load_natasha()["dates"]("Встреча 3 марта 2015 года в Москве"))
    assert found and found[0].fact.year == 2015
    vocab = next(o for o in gc.get_objects() if type(o).__name__ == "_MorphVocab")  # the dates extractor's
    assert type(vocab).parse.cache_info().maxsize == MEMO
    assert type(vocab).parse.cache_info().currsize > 0
