"""The NER backend interface: normalised segment texts in, character spans out."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

LABELS = ("ORG", "PER", "LOC", "DATE")


@dataclass(frozen=True)
class Span:
    """An entity span in the text given to the backend (``[start, end)``)."""

    start: int
    end: int
    label: str
    score: float | None = None


_LETTER_WORD = re.compile(r"[^\W\d_][\w\u200c]*")


def letter_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word without edge ZWNJ) of the words of ``text`` that start with a letter."""
    return [(m.start(), m.end(), m.group().strip("\u200c")) for m in _LETTER_WORD.finditer(text)]


class NerBackend(ABC):
    """One NER model for one language. Loads lazily; cheap to pickle before first use."""

    name: str = "ner.base.v0"  # versioned provenance name, written to mentions.source
    lang: str = "und"
    labels: tuple[str, ...] = LABELS

    @abstractmethod
    def predict(self, texts: list[str]) -> list[list[Span]]:
        """Entities for each text (already normalised and segmented)."""

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for key in list(state):
            if key.startswith("_model"):
                state[key] = None  # models reload lazily in the worker process
        return state
