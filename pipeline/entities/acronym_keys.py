"""Cross-language keys of acronyms: the letters they are read by, in any script.

An English or Azerbaijani acronym of two or three letters (``BBC``, ``CNN``, ``KGB``) is too short for a
spelling key (``translit.spelled_key`` needs four sound classes), and Russian and Persian often write such
acronyms by the names of their Latin letters: ``Би-би-си``, ``Си-эн-эн``, ``بی‌بی‌سی``, ``سی‌ان‌ان``,
``اف‌بی‌آی``. Each language pack that writes letter names lists them (``translit.LETTER_NAMES``: the
pack's lower-cased spelling of a Latin letter's name -> the letter); a one-word ORG made only of letter
names (at least two) is read as those letters. A two- or three-letter all-capitals ORG is read as its
letters, romanised by its pack (``КГБ`` -> ``KGB``, ``ФСБ`` -> ``FSB``). W and V are one letter (German
reading: ``بی‌ام‌و``, ``БМВ`` and ``BMW`` have one key); E and A stay apart (``ECM`` is not ``ACM``), so
Persian ``ای``, which is either, is no letter name.
"""
from __future__ import annotations

import re
from typing import Any

from pipeline.text.normalize import lower

_PIECES = re.compile(r"[\s\u200c\-]+")
_CLASSES = str.maketrans("W", "V")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff]+$")
MAX_LETTERS = 3  # an all-capitals word this short is read by its letters; longer ones as words (NASA)
MIN_LETTERS = 2


def acronym_key(canonical: str, lang: str, pack: Any) -> str | None:
    """``acr BBC`` for an acronym read by its letters (see the module), else None."""
    words = canonical.split()
    if len(words) != 1:
        return None
    word = words[0]
    names = getattr(pack, "LETTER_NAMES", None)
    if names:
        low = lower(word, lang)
        for joined, name in getattr(pack, "JOINED_LETTER_NAMES", {}).items():
            low = low.replace(joined, name)
        letters = [names.get(p) for p in _PIECES.split(low) if p]
        if len(letters) >= MIN_LETTERS and all(letters):
            return "acr " + "".join(letters).translate(_CLASSES)
    if MIN_LETTERS <= len(word) <= MAX_LETTERS and word.isalpha() and word.isupper():
        if word.isascii():
            latin = word
        elif _CYRILLIC.match(word) and pack is not None and hasattr(pack, "to_latin"):
            latin = pack.to_latin(lower(word, lang))
        else:
            return None  # ABŞ, ƏDV: letters an English acronym does not have
        if latin.isascii() and latin.isalpha():
            return "acr " + latin.upper().translate(_CLASSES)
    return None
