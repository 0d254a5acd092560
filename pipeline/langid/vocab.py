"""Word lists of all fourteen languages the identifier tells apart, as one table of 32-bit hashes.

``models/langid/vocab/`` holds the sorted BLAKE2b-32 hashes of the lower-cased word forms of Debian's
tesseract word lists (tessdata_fast, (C) Google Inc., Apache-2.0; built by ``python -m
pipeline.training.langid_vocab``) with, per hash, a bit mask of the languages whose list has the word. One
binary search answers "which of the fourteen languages have this word?" with a false-positive rate under
1e-4 per language (at most ~250k forms per language in 2^32 values), in ~10 MB instead of ~30 MB of text,
memory-mapped (processes share the pages; nothing is read until a word is looked up; the process that
forks a run's workers maps it in full: :mod:`pipeline.io.mapped`). The combiner reads it
as evidence where a pair of words is all there is: ``حمایت سیاسی`` is Persian and Urdu, ``سنیچر`` only Urdu;
``наказом`` is Ukrainian only.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.io.mapped import load_mapped
from pipeline.text.memo import MEMO

VOCAB_DIR = "vocab"
FILES = ("hashes.npy", "masks.npy", "langs.txt")


@lru_cache(maxsize=MEMO)
def word_hash(word: str) -> int:
    """Stable 32-bit hash of a (lower-cased) word."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


class WordLists:
    """Which languages' word lists hold a word: `hashes` (sorted, unique uint32), `masks` (uint16, bit i for
    `langs[i]`)."""

    def __init__(self, hashes: np.ndarray, masks: np.ndarray, langs: tuple[str, ...]):
        self.hashes = hashes
        self.masks = masks
        self.langs = langs
        self.bit = {lang: 1 << i for i, lang in enumerate(langs)}

    @classmethod
    def load(cls, folder: Path) -> "WordLists":
        langs = tuple((folder / "langs.txt").read_text(encoding="utf-8").split())
        return cls(load_mapped(folder / "hashes.npy"), load_mapped(folder / "masks.npy"), langs)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "hashes.npy", np.ascontiguousarray(self.hashes), allow_pickle=False)
        np.save(folder / "masks.npy", np.ascontiguousarray(self.masks), allow_pickle=False)
        (folder / "langs.txt").write_text("\n".join(self.langs) + "\n", encoding="utf-8")

    def __contains__(self, lang: str) -> bool:
        return lang in self.bit

    def masks_of(self, words: list[str]) -> list[int]:
        """Per lower-cased word, the bit mask of the languages that have it (0: none)."""
        if not words:
            return []
        keys = np.array([word_hash(w) for w in words], dtype=np.uint32)
        idx = np.minimum(self.hashes.searchsorted(keys), len(self.hashes) - 1)
        return np.where(self.hashes[idx] == keys, self.masks[idx], 0).tolist()

    def hits(self, words: list[str], lang: str) -> list[bool]:
        """For each lower-cased word: is it in `lang`'s list?"""
        bit = self.bit[lang]
        return [bool(m & bit) for m in self.masks_of(words)]

    def size(self, lang: str) -> int:
        """Number of words in `lang`'s list."""
        return int(np.count_nonzero(self.masks & self.bit[lang]))


def build(words_by_lang: dict[str, list[str]]) -> WordLists:
    """The lists of each language's (already normalised, lower-cased) words."""
    langs = sorted(words_by_lang)
    assert len(langs) <= 16
    per_lang = [np.unique(np.array([word_hash(w) for w in words_by_lang[lang]], dtype=np.uint32)) for lang in langs]
    hashes, inverse = np.unique(np.concatenate(per_lang), return_inverse=True)
    masks = np.zeros(len(hashes), dtype=np.uint16)
    bits = np.concatenate([np.full(len(a), 1 << i, dtype=np.uint16) for i, a in enumerate(per_lang)])
    np.bitwise_or.at(masks, inverse, bits)
    return WordLists(hashes, masks, tuple(langs))
