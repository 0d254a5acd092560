"""Russian words of organisation names for the cross-language keys (:mod:`pipeline.entities.org_keys`)."""

from __future__ import annotations

from pipeline.entities.lexicon import form_key, load_forms
from pipeline.entities.ru import is_place_word, normal_forms, parses_of

_ADJECTIVE = ("ский", "цкий")
_LINK = ("ин", "ан", "ен", "ов", "ев")  # бакинский: Баку, московский: Москва, американский: Америка
_ENDS = ("", "а", "я", "ия", "у", "ь", "и")
#: Adjectives of a country no ending rule reads (турецкий is no Туреция), as their country.
_IRREGULAR = {"турецкий": "турция", "немецкий": "германия", "французский": "франция", "греческий": "греция",
              "итальянский": "италия", "польский": "польша", "армянский": "армения", "казахский": "казахстан",
              "узбекский": "узбекистан", "таджикский": "таджикистан", "нидерландский": "нидерланды",
              "голландский": "нидерланды", "шведский": "швеция", "датский": "дания", "финский": "финляндия",
              "норвежский": "норвегия", "чешский": "чехия", "венгерский": "венгрия", "белорусский": "белоруссия",
              "монгольский": "монголия", "бразильский": "бразилия", "португальский": "португалия",
              "иорданский": "иордания", "литовский": "литва", "латвийский": "латвия", "эстонский": "эстония",
              "словацкий": "словакия", "хорватский": "хорватия", "палестинский": "палестина",
              "русский": "россия"}


def _places_of(lemma: str) -> list[str]:
    """The places an adjective may be made from (``бакинский`` -> баку)."""
    out = []
    for adj in _ADJECTIVE:
        if lemma.endswith(adj) and len(lemma) > len(adj) + 2:
            stem = lemma[: -len(adj)] + ("ц" if adj == "цкий" else "")
            stems = [stem] + [stem[: -len(k)] for k in _LINK if stem.endswith(k) and len(stem) > len(k) + 2]
            if stem.endswith("й"):
                stems.append(stem[:-1])
            if stem.endswith("ов"):
                stems.append(stem[:-2] + "в")  # московский: Москва
            out.extend(s + e for s in stems for e in _ENDS if _known_place(s + e))
    return out


def _known_place(word: str) -> bool:
    """A place name pymorphy3 knows that running text writes (its dictionary alone also has бакия, моския)."""
    return is_place_word(word) and form_key(word, "ru") in load_forms("ru")


def org_lemmas(word: str) -> tuple[str, ...]:
    """Lower-cased readings of a word, the literal first, then pymorphy3's normal forms, then the places
    an adjective is made from (``Тегеранский`` -> тегеран, ``Бакинский`` -> баку, ``Российской`` ->
    россия, ``Немецкая`` -> германия); ``ё`` is read as ``е``."""
    w = word.lower().replace("ё", "е")
    forms = [w, *(f.replace("ё", "е") for f in normal_forms(w))]
    places = [_IRREGULAR[f] for f in forms if f in _IRREGULAR] + [p for f in forms for p in _places_of(f)]
    return tuple(dict.fromkeys(forms + places))


_ADJECTIVE_ENDS = ("ская", "ское", "ский", "ские", "ского", "ской", "скую", "ском", "ских", "скому", "скими", "ским")


def name_reading(readings: tuple[str, ...]) -> str:
    """A name word is spelled by the place its adjective is made from, else as written where it may be a
    nominative noun (``Сепах``, ``Меллат``: not pymorphy3's guesses сепахнуть, меллата), else by its first
    normal form (``Шарифа`` -> шариф; an adjective's stem: ``Гарвардского`` -> гарвард), else as written."""
    places = [r for r in readings[1:] if _known_place(r)]
    if places:
        return places[0]
    adjective = next((r for r in readings[1:] if r.endswith("ский") and len(r) > 7), None)
    if adjective is not None and readings[0].endswith(_ADJECTIVE_ENDS):  # Мецаморская АЭС: Мецамор, whatever
        return adjective[:-4]  # pymorphy3 guesses first (мецаморской)
    form = _name_form(readings[0])
    return form[:-4] if form.endswith("ский") and len(form) > 7 else form  # Гарвардский: Гарвард


def _name_form(word: str) -> str:
    """The nominative a name word is written by (see :func:`name_reading`)."""
    parses = parses_of(word)
    if not parses or any(p.tag.POS == "NOUN" and "nomn" in p.tag and p.normal_form.replace("ё", "е") == word
                         for p in parses):
        return word
    first = parses[0]  # not a guessed verb or adverb
    return first.normal_form.replace("ё", "е") if first.tag.POS in ("NOUN", "ADJF") else word
