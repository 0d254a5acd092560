"""The small records that flow between steps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def stable_id(*parts: str, length: int = 16) -> str:
    """A deterministic hex id from string parts (never Python's salted ``hash``)."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:length]


def doc_id_for(rel_path: str) -> str:
    """The document id: a hash of its POSIX path relative to the corpus root."""
    return stable_id("doc", rel_path)


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    source: str
    confidence: float | None = None
    normalized: str | None = None
    entity_id: str | None = None
    # DATE only: the parsed value (see pipeline.dates.DateMention)
    date: object | None = None

    def mention_id(self, doc_id: str) -> str:
        return stable_id("mention", doc_id, str(self.start), str(self.end), self.label)


@dataclass
class Document:
    """One input file on its way through the pipeline."""

    doc_id: str
    path: str  # relative POSIX path
    abs_path: str
    content_sha256: str | None = None
    size_bytes: int | None = None
    encoding: str | None = None
    text: str | None = None
    lang: str = "und"
    lang_confidence: float = 0.0
    lang_spans: list[tuple[int, int, str]] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def fail(self, step: str, reason: str) -> None:
        self.status = "failed"
        self.error = f"{step}: {reason}"
