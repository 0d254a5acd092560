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

_CYR_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z][а-яё]?\.){1,3}$")
_ABBR_INFL = re.compile(r"^([А-ЯЁ]{2,})(а|у|ом|е|ы|ов|ам|ами|ах)$")  # МИДа, МИДом -> МИД
# Name particles that never inflect.
_PARTICLES = {
    "бин", "бен", "ибн", "аль", "ал", "эль", "ас", "ад", "ан", "ар", "аш", "де", "да", "дель", "ди", "дос",
    "фон", "ван", "дер", "ла", "ле", "оглы", "кызы", "заде", "бен-", "сан", "эд", "уль", "ун",
}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_GENDERS = ("masc", "femn")
_NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # lazy: 50 ms and ~15 MB, once per process

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20_000)
def _parses(word: str) -> tuple:
    return tuple(_morph().parse(word.lower()))


@lru_cache(maxsize=20_000)
def _in_dictionary(word: str) -> bool:
    """True if pymorphy3 knows the word (not only guessed from its ending)."""
    return any(type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in _parses(word))


def _evidence_weight(word: str) -> float:
    """How much a word's case reading counts: 1 if pymorphy3 knows the word, 0.3 if guessed,
    0 if guessed and ending like a nominative (``Бонура``, ``Цвангираи`` may be nominatives;
    ``Хилялем`` is clearly instrumental)."""
    if _is_known_name(word):
        return 1.0
    if _in_dictionary(word):
        return 0.5
    return 0.0 if word.lower().endswith(("а", "я", "и", "ы")) else 0.3


@lru_cache(maxsize=20_000)
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
    for p in _parses(word):
        t = p.tag
        if t.POS not in ("NOUN", "ADJF") or t.number == "plur":
            continue
        out.append(p)
    named = [p for p in out if any(tag in p.tag for tag in _NAME_TAGS)]
    return named or out


def _compatible(p, gender: str, case: str) -> bool:
    t = p.tag
    if "Fixd" in t:
        return True  # indeclinable (Али, Сабти, Шойгу): fits every case and gender
    if gender == "femn" and p.word.endswith(("ич", "ко", "ых", "их")) and t.gender == "masc":
        return True  # women's surnames in -ич/-ко do not decline (Светланы Алексиевич)
    if case not in t:
        return False
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
                for part in parts:
                    ps = [p for p in _person_parses(part) if _compatible(p, g, c)]
                    if not ps and _is_known_name(part):
                        ok = False  # a known name word that cannot take this gender/case
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
        for part in w.split("-"):
            ps = [p for p in _person_parses(part) if _compatible(p, gender, case)]
            new_parts.append(_keep_yo(case_like(_nominative(ps[0], gender), part), part) if ps else part)
        out.append("-".join(new_parts))
    return out


def _compose(words: list[str], initials: list[str]) -> str:
    if initials:
        return collapse_spaces(" ".join(words) + " " + "".join(initials))
    return collapse_spaces(" ".join(words))


@lru_cache(maxsize=10_000)
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


@lru_cache(maxsize=10_000)
def person_in_case(surface: str, case: str) -> str | None:
    """Canonical of a person mention read in a known case (``им. Н.Н. Александрова``: genitive)."""
    words, initials = _split_person(trim_mention(surface))
    if not words:
        return None
    tw = tuple(words)
    readings = [r for r in _person_readings(tw) if r[2] == case and r[0] > 0]
    if not readings:
        return None
    return _compose(_inflect_person(tw, readings[0][1], case), initials)


def _gender_open(words: tuple[str, ...]) -> bool:
    """True when no given name or patronymic fixes the gender (surname only)."""
    for w in words:
        if not _is_word(w) or not _is_known_name(w):
            continue  # an unknown given name (Мехрибан) says nothing about gender
        for p in _person_parses(w):
            if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender in _GENDERS:
                return False
    return True


# -------------------------------------------------------------------------- ORG / LOC
def _noun_parses(word: str) -> list:
    """Noun readings for ORG/LOC heads; given-name/patronymic readings only if nothing else fits."""
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    plain = [p for p in nouns if "Name" not in p.tag and "Patr" not in p.tag]
    return plain


def _adj_parses(word: str) -> list:
    return [p for p in _parses(word) if p.tag.POS in ("ADJF", "PRTF")]


def _agree(adj, noun) -> bool:
    a, n = adj.tag, noun.tag
    if a.case != n.case:
        return False
    if n.number == "plur" or a.number == "plur":
        return a.number == n.number
    return "ms-f" in n or a.gender == n.gender


def _nomn_noun(p) -> str:
    if "Fixd" in p.tag or p.tag.case == "nomn":
        return p.word
    grams = {"nomn", p.tag.number} if p.tag.number else {"nomn"}
    inf = p.inflect(grams) or p.inflect({"nomn"})
    return inf.word if inf else p.normal_form


def _nomn_adj(p, noun) -> str:
    if p.tag.case == "nomn":
        return p.word
    grams = {"nomn"}
    if noun.tag.number == "plur":
        grams.add("plur")
    else:
        grams |= {"sing", noun.tag.gender if noun.tag.gender in ("masc", "femn", "neut") else "masc"}
    inf = p.inflect(grams)
    return inf.word if inf else p.word


def _split_hyphen_adj(tok: str) -> tuple[str, str]:
    """(kept prefix, inflecting part): ``Ханты-Мансийском`` -> (``Ханты-``, ``Мансийском``)."""
    if "-" in tok and not _adj_parses(tok):
        prefix, last = tok.rsplit("-", 1)
        if _adj_parses(last):
            return prefix + "-", last
    return "", tok


def _find_head(tokens: list[str]) -> int | None:
    """Index of the head noun after leading adjectives, or None if the phrase does not start so."""
    for i, tok in enumerate(tokens):
        if not _is_word(tok):
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        adj_word = _split_hyphen_adj(tok)[1]
        if nxt is not None and _adj_parses(adj_word) and _is_word(nxt) and (_noun_parses(nxt) or _adj_parses(nxt)):
            if not _noun_parses(tok) or _is_adj_only_context(adj_word, nxt):
                continue
        if _noun_parses(tok):
            return i
        if not _adj_parses(adj_word):
            return None
    return None


def _is_adj_only_context(tok: str, nxt: str) -> bool:
    """``Российской академии``: a word with both readings before a noun/adjective acts as an adjective."""
    adj = _adj_parses(tok)
    noun = _noun_parses(tok)
    return bool(adj) and (not noun or max(p.score for p in adj) >= max(p.score for p in noun) or "-" in tok)


@lru_cache(maxsize=10_000)
def canonicalize_phrase(surface: str) -> str:
    """Head noun phrase of an ORG/LOC name to the nominative (``Министерства здравоохранения``)."""
    text = trim_mention(surface)
    tokens = text.split(" ")
    if not tokens or not tokens[0]:
        return text
    m = _ABBR_INFL.match(tokens[0])
    if m and len(tokens) == 1:
        return m.group(1)
    head_idx = _find_head(tokens)
    if head_idx is None:
        return text
    adjs = [_split_hyphen_adj(a) for a in tokens[:head_idx]]
    head = tokens[head_idx]
    best = None
    for n in _noun_parses(head):
        chosen = []
        for _, a in adjs:
            cands = [p for p in _adj_parses(a) if _agree(p, n)]
            if not cands:
                break
            chosen.append(max(cands, key=lambda p: p.score))
        else:
            bonus = 0.05 if ("Geox" in n.tag or "Orgn" in n.tag) else 0.0
            score = n.score + sum(p.score for p in chosen) + bonus
            # Near-ties between lemmas: the shorter one (``Тусоне`` -> ``Тусон``, not ``Тусоня``).
            if best is None or score > best[0] + 0.02 or (
                abs(score - best[0]) <= 0.02 and len(n.normal_form) < len(best[1].normal_form)
            ):
                best = (score, n, chosen)
    if best is None:
        return text
    _, n, chosen = best
    nomn_ok = any(p.tag.case == "nomn" and p.score >= 0.3 * n.score for p in _noun_parses(head))
    if n.tag.case == "nomn" or (nomn_ok and not adjs):
        return text
    new = [pre + _keep_yo(case_like(_nomn_adj(p, n), a), a) for p, (pre, a) in zip(chosen, adjs)]
    new.append(_keep_yo(case_like(_nomn_noun(n), head), head))
    return collapse_spaces(" ".join(new + tokens[head_idx + 1:]))


def canonicalize_ru(surface: str, label: str) -> str:
    """Display canonical form of a Russian ORG/PER/LOC mention."""
    if label == "PER":
        return person_alternatives(surface)[0]
    return canonicalize_phrase(surface)


def key_ru(canonical: str) -> str:
    return canonical.replace("ё", "е").replace("Ё", "Е")
