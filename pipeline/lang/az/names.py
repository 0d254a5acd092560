"""Azerbaijani canonical names and comparison keys (the protocol of a pack's names module:
pipeline/entities/canon.py)."""

from __future__ import annotations

import re

from pipeline.entities.acronyms import MentionRef
from pipeline.entities.az import DATIVE_POSTPOSITIONS, canonicalize_az, key_az
from pipeline.entities.canon import NAME_LABELS
from pipeline.entities.canon import canonicalize as canonicalize_any

DROP_TITLES = True  # "akademik Cəmil Əliyevin" -> "Cəmil Əliyev"
QUALIFIED_BY_PLACE = True  # "Azərbaycan Milli Onkologiya Mərkəzi" = "Milli Onkologiya Mərkəzi"

# State-form words dropped from LOC keys: "Belarus Respublikası" = "Belarus".
LOC_DESIGNATORS = re.compile(
    r"(?<=\S)\s+(?:(?:islam|xalq|demokratik|federativ|ərəb)\s+)*"
    r"(?:respublikası|sultanlığı|krallığı|dövləti|knyazlığı|əmirliyi)$"
)
# A legal form around a quoted name: the quoted name is the key ("«Azərsu» ASC" = "Azərsu").
QUOTED_NAME = re.compile(r"^[«\"“](?P<name>[^«»\"“”]+)[»\"”]\s+(?:ASC|MMC|QSC|ATSC|AÇSC|publik hüquqi şəxs)$")


def canonicalize(surface: str, label: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
    return canonicalize_az(surface, label, follower)


key = key_az

_NEXT_WORD = re.compile(r"^[\s\"»”']*(\w+)")


def document_hints(text: str, refs: list[MentionRef]) -> None:
    """``Floridaya qədər``, ``Pueblosa aid``: the word after a mention may settle its case."""
    for r in refs:
        if r.label in NAME_LABELS:
            m = _NEXT_WORD.match(text[r.end: r.end + 30])
            if m and m.group(1).lower() in DATIVE_POSTPOSITIONS:
                r.canonical = canonicalize_any(r.surface, r.label, "az", None, m.group(1))
