"""Per-document entity step: canonical forms, acronym links, person coreference, keys, ids."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.entities.acronyms import MentionRef, acronym_core, link_acronyms
from pipeline.entities.canon import NAME, NAME_LABELS, canonicalize, entity_id, entity_key, names_of

Mention = tuple[int, int, str, str]  # (start, end, label, surface)


class EntityCanonicalizer:
    """Canonical form, key and entity id for every mention of one document.

    What is specific to a language comes from its pack's names module (``names_of``: e.g. the
    Russian case hints and the Azerbaijani postpositions). Morphology (pymorphy3) loads on first
    Russian mention, once per process; all per-word work is cached, so the step is cheap to pickle
    and to call per document.
    """

    name = NAME

    def split_mentions(self, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with every PER span that starts with a place split in two (the pack's
        ``split_joined_mentions``: Russian).

        ``Султаната Оман Хилялем бин Али Аль Сабти`` (PER) -> ``Султаната Оман`` (LOC) and
        ``Хилялем бин Али Аль Сабти`` (PER); every other mention is returned unchanged, in order.
        """
        return split_joined_mentions(text, lang, mentions)

    def canonicalize_document(
        self, text: str, lang: str, mentions: list[Mention]
    ) -> list[tuple[str, str | None, str | None]]:
        """Per mention ``(canonical, key, entity_id)``; key and id are None for non-name labels (DATE)."""
        refs = [MentionRef(s, e, lab, surf, canonicalize(surf, lab, lang)) for s, e, lab, surf in mentions]
        hints = getattr(names_of(lang), "document_hints", None)
        if hints is not None:  # the words around each mention (Russian cases, Azerbaijani postpositions)
            hints(text, refs)
        _link_translations(text, refs)
        _link_org_variants(refs, lang)
        canon = link_acronyms(text, refs, lang)
        for ref, c in zip(refs, canon):
            ref.canonical = c
        _link_bare_surnames(refs, lang)
        out: list[tuple[str, str | None, str | None]] = []
        for ref in refs:
            if ref.label not in NAME_LABELS:
                out.append((ref.canonical, None, None))  # DATE: normalised by pipeline.dates, no entity
                continue
            key = entity_key(ref.canonical, ref.label, lang)
            out.append((ref.canonical, key, entity_id(key, ref.label, lang)))
        return out


_LANG_GLOSS = re.compile(r"^\s*[(\[]\s*(?:[A-ZА-ЯЁ][a-zа-яё]+\.?|in [A-Z][a-z]+|на [а-яё]+(?: языке)?)\s*:\s*$")


def _link_translations(text: str, refs: list[MentionRef]) -> None:
    """``National Center of Oncology (Azerbaijani: Milli Onkologiya Mərkəzi)``: the gloss joins the name."""
    ordered = sorted(range(len(refs)), key=lambda i: refs[i].start)
    for a, b in zip(ordered, ordered[1:]):
        ra, rb = refs[a], refs[b]
        if ra.label != rb.label or rb.start - ra.end > 40:
            continue
        if _LANG_GLOSS.match(text[ra.end: rb.start]) and re.match(r"^\s*[)\];,]", text[rb.end: rb.end + 3]):
            rb.canonical = ra.canonical


_FUNCTION_WORDS = {"of", "the", "and", "for", "və", "üzrə", "и", "по", "de", "la"}


def _content_words(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if w not in _FUNCTION_WORDS)


def _link_org_variants(refs: list[MentionRef], lang: str) -> None:
    """Same-document ORG variants take one canonical form.

    * A place qualifier (``National Center of Oncology of Azerbaijan``, ``Azerbaijan National
      Center of Oncology``, ``NCO of Azerbaijan``) is dropped when the bare name is also a
      mention, the place is a LOC mention of the document, and the bare name is qualified by
      only one place in the document (two ministries of two countries stay apart).
    * Reordered names with the same content words (``National Oncology Center`` /
      ``National Center of Oncology``, at least three words) join the more frequent form.
    """
    orgs = [r for r in refs if r.label == "ORG"]
    if len(orgs) < 2:
        return
    keys = {id(r): entity_key(r.canonical, "ORG", lang) for r in orgs}
    by_key: dict[str, MentionRef] = {}
    for r in orgs:
        by_key.setdefault(keys[id(r)], r)
    counts = Counter(keys.values())
    names = names_of(lang)
    if getattr(names, "QUALIFIED_BY_PLACE", False):
        after = getattr(names, "PLACE_AFTER", None)
        places = {entity_key(r.canonical, "LOC", lang) for r in refs if r.label == "LOC"}
        qualified: dict[str, dict[str, list[MentionRef]]] = {}
        acronym_bases: dict[str, str] = {}
        for r in orgs:
            base, place = _split_place(keys[id(r)], places, after)
            if base and base not in by_key:
                head = r.canonical.split()[0] if r.canonical.split() else ""
                if acronym_core(head) and entity_key(head, "ORG", lang) == base:
                    acronym_bases[base] = head  # "NCO of Azerbaijan": the acronym links later
            if base and (base in by_key or base in acronym_bases):
                qualified.setdefault(base, {}).setdefault(place, []).append(r)
        for base, by_place in qualified.items():
            if len(by_place) == 1:
                for r in next(iter(by_place.values())):
                    r.canonical = by_key[base].canonical if base in by_key else acronym_bases[base]
                    keys[id(r)] = base
        counts = Counter(keys.values())
    bags: dict[frozenset[str], list[str]] = {}
    for k in dict.fromkeys(keys[id(r)] for r in orgs):
        bag = _content_words(k)
        if len(bag) >= 3 and k in by_key and acronym_core(by_key[k].canonical) is None:
            bags.setdefault(bag, []).append(k)
    for variants in bags.values():
        if len(variants) < 2:
            continue
        best = max(variants, key=lambda k: (counts[k], -variants.index(k)))
        for r in orgs:
            if keys[id(r)] in variants:
                r.canonical = by_key[best].canonical


def _split_place(key: str, places: set[str], after: str | None) -> tuple[str | None, str | None]:
    """(``national center of oncology``, ``azerbaijan``) from ``national center of oncology of azerbaijan``
    (``after``: the word that puts a place after the name, `` of ``) or ``azerbaijan national center of oncology``."""
    for place in places:
        if not place:
            continue
        if after and key.endswith(after + place):
            return key[: -len(after + place)].removeprefix("the "), place
        if key.startswith(place + " ") and len(key) > len(place) + 1:
            return key[len(place) + 1:], place
    return None, None


def _surname(canonical: str, lang: str) -> str | None:
    """The surname word of a multi-word person canonical (``Cəmil Əliyev``; the pack's ``surname``:
    ``Красный С.А.``)."""
    words = canonical.split()
    if len(words) < 2:
        return None
    pick = getattr(names_of(lang), "surname", None)
    return pick(words) if pick is not None else words[-1]


def _link_bare_surnames(refs: list[MentionRef], lang: str) -> None:
    """A one-word person mention takes the full name of the only person in the document with that surname."""
    by_surname: dict[str, set[str]] = {}
    for r in refs:
        if r.label != "PER":
            continue
        s = _surname(r.canonical, lang)
        if s:
            by_surname.setdefault(entity_key(s, "PER", lang), set()).add(entity_key(r.canonical, "PER", lang) + "\t" + r.canonical)
    for r in refs:
        if r.label != "PER" or len(r.canonical.split()) != 1 or acronym_core(r.canonical):
            continue
        full = by_surname.get(entity_key(r.canonical, "PER", lang), set())
        keys = {f.split("\t")[0] for f in full}
        if len(keys) == 1:
            r.canonical = sorted(full)[0].split("\t")[1]


def split_joined_mentions(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """Functional form of :meth:`EntityCanonicalizer.split_mentions`."""
    split = getattr(names_of(lang), "split_joined_mentions", None)
    return split(text, mentions) if split is not None else list(mentions)


def canonicalize_mentions(text: str, lang: str, mentions: list[Mention]) -> list[tuple[str, str | None, str | None]]:
    """Functional shortcut for :meth:`EntityCanonicalizer.canonicalize_document`."""
    return EntityCanonicalizer().canonicalize_document(text, lang, mentions)


__all__ = ["EntityCanonicalizer", "canonicalize_mentions", "split_joined_mentions"]
