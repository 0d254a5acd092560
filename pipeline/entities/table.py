"""The cross-document ``entities`` table, aggregated from mention rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from pipeline.entities.translit import xlang_id


def build_entities(mentions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per ``entity_id`` from mention rows (``entity_id label lang normalized text doc_id``).

    ``canonical`` is the most frequent ``normalized`` value (ties: shortest, then alphabetical),
    ``variants`` the sorted distinct surface forms, ``xlang_id`` the cross-language id of
    PER/LOC entities in az/en/ru (None elsewhere; see :mod:`pipeline.entities.translit`). Rows are sorted by ``entity_id``; the
    result depends only on the set of mentions, so re-running on the same corpus is stable.
    Mentions without an ``entity_id`` (dates) are skipped.
    """
    canon: dict[str, Counter] = defaultdict(Counter)
    variants: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for m in mentions:
        eid = m.get("entity_id")
        if not eid:
            continue
        meta.setdefault(eid, (m["label"], m["lang"]))
        canon[eid][m["normalized"]] += 1
        variants[eid].add(m["text"])
        docs[eid].add(m["doc_id"])
        counts[eid] += 1
    rows = []
    for eid in sorted(meta):
        label, lang = meta[eid]
        best = sorted(canon[eid].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        rows.append(
            {
                "entity_id": eid,
                "label": label,
                "canonical": best,
                "lang": lang,
                "variants": sorted(variants[eid]),
                "mention_count": counts[eid],
                "doc_count": len(docs[eid]),
                "xlang_id": xlang_id(best, label, lang),
            }
        )
    return rows
