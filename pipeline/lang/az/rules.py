"""Azerbaijani post-model rules (document rules of ``ner.spacy.az.v1``)."""

from __future__ import annotations

import re

from pipeline.ner.base import Span
from pipeline.ner.boundary import tokens

_AZ_CASE = re.compile(r"^(?:[dt][aə]n?|[aə]|n?[ıiuü]n?|y?[ıiuü]|l[aə]r\w*|d[ıiuü]r|c[ıiuü]|y[aə])$")


def strip_case_suffix(text: str, spans: list[Span], lang: str) -> list[Span]:
    """az: drop a trailing ``- <case ending>`` (``ABŞ - da``) from non-DATE spans."""
    out = []
    for sp in spans:
        toks = tokens(text, sp.start, sp.end)
        if (sp.label != "DATE" and len(toks) >= 3 and text[toks[-2][0]:toks[-2][1]] in ("-", "–")
                and _AZ_CASE.match(text[toks[-1][0]:toks[-1][1]])):
            sp = Span(sp.start, toks[-3][1], sp.label, sp.score)
        out.append(sp)
    return out
