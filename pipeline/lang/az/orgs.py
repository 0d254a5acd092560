"""Azerbaijani words of organisation names for the cross-language keys (:mod:`pipeline.entities.org_keys`)."""

from __future__ import annotations

from pipeline.entities.az import az_lower

_GENITIVE = ("nın", "nin", "nun", "nün", "ın", "in", "un", "ün")
_POSSESSIVE = ("sı", "si", "su", "sü", "ı", "i", "u", "ü")
_PLURAL = ("lar", "lər")
#: Adjectives of a country that are no form of its name, as the country (``Rus Pravoslav Kilsəsi``: Russia's).
_COUNTRY = {"rus": "rusiya"}
#: The country of an Azerbaijani organisation named by concepts alone: Azerbaijani news names its own state's bodies
#: without it (``Səhiyyə Nazirliyi`` is Azerbaijan's Health Ministry); and the press in this script is that one
#: state's, so such a name is keyed as that country's (:func:`pipeline.entities.org_keys.org_key`). Persian is
#: written in Iran and Afghanistan, Russian in Belarus and Kazakhstan too: those names stay unkeyed.
HOME = "Azərbaycan"
HOME_KEYED = True
_SOFT = {"y": "k", "ğ": "q"}  # a final k/q voiced before a vowel suffix: nazirliyi -> nazirlik, ittifaqı


def org_lemmas(word: str) -> tuple[str, ...]:
    """Lower-cased readings of a word, the literal first, then with its genitive, possessive and plural
    endings taken off one by one (``Universitetinin`` -> universitet, ``Nazirliyi`` -> nazirlik,
    ``Dövlətləri`` -> dövlət); an acronym with its ending after a hyphen also as the acronym (``BMT-nin``)."""
    w = az_lower(word).strip("'’")
    out = [w]
    head, hyphen, tail = word.partition("-")
    if hyphen and len(head) >= 2 and head.isupper() and tail.isalpha() and tail.islower() and len(tail) <= 4:
        out.append(az_lower(head))  # an acronym's case ending after a hyphen: BMT-nin, NATO-ya, ATƏT-in
    for ends in (_GENITIVE, _POSSESSIVE, _PLURAL):
        cut = next((w[: -len(e)] for e in ends if len(w) - len(e) >= 2 and w.endswith(e)), None)
        if cut is None:
            continue
        if ends is not _PLURAL and w[len(cut)] in "ns":  # -nın/-si after a vowel, or -ın/-i after n/s: Azərbaycanın
            out.append(w[: len(cut) + 1])
        w = cut
        out.append(w)
        if w[-1] in _SOFT:
            out.append(w[:-1] + _SOFT[w[-1]])
    out += [_COUNTRY[r] for r in out if r in _COUNTRY]
    return tuple(dict.fromkeys(out))
