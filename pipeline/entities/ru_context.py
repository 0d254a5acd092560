"""The words around a Russian mention: the cases they allow, the noun after it, joined LOC+PER spans.

* A preposition fixes the case (``к Дадашеву``: dative; ``у Кристенсена``: genitive).
* A common noun right before a name governs it in the genitive (``По словам Кисина``,
  ``Офис «Башинформа»``, ``в составе Мальорки``), except a category noun whose name is an
  apposition (``город Тусон``, ``группа «Центр»``: no constraint).
* A person after a title noun (``Министра ... Богданова А.И.``, ``с Министром здравоохранения
  Султаната Оман Хилялем ...``) is an apposition in the title's case, or its genitive
  complement; the genitive words between them (the ministry, the country) are skipped.
* :func:`split_joined` finds a PER span that starts with a place (``Султаната Оман Хилялем бин
  Али Аль Сабти``): the place and the person are two mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.entities.ru import _parses
from pipeline.text.memo import MEMO

_PREPOSITIONS: dict[str, frozenset[str]] = {}
for _words, _cases in (
    ("в во на", ("loct", "accs", "loc2")),
    ("о об обо при", ("loct",)),
    ("к ко благодаря согласно вопреки навстречу", ("datv",)),
    ("по", ("datv", "loct", "accs")),
    ("из изо от ото до у без для около после возле против вокруг среди кроме вместо ради мимо вдоль "
     "из-за из-под напротив со стороны", ("gent", "gen2")),
    ("с со", ("ablt", "gent", "accs")),
    ("за под подо", ("ablt", "accs")),
    ("над надо перед передо между", ("ablt",)),
    ("через про сквозь", ("accs",)),
):
    for _w in _words.split():
        _PREPOSITIONS[_w] = frozenset(_cases)

# Nouns whose name follows as an apposition (any case, usually the nominative): no constraint.
_CATEGORY = frozenset(
    "город село деревня посёлок поселок станица хутор аул кишлак префектура провинция штат округ район "
    "регион департамент коммуна графство кантон волость уезд губерния земля остров полуостров река озеро "
    "море залив пролив гора хребет улица проспект площадь переулок шоссе станция порт аэропорт вокзал "
    "республика султанат королевство княжество эмират государство страна "
    "группа партия компания фирма клуб команда газета журнал телеканал канал агентство издательство "
    "холдинг медиахолдинг галерея театр музей кинотеатр фестиваль конкурс шоу фильм программа проект "
    "движение организация фонд банк завод фабрика корпорация концерн объединение ресторан отель гостиница "
    "магазин сеть бренд марка сериал альбом песня книга роман операция турнир чемпионат кубок сайт "
    "портал издание радиостанция радио телекомпания студия лейбл ансамбль оркестр хор коллектив "
    "марка модель корабль судно крейсер линкор самолёт самолет ракета спутник".split()
)
# Nouns that govern nothing here: time words (``31 июля Муром посетят``), list headers.
_NOT_GOVERNING = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь год месяц неделя "
    "день утро вечер ночь час минута понедельник вторник среда четверг пятница суббота воскресенье "
    "перенаправление".split()
)
_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init")
# Marker in a case set: the reading must have evidence of its own (a title found further back).
NEEDS_EVIDENCE = "+evidence"
_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[A-Za-z]+|\d+|\S")
_CLAUSE_END = re.compile(r"[;:!?\n]|\.\s|—|–")
_QUOTES = set("«»\"„“”'")


def _common_noun(word: str):
    """The best parse of ``word`` if it is a common noun (not a name), else None."""
    ps = _parses(word)
    if not ps:
        return None
    best = ps[0]
    if best.tag.POS != "NOUN" or any(t in best.tag for t in _NAME_TAGS):
        return None
    return best


def _noun_cases(word: str) -> frozenset[str]:
    """Singular cases of a title noun (a person in apposition is one person)."""
    ps = [p for p in _parses(word) if p.tag.POS == "NOUN" and p.tag.case and p.tag.number != "plur"]
    top = max((p.score for p in ps), default=0.0)
    return frozenset(p.tag.case for p in ps if p.score >= 0.2 * top)


def _left_tokens(text: str, start: int) -> list[str]:
    left = text[max(0, start - 200): start]
    cut = None
    for m in _CLAUSE_END.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    return _TOKEN.findall(left)


def _has_gent(word: str) -> bool:
    return any(p.tag.case == "gent" or "Fixd" in p.tag for p in _parses(word))


@lru_cache(maxsize=MEMO)
def _cases_for(left: tuple[str, ...], label: str) -> frozenset[str] | None:
    toks = [t for t in left if t not in _QUOTES]
    if not toks:
        return None
    prev = toks[-1]
    low = prev.lower()
    if low in _PREPOSITIONS and (prev.islower() or len(toks) == 1):
        return _PREPOSITIONS[low]
    if low in ("им", "имени") or (low == "." and len(toks) > 1 and toks[-2].lower() == "им"):
        return frozenset({"gent"})
    noun = _common_noun(prev) if prev[:1].isalpha() else None
    if noun is not None:
        if noun.normal_form in _CATEGORY or noun.normal_form in _NOT_GOVERNING:
            return None
        if label == "PER" and "anim" in noun.tag:
            return _noun_cases(prev) | {"gent"}
        return frozenset({"gent"})
    if label != "PER":
        return None
    # A title further back: "Министра антимонопольного регулирования ... Республики Беларусь Богданова"
    for i in range(len(toks) - 1, max(-1, len(toks) - 12), -1):
        t = toks[i]
        if not re.match(r"[А-Яа-яЁё]", t):
            if t in (".", ",") or t.isdigit():
                return None
            continue  # initials, Latin abbreviations
        noun = _common_noun(t)
        if noun is not None and "anim" in noun.tag and noun.normal_form not in _CATEGORY:
            return _noun_cases(t) | {"gent", NEEDS_EVIDENCE}
        if any("Name" in p.tag for p in _parses(t) if p.score >= 0.1) and t[:1].isupper():
            return None  # another person between the title and this one ("... Билла Клинтона Джо Локхарту")
        if t == "и" or t[:1].isupper() or _has_gent(t):
            continue
        return None
    return None


def context_cases(text: str, start: int, label: str) -> frozenset[str] | None:
    """The cases the words before a mention allow it, or None when they say nothing."""
    return _cases_for(tuple(_left_tokens(text, start)[-14:]), label)


_FOLLOWER = re.compile(r"^[\s»\"”]*([а-яё]+)")


def follower(text: str, end: int) -> str | None:
    """The lower-case word right after a mention (the noun an adjectival mention agrees with)."""
    m = _FOLLOWER.match(text[end: end + 40])
    return m.group(1) if m else None


_DESIGNATORS = ("республика", "султанат", "королевство", "княжество", "эмират", "штат", "провинция", "государство")


def _designated_place(words: list[str]) -> int:
    """Number of leading words that name a designated place (``Султаната Оман``), else 0."""
    if len(words) >= 3 and words[1][:1].isupper():
        if any(p.normal_form in _DESIGNATORS for p in _parses(words[0]) if p.tag.POS == "NOUN"):
            return 2
        # "России Владимир Путин": a dictionary place name in an oblique case, never a name word
        ps = _parses(words[0])
        if ps and "Geox" in ps[0].tag and ps[0].tag.case != "nomn" and words[0][:1].isupper() and not any(
            t in p.tag for p in ps for t in ("Name", "Surn", "Patr")
        ) and type(ps[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer":
            return 1
    return 0


def split_joined(surface: str, place_keys: frozenset[str] = frozenset()) -> int:
    """Characters of a PER surface taken by a leading place (0 if none): ``Султаната Оман Хилялем ...``.

    The place is a state designator and its name, or the first one or two words when they
    read as a place mention of the same document (``place_keys``: lower-case canonical LOC
    forms). At least one capitalised name word must remain for the person.
    """
    words = surface.split(" ")
    n = _designated_place(words)
    if not n and place_keys:
        from pipeline.entities.ru_phrase import canonicalize_phrase

        for k in (2, 1):
            if len(words) > k + (1 if k == 1 else 0) and canonicalize_phrase(" ".join(words[:k])).lower() in place_keys:
                n = k
                break
    if not n or not all(w[:1].isupper() for w in words[n: n + 1]):
        return 0
    return len(" ".join(words[:n])) + 1
