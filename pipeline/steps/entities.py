"""The entity step: canonical names and entity ids for ORG/PER/LOC mentions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pipeline import components
from pipeline.document import Document, Mention
from pipeline.steps.base import ModelStep
from pipeline.steps.text import lang_at


class EntityStep(ModelStep):
    """Canonical names and entity ids for ORG/PER/LOC; ISO values for DATE."""

    name = "entities"
    requires = frozenset({"text", "mentions", "dates"})
    provides = frozenset({"entities"})
    default_component = components.DEFAULT_ENTITIES

    def create(self) -> Any:
        return components.entities(self.component)

    def warm(self, model: Any) -> None:
        model.canonicalize_document("Baku", "en", [(0, 4, "LOC", "Baku")])

    def process(self, doc: Document) -> None:
        named = [m for m in doc.mentions if m.label != "DATE"]
        by_lang: dict[str, list[Mention]] = defaultdict(list)
        for m in named:
            by_lang[lang_at(doc, m.start)].append(m)
        for lang, ms in sorted(by_lang.items()):
            ms = self._split(doc, lang, ms)
            results = self.model.canonicalize_document(doc.text, lang, [(m.start, m.end, m.label, m.text) for m in ms])
            for m, (canonical, _key, eid) in zip(ms, results):
                m.normalized, m.entity_id = canonical, eid

    def _split(self, doc: Document, lang: str, ms: list[Mention]) -> list[Mention]:
        """A PER mention that joins a place and a person (``Султаната Оман Хилялем ...``) becomes a
        LOC and a PER mention, with the source and confidence of the span they came from."""
        spans = [(m.start, m.end, m.label, m.text) for m in ms]
        parts = self.model.split_mentions(doc.text, lang, spans)
        if len(parts) == len(spans):
            return ms
        by_span = {(m.start, m.end, m.label): m for m in ms}
        new: list[Mention] = []
        for s, e, label, _surface in parts:
            m = by_span.get((s, e, label))
            if m is None:
                src = next(x for x in ms if x.start <= s and e <= x.end)
                m = Mention(s, e, label, doc.text[s:e], src.source, src.confidence)
            new.append(m)
        gone = {id(m) for m in ms} - {id(m) for m in new}
        kept = [m for m in doc.mentions if id(m) not in gone]
        doc.mentions = sorted(kept + [m for m in new if all(m is not k for k in kept)],
                              key=lambda m: (m.start, m.end, m.label))
        return new
