"""Russian post-model rules (line rules of ``ner.spacy-natasha.ru.v1``), measured on nerel-dev."""

from __future__ import annotations

import re

from pipeline.ner.base import Span

_YEAR_WORD = re.compile(r"\s?(?:год(?:а|у|ы|ах|ов|ом)?|гг?)(?![\w-])")
_LONG_NUMBER = re.compile(r"\d{5,}$")  # a phone or id number is not a date
_EDGE_JUNK = " \t,;:(«\"'—–-"
_COMPOUND_STEM_END = re.compile(r"\s([а-яё]+[\u043e\u0435])$")  # a lower-case first part of a compound adjective (-о/-е)
_HYPHEN_WORD = re.compile(r"-[А-ЯЁа-яё]")


def fix_spans(text: str, spans: list[Span]) -> list[Span]:
    """NEREL boundary conventions the model misses: "2006—2011 годах" includes the year word;
    no trailing full stop, bracket, quote or dash in a span; a bare 5+ digit number is no DATE."""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.label == "DATE" and text[e - 1:e].isdigit():
            m = _YEAR_WORD.match(text, e)
            if m:
                e = m.end()
        while e > s and text[e - 1] in _EDGE_JUNK + ".":
            if text[e - 1] == "." and sp.label != "DATE":
                break  # "В. М. Шукшина" keeps initials; DATE drops "2001г." -> "2001г"
            e -= 1
        if text[s:s + 1] == "«" and ("»" not in text[s:e] or text[e - 1:e] == "»"):
            s += 1  # «Известия» -> Известия; a quote inside a name («РГТРК «Останкино») stays
            if text[e - 1:e] == "»" and "«" not in text[s:e - 1]:
                e -= 1
        m = _COMPOUND_STEM_END.search(text, s, e)
        if sp.label == "LOC" and m and m.start(1) > s and _HYPHEN_WORD.match(text, e):
            s = m.start(1)  # "Межправительством белорусско-оманском": the place is the stem "белорусско" (NEREL)
        if e > s and not (sp.label == "DATE" and _LONG_NUMBER.match(text, s, e)):
            out.append(Span(s, e, sp.label, sp.score))
    return add_settlements(text, merge_inverted_names(text, out))


_INVERTED_TAIL = re.compile(r"\s*(?:$|\(|\[)")


def merge_inverted_names(text: str, spans: list[Span]) -> list[Span]:
    """Catalogue-style "Нагибин, Владимир Владимирович" (surname, names) is one PER when the
    names end the line or are followed by a bracket."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == sp.label == "PER" and " " not in text[prev.start:prev.end]
                and text[prev.end:sp.start].strip() == "," and _INVERTED_TAIL.match(text, sp.end)):
            out[-1] = Span(prev.start, sp.end, "PER", prev.score)
            continue
        out.append(sp)
    return out


# "г. Маскад", "город Пермь", "пос. Восточный": the word after a settlement type is a place. Not
# after a number, where "г." is the year ("2005 г. Этот ..."); the name stays on the same line.
_SETTLEMENT = re.compile(r"(?<![\w.])(?:г\.|гор\.|город[аеуомы]*|пос\.|посёл(?:ок|ка|ке|ком)|пгт\.?|дер\.|"
                         r"деревн[яиеюй]|сел[оауе]|станиц[аыеу])[ \t\u00a0]*"
                         r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)")
_NUMBER_BEFORE = re.compile(r"\d[\d\s.,–—-]*$")


def add_settlements(text: str, spans: list[Span]) -> list[Span]:
    """A LOC for a capitalised word after a settlement type that no span covers yet."""
    added = []
    for m in _SETTLEMENT.finditer(text):
        s, e = m.start(1), m.end(1)
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if not any(sp.start < e and s < sp.end for sp in spans):
            added.append(Span(s, e, "LOC", 1.0))
    return sorted(spans + added, key=lambda x: (x.start, x.end)) if added else spans
