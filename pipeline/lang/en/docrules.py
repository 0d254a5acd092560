"""English document rules: what one news story tells about its own names (after the line rules).

A wire story names a person in full once and by surname after (``Alija Izetbegovic`` ... ``Izetbegovic
said``), and a sports story is about clubs or players that its results lines list. The English model
(en_core_web_md) reads one line at a time and labels the same name differently from line to line (``Becker``
PER, then ORG); these rules make the document agree with itself:

* :func:`people_agree`: a person the document names in full (a PER span of two words or more) is PER
  wherever the document writes that full name or its last word alone, in an ALL-CAPS headline too
  (``SAMPRAS``), unless that word is a country or city, a word English writes in lower case, or part of
  a longer name;
* :func:`initials_are_people`: ``A. Stewart``, ``J.P. Duminy``: initials and a surname are a person
  (cricket scoreboards, results lines);
* :func:`sports_sides`: in a story whose headline names a team sport (``SOCCER -``, ``CRICKET -``,
  ``BASEBALL -``), a place that is not a country and not after ``in`` / ``at`` / ``from`` ... is a club
  (``Barcelona 2 Valencia 2``, ``Surrey 431``); countries stay LOC (national sides, as CoNLL-2003 writes
  them). In a story about an individual sport (``TENNIS -``, ``GOLF -``), a name followed by its country
  in brackets is a person (``Cedric Pioline ( France )``), and a name after that bracket and before a time
  is the rider's or driver's team (``Laurent Jalabert ( France ) ONCE 4:41:12``);
* :func:`sides_agree`: in a sports story, a club or team found once is one wherever the story writes it;
* :func:`people_by_given_name`: in a sports story, an "organisation" of two or three words that starts with
  a given name is a person (``Scottie Pippen``);
* :func:`towns_after_prepositions`: a town called a person or an organisation after ``in`` / ``near`` /
  ``to`` ... is a place;
* :func:`whole_people`: a person's name is one mention (``Said Abdullo`` + ``Nuri``, ``Grant`` + ``Fuhr``);
* :func:`people_in_place_position`: a "person" the story does not know as one is a place or a firm where
  English puts one (``at Flushing Meadows``, ``a trader at Jardine Fleming``, ``in Bilbao and San Sebastian``);
* :func:`places_and_events`: a country called a person or an organisation is a place (unless the story
  names a person with it); a competition (``... Cup``, ``... Trophy``, ``... Open``) is no organisation;
* :func:`drop_line_start_words`: a one-word name at the start of a line or sentence that English writes in
  lower case only (SCOWL, :mod:`pipeline.lang.en.casing`) and that the document never capitalises
  mid-sentence is no person or place (``Attendance : 12,000``, ``... 0 . Halftime 1-0 .``); a side before
  its score stays (``Arsenal 2 Chelsea 0``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from pipeline.lang.en.casing import classes
from pipeline.lang.en.gazetteer import (CITIES, COUNTRIES, DEMONYMS, ORG_HEADS, PERSON_TITLES, TEAM_SUFFIXES, given_names,
                                       towns)
from pipeline.ner.base import Span

_PLACES = COUNTRIES | CITIES
_NOT_GIVEN = PERSON_TITLES | DEMONYMS | frozenset("Major Colonel Captain Judge Justice Bishop Father Sister Brother Lord "
                                                  "Lady Sir Dame Saint Emperor Marshal Admiral Sergeant Private Doctor "
                                                  "Deacon Striker Coach Manager Champion Will May".split())
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"]))([A-Z][a-z]+) $")  # a capitalised word just before a name
_BODY_INITIALS = frozenset({"U.N.", "E.U.", "U.S.", "U.K.", "U.S.A.", "U.A.E.", "N.Z."})
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]{2,}$")
_LOCATIVE = re.compile(r"(?:^|\W)(?:in|at|from|to|near|outside|into|of|In|At|From|To)\s+(?:the\s+)?$")
_TEAM_SPORTS = ("SOCCER", "FOOTBALL", "CRICKET", "BASEBALL", "BASKETBALL", "RUGBY", "ICE HOCKEY", "HOCKEY",
                "NFL", "NBA", "NHL", "AMERICAN FOOTBALL", "AUSTRALIAN RULES", "VOLLEYBALL", "HANDBALL")
_SOLO_SPORTS = ("TENNIS", "GOLF", "ATHLETICS", "BOXING", "CYCLING", "SKIING", "ALPINE SKIING", "SWIMMING",
                "SQUASH", "BADMINTON", "SNOOKER", "CHESS", "MOTOR RACING", "MOTORCYCLING", "FORMULA ONE",
                "TABLE TENNIS", "FIGURE SKATING", "SPEED SKATING", "GYMNASTICS", "JUDO", "WRESTLING")
_TOPIC = re.compile(r"^\s*([A-Z][A-Z ]+?)\s*(?:-|:)\s")
_INITIALS = re.compile(r"(?<![\w.'’\-])(?:[A-Z]\. ?){1,3}(?:[A-Z][a-z]+[A-Za-z'’\-]*)(?: [A-Z][a-z]+[A-Za-z'’\-]*)?"
                       r"(?![\w'’\-])")
_BRACKET_COUNTRY = re.compile(r" \( ([A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) \)")
_NAME = r"[A-Z][a-z]+[A-Za-z'’\-]*"
_TEAM_AFTER_COUNTRY = re.compile(r"\( ([A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) \) ([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,2})"
                                 r"(?= \d| s\.t\.| same time| one lap| \w+ laps|\s*$)", re.M)
_BEFORE_BRACKET_COUNTRY = re.compile(
    rf"(?<![\w'’\-])({_NAME}(?: (?:{_NAME}|de|da|van|von|der|den|del|di|la|le)){{1,3}}) \( ([A-Z][\w.]*(?: [A-Z][\w.]*){{0,3}}) \)")


def _at_line_start(text: str, pos: int) -> bool:
    return not text[text.rfind("\n", 0, pos) + 1:pos].strip()


def _at_sentence_start(text: str, pos: int) -> bool:
    """At a line's start or after `` . `` / `` : `` (``... Sheffield Wednesday 0 . Halftime 1-0 .``)."""
    before = text[text.rfind("\n", 0, pos) + 1:pos].rstrip()
    return not before or before[-1] in ".:;!?"


def _is_caps_line(text: str, pos: int) -> bool:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    letters = [c for c in text[s:e if e != -1 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_RUN = re.compile(r"[\w\-]+")


@lru_cache(maxsize=4)
def _runs(text: str) -> dict[str, list[int]]:
    """Where each run of word characters starts: one pass over the document, so that finding a name is a
    lookup of its first word (a pattern per name over a long story cost seconds: 6 ms a name on 345 kB)."""
    index: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        index.setdefault(m.group(0), []).append(m.start())
    return index


def _whole(text: str, word: str) -> list[tuple[int, int]]:
    r"""``word`` where it stands whole: no word character, hyphen or apostrophe before it, no word character
    or hyphen after it (what ``(?<![\w'’\-])word(?![\w\-])`` finds)."""
    first = _RUN.match(word)
    if not first:
        return [m.span() for m in re.finditer(rf"(?<![\w'’\-]){re.escape(word)}(?![\w\-])", text)]
    out = []
    for p in _runs(text).get(first.group(0), ()):
        e = p + len(word)
        if text.startswith(word, p) and not (p and text[p - 1] in "'’") \
                and not (e < len(text) and (text[e].isalnum() or text[e] in "_-")):
            out.append((p, e))
    return out


def _set_labels(spans: list[Span], stretches: list[tuple[int, int]], label: str, widen: bool = False) -> list[Span]:
    """Each stretch ``[s, e)`` gets ``label``, in one sorted sweep (a story can name hundreds of people
    hundreds of times): an equal span is relabelled (never a DATE), an untouched stretch gets a new span,
    and with ``widen`` a stretch holding only smaller non-date spans replaces them; a stretch inside or
    across another span, or overlapping a stretch set before it, is left alone."""
    ordered = sorted(spans, key=lambda sp: (sp.start, sp.end))
    starts = [sp.start for sp in ordered]
    dropped: set[int] = set()
    added: list[Span] = []
    reach = -1  # the furthest end of the stretches set so far (they start at or before s)
    for s, e in sorted(set(stretches), key=lambda se: (se[0], -se[1])):
        if reach > s:
            continue
        lo = max(bisect_right(starts, s) - 1, 0)
        hits = [k for k in range(lo, bisect_left(starts, e)) if ordered[k].start < e and s < ordered[k].end]
        equal = len(hits) == 1 and (ordered[hits[0]].start, ordered[hits[0]].end) == (s, e)
        if equal and ordered[hits[0]].label not in (label, "DATE"):
            added.append(Span(s, e, label, ordered[hits[0]].score))
        elif not hits or (widen and not equal and all(s <= ordered[k].start and ordered[k].end <= e
                                                      and ordered[k].label != "DATE" for k in hits)):
            added.append(Span(s, e, label))
        else:
            continue
        dropped.update(hits)
        reach = max(reach, e)
    return [sp for k, sp in enumerate(ordered) if k not in dropped] + added


def people_agree(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Full names of people and their surnames are PER wherever the document writes them (module doc)."""
    table = classes()
    full = {text[sp.start:sp.end] for sp in spans if sp.label == "PER" and " " in text[sp.start:sp.end]}
    names = set()
    for name in full:
        words = name.split()
        if all(_NAME_WORD.match(w) or re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
            names.add(name)
        last = words[-1]
        if _NAME_WORD.match(last) and last not in _PLACES and table.get(last.lower()) != "l":
            names.add(last)
    for sp in spans:  # a surname alone that no word list knows: "Izetbegovic", "Kabbah"
        word = text[sp.start:sp.end]
        if sp.label == "PER" and " " not in word and _NAME_WORD.match(word) and word.lower() not in table \
                and word not in _PLACES and word not in towns():
            names.add(word)
    return _set_labels(spans, [se for name in names for se in _occurrences(text, name)], "PER")


def initials_are_people(text: str, spans: list[Span], lang: str) -> list[Span]:
    """``A. Stewart``, ``J.P. Duminy``: initials before a surname make a person."""
    stretches = [m.span() for m in _INITIALS.finditer(text)  # not "U.S. Open", "U.N. Security Council"
                 if m.group(0).split()[0] not in COUNTRIES | _BODY_INITIALS
                 and not any(w in ORG_HEADS for w in m.group(0).split())]
    return _set_labels(spans, stretches, "PER", widen=True)


@lru_cache(maxsize=4)
def _topic(text: str) -> str | None:
    """``team`` or ``solo`` when the story's ALL-CAPS headline names a sport (``SOCCER -``), else None."""
    m = _TOPIC.match(text)
    if not m or not _is_caps_line(text, 0):
        return None
    topic = f" {m.group(1).strip()} "
    if any(f" {sport} " in topic for sport in _TEAM_SPORTS):  # "NHL ICE HOCKEY", "NBA BASKETBALL"
        return "team"
    if any(f" {sport} " in topic for sport in _SOLO_SPORTS):
        return "solo"
    return None


def _dateline(text: str, pos: int) -> bool:
    """Is ``pos`` on the document's second line ending in an ISO date (``MADRID 1996-09-14``)?"""
    first = text.find("\n")
    if first == -1 or pos < first:
        return False
    end = text.find("\n", first + 1)
    line = text[first + 1:end if end != -1 else len(text)]
    return pos < (end if end != -1 else len(text)) and bool(re.search(r"\d{4}-\d{2}-\d{2}\s*$", line))


def sports_sides(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Clubs named by their town in team-sport stories; players before their country in others (module doc)."""
    kind = _topic(text)
    if kind is None:
        return spans
    out: list[Span] = []
    for sp in spans:
        name = text[sp.start:sp.end]
        if kind == "team" and sp.label == "LOC" and name not in COUNTRIES and name.title() not in COUNTRIES \
                and not _dateline(text, sp.start) and not _LOCATIVE.search(text, max(0, sp.start - 12), sp.start):
            sp = Span(sp.start, sp.end, "ORG", sp.score)
        elif kind == "team" and sp.label == "PER" and " " not in name and _at_line_start(text, sp.start) \
                and re.match(r" (?!\d{1,3},\d{3})\d", text[sp.end:sp.end + 8]):
            sp = Span(sp.start, sp.end, "ORG", sp.score)  # "Surrey 431 ( ...": a side and its score
        elif kind == "solo" and sp.label in ("ORG", "LOC"):
            m = _BRACKET_COUNTRY.match(text, sp.end)
            if m and m.group(1) in COUNTRIES and name not in COUNTRIES:
                sp = Span(sp.start, sp.end, "PER", sp.score)
        out.append(sp)
    if kind == "solo":  # "1. Laurent Jalabert ( France ) ONCE 4:41:12": the team
        out = _set_labels(out, [m.span(2) for m in _TEAM_AFTER_COUNTRY.finditer(text)
                                if m.group(1) in COUNTRIES and m.group(2) not in COUNTRIES], "ORG", widen=True)
    # names the model left out: "1 - Pete Sampras ( U.S. )"
    return _set_labels(out, [m.span(1) for m in _BEFORE_BRACKET_COUNTRY.finditer(text)
                             if m.group(2) in COUNTRIES and m.group(1) not in COUNTRIES],
                       "PER" if kind == "solo" else "ORG", widen=True)


_PLACE_PREPOSITION = re.compile(r"(?:^|\W)(?:in|near|at|to|from|outside|into|In|Near|At|From)\s+$")


def towns_after_prepositions(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A town the model called a person or an organisation after ``in``, ``near``, ``to``, ``from`` ... is a
    place (``stayed out of sight in Pale``, ``faces trial in Perugia``, ``flew to Raleigh``; GeoNames' towns,
    :func:`pipeline.lang.en.gazetteer.towns`). In a team-sport story an organisation stays (``lost to
    Bolton``: a club)."""
    names = towns()
    team = _topic(text) == "team"
    out = []
    for sp in spans:
        name = text[sp.start:sp.end]
        if (sp.label == "PER" or (sp.label == "ORG" and not team)) and name in names \
                and _PLACE_PREPOSITION.search(text, max(0, sp.start - 10), sp.start):
            sp = Span(sp.start, sp.end, "LOC", sp.score)
        out.append(sp)
    return out


_AT_OR_IN = re.compile(r"(?:^|[^\w'’\-])(at|in|near|At|In|Near)\s+$")
_AT_FIRM = re.compile(r"(?:^|\W)(?:analysts?|economists?|strategists?|traders?|dealers?|brokers?|officials?|"
                      r"executives?|directors?|managers?|chairman|president|spokesman|spokeswoman|partner|"
                      r"researchers?|professor|head|chief|Analysts?|Economists?|Traders?|Dealers?|Brokers?)\s+at\s+$")
_AND_BEFORE = re.compile(r"\s*,?\s*and\s+$")


def people_in_place_position(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A "person" the story does not otherwise know as one is no person where English puts a place or a
    firm: after ``at`` (``at Flushing Meadows``, ``at Loftus Versfeld``; ``a trader at Rudolf Wolff``: ORG,
    as is a club's ground in a team-sport story, ``won 3-0 at Raith``), after ``in`` / ``near`` (``in
    Brittany``), or listed with ``and`` after a place (``in Bilbao and San Sebastian``: LOC; not after an
    organisation, ``the Heydar Aliyev Foundation and Mehriban Aliyeva``); not before a possessive (``at
    Havel 's request``). Known: a name the story gives in full as a person, its surname,
    a name with initials, or one that starts with a given name (US census list), as ``in Glenn Hoddle 's
    first match`` does."""
    first = given_names()
    known: set[str] = set()
    for sp in spans:
        if sp.label == "PER" and " " in text[sp.start:sp.end]:
            known.update(text[sp.start:sp.end].split())
    team = _topic(text) == "team"
    ordered = sorted(spans, key=lambda sp: (sp.start, sp.end))
    out = []
    seen: set[str] = set()  # the persons named so far
    for k, sp in enumerate(ordered):
        name = text[sp.start:sp.end]
        words = name.split()
        earlier = name in seen
        if sp.label == "PER":
            seen.add(name)
        if sp.label != "PER" or words[0] in first or "." in name or (len(words) == 1 and name in known) \
                or (len(words) > 1 and earlier) \
                or re.match(r" ?['’]s? ", text[sp.end:sp.end + 4]):  # "at Vaclav Havel 's request"
            out.append(sp)
            continue
        line_start = text.rfind("\n", 0, sp.start) + 1
        before = text[max(line_start, sp.start - 40):sp.start]
        label = None
        m = _AT_OR_IN.search(before)
        if m and m.group(1).lower() == "at":
            label = "ORG" if _AT_FIRM.search(before) or (team and len(words) == 1) else "LOC"
        elif m:
            label = "LOC"
        else:
            prev = ordered[k - 1] if k else None  # as the model and the earlier rules left it
            if prev is not None and prev.label == "LOC" and prev.end >= line_start \
                    and _AND_BEFORE.fullmatch(text[prev.end:sp.start]):
                label = prev.label
        out.append(Span(sp.start, sp.end, label, sp.score) if label else sp)
    return out


def whole_people(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A person's name is one mention: a one-word person right after a person is its last part (``Said
    Abdullo`` ``Nuri``; not two full names, ``Maria Sanchez Yasmin Schnack``), and a given name just before a
    person belongs to it (``Grant`` ``Fuhr``; US census given names), but not a title or a nationality that
    the census also lists (``King``, ``Major``, ``German``)."""
    first = given_names()
    ordered = sorted(spans, key=lambda sp: (sp.start, sp.end))
    out: list[Span] = []
    for sp in ordered:
        prev = out[-1] if out else None
        if sp.label == "PER" and prev is not None and prev.label == "PER" and text[prev.end:sp.start] == " " \
                and " " not in text[sp.start:sp.end] and len(text[prev.start:sp.end].split()) <= 4:
            out[-1] = Span(prev.start, sp.end, "PER", prev.score)
            continue
        if sp.label == "PER":
            m = _WORD_BEFORE.search(text, max(0, sp.start - 20), sp.start)
            if m and m.group(1) in first and m.group(1) not in _NOT_GIVEN \
                    and (prev is None or prev.end <= sp.start - len(m.group(1)) - 1):
                sp = Span(sp.start - len(m.group(1)) - 1, sp.end, "PER", sp.score)
        out.append(sp)
    return out


def people_by_given_name(text: str, spans: list[Span], lang: str) -> list[Span]:
    """In a sports story, a name of two or three words the model called an organisation is a person when it
    starts with a given name (``Scottie Pippen``, ``Kim Milton Nielsen``; US census given names,
    :func:`pipeline.lang.en.gazetteer.given_names`), unless a word of it is a place, a country, an
    organisation word or a club word (``Sydney United``, ``Kenya Cricket Association``), or it starts a line
    before a score (a side: ``Crystal Palace 2``)."""
    if _topic(text) is None:
        return spans
    first, places = given_names(), towns()
    out = []
    for sp in spans:
        words = text[sp.start:sp.end].split()
        if sp.label == "ORG" and 2 <= len(words) <= 3 and words[0] in first \
                and not any(w in ORG_HEADS or w in COUNTRIES or w in places or w in TEAM_SUFFIXES for w in words) \
                and not (_at_line_start(text, sp.start) and re.match(r" \d", text[sp.end:sp.end + 2])):
            sp = Span(sp.start, sp.end, "PER", sp.score)
        out.append(sp)
    return out


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """``name`` as a whole word or phrase, and its ALL-CAPS form inside an ALL-CAPS line."""
    return _whole(text, name) + [(s, e) for s, e in _whole(text, name.upper())
                                 if name.upper() != name and _is_caps_line(text, s)]


def sides_agree(text: str, spans: list[Span], lang: str) -> list[Span]:
    """In a sports story, a club or team found once (``Leicestershire 17 10 1 6 54 60 296`` in a table,
    ``Damon Hill ( Britain ) Williams``) is one wherever the story writes it (``Leicestershire won the
    English County Championship``, ``1. Williams 165 points``)."""
    if _topic(text) is None:
        return spans
    clubs = {text[sp.start:sp.end] for sp in spans if sp.label == "ORG"}
    stretches = [(s, e) for name in clubs if name not in COUNTRIES and name[:1].isupper()
                 for s, e in _occurrences(text, name)
                 if not _dateline(text, s) and not _LOCATIVE.search(text, max(0, s - 12), s)]
    return _set_labels(spans, stretches, "ORG")  # the dateline's town and "in Milan" stay places


_EVENT_HEADS = frozenset("Cup Cups Trophy Championship Championships Olympics Olympiad Prix Open Classic Marathon".split())


def places_and_events(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A country the model called a person or an organisation is a place (``Sri Lanka``, in a cricket story
    where it named the side: LOC as CoNLL-2003 writes national sides), unless the document names a person
    with it (``Michael Jordan`` ... ``Jordan``); a competition is no organisation (``African Champions Cup``,
    ``Lancome Trophy``, ``U.S. Open``: CoNLL-2003's MISC, which we do not tag)."""
    surnames = {text[sp.start:sp.end].split()[-1] for sp in spans
                if sp.label == "PER" and " " in text[sp.start:sp.end]}
    out = []
    for sp in spans:
        name = text[sp.start:sp.end]
        if sp.label in ("PER", "ORG") and (name in COUNTRIES or (name.isupper() and name.title() in COUNTRIES)) \
                and name not in surnames and name.title() not in surnames:
            sp = Span(sp.start, sp.end, "LOC", sp.score)
        elif sp.label == "ORG" and " " in name and name.split()[-1].title() in _EVENT_HEADS:
            continue
        out.append(sp)
    return out


def drop_line_start_words(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A one-word person or place at a line's or sentence's start that English writes in lower case
    only, and that the document never capitalises mid-sentence, is dropped (``Attendance : 12,000``,
    ``Halftime 1-0``); organisations and a side before its score stay (``Arsenal 2 Chelsea 0``)."""
    table = classes()
    out = []
    for sp in spans:
        word = text[sp.start:sp.end]
        if sp.label in ("PER", "LOC") and " " not in word and _at_sentence_start(text, sp.start) \
                and not re.match(r" (?!\d{1,3},\d{3})\d+(?![\d-])", text[sp.end:sp.end + 8]) \
                and table.get(word.lower()) == "l" and word[:1].isupper() and not word.isupper() \
                and all(_at_sentence_start(text, s) for s, _ in _whole(text, word)):
            continue
        out.append(sp)
    return out


RULES = (initials_are_people, towns_after_prepositions, sports_sides, people_by_given_name, whole_people, people_agree,
         people_in_place_position, sides_agree, places_and_events, drop_line_start_words)
