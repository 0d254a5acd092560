"""English line rules for the form of wire stories (CoNLL-2003's Reuters text), run with
:mod:`pipeline.lang.en.rules`:

* a dateline (``CHELMSFORD , England 1996-08-30``) names places: LOC, and its date starts at the date;
* a person's or place's name never starts or ends with a bare number (``Nasser Hussain 112`` in a
  scoreboard, ``138 Mark O'Meara`` in a leaderboard); an organisation keeps its numbers (``Schalke 04``);
* a person's name starts after the nationality or the common word before it (``Welshman Ian Woosnam``,
  ``Striker Kazuyoshi Miura``: a word English writes only in lower case, capitalised at a sentence's start);
* a team's name ends before its score (``Shimizu S-Pulse 0 Kashiwa Reysol 1``), but keeps a number of
  its own (``Schalke 04``);
* a results line with its scorers (``Kashima Antlers 2 ( Hasegawa , Leonardo ) Bellmare Hiratsuka 1``):
  the sides are clubs (countries: national sides, LOC), the scorers people;
* a cricket scorecard: the fielder and bowler of a dismissal (``N. Mongia c Richardson b Donald 14``) and
  the bowlers of the bowling figures (``Donald 28-7-71-2``) are people.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.lang.en.casing import classes
from pipeline.lang.en.gazetteer import COUNTRIES, DEMONYMS

_Mut = list[list[Any]]  # [start, end, label]


def overlapping(a: tuple[int, int], spans: _Mut, skip: Any = None) -> list[list[Any]]:
    """The spans (``[start, end, label]``) that overlap ``a``, but ``skip``."""
    return [s for s in spans if s is not skip and s[0] < a[1] and a[0] < s[1]]


def add_span(spans: _Mut, start: int, end: int, label: str, replace_inside: bool = False) -> bool:
    """Add a span unless it overlaps one; with ``replace_inside`` spans it contains are dropped."""
    hits = overlapping((start, end), spans)
    if replace_inside:
        if any(not (start <= h[0] and h[1] <= end) or (h[0], h[1]) == (start, end) for h in hits):
            return False
        for h in hits:
            spans.remove(h)
    elif hits:
        return False
    spans.append([start, end, label])
    return True


def relabel_or_add(spans: _Mut, start: int, end: int, label: str, relabel: tuple[str, ...], **kw: Any) -> None:
    """Spans of exactly this extent with a label in ``relabel`` take ``label``; if there is none, :func:`add_span`."""
    same = [x for x in spans if (x[0], x[1]) == (start, end) and x[2] in relabel]
    for x in same:
        x[2] = label
    if not same:
        add_span(spans, start, end, label, **kw)


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?$")  # "Jari Litmanen 15th": a scorer's minute; a time
_SCORE_NUMBER = re.compile(r"(?:0|[1-9]\d{0,2})$")
_DECIMAL = re.compile(r"\d+[.,:]\d+(?:[.:]\d+)*$")  # "Google 2.4 percent", "Williams 1:40:22.915": never a name's own
_UNIT_AFTER = re.compile(r" (?:points?|pts|goals?|runs?|wickets?|seats?|votes?|percent|minutes?|laps?|shots?|strokes?)\b")


def cut_numbers(text: str, spans: _Mut) -> None:
    """A PER or LOC span starts after and ends before a bare number ("Nasser Hussain 112", "138 Mark
    O'Meara" in a leaderboard); an ORG ends before a score ("Shimizu S-Pulse 0 Kashiwa Reysol 1",
    "Tianjin Samsung 0 ( ...") or a count before punctuation or a unit ("Barmby 24 , Gascoigne 25 ,", "Hill 87
    points") and before a decimal number or a time ("Google 2.4 percent", "Williams 1:40:22.915"), but keeps a
    number of its own ("Schalke 04", "Channel 4 said")."""
    for sp in spans:
        words = text[sp[0]:sp[1]].split(" ")
        if sp[2] == "ORG":
            after = text[sp[1]:sp[1] + 2]
            if len(words) > 1 and (_DECIMAL.match(words[-1]) or _SCORE_NUMBER.match(words[-1]) and (
                    not after.strip() or after in (" (", " -", " ,", " .", " ;", " )") or after[1:].isupper()
                    or _UNIT_AFTER.match(text, sp[1]))):
                sp[1] -= len(words[-1]) + 1
            continue
        if sp[2] not in ("PER", "LOC"):
            continue
        while len(words) > 1 and _NUMBER.match(words[-1]):
            sp[1] -= len(words.pop()) + 1
        while len(words) > 1 and _NUMBER.match(words[0]):
            sp[0] += len(words.pop(0)) + 1
    spans[:] = [sp for sp in spans if sp[1] > sp[0]]


_SENTENCE_START = re.compile(r"(?:^|[.!?:\"] )\s*$")  # capitalised by its place, not as a name
_DEMONYM_NOUNS = frozenset("Briton Britons Scot Scots Kiwi Aussie Pole Dane Swede Finn Turk Serb Croat Czech Slovak "
                           "Ethiopian Kenyan Moroccan Algerian Tunisian Nigerian Ghanaian Cameroonian Senegalese "
                           "Zimbabwean Zambian Namibian Ugandan Tanzanian Somali Sudanese Burundian Rwandan Mozambican "
                           "Argentine Chilean Colombian Peruvian Uruguayan Venezuelan Ecuadorean Cuban Jamaican "
                           "Filipino Thai Malaysian Indonesian Vietnamese Singaporean Taiwanese Bangladeshi Sri "
                           "Lankan Nepali Afghan Qatari Emirati Kuwaiti Bahraini Omani Yemeni Libyan Belarussian "
                           "Bosnian Macedonian Albanian Icelandic Luxembourger Monegasque Liechtensteiner Maltese "
                           "Cypriot Estonian Latvian Lithuanian Georgian Armenian Kazakhstani Uzbekistani "
                           "New Zealander Canadian Mexican Brazilian South African Australian Austrian Belgian "
                           "Dutchman Englishman Frenchman Irishman Scotsman Welshman Dutchwoman Englishwoman "
                           "Frenchwoman Irishwoman Scotswoman Welshwoman".split())


def cut_demonyms(text: str, spans: _Mut) -> None:
    """A person's name starts after the nationality before it ("Welshman Ian Woosnam", "German Boris
    Becker"): CoNLL-2003 leaves nationalities out of names; likewise after a word English writes only in
    lower case ("Striker Kazuyoshi Miura", "Goalkeeper Nader el-Sayed")."""
    table = classes()
    for sp in spans:
        if sp[2] != "PER":
            continue
        words = text[sp[0]:sp[1]].split(" ")
        if (len(words) > 2 and (words[0] in DEMONYMS or words[0] in _DEMONYM_NOUNS)) or (
                len(words) > 1 and table.get(words[0].lower()) == "l" and _SENTENCE_START.search(text[:sp[0]])):
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
        for h in overlapping((s, e), spans):
            if h[2] == "DATE" and h[1] > e:
                h[0] = m.start(3)  # "England 1996-08-30" -> "1996-08-30"
            else:
                spans.remove(h)
        spans.append([s, e, "LOC"])


SIDE = r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|of|del|la))*"  # a team's name in a results line
_LEADING_NAME = re.compile(r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|da|van|von|der|el|al))*")


def put_span(spans: _Mut, s: int, e: int, label: str) -> None:
    """``[s, e)`` gets ``label``, replacing every span it overlaps."""
    for h in overlapping((s, e), spans):
        spans.remove(h)
    spans.append([s, e, label])


def _names_in_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The leading name of each comma-separated item of ``text[start:end]`` ("Stojkovic 2 , Ogura")."""
    out, pos = [], start
    for item in re.split(r"(?<=[,;])", text[start:end]):
        item = item.rstrip(",;")
        lead = len(item) - len(item.lstrip())
        m = _LEADING_NAME.match(item, lead)
        if m:
            out.append((pos + m.start(), pos + m.end()))
        pos += len(item) + 1
    return out


_SIDE_SCORE_BRACKET = re.compile(rf"(?<![\w'’\-])({SIDE}) \d+(?:-\d+)?(?: declared)? \( ([^()]*) \)")
_SIDE_AFTER_BRACKET = re.compile(rf"\) ({SIDE}) \d+(?:-\d+)?(?= [.;]|\s*$| \()")
_SCORER_ITEM = re.compile(r"^\s*(?:[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|da|van|von|der|den|el|al))*)?"
                          r"(?:\s+(?:\d+(?:st|nd|rd|th)?(?:-\d+)?|pen|penalty|pen\.|og|own goal|not out))*\s*$")


def put_side(text: str, spans: _Mut, s: int, e: int) -> None:
    """A side in a results line: a country is its national side (LOC), any other name a club (ORG)."""
    name = text[s:e]
    put_span(spans, s, e, "LOC" if name in COUNTRIES or name.title() in COUNTRIES else "ORG")


_LISTED_RESULT = re.compile(rf"(?:(?<=: )|(?<=, )|^)({SIDE}) \d+ ({SIDE}) \d+(?= ,| \.| ;|\s*$)")


def listed_results(text: str, spans: _Mut) -> None:
    """Results listed in a sentence (``Saturday 's results : Aberdeen 2 Motherwell 1 , Dundee United 1
    Hibernian 0 .``): each side is a club (a country: LOC), not one name across the score."""
    for m in _LISTED_RESULT.finditer(text):
        for g in (1, 2):
            put_side(text, spans, *m.span(g))


def results_with_scorers(text: str, spans: _Mut) -> None:
    """``Kashima Antlers 2 ( Hasegawa , Leonardo ) Bellmare Hiratsuka 1 ( Nakata )``, ``Leicestershire 422
    ( V. Wells 131 , P. Simmons 82 ; D. Cork 4-96 ) ; Derbyshire 168-4``: sides (national sides LOC, clubs
    ORG) before their score and their scorers or batsmen in brackets (PER), anywhere in a line whose
    brackets hold only names, numbers and the words of a scoreline (``pen``, ``og``, ``not out``). Lines
    without brackets are :func:`pipeline.lang.en.rules.results_tables`'."""
    found = []
    for m in _SIDE_SCORE_BRACKET.finditer(text):
        items = re.split(r"[,;]", m.group(2))
        if not all(_SCORER_ITEM.match(it) for it in items):
            continue
        names = _names_in_list(text, *m.span(2))
        if names:
            found.append((m.span(1), names))
    if not found:
        return
    for (s, e), names in found:
        put_side(text, spans, s, e)
        for a, b in names:
            put_span(spans, a, b, "PER")
    for m in _SIDE_AFTER_BRACKET.finditer(text):  # "... ( Ekoku 73 ) Everton 0 ."
        put_side(text, spans, *m.span(1))


_NAME1 = r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?"
_SCORECARD_ROW = re.compile(r"^\s*(?:[A-Z]\.\s?)*[A-Z][\w'’\-]+.*\b(?:c|b|st|lbw|run out|not out)\b.* \d+\s*$")
_DISMISSAL = re.compile(rf"(?<![\w&])(?:c|b|st|c & b) ({_NAME1})(?= )")
_ROW_BATSMAN = re.compile(rf"^\s*((?:[A-Z]\.\s?)*{_NAME1}) (?=c |b |st |lbw |run out|not out|c & b )")
_BOWLING = re.compile(rf"(?:^|: |, )({_NAME1}) \d+(?:\.\d)?-\d+-\d+-\d+")


def scorecards(text: str, spans: _Mut) -> None:
    """Cricket scorecards: ``N. Mongia c Richardson b Donald 14`` (batsman, fielder, bowler) and
    ``Bowling : Donald 28-7-71-2 , Pollock 22-5-58-1`` are people."""
    found: list[tuple[int, int]] = []
    if _SCORECARD_ROW.match(text):
        m = _ROW_BATSMAN.match(text)
        if m:
            found.append(m.span(1))
        found += [d.span(1) for d in _DISMISSAL.finditer(text)]
    found += [b.span(1) for b in _BOWLING.finditer(text)]
    for s, e in found:
        if text[s:e] not in COUNTRIES:
            put_span(spans, s, e, "PER")
