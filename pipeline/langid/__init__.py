"""Language identification: per-document `lang` (ISO 639-1 or "und") and `lang_confidence`.

Only TARGETS go on to NER. See pipeline/models/langid/MODEL_CARD.md for measured quality.
"""
from .evaluate import cross_validate, evaluate, format_table
from .features import TARGETS
from .identifier import (DocumentLanguages, LangResult, LanguageIdentifier, SegmentLang, UND,
                         paragraph_spans)
from .training import train

__all__ = ["TARGETS", "UND", "LangResult", "LanguageIdentifier", "SegmentLang", "DocumentLanguages",
           "paragraph_spans", "cross_validate", "evaluate", "format_table", "train"]
