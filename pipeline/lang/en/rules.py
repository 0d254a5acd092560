"""English post-model rules: CoNLL-2003 span conventions on top of en_core_web_md 3.8 (pinned; the
model and its loading: :mod:`pipeline.lang.en.ner`). Rules fix its systematic errors, one small function each:

* no leading "the", no dangling "of"/"and"/"(" or possessive "'s" in a span; a name never runs
  over a spaced dash, a score or a lowercase word that is not a connector (of, de, von ...);
* "Leeds United", "FC Rubin Kazan", "beat Liverpool 2-1": club names are ORG;
* "Brazil's Supreme Court" is LOC + ORG; "Washington-based" and "Secretary of State" hold no entity;
* country and city names tagged ORG become LOC; gazetteer cities/countries the model misses
  (Kyiv, Leningrad ...) become LOC;
* long organisation names are completed ("... Institute" + " of Roentgen Radiology",
  "... of Roentgenology, Radiology, and Oncology", "Council of Higher Education" + " of Turkey");
  capitalised phrases headed by an organisation word (Council, Ministry, Institute ...) are ORG;
  "<ORG> of the <Ministry ...>" is two ORGs;
* an acronym or a native name in brackets after an entity gets its label, and every later
  occurrence of an entity string in the same segment gets the same label;
* ALL-CAPS lines (wire headlines, datelines) are given running text's casing for the model (same offsets);
* "the" + an untagged all-capitals word (the NCO, the IMF) is ORG;
* a wire dateline ("CHELMSFORD , England 1996-08-30") names places: LOC, and its date starts at the date;
* a person's or place's name never starts or ends with a bare number ("Nasser Hussain 112" in a scoreboard),
  and a person's starts after a nationality ("Welshman Ian Woosnam");
* sports results/standings lines ("Aston Villa 1 Leeds 0"): clubs ORG, countries LOC;
* a city/country name tagged PER after "in/to/from/visited" or coordinated with a LOC is LOC;
* untagged names coordinated with a LOC ("Kyiv, Leningrad (Saint Petersburg), and Moscow") are LOC, and
  with an ORG, both after "the", ORG; a place of an organisation phrase's extent is that ORG (a facility);
  an organisation "of" a person stops before the person; a name has a capital in the line as written;
* forms of news copy (indexes, competitions, venues, place nouns): :mod:`pipeline.lang.en.forms`.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.lang.en.casing import truecase
from pipeline.lang.en.forms import RULES as FORMS
from pipeline.lang.en.gazetteer import (CITIES, COMPASS, COUNTRIES, DEMONYMS, ORG_HEADS, PERSON_TITLES, TEAM_SUFFIXES,
                                       _FUNCTION_CAPS)
from pipeline.lang.en.wire import (SIDE as _TEAM, add_span as _add, cut_demonyms, cut_numbers, datelines, listed_results,
                                   overlapping, put_side, relabel_or_add as _relabel_or_add, results_with_scorers,
                                   scorecards)
from pipeline.ner.base import Span
from pipeline.ner.natasha_backend import resolve_overlaps

_CAP = r"[A-Z][\w'’\-]*"
_NAME_SEQ = rf"{_CAP}(?: {_CAP}){{0,5}}"
_AFTER_ACRONYM = re.compile(r" \( ?([A-Z][A-Z0-9&]{1,9}[a-z]?) ?\)")
_AFTER_NATIVE = re.compile(r" \( ?[A-Z][a-z]+ ?: ([A-Z][^;:()\n]{1,80}?) ?\)")
_AFTER_LIST_ITEM = re.compile(rf"(?:,? and|,) ({_CAP})(?=$|[,;:.)\s])")
_AFTER_OF = re.compile(rf" of ({_NAME_SEQ})(?=$|[^\w'’\-])")
_LIST_NEIGHBOUR_RIGHT = re.compile(rf"^(?: \([^()]*\))?(?: ?, and | ?, | and )({_CAP}(?: {_CAP}){{0,2}})(?=$|[^\w'’\-])")
_LIST_NEIGHBOUR_LEFT = re.compile(rf"(?:^|[^\w'’\-])({_CAP}(?: {_CAP}){{0,2}})(?: \([^()]*\))?(?: ?, and | ?, | and )$")
_ALIAS_LEFT = re.compile(rf"(?:^|[^\w'’\-])({_CAP}(?: {_CAP}){{0,2}}) \($")
_ORG_PHRASE = re.compile(
    rf"(?<![\w'’\-])(?:{_CAP} ){{0,5}}(?:{'|'.join(sorted(ORG_HEADS))})"
    rf"(?: (?:of|for|on) (?:{_CAP})(?:,? (?:and )?{_CAP}| {_CAP}){{0,5}})?(?![\w'’\-])")
# "the <Name> and the <ORG>", "the <ORG>, the <Name>": institutions listed together, each with "the"
_THE_NEIGHBOUR_LEFT = re.compile(rf"(?:^|[^\w'’\-])(?:the|The) ({_CAP}(?: {_CAP}){{0,3}})(?: ?, and | ?, | and )the $")
_THE_NEIGHBOUR_RIGHT = re.compile(rf"(?: ?, and | ?, | and )the ({_CAP}(?: {_CAP}){{0,3}})(?=$|[^\w'’\-])")
_NEXT_WORD = re.compile(r" ([a-z]+)")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_JUNK = re.compile(r"(?:\s+(?:of|and|for|the|on|at|in)|\s*['’]s?|[\s,;:(\-–—])+$")
_CONNECTORS = frozenset("of for and the de la le du des von van der den al el bin ibn da di & on upon y".split())
_SCORE = re.compile(r"\d+[-:]\d+$")
_PARTICLE_NAME = re.compile(r"[a-z]{1,4}[-'’][A-Z]")  # al-Sisi, el-Baradei, d'Estaing, bin-Laden
_OFFICE_OF = re.compile(r"(?:Secretary|Minister|Secretary-General|Commissioner) of $")
_AFTER_SCORE = re.compile(r" \d{1,2}-\d{1,2}(?!\d)")

_Mut = list[list[Any]]  # [start, end, label]


def _gazetteer_pattern() -> re.Pattern[str]:
    names = sorted(COUNTRIES | CITIES, key=len, reverse=True)
    return re.compile(r"(?<![\w'’\-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w'’\-])")


_GAZ = _gazetteer_pattern()


_overlaps = overlapping


def trim_spans(text: str, spans: _Mut) -> None:
    """Drop leading "the", unbalanced brackets and dangling function words or punctuation."""
    for sp in spans:
        s, e = sp[0], sp[1]
        chunk = text[s:e]
        m = _LEADING_THE.match(chunk)
        if m and e - s > m.end():
            s += m.end()
        chunk = text[s:e]
        if chunk.count("(") != chunk.count(")"):
            cut = chunk.find("(") if chunk.count("(") > chunk.count(")") else chunk.find(")")
            e = s + cut
        chunk = text[s:e]
        m = _TRAILING_JUNK.search(chunk)
        if m and m.start() > 0:
            e = s + m.start()
        sp[0], sp[1] = s, e
    spans[:] = [sp for sp in spans if sp[1] > sp[0] and text[sp[0]:sp[1]].strip()]


def cut_at_lowercase(text: str, spans: _Mut) -> None:
    """A name never runs over a spaced dash, a score, or a lowercase non-connector word."""
    for sp in spans:
        if sp[2] == "DATE":
            continue
        chunk = text[sp[0]:sp[1]]
        if text[sp[1]:sp[1] + 1] == "-" and text[sp[1] + 1:sp[1] + 2].islower():
            sp[1] = sp[0]  # "Washington-based", "Kremlin-backed": part of an adjective
            continue
        if " " not in chunk and _OFFICE_OF.search(text[max(0, sp[0] - 16):sp[0]]):
            sp[1] = sp[0]  # "Secretary of State", "Minister of Defence": a title, not an ORG
            continue
        dash = chunk.rfind(" - ")
        if dash != -1:
            after = chunk[dash + 3:]
            if after[:1].isupper() and not after.isupper():
                sp[0] += dash + 3  # "1 - Pete Sampras": a seeding number before a name
                chunk = after
            else:
                sp[1] = sp[0]  # a headline fragment ("SOCCER - JAPAN GET ..."): drop, rules re-find names
                continue
        pos = 0
        for i, word in enumerate(chunk.split(" ")):
            if i > 0 and word and (_SCORE.match(word) or (word[0].islower() and word not in _CONNECTORS
                                                          and not _PARTICLE_NAME.match(word))):
                sp[1] = sp[0] + pos - 1
                break
            pos += len(word) + 1
    spans[:] = [sp for sp in spans if sp[1] > sp[0] and text[sp[0]:sp[1]].strip()]


def sports_teams(text: str, spans: _Mut) -> None:
    """"Leeds United", "FC Rubin Kazan": a name ending in a club word or after "FC" is ORG."""
    for sp in spans:
        if sp[2] == "DATE":
            continue
        if text[max(0, sp[0] - 3):sp[0]] in ("FC ", "CF ", "SC ", "AC ") and not text[sp[0] - 4:sp[0] - 3].isalnum():
            sp[0] -= 3  # "FC Rubin Kazan"
            sp[2] = "ORG"
        elif sp[2] in ("PER", "LOC") and text[sp[0]:sp[1]].split()[-1] in TEAM_SUFFIXES:
            sp[2] = "ORG"
        elif sp[2] == "LOC" and _AFTER_SCORE.match(text, sp[1]) and text[sp[0]:sp[1]] not in COUNTRIES:
            sp[2] = "ORG"  # "beat Liverpool 2-1": a club (national teams stay LOC)


_RESULT_LINE = re.compile(rf"^\s*({_TEAM}) \d+ ({_TEAM}) \d+(?:\s+[.;]\s.*)?\s*\.?\s*$")  # "... . Attendance : 9,000"
_TABLE_LINE = re.compile(rf"^\s*(?:\d+\.?\s)?({_TEAM})(?: \d+){{4,}}\s*$")


def results_tables(text: str, spans: _Mut) -> None:
    """Sports results and standings lines ("Aston Villa 1 Leeds 0"): clubs are ORG, countries LOC."""
    m = _RESULT_LINE.match(text) or _TABLE_LINE.match(text)
    if not m:
        return
    for g in range(1, (m.lastindex or 0) + 1):
        put_side(text, spans, *m.span(g))


_POSSESSIVE = re.compile(r"['’]s ")


def split_possessive_place(text: str, spans: _Mut) -> None:
    """"Brazil's Supreme Court" is LOC "Brazil" + ORG "Supreme Court"."""
    for sp in list(spans):
        m = _POSSESSIVE.search(text, sp[0], sp[1])
        if m and sp[2] != "DATE" and text[sp[0]:m.start()] in (COUNTRIES | CITIES):
            spans.remove(sp)
            spans.append([sp[0], m.start(), "LOC"])
            spans.append([m.end(), sp[1], sp[2]])


def relabel_places(text: str, spans: _Mut) -> None:
    """An ORG span that is exactly a country or city name is LOC (not a club before a score)."""
    for sp in spans:
        if sp[2] == "ORG" and text[sp[0]:sp[1]] in (COUNTRIES | CITIES) and not (
                text[sp[0]:sp[1]] in CITIES and _AFTER_SCORE.match(text, sp[1])):
            sp[2] = "LOC"


def _has_head(chunk: str) -> bool:
    return any(w.strip(",") in ORG_HEADS for w in chunk.split())


def extend_orgs(text: str, spans: _Mut) -> None:
    """Complete ORG names: "<...Head> of <Names>", "<... of X>, Y, and Z", "<ORG> of <Country>"."""
    changed = True
    while changed:
        changed = False
        for sp in [x for x in spans if x[2] == "ORG"]:
            s, e = sp[0], sp[1]
            chunk = text[s:e]
            m = _AFTER_OF.match(text, e)
            if m and not _a_person(spans, m.start(1), m.end(1), m.group(1)):  # not `Party of Ichiro Ozawa`
                target = m.group(1)
                if (chunk.split()[-1] in ORG_HEADS and target.split()[0] not in _FUNCTION_CAPS) or (
                        _has_head(chunk) and target in COUNTRIES):
                    new_e = m.end(1)
                    for h in _overlaps((e, new_e), spans, skip=sp):
                        spans.remove(h)
                    sp[1] = new_e
                    changed = True
                    continue
            if ", " in chunk.rsplit(" of ", 1)[-1] and " of " in chunk and _has_head(chunk):
                m = _AFTER_LIST_ITEM.match(text, e)
                if m and m.group(1) not in _FUNCTION_CAPS and not m.group(1).isupper():
                    new_e = m.end(1)
                    for h in _overlaps((e, new_e), spans, skip=sp):
                        spans.remove(h)
                    sp[1] = new_e
                    changed = True


def split_org_of_org(text: str, spans: _Mut) -> None:
    """"<ORG> of the <Ministry ...>" is two organisations."""
    for sp in [x for x in spans if x[2] == "ORG"]:
        chunk = text[sp[0]:sp[1]]
        idx = chunk.find(" of the ")
        if idx > 0:
            right = chunk[idx + 8:]
            if right and right.split()[0] in ORG_HEADS and _has_head(chunk[:idx]):
                spans.remove(sp)
                spans.append([sp[0], sp[0] + idx, "ORG"])
                spans.append([sp[0] + idx + 8, sp[1], "ORG"])


def _possessive_place(word: str) -> bool:
    return word[-2:] in ("'s", "’s") and word[:-2] in (COUNTRIES | CITIES)


def _a_person(spans: _Mut, s: int, e: int, name: str) -> bool:
    """A person the model found there, or a title before a name (`of President Algirdas Brazauskas`)."""
    return name.split()[0] in PERSON_TITLES or any(x[2] == "PER" and x[0] < e and s < x[1] for x in spans)


def org_phrases(text: str, spans: _Mut) -> None:
    """Capitalised phrases headed by an organisation word are ORG (replacing pieces inside, and a place
    of exactly that extent: the model's facilities, `Center`, `Hospital`, `University`, are institutions);
    an `of` that names a person ends the phrase before it (`Lord 's Resistance Army of Joseph Kony`)."""
    for m in _ORG_PHRASE.finditer(text):
        s, e = m.start(), m.end()
        of = text.find(" of ", s, e)
        if of != -1 and _a_person(spans, of + 4, e, text[of + 4:e]):
            e = of
        words = text[s:e].split()
        while words and (words[0] in _FUNCTION_CAPS or _possessive_place(words[0])):
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or words[0] in ORG_HEADS and len(words) < 3:
            continue
        # `the Azerbaijan National Center of Oncology` read as a facility is an institution; `West Bank` a place
        _relabel_or_add(spans, s, e, "ORG", ("LOC",) if not (len(words) == 2 and words[0] in COMPASS) else (),
                        replace_inside=True)


def brackets_after(text: str, spans: _Mut) -> None:
    """"<ORG> (ACRONYM)" -> ORG; "<X> (Language: native name)" -> same label as X."""
    for sp in list(spans):
        m = _AFTER_ACRONYM.match(text, sp[1])
        if m and sp[2] == "ORG":
            _add(spans, m.start(1), m.end(1), "ORG")
            continue
        m = _AFTER_NATIVE.match(text, sp[1])
        if m and sp[2] in ("ORG", "LOC", "PER"):
            # the native name is the same entity: it takes the name's label, whatever the model said of it
            _relabel_or_add(spans, m.start(1), m.end(1), sp[2], ("ORG", "LOC", "PER", "DATE"))


def list_neighbours(text: str, spans: _Mut) -> None:
    """Untagged names coordinated with a LOC, or given as its bracketed alias, are LOC."""
    changed = True
    while changed:
        changed = False
        for sp in [x for x in spans if x[2] == "LOC"]:
            cands = []
            m = _LIST_NEIGHBOUR_RIGHT.match(text[sp[1]:])
            if m:
                cands.append((sp[1] + m.start(1), sp[1] + m.end(1)))
            head = text[max(0, sp[0] - 80):sp[0]]
            off = sp[0] - len(head)
            for pat in (_LIST_NEIGHBOUR_LEFT, _ALIAS_LEFT):
                m = pat.search(head)
                if m:
                    cands.append((off + m.start(1), off + m.end(1)))
            for s, e in cands:
                words = text[s:e].split()
                if words[0] in _FUNCTION_CAPS or words[0] in DEMONYMS or any(w in ORG_HEADS for w in words):
                    continue
                if _add(spans, s, e, "LOC"):
                    changed = True


def org_neighbours(text: str, spans: _Mut) -> None:
    """An untagged name listed with an ORG, both after "the", is an ORG (`the Medical Treatment
    Building and the Laboratory of Molecular Oncology`), unless a lower-case word follows it (`the Nikkei average`)."""
    for sp in [x for x in spans if x[2] == "ORG" and text[max(0, x[0] - 4):x[0]] in ("the ", "The ")]:
        right = _THE_NEIGHBOUR_RIGHT.match(text, sp[1])
        left = _THE_NEIGHBOUR_LEFT.search(text, max(0, sp[0] - 80), sp[0])
        for s, e in [m.span(1) for m in (right, left) if m]:
            words, after = text[s:e].split(), _NEXT_WORD.match(text, e)
            if not (words[0] in _FUNCTION_CAPS or any(w in DEMONYMS for w in words)
                    or text[s:e] in (CITIES | COUNTRIES) or (after and after.group(1) not in ("and", "or"))):
                _add(spans, s, e, "ORG")


_LOCATIVE = re.compile(r"(?:^|\W)(?:in|to|from|near|outside|visited|visit|via|across|into)\s$")


def places_tagged_as_people(text: str, spans: _Mut) -> None:
    """A PER that is a gazetteer city/country after "in/to/from/visited ..." or next to a LOC is LOC."""
    locs = [x for x in spans if x[2] == "LOC"]
    for sp in spans:
        if sp[2] != "PER" or text[sp[0]:sp[1]] not in (CITIES | COUNTRIES):
            continue
        before = text[max(0, sp[0] - 12):sp[0]]
        near_loc = any(0 <= sp[0] - x[1] <= 6 or 0 <= x[0] - sp[1] <= 6 for x in locs)
        between = [text[min(sp[1], x[1]):max(sp[0], x[0])] for x in locs]
        if _LOCATIVE.search(before) or (near_loc and any(b.strip() in (",", "and", ", and") for b in between)):
            sp[2] = "LOC"


def gazetteer_places(text: str, spans: _Mut) -> None:
    """Countries and cities from the gazetteer that nothing covers yet are LOC."""
    for m in _GAZ.finditer(text):
        _add(spans, m.start(), m.end(), "LOC")


_THE_ACRONYM = re.compile(r"(?<![\w'’\-])(?:the|The) ([A-Z]{3,6})(?![\w'’\-])")


def the_acronyms(text: str, spans: _Mut) -> None:
    """"the NCO", "the IMF": an untagged all-capitals word of 3-6 letters after "the" is ORG."""
    for m in _THE_ACRONYM.finditer(text):
        if m.group(1) not in COUNTRIES:
            _add(spans, m.start(1), m.end(1), "ORG")


def _is_word_char(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch in "_'’-")


def propagate(text: str, spans: _Mut) -> None:
    """Later occurrences of an entity string in the same segment get its label."""
    for s, e, label in sorted([tuple(x) for x in spans if x[2] != "DATE"], key=lambda x: x[0]):
        name = text[s:e]
        if len(name) < 2 or not name[0].isupper():
            continue
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            if not _is_word_char(text[pos - 1:pos]) and not _is_word_char(text[end:end + 1]):
                _add(spans, pos, end, label)
            pos = text.find(name, pos + 1)


RULES = (datelines, cut_at_lowercase, cut_numbers, cut_demonyms, trim_spans, split_possessive_place, sports_teams, results_tables, results_with_scorers, listed_results, scorecards, relabel_places, extend_orgs, split_org_of_org, org_phrases, trim_spans,
         brackets_after, list_neighbours, org_neighbours, places_tagged_as_people, gazetteer_places, propagate, the_acronyms, relabel_places,
         *FORMS)


def apply_rules(text: str, spans: list[Span]) -> list[Span]:
    """Run every rule in :data:`RULES` over model spans of one text."""
    mut: _Mut = [[s.start, s.end, s.label] for s in spans]
    for rule in RULES:
        rule(text, mut)
    return resolve_overlaps([Span(s, e, lab) for s, e, lab in mut])


def casing_for_model(line: str) -> str:
    """An ALL-CAPS line (wire headline, dateline) in running text's casing for the model
    (:func:`pipeline.lang.en.casing.truecase`, same length); else the line."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return line
    return truecase(line)


def line_rules(line: str, spans: list[Span]) -> list[Span]:
    """The English line rule: :func:`apply_rules` on the line as the model read it (recased); then a
    name without a capital or a digit in the line as written is none (what is left of `the ministry of
    health` cut at `ministry`: `the`; a headline's `CONGRESS` keeps its capitals)."""
    return [sp for sp in apply_rules(casing_for_model(line), spans)
            if sp.label == "DATE" or any(c.isupper() or c.isdigit() for c in line[sp.start:sp.end])]
