"""Persian names linked within their corpus (issue 18): a Persian name the tables leave without a cross-language
id, or with one no name of its corpus carries, gets the id of the az/en/ru name of its corpus that it writes
(:class:`CorpusLinks`); :func:`compared` is what both this and :mod:`pipeline.entities.bridge` compare of a name.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

from pipeline.dates.lexicon import roman
from pipeline.entities import translit
from pipeline.entities.org_keys import home_place, org_parts
from pipeline.entities.translit import (ROMAN_NUMERAL, XLANG_LABELS, _kind_name_readings, _pack, _places, linked_text,
                                         offered_readings, place_fold, place_kind)
from pipeline.text.normalize import lower


class CorpusLinks:
    """Cross-language ids that names of a script without short vowels (Persian) get from the other
    names of their corpus, where their own spelling gives none (issue 18).

    :meth:`want` the Persian names first (only a pack with ``name_skeletons`` takes them), then
    :meth:`offer` every az/en/ru name with its id; :meth:`resolve` links a wanted name to the id of
    the offered names of its label whose words, in some order, have its consonant skeletons and
    vowels that fit, with the fewest Latin i/u it does not write. Several ids at that best fit: if
    no language has two of them (one person whose az, en and ru keys differ: ``Əsğər Fərhadi`` /
    ``Asghar Farhadi``), the id of the most languages, then en before az before ru; two ids of one
    language (two different names) leave it unlinked: precision first.
    Memory: the wanted names and the offered names that share their skeletons, nothing else."""

    def __init__(self) -> None:
        self._wanted: dict[tuple[str, tuple[str, ...]], list[tuple[Any, Any, Any, Any]]] = {}  # (label, key) -> names
        self._packs: dict[str, Any] = {}
        self._own: dict[str, bool] = {}  # the wanted names' own ids -> offered by a name of the corpus
        self._offered: dict[tuple[str, tuple[str, ...]], set[tuple[str, str, Any]]] = {}

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def want(self, ref: Any, canonical: str, label: str, lang: str, own: str | None = None) -> bool:
        """Register a name with the id its spelling gives (``own``, often None); True if it can be
        linked within the corpus. A name whose own id no offered name has (the tables' reading of
        its short vowels: ``ترامپ`` read as Tramp) may get the id of a name of the corpus instead."""
        pack = _pack(lang)
        if pack is None or not hasattr(pack, "name_skeletons"):
            return False
        keys = wanted_readings(pack, canonical, label, lang, read=own is not None)
        if not keys:
            return False
        for slot, sk in keys:
            self._wanted.setdefault(slot, []).append((ref, sk, pack, own))
        if own is not None:
            self._own.setdefault(own, False)
        self._packs[lang] = pack
        return True

    def offer(self, canonical: str, label: str, lang: str, xid: str | None) -> None:
        """A name of the corpus with its id (names of the wanted packs' languages are not offered)."""
        if xid is None or not canonical or not self._wanted or label not in XLANG_LABELS:
            return
        if xid in self._own:
            self._own[xid] = True
        pack = _pack(lang)
        if pack is None or hasattr(pack, "name_skeletons"):
            return
        texts = compared(canonical, label, lang, cased=True)
        if label == "ORG" and " " in canonical.strip() and (label, canonical) not in texts:
            texts += ((label, canonical.strip()),)  # its words as names too: Persian spells Financial Times
        for slot, sk in offered_slots(texts, label, lang, self._packs, read=False):
            if slot in self._wanted:
                self._offered.setdefault(slot, set()).add((xid, lang, sk))

    def resolve(self) -> dict[Any, str]:
        """ref -> the cross-language id each wanted name is linked to (unlinked names are left out)."""
        fits: dict[Any, dict[tuple[str, str], int]] = {}  # ref -> (id, language) -> misfit, over its readings
        for slot, names in self._wanted.items():
            offered = sorted(self._offered.get(slot, ()))
            if not offered:
                continue
            for ref, sk, pack, own in names:
                if own is not None and self._own[own]:
                    continue  # its own id meets a name of the corpus
                ref_fits = fits.setdefault(ref, {})
                for xid, lang, lsk in offered:
                    for perm in (itertools.permutations(lsk) if len(lsk) <= 4 else (lsk,)):
                        m = pack.corpus_misfit(sk, perm)
                        if m is not None and m < ref_fits.get((xid, lang), m + 1):
                            ref_fits[(xid, lang)] = m
        out: dict[Any, str] = {}
        for ref, ref_fits in fits.items():
            if ref_fits:
                best = min(ref_fits.values())
                xid = _one_name([xl for xl, m in ref_fits.items() if m == best])
                if xid is not None:
                    out[ref] = xid
        return out


#: Kinds of organisation the press of one language names and another leaves out (``حزب مساوات`` / Musavat,
#: ``خبرگزاری ترند`` / Trend, ``گروه واگنر`` / Вагнер): a name of one of them is also compared as its name alone.
BARE_KINDS = frozenset({"party", "agency", "newspaper", "club", "airline", "air", "company", "group"})


#: Kinds of place whose name alone is the place itself in the press (``Кура`` is the river, ``Lut`` the desert;
#: ``Urmia`` is a city, not the lake): a Persian name of one of them also meets the name alone.
BARE_PLACES = frozenset({"river", "desert", "peninsula"})


@lru_cache(maxsize=None)
def compared(canonical: str, label: str, lang: str, cased: bool) -> tuple[tuple[str, str], ...]:
    """(slot, text) pairs :class:`CorpusLinks` compares of a name (``cased``: an offered name; else a wanted
    one): :func:`linked_text`; a wanted organisation whose first word is its kind also by the words after it
    as a name, whatever they mean (``بانک تجارت``, "trade bank", is Bank Tejarat; ``روزنامه اطلاعات`` is
    Ettela'at), and one of concepts alone also as its pack's home country's (``HOME``: ``وزارت بهداشت`` meets
    ``Iranian Health Ministry``); an organisation of one of the :data:`BARE_KINDS` also by its name alone, unless
    that name is a place (``دانشگاه تهران`` is not a Tehran of any kind); a place named with its kind also by
    its name alone with its kind, and a wanted one of the :data:`BARE_PLACES` by its name alone too
    (``رود کورا`` meets ``Kura River`` and ``Кура``). Both Persian passes ask for each name: unbounded while a
    link step runs (an organisation is read word by word), :func:`clear_readings` clears it."""
    slot, text = linked_text(canonical, label, lang, cased)
    out = [] if text is None else [(slot, text)]
    if not cased and label == "ORG":  # its words after its kind as a name too: بانک تجارت is Bank Tejarat
        words = canonical.split()
        kind = org_parts(words[0], lang) if len(words) >= 2 else None
        if kind is not None and len(kind[0]) == 1 and not kind[1]:
            out.append((f"{label} {kind[0][0]}", " ".join(words[1:])))
        parts, home = org_parts(canonical, lang), home_place(lang)
        if text is None and home and parts is not None and len(parts[0]) >= 2 and not parts[1]:
            out.append((f"{label} {' '.join(parts[0])}", home))  # وزارت بهداشت: Iran's Health Ministry
    for kind_slot, name in list(out):
        kinds = kind_slot.split()[1:]
        if len(kinds) == 1 and kinds[0] in BARE_KINDS and not _places(lang).get(place_fold(name, lang)):
            out.append((label, name))
    reign = regnal(canonical, lang) if label == "PER" else None
    if reign is not None:  # a ruler's number: the name without it, in a slot of that number (محمد ششم, Mohammed VI)
        out.append((f"{label} {reign[0]}", reign[1]))
    named = place_kind(text, lang) if label == "LOC" and text is not None else None
    if named is not None:
        out.append((f"{label} {named[0]}", named[1]))
        out += [(f"{label} {named[0]}", other) for other in _kind_name_readings(named[1], lang)]
        if not cased and named[0] in BARE_PLACES:
            out.append((label, named[1]))
    return tuple(dict.fromkeys(out))


def regnal(canonical: str, lang: str) -> tuple[int, str] | None:
    """(number, the name without it) of a ruler's name: one upper-case Roman numeral among its words (``Mohammed VI``,
    az ``VI Məhəmməd``, ``Папа Бенедикт XVI``), or the pack's own ``regnal`` reading (Persian ordinal words)."""
    own = getattr(_pack(lang), "regnal", None)
    if own is not None:
        return own(canonical)
    words = canonical.split()
    hits = [i for i, w in enumerate(words) if w.isupper() and ROMAN_NUMERAL.match(w.lower())]
    if len(hits) != 1 or len(words) < 2:
        return None
    return roman(words[hits[0]]), " ".join(w for i, w in enumerate(words) if i != hits[0])


def wanted_readings(pack: Any, canonical: str, label: str, lang: str, read: bool) -> list[tuple[Any, Any]]:
    """((slot, sorted skeletons), reading) of a Persian name, for each text :func:`compared` gives. ``read``: the
    tables read the name, so it needs more consonants (``corpus_key``), but a kind is as good as a consonant."""
    out = []
    for slot, text in compared(canonical, label, lang, cased=False):
        for sk in pack.name_skeleton_readings(text):
            key = pack.corpus_key(sk, read=read and slot == label)
            if key is not None:
                out.append(((slot, tuple(sorted(key))), sk))
    return out


def offered_slots(texts: tuple[tuple[str, str], ...], label: str, lang: str, packs: dict[str, Any],
                  read: bool) -> list[tuple[Any, Any]]:
    """((slot, sorted skeletons), reading) of an az/en/ru name's texts, as each wanted pack reads them."""
    out = []
    for slot, text in texts:
        whole = label == "ORG" or ("-" in text and " " not in text.strip())  # Mar-a-Lago, Рио-де-Жанейро: one word
        for wlang, wanted in packs.items():
            for sk in offered_readings(text, lang, wlang, whole):
                key = wanted.corpus_key(sk, read=read and slot == label)
                if key is not None:
                    out.append(((slot, tuple(sorted(key))), sk))
    return out


PREFERRED = {"en": 0, "az": 1, "ru": 2}


def clear_readings() -> None:
    """Forget what one corpus's names were compared as (:func:`compared`, and the readings of
    :func:`pipeline.entities.translit.clear_readings`): after each link step."""
    compared.cache_clear()
    translit.clear_readings()


def _one_name(fits: list[tuple[str, str]]) -> str | None:
    """The id to link among (id, language) fits, None if one language has two ids (two names)."""
    langs: dict[str, set[str]] = {}
    for xid, lang in fits:
        langs.setdefault(lang, set()).add(xid)
    if any(len(ids) > 1 for ids in langs.values()):
        return None
    by_id: dict[str, list[str]] = {}
    for xid, lang in fits:
        by_id.setdefault(xid, []).append(lang)
    return min(by_id, key=lambda x: (-len(by_id[x]), min(PREFERRED.get(lg, 9) for lg in by_id[x]), x))
