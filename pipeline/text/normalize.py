"""Per-language Unicode normalisation that keeps a map back to the original offsets.

Models (NER, gazetteers) see the normalised text; every span they return is mapped back
with :meth:`NormalizedText.to_original` so that mentions always index the decoded
document text. Training data goes through the same :func:`normalize` (one shared
function for training and inference).

Most replacements are one character for one character (Arabic yeh/kaf to Persian,
digits to ASCII, Cyrillic schwa to Latin, odd spaces to a plain space, ZWNJ to a space),
so offsets stay identical; only deletions (Arabic diacritics, tatweel, zero-width
joiners, soft hyphens) need the offset table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline import languages

NAME = "text.charmap.v1"

# -- one-to-one replacements shared by every language ---------------------------------
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
_COMMON: dict[str, str] = {c: " " for c in _SPACES}
_COMMON.update({"\u2028": "\n", "\u2029": "\n", "\r": " "})
# C0/C1 control characters (not tab/newline) become spaces so tokenisers never see them.
for _cp in list(range(0x00, 0x09)) + [0x0B, 0x0C] + list(range(0x0E, 0x20)) + list(range(0x7F, 0xA0)):
    _COMMON[chr(_cp)] = " "
# Directional marks are invisible: a space keeps offsets and separates tokens safely.
for _c in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
    _COMMON[_c] = " "
# Deleted: soft hyphen, zero-width space/joiner, word joiner.
for _c in "\u00ad\u200b\u200d\u2060":
    _COMMON[_c] = ""
_COMMON.update({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})

@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus, when lengths changed, the original index of each character."""

    text: str
    original: str
    offsets: tuple[int, ...] | None = None  # len(text) + 1 entries; None = identity

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text back to the original text."""
        if self.offsets is None:
            return start, end
        o_start = self.offsets[start]
        # end is exclusive: map the last included character and step past it.
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


@lru_cache(maxsize=None)
def _tables(lang: str) -> tuple[dict[int, str], re.Pattern[str] | None]:
    mapping = dict(_COMMON)
    spec = languages.spec(lang)
    mapping.update(spec.charmap if spec else {})
    table = {ord(k): v for k, v in mapping.items()}
    changing = [k for k, v in mapping.items() if len(v) != 1]
    pattern = re.compile("[" + re.escape("".join(changing)) + "]") if changing else None
    return table, pattern


def normalize(text: str, lang: str) -> NormalizedText:
    """Normalise ``text`` for language ``lang`` (its pack's ``charmap``; any other code: common rules only)."""
    table, length_changing = _tables(lang)
    if length_changing is None or not length_changing.search(text):
        return NormalizedText(text.translate(table), text)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        for c in rep:
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return NormalizedText("".join(out), text, tuple(offsets))


def fold_key(text: str, lang: str) -> str:
    """A comparison key: normalised, NFKC, case-folded, whitespace collapsed."""
    t = unicodedata.normalize("NFKC", normalize(text, lang).text)
    spec = languages.spec(lang)
    if spec and spec.dotted_i:
        t = t.replace("I", "ı").replace("İ", "i")
    return " ".join(t.casefold().split())


def lower(text: str, lang: str) -> str:
    """Lower-case, with the dotted/dotless I of languages whose pack says so (length-preserving)."""
    spec = languages.spec(lang)
    if spec and spec.dotted_i:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()
