"""Building blocks shared by the date grammars of the packs: the Rule record, spacing, number boundaries.

Every pattern is a `Rule(name, kind, regex)` over folded text. Named groups carry the parts the
resolver reads: `d1 m1 y1` (first date), `d2 m2 y2` (second date of a range), `cal` (calendar
marker), `dec` (decade), `c1 c2` (centuries), `bc` (before-era marker), `rel` / `ry`
(relative phrase / relative year), `y2d` (two-digit end year). All quantifiers over
whitespace are bounded and no group nests an unbounded repeat, so scanning is linear.
"""
from __future__ import annotations

import re as _stdre
from dataclasses import dataclass

import regex as re


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # date | decade | century | rel | dur
    regex: re.Pattern


_H = r"[ \t\u00a0\u2009\u202f\u200c]"  # horizontal space incl. ZWNJ
SP = rf"(?:{_H}{{1,3}}|{_H}{{0,2}}\r?\n{_H}{{0,2}})"  # a short run of spaces, or one line break
OSP = _H + "{0,3}"
DASH = r"[-–—‑−]"
RD = OSP + DASH + OSP
NL = r"(?<![0-9\w])(?<![0-9][.,:/])"  # left boundary of a number
NR = r"(?![0-9])(?![.,:/][0-9])"  # right boundary of a number
WL = r"(?<![\w\u200c])"  # left boundary of a word
FA_WR = r"(?![\w\u200c])"

FLAGS = re.IGNORECASE | re.UNICODE
DAY = r"3[01]|[12][0-9]|0?[1-9]"  # a day of the month
YR = rf"(?P<y1>1[0-9]{{3}}|20[0-9]{{2}}){NR}"  # a year right after a letter or "/"


def D(n: int) -> str:
    return rf"{NL}(?P<d{n}>3[01]|[12][0-9]|0?[1-9]){NR}"


def Y4(n: int) -> str:
    return rf"{NL}(?P<y{n}>1[0-9]{{3}}|20[0-9]{{2}}){NR}"


def MNUM(n: int) -> str:
    return rf"(?P<m{n}>1[0-2]|0?[1-9])"


def _c(p: str):
    """Compile with the faster stdlib `re`; fall back to `regex` for what it cannot compile
    (repeated group names across alternatives, variable-width lookbehind)."""
    p = rf"(?<![\w\u200c])(?:{p})"  # every date starts at a word start: cheap early reject
    try:
        return _stdre.compile(p, _stdre.IGNORECASE)
    except _stdre.error:
        return re.compile(p, FLAGS)
