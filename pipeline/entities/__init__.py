"""Canonical entity names, stable entity ids and the cross-document entity table.

``canonicalize`` gives the display form written to ``mentions.normalized``; ``entity_key``
the comparison key; ``entity_id`` a stable hash of (label, lang, key). The per-document
step :class:`EntityCanonicalizer` adds acronym links, same-document ORG variants and
person links; ``translit.xlang_id`` gives the cross-language id of az/en/ru persons and
places (the table store aggregates mentions into the ``entities`` table).
``lingflow eval entities`` prints the accuracy on the hand-made and blind sets.
"""

from pipeline.entities.acronyms import MentionRef, link_acronyms
from pipeline.entities.canon import NAME, canonicalize, entity_id, entity_key
from pipeline.entities.document import EntityCanonicalizer

__all__ = [
    "NAME",
    "canonicalize",
    "entity_key",
    "entity_id",
    "MentionRef",
    "link_acronyms",
    "EntityCanonicalizer",
]
