"""English preparation of names for the cross-language keys (pipeline/entities/translit.py)."""

import re

_ARTICLE = re.compile(r"(?i)^the\s+")


def prepare(canonical: str) -> str:
    """``the Netherlands`` -> ``Netherlands``."""
    return _ARTICLE.sub("", canonical)
