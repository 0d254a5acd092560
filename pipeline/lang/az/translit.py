"""Azerbaijani romanisation for the cross-language keys (pipeline/entities/translit.py)."""

_AZ = {"ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "g", "c": "j", "x": "kh", "q": "k", "j": "zh"}


def to_latin(lowered: str) -> str:
    """Lower-cased Azerbaijani Latin -> a plain Latin spelling (``ş`` -> ``sh``, ``c`` -> ``j``, ``x`` -> ``kh``)."""
    return "".join(_AZ.get(ch, ch) for ch in lowered)
