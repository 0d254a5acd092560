"""Persian canonical names: shared character normalisation, ZWNJ only where it is meaningful."""

from __future__ import annotations

import re

from pipeline.entities.common import collapse_spaces, trim_mention
from pipeline.text.normalize import normalize

ZWNJ = "\u200c"
# Suffixes written after a ZWNJ (or glued) in standard orthography: plural, indefinite/ezafe, comparative.
_SUFFIXES = ("هایی", "های", "ها", "ترین", "تر")
_SUFFIX_RE = re.compile(r"(?<=\S)[ \u200c](" + "|".join(_SUFFIXES) + r")(?=$|[ \u200c])")
# Indefinite/ezafe "ای" after a final heh: "زمینه ای" -> "زمینه‌ای".
_AY_RE = re.compile(r"(?<=ه)[ \u200c](ای|ام|ات|اش)(?=$|[ \u200c])")
# A written ezafe after a final heh ("جامعه‌ی پزشکی") is not part of the name.
_EZAFE_RE = re.compile(r"ه[\u200c ]ی(?= )")
_EDGE_FA = "،؛؟."

# Comparison-only folds: alef variants, teh marbuta, hamza seats, trailing hamza.
_KEY_TABLE = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ی", "\u0654": ""})


_ZWNJ_MARK = "\ue000"  # private-use stand-in so the shared normaliser keeps in-word ZWNJs
_JUNK_ZWNJ = re.compile(r"\u200c+(?=\s|$)|(?<=\s)\u200c+|^\u200c+")


def canonicalize_fa(surface: str) -> str:
    """Arabic yeh/kaf -> Persian, digits -> ASCII, diacritics/tatweel removed.

    A ZWNJ the writer put between two letters stays (``هلال‌احمر``); stray ones (next to a
    space, doubled, at the ends) go; a space or ZWNJ before a plural/comparative suffix
    becomes a ZWNJ (``دانشگاه های`` -> ``دانشگاه‌های``).
    """
    t = _JUNK_ZWNJ.sub("", surface.replace("\u200c\u200c", "\u200c"))
    t = normalize(t.replace(ZWNJ, _ZWNJ_MARK), "fa").text.replace(_ZWNJ_MARK, ZWNJ)
    t = t.replace("\u0654", "").replace("ۀ", "ه")  # ezafe hamza above heh
    t = trim_mention(t.strip(_EDGE_FA + " "))
    t = collapse_spaces(t.strip(_EDGE_FA + " "))
    t = _EZAFE_RE.sub("ه", t)
    t = _SUFFIX_RE.sub(lambda m: ZWNJ + m.group(1), t)
    t = _AY_RE.sub(lambda m: ZWNJ + m.group(1), t)
    return t


def key_fa(canonical: str) -> str:
    """Glue suffixes (``تیم های`` = ``تیم‌های`` = ``تیمهای``), fold alef/hamza variants."""
    t = canonical.translate(_KEY_TABLE)
    t = _SUFFIX_RE.sub(lambda m: m.group(1), t)
    t = _AY_RE.sub(lambda m: m.group(1), t)
    t = t.replace(ZWNJ, "")
    t = re.sub(r"(?<=\S)ء(?=\s|$)", "", t)
    return collapse_spaces(t)


def squash_fa(key: str) -> str:
    """Final fa key: no spaces at all (``محمد رضا`` = ``محمدرضا``; spacing in Persian names varies)."""
    return key.replace(" ", "")
