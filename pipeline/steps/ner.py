"""The NER step: each language's backend over every segment of that language in the batch."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pipeline import components
from pipeline.document import Document, Mention
from pipeline.ner.base import Span
from pipeline.ner.rules import NO_RULES
from pipeline.steps.base import Step, load_serialised
from pipeline.steps.text import lang_at, segment_langs
from pipeline.text.normalize import normalize


def warm_ner(backend: Any) -> None:
    """One tiny prediction, so that a backend's lazy model loads now (under the load lock)."""
    backend.predict(["Baku"])


class NerStep(Step):
    """Normalise each segment for its language, predict per language, apply the component's
    line rules, map spans back, then its document rules (:mod:`pipeline.ner.rules`).

    ``backends`` maps a language to a registered component name (default: the shipped ones);
    ``instances`` maps a language to an already built backend (evaluation of a candidate model
    goes through this same step)."""

    name = "ner"
    requires = frozenset({"text", "segments", "lang"})
    provides = frozenset({"mentions"})

    def __init__(self, backends: dict[str, str] | None = None, instances: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.backends = dict(components.default_ner() if backends is None else backends)
        self._models: dict[str, Any] = dict(instances or {})
        self.backends.update({lang: getattr(b, "name", lang) for lang, b in self._models.items()})

    def backend(self, lang: str) -> Any:
        if lang not in self._models:
            name = self.backends[lang]
            self._models[lang] = load_serialised(lambda: components.ner(name), warm_ner, name)
        return self._models[lang]

    def run(self, docs: list[Document]) -> list[Document]:
        # (doc index, segment start, normalised text) grouped by language
        jobs: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            if not doc.ok:
                continue
            self.stats.docs_in += 1
            try:
                for (s, e), lang in zip(doc.segments, segment_langs(doc)):
                    if lang in self.backends:
                        jobs[lang].append((i, s, normalize(doc.text[s:e], lang)))
            except Exception as exc:  # noqa: BLE001
                self._fail(docs[i], exc)
        for lang, items in sorted(jobs.items()):
            try:
                backend = self.backend(lang)
            except Exception as exc:  # noqa: BLE001 - a model that cannot load fails its documents only
                for i in sorted({i for i, _s, _n in items}):
                    self._fail(docs[i], exc)
                continue
            # a segment holds a line break only where lines are hard-wrapped prose
            # (pipeline.text.segment): the model reads it as the space it stands for
            texts = [n.text.replace("\n", " ") for _, _, n in items]
            try:
                results = backend.predict(texts)
            except Exception:  # noqa: BLE001 - retry per document to find the one that breaks
                results = self._predict_per_doc(docs, backend, items, texts)
            rules = getattr(backend, "rules", None) or NO_RULES
            for (i, seg_start, norm), text, spans in zip(items, texts, results):
                doc = docs[i]
                if spans is None or not doc.ok:
                    continue
                for sp in rules.on_lines(text, spans):
                    s, e = norm.to_original(sp.start, sp.end)
                    s, e = s + seg_start, e + seg_start
                    surface = doc.text[s:e]
                    if not any(ch.isalnum() for ch in surface):
                        continue  # no name without a letter or digit: the model's "**" of a list item
                    doc.mentions.append(Mention(s, e, sp.label, surface, backend.name, sp.score))
                    self.stats.counts[sp.label] += 1
        for doc in docs:
            if doc.ok and doc.mentions:
                try:
                    self._document_rules(doc)
                except Exception as exc:  # noqa: BLE001
                    self._fail(doc, exc)
        return docs

    def _document_rules(self, doc: Document) -> None:
        """The document rules of each language's component, on that language's mentions."""
        by_pos: dict[int, str] = {}  # the language of the stretch at a position, looked up once

        def lang_of(m: Mention) -> str:
            if m.start not in by_pos:
                by_pos[m.start] = lang_at(doc, m.start)
            return by_pos[m.start]

        for lang in sorted({lang_of(m) for m in doc.mentions}):
            rules = getattr(self._models.get(lang), "rules", None) or NO_RULES
            if not rules.document:
                continue
            mine = [m for m in doc.mentions if lang_of(m) == lang]
            source = mine[0].source
            spans = rules.on_document(doc.text, [Span(m.start, m.end, m.label, m.confidence) for m in mine], lang)
            rest = [m for m in doc.mentions if lang_of(m) != lang]
            doc.mentions = sorted(rest + [Mention(sp.start, sp.end, sp.label, doc.text[sp.start:sp.end], source,
                                                  sp.score) for sp in spans], key=lambda m: (m.start, m.end))

    def _predict_per_doc(self, docs: list[Document], backend: Any, items: list, texts: list[str]) -> list:
        by_doc: dict[int, list[int]] = defaultdict(list)
        for k, (i, _s, _n) in enumerate(items):
            by_doc[i].append(k)
        out: list = [None] * len(items)
        for i, ks in by_doc.items():
            try:
                preds = backend.predict([texts[k] for k in ks])
            except Exception as exc:  # noqa: BLE001
                self._fail(docs[i], exc)
                continue
            for k, p in zip(ks, preds):
                out[k] = p
        return out
