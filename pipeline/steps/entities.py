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
            results = self.model.canonicalize_document(doc.text, lang, [(m.start, m.end, m.label, m.text) for m in ms])
            for m, (canonical, _key, eid) in zip(ms, results):
                m.normalized, m.entity_id = canonical, eid
