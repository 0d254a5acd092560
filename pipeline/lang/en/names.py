"""English canonical names and comparison keys (the protocol of a pack's names module:
pipeline/entities/canon.py)."""

from __future__ import annotations

import re

from pipeline.entities.common import strip_accents
from pipeline.entities.en import canonicalize_en, key_en

DROP_TITLES = True  # "professor John Smith" -> "John Smith"
QUALIFIED_BY_PLACE = True  # "Azerbaijan National Center of Oncology" = "National Center of Oncology"
PLACE_AFTER = " of "  # ... and "National Center of Oncology of Azerbaijan"

# State-form words dropped from LOC keys: "Republic of Belarus" = "Belarus".
LOC_DESIGNATORS = re.compile(
    r"^(?:(?:the|islamic|federal|people s|democratic|arab|united|federative|plurinational)\s+)*"
    r"(?:republic|sultanate|kingdom|state|principality|emirate|commonwealth)\s+of\s+(?=\S)"
)


def canonicalize(surface: str, label: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
    return canonicalize_en(surface, label)


def key(canonical: str) -> str:
    return strip_accents(key_en(canonical))
