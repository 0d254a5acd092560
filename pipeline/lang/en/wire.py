"""English line rules for the form of wire stories (CoNLL-2003's Reuters text), run with
:mod:`pipeline.lang.en.rules`:

* a dateline (``CHELMSFORD , England 1996-08-30``) names places: LOC, and its date starts at the date;
* a person's or place's name never starts or ends with a bare number (``Nasser Hussain 112`` in a
  scoreboard, ``138 Mark O'Meara`` in a leaderboard); an organisation keeps its numbers (``Schalke 04``);
* a person's name starts after the nationality before it (``Welshman Ian Woosnam``).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.lang.en.gazetteer import DEMONYMS

_Mut = list[list[Any]]  # [start, end, label]


def _overlaps(a: tuple[int, int], spans: _Mut) -> list[list[Any]]:
    return [s for s in spans if s[0] < a[1] and a[0] < s[1]]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*$")


def cut_numbers(text: str, spans: _Mut) -> None:
    """A PER or LOC span starts after and ends before a bare number ("Nasser Hussain 112", "138 Mark
    O'Meara" in a leaderboard); ORG keeps its numbers ("Schalke 04")."""
    for sp in spans:
        if sp[2] not in ("PER", "LOC"):
            continue
        words = text[sp[0]:sp[1]].split(" ")
        while len(words) > 1 and _NUMBER.match(words[-1]):
            sp[1] -= len(words.pop()) + 1
        while len(words) > 1 and _NUMBER.match(words[0]):
            sp[0] += len(words.pop(0)) + 1
    spans[:] = [sp for sp in spans if sp[1] > sp[0]]


_DEMONYM_NOUNS = frozenset("Briton Britons Scot Scots Kiwi Aussie Pole Dane Swede Finn Turk Serb Croat Czech Slovak "
                           "Dutchman Englishman Frenchman Irishman Scotsman Welshman Dutchwoman Englishwoman "
                           "Frenchwoman Irishwoman Scotswoman Welshwoman".split())


def cut_demonyms(text: str, spans: _Mut) -> None:
    """A person's name starts after the nationality before it ("Welshman Ian Woosnam", "German Boris
    Becker"): CoNLL-2003 leaves nationalities out of names."""
    for sp in spans:
        if sp[2] != "PER":
            continue
        words = text[sp[0]:sp[1]].split(" ")
        if len(words) > 2 and (words[0] in DEMONYMS or words[0] in _DEMONYM_NOUNS):
            sp[0] += len(words[0]) + 1


_PLACE = r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|da|do|del|la|el|al|of|on|upon))*"
_DATELINE = re.compile(rf"^\s*({_PLACE})(?: , ({_PLACE}))? (\d{{4}}-\d{{2}}-\d{{2}})\s*$")


def datelines(text: str, spans: _Mut) -> None:
    """A wire dateline ("LONDON 1996-08-30", "CHELMSFORD , England 1996-08-30"): its place and region are
    LOC, whatever the model called them, and a DATE span that took in the region starts at the date."""
    m = _DATELINE.match(text)
    if not m:
        return
    for g in (1, 2):
        if m.group(g) is None:
            continue
        s, e = m.span(g)
        for h in _overlaps((s, e), spans):
            if h[2] == "DATE" and h[1] > e:
                h[0] = m.start(3)  # "England 1996-08-30" -> "1996-08-30"
            else:
                spans.remove(h)
        spans.append([s, e, "LOC"])
