"""Language identification: per-document `lang` (ISO 639-1 or "und") and `lang_confidence`.

Only TARGETS go on to NER. See pipeline/models/langid/MODEL_CARD.md for measured quality;
training is :mod:`pipeline.training.langid`, evaluation :mod:`pipeline.evaluation.langid`.
"""
from .features import TARGETS
from .identifier import LangResult, LanguageIdentifier, UND

__all__ = ["TARGETS", "UND", "LangResult", "LanguageIdentifier"]
