"""Russian canonical names: the nominative via pymorphy3 (loaded lazily, results cached).

* PER: every name word to the nominative with one shared gender and case; initials after the
  surname (``С.А. Красного`` -> ``Красный С.А.``). Precision first: a surname that is already
  a valid nominative (``Петрова``: a woman, or a man in the genitive) is kept unless another
  word of the name settles the gender; :func:`person_alternatives` gives the document step
  the other reading.
* ORG/LOC: the head noun phrase (leading adjectives + first noun) to the nominative, agreeing
  in gender and number; the words after the head (genitive complements, appositions, quoted
  names) stay as written. ``Республики Беларусь`` -> ``Республика Беларусь``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.entities.common import case_like, collapse_spaces, tighten_initials, trim_mention
from pipeline.text.memo import MEMO

_CYR_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z][а-яё]?\.){1,3}$")
_ABBR_INFL = re.compile(r"^([А-ЯЁ]{2,})(а|у|ом|е|ы|ов|ам|ами|ах)$")  # МИДа, МИДом -> МИД
# Name particles that never inflect.
_PARTICLES = {
    "бин", "бен", "ибн", "аль", "ал", "эль", "ас", "ад", "ан", "ар", "аш", "де", "да", "дель", "ди", "дос",
    "фон", "ван", "дер", "ла", "ле", "оглы", "кызы", "заде", "бен-", "сан", "эд", "уль", "ун",
}
# Oblique endings of Russian-type surnames (-ов/-ев/-ин): evidence even for an unknown surname.
_SURNAME_OBLIQUE = tuple(
    stem + end for stem in ("ов", "ев", "ёв", "ин", "ын") for end in ("а", "у", "ым", "ом", "е", "ой", "ой", "ых")
)
# Endings that never end an indeclinable name: a "Fixd" guess for such a word is wrong (Фридкином).
_INFLECTED_END = ("ом", "ем", "ым", "им", "ого", "его", "ому", "ему", "ыми", "ами")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_GENDERS = ("masc", "femn")
_NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # lazy: 50 ms and ~15 MB, once per process

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=MEMO)
def _parses(word: str) -> tuple:
    return tuple(_morph().parse(word.lower()))


parses_of = _parses  # pymorphy3's parses of a word, most likely first (the language pack's readings)


def _from_dictionary(p) -> bool:
    """A parse pymorphy3 found in its dictionary (not guessed from the word's ending)."""
    return type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def is_place_word(word: str) -> bool:
    """True if pymorphy3's dictionary has the word as the normal form of a place name (``баку``, ``шанхай``)."""
    return any("Geox" in p.tag and p.normal_form == word and _from_dictionary(p) for p in _parses(word))


def normal_forms(word: str) -> tuple[str, ...]:
    """pymorphy3's normal forms of a word, most likely first, each once."""
    return tuple(dict.fromkeys(p.normal_form for p in _parses(word)))


@lru_cache(maxsize=MEMO)
def _in_dictionary(word: str, whole: bool = False) -> bool:
    """True if pymorphy3 knows the word (not only guessed from its ending); ``whole``: the whole word,
    not a known word after an unknown prefix."""
    return any(_from_dictionary(p) and (not whole or len(p.methods_stack) == 1) for p in _parses(word))


def _evidence_weight(word: str) -> float:
    """How much a word's case reading counts: 1 if pymorphy3 knows the word, 0.3 if guessed,
    0 if guessed and ending like a nominative (``Бонура``, ``Цвангираи`` may be nominatives;
    ``Хилялем`` is clearly instrumental)."""
    if _is_known_name(word):
        return 1.0
    if _in_dictionary(word):
        return 0.5
    low = word.lower()
    if low.endswith(_SURNAME_OBLIQUE):
        return 0.3  # Дадашеву, Варичевым: a Russian surname ending
    if low.endswith("ию"):
        return 0.3  # Гарсию: the accusative of -ия
    # Endings a foreign name may have in the nominative (Цвангираи, Гюнше, Сэйю); a final -у is
    # far more often a dative (Элиоту, Бенхаккеру) than an indeclinable name (Коцебу).
    return 0.0 if low.endswith(("а", "я", "и", "ы", "ю", "е", "о")) else 0.3


@lru_cache(maxsize=MEMO)
def _is_known_name(word: str) -> bool:
    """A dictionary word with a given-name/surname/patronymic reading (``Иван``, ``Петрова``)."""
    return _in_dictionary(word) and any(
        any(t in p.tag for t in _NAME_TAGS) for p in _parses(word) if p.tag.POS in ("NOUN", "ADJF")
    )


def _keep_yo(new: str, old: str) -> str:
    """Do not introduce ``ё`` the writer did not use (``боксерского`` -> ``боксерский``)."""
    if "ё" in old.lower():
        return new
    return new.replace("ё", "е").replace("Ё", "Е")


def _is_word(tok: str) -> bool:
    """A Cyrillic word that may inflect (all-caps abbreviations such as ``НАН`` never do)."""
    return bool(_CYR_WORD.match(tok)) and not (len(tok) > 1 and tok.isupper())


# ---------------------------------------------------------------------------- persons
def _person_parses(word: str) -> list:
    """Noun/adjective singular readings usable for a name word (name-tagged first)."""
    out = []
    inflected = word.lower().endswith(_INFLECTED_END)
    for p in _parses(word):
        t = p.tag
        if t.POS not in ("NOUN", "ADJF") or t.number == "plur" or (inflected and "Fixd" in t):
            continue
        if "Abbr" in t and not word.isupper():
            continue  # "Аякса" is not an abbreviation
        out.append(p)
    named = [p for p in out if any(tag in p.tag for tag in _NAME_TAGS)]
    return named or out


_CONSONANT_END = set("бвгджзклмнпрстфхцчшщ")


def _compatible(p, gender: str, case: str, lead: bool = False) -> bool:
    """``lead``: a part before the hyphen of a compound name (``Фантен-Латура``), which may stay as it is."""
    t = p.tag
    if "Fixd" in t:
        # indeclinable (Али, Сабти, Шойгу): fits every case, but a word indeclinable in one gender only (a woman's
        # surname in a consonant: Харрис) is not the other's (Камала Харрис is no man's genitive)
        return lead or t.gender is None or "ms-f" in t or t.gender == gender or p.word[-1:] not in _CONSONANT_END
    if gender == "femn" and p.word.endswith(("ич", "ко", "ых", "их")) and t.gender == "masc":
        return True  # women's surnames in -ич/-ко do not decline (Светланы Алексиевич)
    if case not in t:
        return False
    if case == "accs" and gender == "masc" and "inan" in t:
        return False  # a man is animate: his accusative is the genitive (Махмальбафа), not an unknown word as written
    if "ms-f" in t:
        return True
    g = t.gender
    return g is None or g == gender


def _nominative(p, gender: str) -> str:
    if "Fixd" in p.tag or (gender == "femn" and p.tag.gender == "masc"):
        return p.word  # indeclinable, or a woman's -ич/-ко surname (see _compatible)
    for grams in ({"nomn", "sing", gender}, {"nomn", "sing"}, {"nomn"}):
        try:
            inf = p.inflect(grams)
        except ValueError:
            inf = None
        if inf is not None:
            return inf.word
    return p.normal_form


def _split_person(text: str) -> tuple[list[str], list[str]]:
    """Name words and initials (``С.А.``) of a person mention."""
    words, initials = [], []
    for tok in tighten_initials(text).split():
        (initials if _INITIALS.match(tok) else words).append(tok)
    return words, initials


def _nominative_only(word: str) -> bool:
    """A word in a consonant read only as a nominative (``Махмальбаф``): not a man's oblique case (the caller
    has already ruled out a known name word)."""
    parses = _person_parses(word)
    return (word[-1:].lower() in _CONSONANT_END and bool(parses)
            and all("nomn" in p.tag or ("accs" in p.tag and "inan" in p.tag) for p in parses))


def _person_readings(words: tuple[str, ...]) -> list[tuple[float, str, str]]:
    """(score, gender, case) of every reading shared by all inflectable name words, best first."""
    inflectable = [w for w in words if _is_word(w) and w.lower() not in _PARTICLES]
    readings = []
    for g in _GENDERS:
        for c in _CASES:
            total = 0.0
            ok = True
            for w in inflectable:
                parts = w.split("-")
                for k, part in enumerate(parts):
                    ps = [p for p in _person_parses(part) if _compatible(p, g, c, k < len(parts) - 1)]
                    if not ps and _is_known_name(part):
                        ok = False  # a known name word that cannot take this gender/case
                        break
                    if (not ps and g == "masc" and c != "nomn" and w is inflectable[-1] and len(inflectable) > 1
                            and k == len(parts) - 1 and _nominative_only(part)):
                        ok = False  # a man's surname in a consonant declines: Самира Махмальбаф is a woman
                        break
                    total += _evidence_weight(part) * max((p.score for p in ps), default=0.0)
                if not ok:
                    break
            if ok:
                readings.append((total, g, c))
    readings.sort(key=lambda r: (-r[0], _CASES.index(r[2]), _GENDERS.index(r[1])))
    return readings


def _inflect_person(words: tuple[str, ...], gender: str, case: str) -> list[str]:
    out = []
    for w in words:
        if not _is_word(w) or w.lower() in _PARTICLES:
            out.append(w)
            continue
        new_parts = []
        parts = w.split("-")
        for k, part in enumerate(parts):
            ps = [p for p in _person_parses(part) if _compatible(p, gender, case, k < len(parts) - 1)]
            if ps:
                new_parts.append(_keep_yo(case_like(_nominative(ps[0], gender), part), part))
            else:
                new_parts.append(case_like(_stem_guess(part.lower(), gender, case), part))
        out.append("-".join(new_parts))
    return out


_OBLIQUE_ENDINGS = {
    "gent": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем", "ым", "им"), "loct": ("е",), "accs": ("а", "я"),
}


_REGULAR_NOUN_END = ("а", "у", "ом", "е")
_SOFT_OR_VOWEL = set("аеёиоуыэюяьйжшчщц")


@lru_cache(maxsize=MEMO)
def _stem_guess(word: str, gender: str, case: str) -> str:
    """Nominative of an unknown masculine name word by its ending, checked by inflecting it back
    (``фридкином`` -> ``фридкин``, whose instrumental is ``фридкином``); else the word itself."""
    if gender != "masc":
        return word
    for end in _OBLIQUE_ENDINGS.get(case, ()):
        if not word.endswith(end) or len(word) - len(end) < 3:
            continue
        stem = word[: -len(end)]
        if end in _REGULAR_NOUN_END and stem[-1] not in _SOFT_OR_VOWEL:
            return stem  # a foreign name declined as a hard-stem noun: Кристенсена, Фридкином
        for cand in (stem, stem + "ь", stem + "й"):
            for p in _parses(cand):
                if p.tag.POS == "NOUN" and {"nomn", "sing"} <= set(p.tag.grammemes) and p.tag.gender == "masc":
                    inf = p.inflect({case, "sing"})
                    if inf is not None and inf.word == word:
                        return cand
    return word


def _compose(words: list[str], initials: list[str]) -> str:
    if initials:
        return collapse_spaces(" ".join(words) + " " + "".join(initials))
    return collapse_spaces(" ".join(words))


@lru_cache(maxsize=MEMO)
def person_alternatives(surface: str) -> tuple[str, ...]:
    """Canonical readings of a person mention, preferred first (usually one)."""
    text = trim_mention(surface)
    words, initials = _split_person(text)
    if not words:
        return (text,)
    tw = tuple(words)
    readings = _person_readings(tw)
    if not readings:
        return (_compose(words, initials),)
    best = readings[0]
    nom = [r for r in readings if r[2] == "nomn"]
    out: list[str] = []
    if nom and nom[0][0] > 0 and (best[2] == "nomn" or _gender_open(tw)):
        out.append(_compose(_inflect_person(tw, nom[0][1], "nomn"), initials))
    out.append(_compose(_inflect_person(tw, best[1], best[2]), initials))
    for r in readings[1:4]:
        if r[0] >= 0.5 * best[0]:
            out.append(_compose(_inflect_person(tw, r[1], r[2]), initials))
    seen: dict[str, None] = {}
    for o in out:
        seen.setdefault(o, None)
    return tuple(seen)


@lru_cache(maxsize=MEMO)
def person_in_cases(surface: str, cases: frozenset[str]) -> str | None:
    """Canonical of a person mention read in a case the context allows (``им. Н.Н. Александрова``: genitive)."""
    words, initials = _split_person(trim_mention(surface))
    if not words:
        return None
    tw = tuple(words)
    # A case the context fixes (not the nominative) is evidence enough for a guessed word,
    # unless the context is a title further back ("+evidence").
    floor = 0.0 if "nomn" not in cases and "+evidence" not in cases else 1e-9
    readings = [r for r in _person_readings(tw) if r[2] in cases and r[0] >= floor]
    if not readings:
        return None
    return _compose(_inflect_person(tw, readings[0][1], readings[0][2]), initials)


def person_in_case(surface: str, case: str) -> str | None:
    """:func:`person_in_cases` with one case."""
    return person_in_cases(surface, frozenset({case}))


def _gender_open(words: tuple[str, ...]) -> bool:
    """True when no given name or patronymic fixes the gender (surname only)."""
    for w in words:
        if not _is_word(w) or not _is_known_name(w):
            continue  # an unknown given name (Мехрибан) says nothing about gender
        for p in _person_parses(w):
            if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender in _GENDERS:
                return False
    return True


def is_adjective(word: str) -> bool:
    """``Корнуольская``: the word reads best as a full adjective and has no name reading."""
    ps = [p for p in _parses(word) if p.score >= 0.1]
    return bool(ps) and ps[0].tag.POS == "ADJF" and not any(any(t in p.tag for t in _NAME_TAGS) for p in ps)


_INDECLINABLE = re.compile(r"^[А-ЯЁ][а-яё]*[^кгхжшчщи\W]и$")


def _indeclinable_foreign(text: str) -> bool:
    """One guessed word in -и after a consonant that takes no -ы (``Сулеймани``, ``Раиси``) or a vowel
    (``Хаменеи``): a foreign indeclinable name, not a genitive (``Марии``, ``Ольги`` are known or excluded)."""
    return " " not in text and bool(_INDECLINABLE.match(text)) and not _in_dictionary(text, whole=True)


def canonicalize_ru(surface: str, label: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
    """Display canonical form of a Russian ORG/PER/LOC mention (``cases``: allowed by the context)."""
    from pipeline.entities.ru_phrase import canonicalize_phrase

    if _indeclinable_foreign(trim_mention(surface)):
        return trim_mention(surface)  # Сулеймани, Раиси, Хаменеи: no case to undo

    if label == "PER":
        default = person_alternatives(surface)[0]
        if cases:
            reading = person_in_cases(surface, cases)
            words, initials = _split_person(trim_mention(surface))
            if reading is not None and (reading != _compose(words, initials) or reading == default):
                return reading  # a context reading that leaves every word as written does not beat the default
        return _as_written(surface, default, None)  # the context's case fits no reading: it is no evidence
    return _as_written(surface, canonicalize_phrase(surface, cases, follower), cases)


_INITIAL = re.compile(r"^(?:\w\.)+\w?$")
# A word ending like an adjective, a plural case or the genitive of an -а/-ия noun keeps the phrase's reading
# (Мангистауской, Стэнфордском, Викиновостей, Ассирии, Марии-Антуанетты).
_AGREEING_END = ("ой", "ей", "ий", "ый", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "юю", "ая", "яя",
                 "ое", "ее", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ском", "цком", "ии", "ы")


def _no_text_has(new: str, old: str) -> bool:
    """``old`` (as written) is a word of running Russian text and ``new`` (its canonical reading, a word the
    dictionary does not hold whole) is not, nor its instrumental: the reading invents a word (``Роналду`` ->
    ``Роналда``, ``Пеле`` -> ``Пель``, ``Мандела`` -> ``Мандел``)."""
    from pipeline.entities.lexicon import form_key, load_forms

    forms = load_forms("ru")
    fold_new, fold_old = form_key(new, "ru"), form_key(old, "ru")
    return (fold_old in forms and fold_new not in forms and not fold_old.endswith(_AGREEING_END + _SURNAME_OBLIQUE)
            and not any(fold_new + e in forms for e in ("ом", "ем", "ым", "им"))
            and not _in_dictionary(new, whole=True))


def _as_written(surface: str, canonical: str, cases: frozenset[str] | None) -> str:
    """Words of the canonical form that no Russian text has, where the mention's own word is one, go back to
    the word as written (a foreign name that does not decline, or declines as written). Not when the context
    fixes an oblique case: ``в Трентоне`` is the locative of ``Трентон``, whether or not a text has that."""
    if cases and "nomn" not in cases:
        return canonical
    old = [w for w in trim_mention(surface).split(" ") if not _INITIAL.match(w)]
    new = canonical.split(" ")
    at = [i for i, w in enumerate(new) if not _INITIAL.match(w)]
    if len(old) != len(at):
        return canonical
    changed = False
    for i, w in zip(at, old):
        if new[i] != w and _CYR_WORD.match(w) and _CYR_WORD.match(new[i]) and _no_text_has(new[i], w):
            new[i], changed = w, True
    return " ".join(new) if changed else canonical


def key_ru(canonical: str) -> str:
    return canonical.replace("ё", "е").replace("Ё", "Е")
