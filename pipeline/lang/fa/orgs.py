"""Persian words of organisation names for the cross-language keys (:mod:`pipeline.entities.org_keys`)."""

from __future__ import annotations

from pipeline.entities.fa import key_fa

_PLURAL = ("های", "ها")
#: The country of a Persian organisation named by concepts alone: Iranian news names Iran's bodies without it
#: (``وزارت بهداشت`` is Iran's Health Ministry).
HOME = "ایران"


def org_lemmas(word: str) -> tuple[str, ...]:
    """Readings of a word (alef and hamza variants folded, no ZWNJ), the literal first, then without a
    plural ending, a written ezafe ``ی`` after a vowel (``شورای`` -> شورا) or an adjective ``ی``
    (``ایرانی`` -> ایران, ``اروپایی`` -> اروپا)."""
    w = key_fa(word).replace(" ", "")
    out = [w]
    for end in _PLURAL:
        if w.endswith(end) and len(w) > len(end) + 2:
            out.append(w[: -len(end)])
    for x in list(out):
        if x.endswith("ی") and len(x) > 3:
            out.append(x[:-1])
        if x.endswith("ایی") and len(x) > 4:  # the adjective of a word in -a: اروپایی -> اروپا, آسیایی -> آسیا
            out.append(x[:-2])
    return tuple(dict.fromkeys(out))


def name_reading(readings: tuple[str, ...]) -> str:
    """A name word is read without a written ezafe ``ی`` after a vowel (``دومای`` -> دوما) and an adjective
    in -a as its word (``اروپایی`` -> اروپا)."""
    w = readings[0]
    if len(w) > 4 and w.endswith("ایی"):
        return w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("ی") and w[-2] in "اوه" else w
