"""Russian ORG/LOC names: the whole noun phrase to the nominative (pymorphy3, cached).

* The head noun and the adjectives before it go to the nominative, agreeing in gender and
  number (``Московском доме книги`` -> ``Московский дом книги``); the words after the head
  (genitive complements, appositions, quoted names) stay as written.
* A noun coordinated with the head in the same case follows it (``Боснии и Герцеговины`` ->
  ``Босния и Герцеговина``; ``антимонопольного регулирования и торговли Республики
  Беларусь`` -> ``антимонопольное регулирование и торговля Республики Беларусь``); a noun
  coordinated with a genitive complement does not (``Министерства образования и науки``).
* An adjective without its noun (``Европейской`` конвенции, ``сборных`` Австрии) goes to the
  nominative in its own gender and number; the word after the mention picks the reading.
* ``cases``: the cases the context allows (a preposition, a governing noun: see
  :mod:`pipeline.entities.ru_context`); used to pick between readings (``Мальорки``: a
  genitive after ``в составе``, not a plural nominative).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.entities.common import case_like, collapse_spaces, trim_mention
from pipeline.entities.ru import _ABBR_INFL, _in_dictionary, _is_word, _keep_yo, _parses
from pipeline.text.memo import MEMO

_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _noun_parses(word: str) -> list:
    """Noun readings for ORG/LOC heads (given-name/patronymic readings left out)."""
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    return [p for p in nouns if "Name" not in p.tag and "Patr" not in p.tag]


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
    if p.tag.case == "accs" and any(q.tag.case == "nomn" and q.normal_form == p.normal_form and q.tag.number == p.tag.number
                                    and q.tag.gender == p.tag.gender for q in _parses(p.word)):
        return p.word  # an inanimate accusative: the nominative is the same word
    grams = {"nomn", p.tag.number} if p.tag.number else {"nomn"}
    inf = p.inflect(grams) or p.inflect({"nomn"})
    return inf.word if inf else p.normal_form


def _nomn_adj(p, number: str | None, gender: str | None) -> str:
    if p.tag.case == "nomn":
        return p.word
    for q in _adj_parses(p.word):  # "высшее" (accusative = nominative): not re-derived as "высочайшее"
        if q.tag.case == "nomn" and q.tag.number == number and (number == "plur" or q.tag.gender == gender):
            return p.word
    grams = {"nomn"}
    if number == "plur":
        grams.add("plur")
    else:
        grams |= {"sing", gender if gender in ("masc", "femn", "neut") else "masc"}
    inf = p.inflect(grams)
    return inf.word if inf else p.word


def _split_hyphen_adj(tok: str) -> tuple[str, str]:
    """(kept prefix, inflecting part): ``Ханты-Мансийском`` -> (``Ханты-``, ``Мансийском``)."""
    if "-" in tok:
        prefix, last = tok.rsplit("-", 1)
        if _adj_parses(last) and (not _adj_parses(tok) or prefix[-1:] in "ооеОЕ"):
            return prefix + "-", last  # the hyphen stays: "Северо-Осетинской" -> "Северо-Осетинская"
    return "", tok


def _is_adj_only_context(tok: str, nxt: str) -> bool:
    """``Российской академии``: a word with both readings before a noun/adjective acts as an adjective."""
    adj = _adj_parses(tok)
    noun = _noun_parses(tok)
    return bool(adj) and (not noun or max(p.score for p in adj) >= max(p.score for p in noun) or "-" in tok)


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


def _best_head(head: str, adjs: list[tuple[str, str]], cases: frozenset[str] | None):
    """(score, noun parse, adjective parses) of the best agreeing reading of the head phrase."""
    best = None
    nouns = _noun_parses(head)
    has_sing = any(p.tag.number == "sing" for p in nouns)
    if head[:1].isupper() and any("Geox" in p.tag for p in nouns):
        nouns = [p for p in nouns if "Geox" in p.tag]  # a capitalised place name: Сахара, Газа (not сахар, газ)
    for n in nouns:
        if cases is not None and (n.tag.case not in cases and "Fixd" not in n.tag or not _context_reading_ok(head, n, has_sing)):
            continue
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
    return best


_VELAR_HUSH = set("кгхжшчщ")


def _context_reading_ok(word: str, n, has_sing: bool) -> bool:
    """Readings a context case may pick: singular (unless the word has none), and for a guessed
    word a genitive in ``-и`` only where the spelling needs it (``Мальорки``, ``Вереи``; not
    ``Тиволи`` -> ``Тиволя``)."""
    if n.tag.number == "plur" and has_sing:
        return False
    if type(n.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" or "Fixd" in n.tag:
        return True
    if word.lower().endswith("и") and n.tag.case != "nomn":
        lemma = n.normal_form
        return len(lemma) > 2 and (lemma[-2] in _VELAR_HUSH or lemma[-2] in "аеиоуыэюя") and lemma[-1] in "ая"
    return True


def _postposed_adjective(tokens: list[str], i: int, n) -> str | None:
    """``павлиноглазки малой``, ``Аякса Великого``: an adjective after the head that agrees with it."""
    if i != len(tokens) - 1 or not _is_word(tokens[i]) or _noun_parses(tokens[i]):
        return None  # only the last word: "Всекитайского собрания" is a genitive complement
    cands = [p for p in _adj_parses(tokens[i]) if _agree(p, n)]
    if not cands:
        return None
    p = max(cands, key=lambda q: q.score)
    return _keep_yo(case_like(_nomn_adj(p, n.tag.number, n.tag.gender), tokens[i]), tokens[i])


def _coordinated(tokens: list[str], head_idx: int, n) -> tuple[int, list[str]] | None:
    """``X и [adj] Y``: Y coordinated with the head (same case and number) -> (end index, nominative words)."""
    i = head_idx + 1
    if i >= len(tokens) or tokens[i] != "и":
        return None
    j = i + 1
    adjs = []
    while j < len(tokens) and _is_word(tokens[j]) and not _noun_parses(tokens[j]) and _adj_parses(tokens[j]):
        adjs.append(tokens[j])
        j += 1
    if j >= len(tokens) or not _is_word(tokens[j]):
        return None
    case = n.tag.case
    for m in sorted(_noun_parses(tokens[j]), key=lambda p: -p.score):
        if m.tag.case != case or (m.tag.number != n.tag.number and n.tag.number == "sing"):
            continue
        chosen = []
        for a in adjs:
            cands = [p for p in _adj_parses(a) if _agree(p, m)]
            if not cands:
                break
            chosen.append(max(cands, key=lambda p: p.score))
        else:
            words = [_keep_yo(case_like(_nomn_adj(p, m.tag.number, m.tag.gender), a), a) for p, a in zip(chosen, adjs)]
            words.append(_keep_yo(case_like(_nomn_noun(m), tokens[j]), tokens[j]))
            return j, words
    return None


_CAPITALISED = re.compile(r"^[A-ZА-ЯЁ«\"„“]")
_ADJ_SUFFIX = re.compile(r"[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
_QUOTE_CHARS = "«»\"„“”"


def _adjective_phrase(tokens: list[str], cases: frozenset[str] | None, follower: str | None) -> str | None:
    """Adjectives without their noun (``Европейской``, ``сборных`` Австрии) to the nominative."""
    k = 0
    while k < len(tokens) and _is_word(tokens[k]) and _adj_parses(_split_hyphen_adj(tokens[k])[1]):
        k += 1
    if k == 0 or (k < len(tokens) and not _CAPITALISED.match(tokens[k])):
        return None
    if any(t[:1] == "(" or (t[:1].islower() and _noun_parses(t)) for t in tokens[k:]):
        return None  # "Кировоградской (Кропивницкой) области": a noun phrase, not an adjective alone
    if any(_noun_parses(t) and not _is_adj_only_context(_split_hyphen_adj(t)[1], t) for t in tokens[:k]):
        return None
    if not all(_in_dictionary(_split_hyphen_adj(t)[1]) or _ADJ_SUFFIX.search(t.lower()) for t in tokens[:k]):
        return None  # a guessed "adjective" (Чханнёном) is more likely a name
    agree_with = None
    if k < len(tokens) and tokens[k][:1] in _QUOTE_CHARS:
        quoted = tokens[k].strip(_QUOTE_CHARS)  # "тбилисского «Динамо»": agree with the quoted noun
        agree_with = [n for n in _noun_parses(quoted)] if quoted else []
        if not agree_with:
            return None
    elif follower and k == len(tokens):  # the noun after the mention: the reading agreeing with it
        agree_with = _noun_parses(follower)
    parts = [_split_hyphen_adj(t) for t in tokens[:k]]
    last = _adj_parses(parts[-1][1])
    if cases is not None:
        last = [p for p in last if p.tag.case in cases] or last
    if agree_with is not None:
        agreeing = [p for p in last if any(_agree(p, n) for n in agree_with)]
        if not agreeing and k < len(tokens):
            return None
        last = agreeing or last
    head = max(last, key=lambda p: (p.score, p.tag.number == "sing", p.tag.gender == "masc"))
    if head.tag.case == "nomn":
        return None
    number, gender = head.tag.number, head.tag.gender
    out = []
    for pre, a in parts:
        cands = [p for p in _adj_parses(a) if p.tag.case == head.tag.case and p.tag.number == number
                 and (number == "plur" or p.tag.gender == gender)]
        if not cands:
            return None
        out.append(pre + _keep_yo(case_like(_nomn_adj(cands[0], number, gender), a), a))
    return collapse_spaces(" ".join(out + tokens[k:]))


@lru_cache(maxsize=MEMO)
def canonicalize_phrase(surface: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
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
        return _adjective_phrase(tokens, cases, follower) or text
    adjs = [_split_hyphen_adj(a) for a in tokens[:head_idx]]
    head = tokens[head_idx]
    best = _best_head(head, adjs, cases) if cases is not None else None
    if best is None:
        cases = None
        best = _best_head(head, adjs, None)
    if best is None:
        return _adjective_phrase(tokens, cases, follower) or text
    _, n, chosen = best
    if len(tokens) == 1 and n.tag.number == "plur" and "Pltm" not in n.tag and "Geox" not in n.tag \
            and head[-1:].lower() in _CONSONANTS:
        return text  # Керманшах, Илам: a one-word name, not the plural cases of Керманша, ил (Афинах, Нидерландах are places)
    nomn_ok = any(p.tag.case == "nomn" and p.score >= 0.3 * n.score for p in _noun_parses(head))
    if n.tag.case == "nomn" or (nomn_ok and not adjs and cases is None):
        return text
    new = [pre + _keep_yo(case_like(_nomn_adj(p, n.tag.number, n.tag.gender), a), a) for p, (pre, a) in zip(chosen, adjs)]
    new.append(_keep_yo(case_like(_nomn_noun(n), head), head))
    rest = tokens[head_idx + 1:]
    post = _postposed_adjective(tokens, head_idx + 1, n)
    coord = _coordinated(tokens, head_idx, n)
    if post is not None:
        rest = [post] + tokens[head_idx + 2:]
    elif coord is not None:
        end, words = coord
        rest = ["и"] + words + tokens[end + 1:]
    return collapse_spaces(" ".join(new + rest))
