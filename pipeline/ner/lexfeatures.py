"""Word-list features for the NER tagger: a spaCy component that writes a word's class into ``token.lemma_``.

A CNN tagger trained on 10-30k sentences knows only the words it saw. Lists that ship with packages know
more: which words of Azerbaijani are proper nouns (tesseract's word list, with their case endings), which
Persian words are common words of running text, which are place or given names. The component looks every
token up in one such table and writes its class (``lex:P``, ``lex:W-L`` ...) into ``token.lemma_``; the
tok2vec of a model trained with it reads ``LEMMA`` as one more hashed feature (``MultiHashEmbed`` attrs),
beside NORM, PREFIX, SUFFIX and SHAPE. Nothing else in the az and fa pipelines sets or reads lemmas.

The table travels inside the model folder (``to_disk``): sorted 64-bit hashes of the keys and a class index
per key, so a model always reads the lists it was trained with, and a process holds ~9 bytes per word
(shared by forked workers) instead of a dict. Keys are :func:`pipeline.entities.lexicon.form_key` of the
token text (lower-cased the language's way). Built by ``python -m pipeline.training.lexfeatures LANG``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import numpy as np
from spacy.language import Language
from spacy.strings import hash_string

from pipeline.entities.lexicon import form_key

NONE = "lex:-"


def key_hashes(keys: Iterable[str]) -> np.ndarray:
    return np.fromiter((hash_string(k) for k in keys), dtype=np.uint64)


class LexTable:
    """Sorted key hashes -> class index; ``classes[0]`` is the class of a word in no list."""

    def __init__(self, hashes: np.ndarray, index: np.ndarray, classes: list[str]) -> None:
        self.hashes = np.ascontiguousarray(hashes, dtype=np.uint64)  # sorted (from_mapping, save)
        self.index = np.ascontiguousarray(index, dtype=np.uint8)
        self.classes = list(classes)

    @classmethod
    def from_mapping(cls, mapping: dict[str, str]) -> "LexTable":
        """``key -> class`` (keys already form keys)."""
        classes = [NONE, *sorted(set(mapping.values()) - {NONE})]
        pos = {c: i for i, c in enumerate(classes)}
        hashes = key_hashes(mapping)
        order = np.argsort(hashes, kind="stable")
        return cls(hashes[order], np.array([pos[c] for c in mapping.values()], dtype=np.uint8)[order], classes)

    def lookup(self, words: list[str], lang: str) -> list[str]:
        if not len(self.hashes):
            return [NONE] * len(words)
        h = key_hashes(form_key(w, lang) for w in words)
        i = np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)
        idx = np.where(self.hashes[i] == h, self.index[i], 0)
        return [self.classes[j] for j in idx.tolist()]

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.save(path / "hashes.npy", self.hashes)
        np.save(path / "index.npy", self.index)
        (path / "classes.txt").write_text("\n".join(self.classes) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LexTable":
        classes = (path / "classes.txt").read_text(encoding="utf-8").split()
        return cls(np.load(path / "hashes.npy"), np.load(path / "index.npy"), classes)


class LexFeatures:
    """The pipeline component (factory ``lingflow_lexfeatures``)."""

    def __init__(self, nlp: Any, name: str, lang: str) -> None:
        self.name = name
        self.lang = lang or nlp.lang
        self.table = LexTable(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint8), [NONE])

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, table: str = "") -> None:
        """Training: read the table built by ``pipeline.training.lexfeatures`` (a folder)."""
        if table:
            self.table = LexTable.load(Path(table))

    def __call__(self, doc: Any) -> Any:
        for tok, cls in zip(doc, self.table.lookup([t.text for t in doc], self.lang)):
            tok.lemma_ = cls
        return doc

    def to_disk(self, path: Any, exclude: tuple = ()) -> None:
        self.table.save(Path(path))

    def from_disk(self, path: Any, exclude: tuple = ()) -> "LexFeatures":
        self.table = LexTable.load(Path(path))
        return self


@Language.factory("lingflow_lexfeatures", default_config={"lang": ""})
def make_lexfeatures(nlp: Any, name: str, lang: str) -> LexFeatures:
    return LexFeatures(nlp, name, lang)
