"""Split a document into segments (paragraphs, list items, headings, sentences).

NER runs per segment so an entity can never run from a heading into the body or
across list items. Segments are ``(start, end)`` offsets into the document text,
stripped of surrounding whitespace; their concatenation never reorders text.
"""

from __future__ import annotations

import re

NAME = "text.segment.v1"

# A line that starts one of these begins a new segment even without a blank line before it.
_BLOCK_START = re.compile(r"[ \t]*(?:[•·●▪◦‣∙\-\*–—]|#{1,6}\s|=+\s|\d{1,3}[.)]\s|\|)")
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0\u200c\u200f\u200e]*\n")
# Sentence end: terminal punctuation, optional closing quote/bracket, whitespace.
_SENT_END = re.compile(r"(?<=[.!?؟。…])[\"'»”)\]]*\s+")
_WS_RUN = re.compile(r"\s+")

MAX_SEGMENT = 2000  # characters; longer segments are cut at sentence ends, then at spaces
HARD_MAX = 5000  # a run without any space longer than this is cut blindly


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs separated by blank lines, and lines that start a list item or heading."""
    out: list[tuple[int, int]] = []
    pos = 0
    bounds = [m.start() for m in _BLANK_SPLIT.finditer(text)] + [len(text)]
    for b in bounds:
        para_start = pos
        line_start = pos
        prev_was_item = False
        while line_start < b:
            nl = text.find("\n", line_start, b)
            line_end = b if nl == -1 else nl
            is_item = bool(_BLOCK_START.match(text, line_start, line_end))
            # a list item or heading is one line: it starts a segment and the next line starts another
            if line_start > para_start and (is_item or prev_was_item):
                out.append((para_start, line_start))
                para_start = line_start
            prev_was_item = is_item
            line_start = line_end + 1
        out.append((para_start, b))
        pos = b
    return out


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= MAX_SEGMENT:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        if m.end() - cur >= 1:
            pieces.append((cur, m.end()))
            cur = m.end()
    pieces.append((cur, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        while e - s > MAX_SEGMENT:
            window_end = s + MAX_SEGMENT
            cut = text.rfind(" ", s + 1, window_end)
            if cut == -1:
                cut = text.find(" ", window_end, min(e, s + HARD_MAX))
                if cut == -1:
                    cut = min(e, s + HARD_MAX)
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def segment(text: str) -> list[tuple[int, int]]:
    """Return stripped, non-empty, ordered ``(start, end)`` segments of ``text``."""
    segments: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text):
        for s, e in _split_long(text, b_start, b_end):
            stripped = _strip(text, s, e)
            if stripped:
                segments.append(stripped)
    return segments


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a light rule splitter)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        span = _strip(text, cur, m.end())
        if span:
            out.append(span)
        cur = m.end()
    span = _strip(text, cur, end)
    if span:
        out.append(span)
    return out
