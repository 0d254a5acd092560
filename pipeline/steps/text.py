"""Reading, segmentation and language identification steps."""

from __future__ import annotations

from typing import Any

from pipeline import components, languages
from pipeline.document import Document
from pipeline.io.decode import DEFAULT_MAX_BYTES, DecodeError, read_text
from pipeline.langid.scripts import dominant_script, language_script
from pipeline.steps.base import ModelStep, Step
from pipeline.text.segment import paragraphs, segment

class ReadStep(Step):
    """Read and decode the file; empty, binary, undecodable or huge files fail here."""

    name = "read"
    provides = frozenset({"text"})

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.max_bytes = max_bytes

    def process(self, doc: Document) -> None:
        try:
            decoded = read_text(doc.abs_path, self.max_bytes)
        except DecodeError as exc:
            doc.fail(self.name, str(exc))
            self.stats.failed += 1
            return
        except OSError as exc:
            doc.fail(self.name, f"unreadable: {exc.strerror or exc} (check the file's permissions)")
            self.stats.failed += 1
            return
        doc.text = decoded.text
        doc.encoding = decoded.encoding
        self.stats.counts[decoded.encoding] += 1


class SegmentStep(Step):
    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"segments"})

    def process(self, doc: Document) -> None:
        doc.segments = segment(doc.text or "")


SHORT_SEGMENT = 80  # characters


class LangIdStep(ModelStep):
    """Document language plus language stretches per paragraph (mixed documents)."""

    name = "langid"
    requires = frozenset({"text", "segments"})
    provides = frozenset({"lang"})
    default_component = components.DEFAULT_LANGID

    def create(self) -> Any:
        return components.langid(self.component)

    def warm(self, model: Any) -> None:
        model.detect("warm up text")

    def process(self, doc: Document) -> None:
        text = doc.text or ""
        res = self.model.detect(text)
        if not languages.spec(res.lang) and len(doc.segments) > 1:
            # A list of short lines (names, titles, table rows) reads as no language when
            # detected whole; its lines, detected one by one, usually say which it is.
            voted = self.model.vote(text, doc.segments)
            if languages.spec(voted.lang):
                res = voted
        doc.lang, doc.lang_confidence = res.lang, float(res.confidence)
        doc_script = language_script(doc.lang)
        spans: list[tuple[int, int, str]] = []
        for s, e in paragraphs(text):
            # Language stretches are decided per paragraph (a paragraph of many lines is detected
            # once); segments take the language of the paragraph they start in. Short paragraphs
            # in the document's own script (titles, list items) inherit its language without a
            # detector call; other paragraphs are detected, and unsure answers inherit too.
            if doc_script and e - s < SHORT_SEGMENT and dominant_script(text[s:e]) in (doc_script, None):
                lang = doc.lang
            else:
                r = self.model.detect(text[s:e])
                lang = r.lang if languages.spec(r.lang) and r.confidence >= 0.5 else doc.lang
            if spans and spans[-1][2] == lang:
                spans[-1] = (spans[-1][0], e, lang)
            else:
                spans.append((s, e, lang))
        doc.lang_spans = spans
        self.stats.counts[doc.lang] += 1


def lang_at(doc: Document, pos: int) -> str:
    """The language of the stretch that holds character ``pos`` (or the document's language)."""
    for s, e, lang in doc.lang_spans:
        if s <= pos < e:
            return lang
    return doc.lang


def segment_langs(doc: Document) -> list[str]:
    """The language of each segment, from ``lang_spans`` (or the document language)."""
    out = []
    spans = doc.lang_spans
    j = 0
    for s, _e in doc.segments:
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        out.append(spans[j][2] if j < len(spans) and spans[j][0] <= s else doc.lang)
    return out
