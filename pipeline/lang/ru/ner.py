"""Russian NER backend ``ner.spacy-natasha.ru.v1``: a spaCy pipeline trained on NEREL news documents
(pipeline/models/ner-ru, see its README.md) whose tok2vec also reads natasha's slovnet
PER/ORG/LOC tags as a token feature (stacking) and navec word vectors (from the natasha wheel,
attached at load). Its line rules (:mod:`pipeline.lang.ru.rules`) run in the NER step.
natasha 1.6 as shipped is ``ner.natasha.ru.v1`` (:mod:`pipeline.ner.natasha_backend`).
"""

from __future__ import annotations

from typing import Any

from pipeline.ner.base import NerBackend, Span
from pipeline.ner.natasha_backend import NAVEC_NAME, attach_navec, register_spacy_factory, split_lines
from pipeline.ner.spacy_backend import load_spacy, predicting, use_blis

DEFAULT_MODEL = "ner-ru"


def navec_dtype() -> str:
    """navec is attached in half precision at inference: 150 MB of memory-mapped rows instead of 300
    (issue 22: a large run's memory). Its values come from a product-quantisation codebook, and
    spaCy multiplies them into float32; on the ru dev sets one mention of 5,639 changed (wikiann),
    nerel none, and a 2,000-document mixed run wrote the same tables. blis multiplies float32 only,
    so ``LINGFLOW_MATMUL=blis`` keeps float32. Training attaches float32 (the shipped weights)."""
    return "float32" if use_blis() else "float16"


class RuSpacyNer(NerBackend):
    """A trained spaCy pipeline under pipeline/models/, run on each line of each segment."""

    lang = "ru"

    def __init__(self, name: str = "ner.spacy-natasha.ru.v1", model: str = DEFAULT_MODEL,
                 batch_size: int = 128) -> None:
        self.name = name
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        register_spacy_factory()  # the model's first component is lingflow_natasha_tags
        nlp = load_spacy(self.model)
        if nlp.vocab.vectors.name == NAVEC_NAME:
            attach_navec(nlp, navec_dtype())  # saved without the table; navec comes from the natasha wheel
        return nlp

    def predict(self, texts: list[str]) -> list[list[Span]]:
        lines = [(i, s, e) for i, text in enumerate(texts) for s, e in split_lines(text)]
        out: list[list[Span]] = [[] for _ in texts]
        nlp = self.nlp
        with predicting(nlp):
            docs = nlp.pipe((texts[i][s:e] for i, s, e in lines), batch_size=self.batch_size)
            for (i, s, _), doc in zip(lines, docs):
                spans = [Span(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents
                         if ent.label_ in self.labels]
                out[i].extend(Span(s + sp.start, s + sp.end, sp.label) for sp in spans)
        return out
