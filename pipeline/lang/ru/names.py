"""Russian canonical names and comparison keys (the protocol of a pack's names module:
pipeline/entities/canon.py): morphology picks the nominative; the words around a mention pick
between readings; a PER span that starts with a place is split in two."""

from __future__ import annotations

import re

from pipeline.entities.acronyms import MentionRef
from pipeline.entities.canon import NAME_LABELS
from pipeline.entities.canon import canonicalize as canonicalize_any
from pipeline.entities.ru import canonicalize_ru, is_adjective, key_ru, person_alternatives

Mention = tuple[int, int, str, str]  # (start, end, label, surface)

DROP_TITLES = True  # "академика Красного С.А." -> "Красный С.А."

# State-form words dropped from LOC keys: "Республика Беларусь" = "Беларусь".
LOC_DESIGNATORS = re.compile(
    r"^(?:(?:исламская|федеративная|народная|арабская|демократическая|объединенная|кооперативная)\s+)*"
    r"(?:республика|султанат|королевство|государство|княжество|эмират|страна)\s+(?=\S)"
)
# A legal form or generic descriptor around a quoted name: the quoted name is the key
# (``государственное учреждение «РНПЦ ...»`` = ``РНПЦ ...``, ``ОАО «Газпром»`` = ``Газпром``).
QUOTED_NAME = re.compile(
    r"^(?:(?:[а-яё\-]+\s+){1,4}|(?:ОАО|ЗАО|ООО|ПАО|АО|ГУ|ГУО|УЗ|РУП|УП|ОДО|ЧУП|ИП|НКО|ФГУП|ФГБУ|ГБУЗ)\s+)"
    r"[«\"„“](?P<name>[^«»\"„“”]+)[»\"“”]$"
)


def canonicalize(surface: str, label: str, cases: frozenset[str] | None = None, follower: str | None = None) -> str:
    return canonicalize_ru(surface, label, cases, follower)


key = key_ru


def lone_adjective(word: str) -> bool:
    """A title is kept when only an adjective of it would remain (``герцогиня Корнуольская``)."""
    return is_adjective(word)


def surname(words: list[str]) -> str:
    """The surname word of a multi-word person canonical: ``Красный С.А.`` (Surname I.O.) or ``Сергей Красный``."""
    return words[0] if words[-1].endswith(".") else words[-1]


def document_hints(text: str, refs: list[MentionRef]) -> None:
    """Read each mention in the cases its context allows, then settle ambiguous surnames."""
    _resolve_persons(refs, _case_hints(text, refs))


def split_joined_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every PER span that starts with a place split in two: ``Султаната Оман Хилялем бин Али Аль Сабти``
    (PER) -> ``Султаната Оман`` (LOC) and ``Хилялем бин Али Аль Сабти`` (PER)."""
    from pipeline.entities.ru_context import split_joined

    places = frozenset(canonicalize_any(surf, "LOC", "ru").lower() for _, _, lab, surf in mentions if lab == "LOC")
    out: list[Mention] = []
    for start, end, label, surface in mentions:
        cut = split_joined(surface, places) if label == "PER" else 0
        if cut:
            place = surface[: cut].rstrip()
            out.append((start, start + len(place), "LOC", place))
            out.append((start + cut, end, "PER", surface[cut:]))
        else:
            out.append((start, end, label, surface))
    return out


def _resolve_persons(refs: list[MentionRef], hinted: set[int]) -> None:
    """Pick the reading of an ambiguous surname (``Петрова``) that another mention confirms."""
    firsts = {
        r.canonical
        for i, r in enumerate(refs)
        if r.label == "PER" and (i in hinted or len(person_alternatives(r.surface)) == 1)
    }
    for i, r in enumerate(refs):
        if r.label != "PER" or i in hinted:
            continue
        alts = person_alternatives(r.surface)
        if len(alts) > 1:
            confirmed = [a for a in alts if a in firsts]
            if len(confirmed) == 1:
                r.canonical = confirmed[0]


_GENITIVE_BEFORE = re.compile(r"(?:\bим\.|\bимени)\s*$")


def _case_hints(text: str, refs: list[MentionRef]) -> set[int]:
    """Read each mention in the cases its context allows (:mod:`pipeline.entities.ru_context`).

    A person right after ``им.``/``имени`` is in the genitive; after ``Министра ...`` in the
    genitive, after ``с Министром ...`` in the instrumental; a PER span that starts with a
    place (``Султаната Оман Хилялем ...``) is read as the person alone. Returns the indices of
    persons whose reading the context fixed.
    """
    from pipeline.entities.ru_context import context_cases, follower, split_joined

    places = frozenset(r.canonical.lower() for r in refs if r.label == "LOC")
    hinted = set()
    for i, r in enumerate(refs):
        if r.label not in NAME_LABELS:
            continue
        surface, start = r.surface, r.start
        if r.label == "PER":
            cut = split_joined(surface, places)
            if cut:
                surface, start = surface[cut:], start + cut
                r.canonical = canonicalize_any(surface, "PER", "ru")
        if r.label == "PER" and _GENITIVE_BEFORE.search(text[max(0, start - 8): start]):
            cases = frozenset({"gent"})
        else:
            cases = context_cases(text, start, r.label)
        if cases is None and r.label == "PER":
            continue
        reading = canonicalize_any(surface, r.label, "ru", cases, None if r.label == "PER" else follower(text, r.end))
        if reading != r.canonical:
            r.canonical = reading
            if r.label == "PER":
                hinted.add(i)
    return hinted
