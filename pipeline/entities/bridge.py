"""A Persian name as the bridge between the az/en/ru spellings of one name in a corpus (issue 18).

The az, en and ru keys of one person or place often differ (``Michael Jackson`` / ``Maykl Cekson`` /
``Майкл Джексон``, ``Yasser Arafat`` / ``Ясир Арафат``, ``Porsche`` / ``Порше``): each language writes a
foreign name its own way, and a Persian name then meets one of them at most. A Persian name that
writes exactly one name of a language in its corpus (consonant skeletons equal, its long vowels where
that name has vowels of their kind: the fit of :class:`~pipeline.entities.corpus_links.CorpusLinks`), in
two or more languages, makes their ids one, and takes it; so does a Persian name whose own id one
language's names carry, with the languages it has no partner in yet.

Precision first: a language with two ids that fit leaves that language out; two ids whose names each
span two languages already (the tables' places, ``Germany`` / ``Armenia``) stay two entities; the two
Latin names joined must agree where both write a vowel (a/e, e/i/y, o/u: ``Mehmood`` is not ``Мохамад``
though ``محمد`` writes both); names read by their letters (``BBC``) and names with no capital are not
offered. The id kept is an English name's, then an az, then a ru one (then the smallest).
Memory: the Persian names' readings and the offered names that share their skeletons.
"""

from __future__ import annotations

import itertools
from typing import Any

from pipeline.entities.corpus_links import PREFERRED, compared, offered_slots, wanted_readings
from pipeline.entities.translit import XLANG_LABELS, _pack, latin_key

NAME = "entities.bridge.v1"
_CLASSES = ("ae", "eiy", "ou")


def _vowel_classes(gap: str) -> set[int]:
    return {k for k, c in enumerate(_CLASSES) for v in gap if v in c}


MIN_AGREEING = 3  # places where two readings agree that let one other place disagree


def latin_agree(a: Any, b: Any) -> bool:
    """Two Latin readings with one skeleton: where both write a vowel between the same consonants, the
    vowels share a class (a/e, e/i/y, o/u: ``Yasser`` / ``Ясир``, not ``Mehmood`` / ``Мохамад``), but at one
    place if MIN_AGREEING others do (az harmony: ``Möhsün Fəxrizadə`` / ``Mohsen Fakhrizadeh``)."""
    agreeing = disagreeing = 0
    for (sa, ga), (sb, gb) in zip(a, b):
        if sa != sb:
            return False
        for x, y in zip(ga, gb):
            if x and y:
                if _vowel_classes(x) & _vowel_classes(y):
                    agreeing += 1
                else:
                    disagreeing += 1
    return disagreeing == 0 or (disagreeing == 1 and agreeing >= MIN_AGREEING)


class BridgeLinks:
    """:meth:`want` the Persian names with their current ids, :meth:`offer` every az/en/ru name with its id
    (after the passes before), then :meth:`carry` them all again (the languages that carry each id that
    matters), then :meth:`resolve`: the Persian names' new ids, and :attr:`remap`, the ids made one."""

    def __init__(self) -> None:
        self._wanted: list[tuple[Any, str, str | None, list[Any], Any]] = []  # (ref, label, id, readings, pack)
        self._slots: set[tuple[str, tuple[str, ...]]] = set()  # (label, sorted skeletons) the wanted names have
        self._offered: dict[tuple[str, tuple[str, ...]], set[tuple[str, str, Any]]] = {}  # slot -> (id, lang, reading)
        self._langs: dict[str, set[str]] = {}  # id that matters -> the az/en/ru languages of the names that carry it
        self._packs: dict[str, Any] = {}  # language -> the wanted names' pack
        self.remap: dict[str, str] = {}  # after resolve: id -> the id it was made one with
        self.merged: list[tuple[str, str, Any]] = []  # after resolve: (id, the id it was made one with, the bridge)

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def want(self, ref: Any, canonical: str, label: str, lang: str, xid: str | None) -> None:
        """A name of a script without short vowels (a pack with ``name_skeleton_readings``)."""
        pack = _pack(lang)
        if pack is None or not hasattr(pack, "name_skeleton_readings") or label not in XLANG_LABELS:
            return
        readings = wanted_readings(pack, canonical, label, lang, read=True)
        if readings:
            self._wanted.append((ref, label, xid, readings, pack))
            self._packs[lang] = pack
            self._slots.update(slot for slot, _ in readings)
            if xid is not None:
                self._langs.setdefault(xid, set())

    def offer(self, canonical: str, label: str, lang: str, xid: str) -> None:
        """A name of a cased script with its id."""
        if not self._wanted or label not in XLANG_LABELS or not any(c.isupper() for c in canonical):
            return
        pack = _pack(lang)
        if pack is None or hasattr(pack, "name_skeleton_readings"):
            return
        texts = compared(canonical, label, lang, cased=True)
        if label == "ORG":  # not an organisation's name without its kind: ids made one need more than the
            texts = texts[:1]  # corpus links (Müsavat Partiyası is no Моссад)
        fits = [(slot, sk) for slot, sk in offered_slots(texts, label, lang, self._packs, read=True)
                if slot in self._slots]
        if not fits or (label == "ORG" and (latin_key(canonical, label, lang) or "").startswith("acr ")):
            return  # no Persian name writes it; or it is read by its letters (BBC): no word to write
        for slot, sk in fits:
            self._offered.setdefault(slot, set()).add((xid, lang, sk))
        self._langs.setdefault(xid, set())

    def carry(self, lang: str, xid: str) -> None:
        """A name of the corpus (any language but the wanted ones) carries ``xid``: after every offer."""
        if xid in self._langs:
            self._langs[xid].add(lang)

    def _writes(self, label: str, readings: list[Any], pack: Any) -> dict[str, dict[str, list[Any]]]:
        """language -> id -> the Latin readings the Persian name writes (exact skeletons, vowels that fit)."""
        out: dict[str, dict[str, list[Any]]] = {}
        for slot, sk in readings:
            for xid, lang, lsk in sorted(self._offered.get(slot, ())):
                for perm in (itertools.permutations(lsk) if len(lsk) <= 4 else (lsk,)):
                    if pack.corpus_misfit(sk, perm, diphthong=False) is not None:  # ids made one: not ای as ei
                        out.setdefault(lang, {}).setdefault(xid, []).append(perm)
                        break
        return out

    def resolve(self) -> dict[Any, str]:
        """ref -> the new id of each Persian name whose id changes; :attr:`remap` gets the ids made one."""
        parent: dict[str, str] = {}
        carried = {x: lg for x, lg in self._langs.items() if lg}  # ids some az/en/ru name carries
        langs = {x: set(lg) for x, lg in carried.items()}  # a component's languages, as it grows
        readings: dict[str, list[Any]] = {}  # id -> Latin readings a Persian name wrote it with

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        def rank(x: str) -> tuple[int, str]:
            return (min((PREFERRED.get(lg, 9) for lg in carried.get(x, ())), default=9), x)

        def agree(a: str, b: str) -> bool:
            ra, rb = readings.get(a), readings.get(b)
            return ra is None or rb is None or any(latin_agree(x, y) for x in ra for y in rb)

        bridged = []
        for ref, label, own, rs, pack in self._wanted:
            if own is not None and own not in carried:
                continue  # the tables read it as a name no name of the corpus is (کرمان Kerman)
            ids = []
            for lang, by_id in sorted(self._writes(label, rs, pack).items()):
                if lang in carried.get(own, ()):
                    readings.setdefault(own, []).extend(by_id.get(own, ()))  # its partner, as it writes it
                elif len(by_id) == 1:  # two names that fit in one language: no bridge there
                    ((xid, written),) = by_id.items()
                    readings.setdefault(xid, []).extend(written)
                    ids.append(xid)
            shores = sorted(set(ids) | ({own} if own in carried else set()))
            if len(shores) < 2:
                continue  # a bridge needs two shores
            bridged.append((ref, own, shores))
            for other in shores[1:]:
                a, b = root(shores[0]), root(other)
                if a == b or (len(langs.get(a, ())) > 1 and len(langs.get(b, ())) > 1):
                    continue  # two ids the names of two languages each carry already: two entities
                if not all(agree(x, other) for x in shores if x != other):
                    continue
                keep, drop = sorted((a, b), key=rank)
                parent[drop] = keep
                langs[keep] = langs.get(keep, set()) | langs.get(drop, set())
                self.merged.append((drop, keep, ref))
        self.remap = {x: root(x) for x in sorted(parent)}
        out: dict[Any, str] = {}
        for ref, own, shores in bridged:
            roots = {root(x) for x in shores}
            if len(roots) == 1 and (new := roots.pop()) != own:
                out[ref] = new
        return out
