"""Links the commit makes between the names of a run's other languages (issue 18): English names that az/ru
write by their sound (:class:`SoundLinks`) and names written with an English name's letters
(:class:`SpellingLinks`). The Persian names' links are :class:`pipeline.entities.corpus_links.CorpusLinks`."""

from __future__ import annotations

from array import array
from typing import Any

import numpy as np

from pipeline.entities.translit import XLANG_LABELS, _id_of, latin_key, sound_keys


class SoundLinks:
    """One person's or place's ids in az/en/ru made one where the English name is spelled and the others
    are written by its sound (``Bill Gates`` / ``Bill Qeyts`` / ``Билл Гейтс``, ``Trump`` / ``Трамп``).

    :meth:`offer` the ids of the names of the other languages first (az, ru, fa); then :meth:`link` each
    name of a language whose pack says how its words sound (en): a PER name, or a LOC/ORG name of two
    words or more (one-word places and brands meet too many others by sound: ``Warren`` / ``Uran``),
    whose own id no offered name has, takes the one offered id among its sound keys' ids; none if two.
    Memory: 8 bytes per offered id (the ids' 64 bits in one sorted array)."""

    def __init__(self) -> None:
        self._offered = array("Q")
        self._sorted: Any = None

    def offer(self, ids: list[str | None]) -> None:
        """The ids of names of other languages than the ones linked (None: a name without one)."""
        self._offered.extend(int(x, 16) for x in ids if x is not None)
        self._sorted = None

    def _has(self, xid: str) -> bool:
        if self._sorted is None:
            self._sorted = np.unique(np.frombuffer(self._offered, dtype=np.uint64))
        v = np.uint64(int(xid, 16))
        at = int(np.searchsorted(self._sorted, v))
        return at < len(self._sorted) and self._sorted[at] == v

    def link(self, canonical: str, label: str, lang: str, own: str | None) -> str | None:
        """The id an English name takes from the offered names, or None (it keeps its own)."""
        if own is None or not canonical or label not in XLANG_LABELS or self._has(own):
            return None
        if label != "PER" and len(canonical.split()) < 2:
            return None
        own_key = latin_key(canonical, label, lang)
        hits = {i for i in (_id_of(label, k) for k in sound_keys(canonical, label, lang) if k != own_key)
                if self._has(i)}
        return hits.pop() if len(hits) == 1 else None


class SpellingLinks:
    """A name that another language's text writes with the letters of an English name of the corpus
    (``Google``, ``Facebook`` in az text, ``SOCAR`` in ru text) takes that name's id: az reads ``Google`` with
    its own letters (``c`` is j, a final ``e`` sounds), so its key is not the English one. Same label, same
    letters (case aside), one English id. Memory: the English names' (label, folded name) -> ids."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], set[str]] = {}

    def offer(self, canonical: str, label: str, xid: str | None) -> None:
        """An English name with its id (after :class:`SoundLinks`)."""
        if xid is not None and canonical and label in XLANG_LABELS:
            self._ids.setdefault((label, canonical.casefold()), set()).add(xid)

    def link(self, canonical: str, label: str, own: str | None) -> str | None:
        """The id a name of another language takes, or None (it keeps its own)."""
        ids = self._ids.get((label, canonical.casefold())) if canonical else None
        if not ids or len(ids) != 1 or own in ids:
            return None
        return next(iter(ids))
