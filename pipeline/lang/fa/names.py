"""Persian canonical names and comparison keys (the protocol of a pack's names module:
pipeline/entities/canon.py)."""

from __future__ import annotations

import re

from pipeline.entities.fa import canonicalize_fa, key_fa, squash_fa

# State-form words dropped from LOC keys: "جمهوری اسلامی ایران" = "ایران".
LOC_DESIGNATORS = re.compile(
    r"^(?:(?:جمهوری|پادشاهی|سلطان ?نشین|امارت|کشور|دولت)\s+)(?:(?:اسلامی|فدرال|خلق|دموکراتیک|عربی)\s+)*(?=\S)")


def canonicalize(surface: str, label: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
    return canonicalize_fa(surface)


key = key_fa
squash = squash_fa  # the last step of every key (spaces and ZWNJ inside words)
