"""English line rules for forms of news copy that name no entity, or name one by its form (rules.en.v5).

Each is a convention of wire copy and of CoNLL-2003's annotation, not a list of names:

* :func:`place_nouns`: ``the town of Goma``, ``the Georgian port of Supsa``, ``the Brussels suburb of
  Forest``: the name after a place noun and ``of`` is a place, whatever the model called it;
* :func:`venue_lines`: a county-cricket results line starts with its venue, ``At Chester-le-Street :``,
  ``At The Oval :``: a place (the clubs follow);
* :func:`indexes_and_events`: a market index (``the FTSE 100 index``, ``the Hang Seng index``, ``the Dow
  Jones industrial average``) and a competition named after a sponsor, a place or a person (``the Volvo
  Masters``, ``DAVIS CUP``, ``the Ivo Van Damme Memorial meeting``, ``the Tour of Spain``, ``Tour de
  France``) are CoNLL-2003's MISC, which we do not tag: no entity;
* :func:`sports_abbreviations`: ``( OT )`` after a score is overtime, no person;
* :func:`role_words`: ``Champions Manchester United``, ``Leaders Newcastle``, ``Hosts Japan``: a team's
  role before its name is not part of it.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.lang.en.gazetteer import ORG_HEADS
from pipeline.lang.en.wire import put_span

_Mut = list[list[Any]]  # [start, end, label]

_PLACE_NOUN_OF = re.compile(
    r"(?:^|[^\w'’\-])(?:town|towns|city|village|port|province|region|district|state|island|capital|suburb|"
    r"resort|county|enclave|camp|valley|oblast|municipality|settlement|township|hamlet|area)\s+of\s+$")
_INDEX_AFTER = re.compile(
    r"(?: \d+)?(?: (?:general|composite|all-share|share|stock|industrial|industrials|benchmark|main|key|"
    r"blue-chip|broader|transport|utilities))* (?:index|indices|indexes|average|averages)\b", re.I)
_EVENTS = ("Cup", "Masters", "Open", "Trophy", "Championship", "Championships", "Memorial", "Classic", "Grand Prix",
           "Games", "Marathon", "Invitational", "Challenge", "Tournament", "Rally")
# capitalised as written (a headline's words reach the line rules in running text's casing: `England open`)
_EVENT_AFTER = re.compile(rf" (?:{'|'.join(_EVENTS)})\b")
_MARKETS = ORG_HEADS | {"Exchange", "Bourse", "Market"}  # `the Sao Paulo Stock Exchange index`: the exchange
_EVENT_HEADS = frozenset(_EVENTS) - {"Memorial"}  # `Lincoln Memorial` is a place
_TOUR = re.compile(r"(?:^|[^\w'’\-])Tour (?:of|de) $")
_VENUE_LINE = re.compile(r"^\s*At ((?:The )?[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) :")
_ABBREVIATIONS = frozenset({"OT", "SO", "ET", "AET", "GMT"})
_ROLE_WORDS = frozenset("Champions Holders Leaders Hosts Rivals Visitors Defending Title-holders "
                        "Newly-promoted Promoted Relegated Outsiders".split())


def place_nouns(text: str, spans: _Mut) -> None:
    """The name after ``town of``, ``port of``, ``suburb of`` ... is a place."""
    for sp in spans:
        if sp[2] in ("PER", "ORG") and _PLACE_NOUN_OF.search(text, max(0, sp[0] - 40), sp[0]):
            sp[2] = "LOC"


def venue_lines(text: str, spans: _Mut) -> None:
    """``At Hove : Sussex 187 ( ... )``: the venue at the start of a results line is a place."""
    m = _VENUE_LINE.match(text)
    if not m or not re.search(r"\d", text[m.end():]):
        return
    put_span(spans, *m.span(1), "LOC")


def _misc(text: str, s: int, e: int) -> bool:
    """Is ``[s, e)`` (part of) an index or a named competition?"""
    words = text[s:e].split()
    if _INDEX_AFTER.match(text, e) and words[-1] not in _MARKETS:
        return True  # `the FTSE 100 index`
    if _EVENT_AFTER.match(text, e) or (len(words) > 1 and words[-1] in _EVENT_HEADS):
        return True  # `the Volvo Masters`, `the Carlsberg Cup`
    return bool(_TOUR.search(text, max(0, s - 10), s)) or (words[0] == "Tour" and len(words) > 2
                                                           and words[1] in ("de", "of"))  # `Tour de France`


def indexes_and_events(text: str, spans: _Mut) -> None:
    """Market indexes and named competitions are no entity (CoNLL-2003's MISC)."""
    spans[:] = [sp for sp in spans if sp[2] == "DATE" or not _misc(text, sp[0], sp[1])]


def sports_abbreviations(text: str, spans: _Mut) -> None:
    """``( OT )``, ``( SO )`` after a score, ``1130 GMT``: abbreviations, no names."""
    spans[:] = [sp for sp in spans if text[sp[0]:sp[1]] not in _ABBREVIATIONS]


def role_words(text: str, spans: _Mut) -> None:
    """A team's role before its name is no part of it: ``Champions Manchester United``."""
    for sp in spans:
        first = text[sp[0]:sp[1]].split(" ", 1)
        if sp[2] in ("ORG", "LOC") and len(first) == 2 and first[0] in _ROLE_WORDS:
            sp[0] += len(first[0]) + 1


RULES = (venue_lines, role_words, place_nouns, indexes_and_events, sports_abbreviations)
