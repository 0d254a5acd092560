"""Split a document into segments (lines, hard-wrapped paragraphs, list items, headings, sentences).

NER runs per segment so an entity can never run from a heading into the body, across list
items or from one line to the next, except inside a paragraph hard-wrapped at a fixed width. Segments are ``(start, end)`` offsets into the document text,
stripped of surrounding whitespace; their concatenation never reorders text.
"""

from __future__ import annotations

import re

from pipeline import languages
from pipeline.langid.scripts import dominant_script

NAME = "text.segment.v2"

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


_TERMINAL = tuple(".!?:;…؟")
_CLOSERS = "\"'»”)]"


def _is_continuation(prev: str, nxt: str) -> bool:
    """A line break inside a sentence: no terminal punctuation before it and a lower-case
    word (or a comma or hyphen) around it."""
    if prev.rstrip(_CLOSERS).endswith(_TERMINAL):
        return False
    return nxt[:1].islower() or prev.endswith((",", "-", "–"))


def hard_wrapped(lines: list[str]) -> bool:
    """True when ``lines`` (stripped, non-empty) read as one paragraph wrapped at a fixed width.

    Decided from the text itself: lines of nearly the same length (all but the last at least
    75 % of the longest, which is 55-160 characters) and at least half of the breaks inside a
    sentence. Titles, list rows, table rows and one-sentence-per-line documents fail the first
    test, and text in a script whose languages are never hard-wrapped (``SPEC.hard_wrap``; Persian
    paragraphs without blank lines are lines of their own) is never joined. Measured on WikiANN and aznews dev lines put 2, 3 and 8 to a document: 32 of
    17,448 documents joined; paragraphs of NEREL news and the seeds wrapped at 60, 70 and 80
    characters: 804 of 894 joined."""
    if len(lines) < 2:
        return False
    no_wrap = {s.script for s in languages.LANGUAGES.values() if not s.hard_wrap} - {
        s.script for s in languages.LANGUAGES.values() if s.hard_wrap}
    if dominant_script("".join(lines)) in no_wrap:
        return False
    width = max(map(len, lines))
    if not 55 <= width <= 160 or any(len(line) < 0.75 * width for line in lines[:-1]):
        return False
    conts = sum(_is_continuation(a, b) for a, b in zip(lines, lines[1:]))
    return conts >= 1 and 2 * conts >= len(lines) - 1


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs separated by blank lines; inside one, every line is its own block (titles,
    list items, table rows, one sentence per line) unless a run of lines is hard-wrapped prose
    (:func:`hard_wrapped`), which stays one block so a name may continue on the next line."""
    out: list[tuple[int, int]] = []
    pos = 0
    for b in [m.start() for m in _BLANK_SPLIT.finditer(text)] + [len(text)]:
        run: list[tuple[int, int]] = []  # consecutive non-item lines

        def flush() -> None:
            stripped = [text[s:e].strip() for s, e in run]
            if hard_wrapped([t for t in stripped if t]):
                out.append((run[0][0], run[-1][1]))
            else:
                out.extend(run)
            run.clear()

        for s, e in _lines(text, pos, b):
            if _BLOCK_START.match(text, s, e):
                flush()
                out.append((s, e))
            elif text[s:e].strip():
                run.append((s, e))
        flush()
        pos = b
    return out


def _paragraph_blocks(text: str) -> list[tuple[int, int]]:
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
            # a list item or heading is one line: it starts a block and the next line starts another
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
    """Return stripped, non-empty, ordered ``(start, end)`` segments of ``text``: what NER reads."""
    return _pieces(text, _blocks(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Stripped, ordered paragraphs (blank-line blocks; list items and headings on their own; long
    ones cut at sentence ends): what language ID reads, so that a paragraph of many short lines is
    detected once, with enough text, not line by line."""
    return _pieces(text, _paragraph_blocks(text))


def _pieces(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    segments: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
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
