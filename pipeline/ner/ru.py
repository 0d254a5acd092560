"""Russian NER backends and the default choice.

* ``ner.spacy-natasha.ru.v1`` (default): a spaCy pipeline trained on NEREL news documents
  (pipeline/models/ner-ru, see its README.md) whose tok2vec also reads natasha's slovnet
  PER/ORG/LOC tags as a token feature (stacking) and navec word vectors (from the natasha
  wheel, attached at load). Learns NEREL span conventions and DATE; :func:`fix_spans` adds a
  few boundary rules measured on nerel-dev.
* ``ner.natasha.ru.v1``: natasha 1.6 as shipped (:mod:`pipeline.ner.natasha_backend`).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.ner.base import NerBackend, Span
from pipeline.ner.natasha_backend import NAVEC_NAME, NatashaNer, attach_navec, register_spacy_factory, split_lines
from pipeline.ner.spacy_backend import predicting

DEFAULT_MODEL = "ner-ru"

_YEAR_WORD = re.compile(r"\s?(?:год(?:а|у|ы|ах|ов|ом)?|гг?)(?![\w-])")
_LONG_NUMBER = re.compile(r"\d{5,}$")  # a phone or id number is not a date
_EDGE_JUNK = " \t,;:(«\"'—–-"


def fix_spans(text: str, spans: list[Span]) -> list[Span]:
    """NEREL boundary conventions the model misses: "2006—2011 годах" includes the year word;
    no trailing full stop, bracket, quote or dash in a span; a bare 5+ digit number is no DATE."""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.label == "DATE" and text[e - 1:e].isdigit():
            m = _YEAR_WORD.match(text, e)
            if m:
                e = m.end()
        while e > s and text[e - 1] in _EDGE_JUNK + ".":
            if text[e - 1] == "." and sp.label != "DATE":
                break  # "В. М. Шукшина" keeps initials; DATE drops "2001г." -> "2001г"
            e -= 1
        if text[s:s + 1] == "«" and ("»" not in text[s:e] or text[e - 1:e] == "»"):
            s += 1  # «Известия» -> Известия; a quote inside a name («РГТРК «Останкино») stays
            if text[e - 1:e] == "»" and "«" not in text[s:e - 1]:
                e -= 1
        if e > s and not (sp.label == "DATE" and _LONG_NUMBER.match(text, s, e)):
            out.append(Span(s, e, sp.label, sp.score))
    return merge_inverted_names(text, out)


_INVERTED_TAIL = re.compile(r"\s*(?:$|\(|\[)")


def merge_inverted_names(text: str, spans: list[Span]) -> list[Span]:
    """Catalogue-style "Нагибин, Владимир Владимирович" (surname, names) is one PER when the
    names end the line or are followed by a bracket."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == sp.label == "PER" and " " not in text[prev.start:prev.end]
                and text[prev.end:sp.start].strip() == "," and _INVERTED_TAIL.match(text, sp.end)):
            out[-1] = Span(prev.start, sp.end, "PER", prev.score)
            continue
        out.append(sp)
    return out


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
        from pipeline.ner.spacy_backend import load_spacy

        register_spacy_factory()  # the model's first component is lingflow_natasha_tags
        nlp = load_spacy(self.model)
        if nlp.vocab.vectors.name == NAVEC_NAME:
            attach_navec(nlp)  # saved without the table; navec comes from the natasha wheel
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
                out[i].extend(Span(s + sp.start, s + sp.end, sp.label) for sp in fix_spans(doc.text, spans))
        return out


def natasha_backend() -> NerBackend:
    return NatashaNer(name="ner.natasha.ru.v1")


def default_backend() -> NerBackend:
    """The best Russian backend on nerel-dev (see pipeline/models/ner-ru/README.md)."""
    return RuSpacyNer()


def _register() -> None:
    from pipeline import registry

    registry.register("ner", "ner.spacy-natasha.ru.v1")(lambda **kw: RuSpacyNer(**kw))
    registry.register("ner", "ner.natasha.ru.v1")(lambda **kw: NatashaNer(name="ner.natasha.ru.v1", **kw))


_register()
