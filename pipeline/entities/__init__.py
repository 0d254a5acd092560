"""Canonical entity names, stable entity ids and the cross-document entity table.

``canonicalize`` gives the display form written to ``mentions.normalized``; ``entity_key``
the comparison key; ``entity_id`` a stable hash of (label, lang, key). The per-document
step :class:`EntityCanonicalizer` adds acronym links, same-document ORG variants and
person links; ``translit.xlang_id`` gives the cross-language id of az/en/ru persons and
places (the table store aggregates mentions into the ``entities`` table).
``python -m pipeline.entities`` prints the accuracy on the hand-made sets.
"""

from pipeline.entities.acronyms import MentionRef, link_acronyms
from pipeline.entities.canon import NAME, canonicalize, entity_id, entity_key
from pipeline.entities.document import EntityCanonicalizer
from pipeline.entities.evaluate import evaluate

__all__ = [
    "NAME",
    "canonicalize",
    "entity_key",
    "entity_id",
    "MentionRef",
    "link_acronyms",
    "EntityCanonicalizer",
    "evaluate",
]
