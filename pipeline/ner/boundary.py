"""Span-boundary corrections after the model, on the original document text (generic rules).

Each rule follows a span convention that the running-text training sets (fa Text-Mining and
PEYMA, az aznews) share and that the statistical model, trained on a mix of conventions,
often misses (counts in ``scratch/ner-analysis.md``):

- ``cut_open_parens``: a name never ends inside an unclosed parenthesis or with
  punctuation (``محمود تفضلی ( زاده ۱۲۹۷`` -> ``محمود تفضلی``; ``اسکات اسپاک ،``).
- language rules in the packs: ``pipeline.lang.az.rules.strip_case_suffix`` (``ABŞ - da`` ->
  ``ABŞ``) and ``pipeline.lang.fa.rules.extend_place_type`` (``شهر`` + ``مشهد`` -> ``شهر مشهد``).
- ``snap_to_words``: a span never starts or ends inside a space-separated word
  (``شهرستان شاهین`` -> ``شهرستان شاهین‌دژ``), as in every training set.
"""

from __future__ import annotations

import re
import unicodedata
from pipeline.ner.base import Span

NAME = "ner.boundary.v1"

_TOKEN = re.compile(r"\S+")
_PUNCT_END = {",", "،", ":", "؛", ";", "(", "-", "–", "«"}  # not "." (initials: "م. و. ر. ف .")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def cut_open_parens(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Cut a non-DATE span before an unclosed ``(`` and drop trailing punctuation tokens. A DATE keeps
    its edges but a sentence's full stop after its last digit (the az tokenizer keeps ``2008.`` as one
    token, an ordinal in Azerbaijani; no training set's DATE ends so)."""
    out = []
    for sp in spans:
        if sp.label == "DATE":
            e = sp.end
            if e - sp.start > 1 and text[e - 1] == "." and text[e - 2].isdigit() and (e == len(text) or text[e].isspace()):
                sp = Span(sp.start, e - 1, sp.label, sp.score)
            out.append(sp)
            continue
        toks = tokens(text, sp.start, sp.end)
        depth, cut = 0, len(toks)
        for i, (s, e) in enumerate(toks):
            w = text[s:e]
            if w == "(":
                if depth == 0:
                    cut_at = i
                depth += 1
            elif w == ")" and depth:
                depth -= 1
        if depth:
            cut = cut_at
        toks = toks[:cut]
        while toks and text[toks[-1][0]:toks[-1][1]] in _PUNCT_END | {")"} and not (
                text[toks[-1][0]:toks[-1][1]] == ")" and "(" in text[sp.start:toks[-1][0]]):
            toks.pop()
        if toks:
            out.append(Span(toks[0][0], toks[-1][1], sp.label, sp.score))
    return out






def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "\u200c" or unicodedata.category(ch).startswith("M")


# Also move over a hyphenated or apostrophised ending (``UEFA`` -> ``UEFA-ya``, as WikiANN az marks it:
# 86 of 86 such tokens in train are whole in their span; session 30: az wikiann-dev documents 80.5 -> 81.2,
# sentences 79.1 -> 79.8, fa wikiann 81.9 -> 82.0, 0 elsewhere). The mention is the token as written
# (``AOC-un``); its entity's canonical name drops the ending (``AOC``).
JOIN_HYPHENATED_ENDINGS = True


def snap_to_words(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A span edge inside a word moves out to the whole word (``شهرستان شاهین`` + ``‌دژ``).

    Every az and fa training set marks whole space-separated words, but after normalisation ZWNJ is a
    token break, so the model may stop inside ``شاهین‌دژ`` or ``ابی‌طالب``. Attached punctuation
    (``ایران،``) stays outside; hyphenated endings see :data:`JOIN_HYPHENATED_ENDINGS`.
    """
    joiners = "-'" if JOIN_HYPHENATED_ENDINGS else ""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        if _wordish(text[s]):
            while s > 0 and (_wordish(text[s - 1]) or text[s - 1] in joiners and s > 1 and _wordish(text[s - 2])):
                s -= 1
        if _wordish(text[e - 1]):
            while e < len(text) and (_wordish(text[e]) or text[e] in joiners and e + 1 < len(text)
                                     and _wordish(text[e + 1])):
                e += 1
        out.append(Span(s, e, sp.label, sp.score))
    # a widened span that would overlap another entity keeps its model boundaries
    return [new if new == old or not any(j != i and new.start < o.end and o.start < new.end
                                         for j, o in enumerate(out)) else old
            for i, (old, new) in enumerate(zip(spans, out))]


def dedupe(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Sorted by position, each span once (the last of the boundary rules)."""
    return sorted(set(spans), key=lambda s: (s.start, s.end, s.label))
