"""English dates: month and weekday words, ordinals, relative phrases and the grammar
(the protocol of a pack's dates module: pipeline/dates/pack.py)."""
from __future__ import annotations

from pipeline.dates.lexicon import alt, prefix_month, squash, stem_weekday
from pipeline.dates.numeric import numeric_rules
from pipeline.dates.patterns import D, NL, NR, OSP, RD, SP, Y4, YR, Rule, _c

DATEPARSER = "en"
HUNDREDS = True  # "the 1800s" is the hundred years 1800-1899

# ---------------------------------------------------------------- months
EN_MONTH = (r"January|February|March|April|(?-i:May)|June|July|August|September|October|November"
            r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?")
_EN_PREFIX = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "oct": 10, "nov": 11, "dec": 12}


def month_of(token: str) -> tuple[int, None]:
    return prefix_month(_EN_PREFIX, token)


# ---------------------------------------------------------------- ordinals, weekdays
EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
              "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
              "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
              "twenty-first": 21, "twenty first": 21}
EN_ORDINAL_RE = alt(EN_ORDINAL)
ORDINALS = EN_ORDINAL  # century words
PART_ORDINALS = {**{k: v for k, v in EN_ORDINAL.items() if v <= 5}, "last": -1}

_EN_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_ORDINALS: dict[str, int] = {squash(w): i + 1 for i, w in enumerate(_EN_UNITS)}
DAY_ORDINALS.update({squash(w): n for n, w in enumerate(
    ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"], start=10)})
DAY_ORDINALS["thirtieth"] = 30
for _i, _w in enumerate(_EN_UNITS):
    DAY_ORDINALS[squash("twenty" + _w)] = 21 + _i
DAY_ORDINALS["thirtyfirst"] = 31
DAY_ORDINAL_RE = (r"(?:(?:twenty|thirty)[- ]?)?(?:" + "|".join(sorted(set(_EN_UNITS) | {
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth"}, key=len, reverse=True)) + r")(?![a-z])")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def weekday_of(token: str) -> int:
    return stem_weekday(WEEKDAYS, token)


# ---------------------------------------------------------------- relative phrases (unit, shift)
RELATIVE = [
    (r"^yesterday$", "day", -1), (r"^today$", "day", 0), (r"^tomorrow$", "day", 1),
    (r"^this\s+year$", "year", 0), (r"^last\s+year$", "year", -1), (r"^next\s+year$", "year", 1),
    (r"^this\s+month$", "month", 0), (r"^last\s+month$", "month", -1),
    (r"^next\s+month$", "month", 1), (r"^this\s+week$", "week", 0),
    (r"^last\s+week$", "week", -1), (r"^next\s+week$", "week", 1),
]

# Every rule's match holds a digit or a word starting with one of these stems.
TRIGGERS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|centur|day|week|month|year|decade|"
          r"yesterday|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
          r"sunday|weekend|currently|nowadays|recently|spring|summer|autumn|fall|winter")


# ---------------------------------------------------------------- grammar
_EN_NTH = r"first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th"
_EN_WD = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"


def rules() -> list[Rule]:
    """The English date grammar, in the order the extractor ranks ties."""
    mon = lambda n: rf"\b(?P<m{n}>{EN_MONTH})(?![a-z])"
    dord = r"(?:st|nd|rd|th)?"
    day = lambda n: rf"{NL}(?P<d{n}>3[01]|[12][0-9]|0?[1-9]){dord}(?![0-9a-z])"
    mod = r"(?:\b(?:the{SP})?(?:early|mid|late|middle{SP}of{SP}the|end{SP}of{SP}the)[-\s]{1,2})?".replace("{SP}", SP)
    bc = rf"(?:{SP}(?P<bc>BC|B\.C\.|BCE|B\.C\.E\.))?"
    rules = [
        Rule("en_mdy", "date", _c(rf"{mon(1)}{SP}{day(1)},?{SP}{Y4(1)}")),
        Rule("en_dmy", "date", _c(rf"{day(1)}(?:{SP}of)?{SP}{mon(1)},?{SP}{Y4(1)}")),
        Rule("en_md_range", "date", _c(rf"{mon(2)}{SP}{day(1)}{RD}{day(2)},?(?:{SP}{Y4(2)})?")),
        Rule("en_dm_range", "date", _c(rf"{day(1)}{RD}{day(2)}{SP}{mon(2)},?(?:{SP}{Y4(2)})?")),
        Rule("en_fromto_d", "date", _c(
            rf"\b(?:from|between){SP}(?:{mon(1)}{SP}{day(1)}|{day(1)}(?:{SP}{mon(1)})?),?(?:{SP}{Y4(1)})?"
            rf"{SP}(?:to|until|till|and|through){SP}(?:{mon(2)}{SP}{day(2)}|{day(2)}{SP}{mon(2)}),?(?:{SP}{Y4(2)})?")),
        Rule("en_fromto_m", "date", _c(
            rf"\b(?:from|between){SP}{mon(1)}(?:{SP}{Y4(1)})?{SP}(?:to|until|till|and|through){SP}"
            rf"{mon(2)}(?:{SP}{Y4(2)})?")),
        Rule("en_md", "date", _c(rf"{mon(1)}{SP}{day(1)}(?!,?{SP}[0-9])")),
        Rule("en_dm", "date", _c(rf"{day(1)}(?:{SP}of)?{SP}{mon(1)}")),
        Rule("en_my", "date", _c(rf"{mod}{mon(1)},?{SP}(?:of{SP})?{Y4(1)}")),
        Rule("en_y_range", "date", _c(
            rf"(?:\b(?:from|between){SP})?{Y4(1)}(?:{RD}|{SP}(?:to|until|till|and|through){SP})"
            rf"(?:{Y4(2)}|(?P<y2d>[0-9]{{2}}){NR}){bc}")),
        Rule("en_y_bare", "date", _c(rf"(?:\b(?:the{SP})?year{SP}|\b(?:(?:early|late|mid){SP})?(?:spring|summer|"
                                rf"autumn|fall|winter)(?:{SP}of)?{SP})?(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}{bc}(?![\w])(?!{OSP}%|{SP}(?:people|"
                                rf"dollars|persons|km|kg|tons|m|times|units|copies|cases|years|patients|"
                                rf"employees|pages|beds|million|thousand)\b)")),
        Rule("en_decade", "decade", _c(rf"{mod}(?:\bthe{SP})?{mod}{NL}(?P<dec>[0-9]{{2,3}}0)'?s(?![\w])")),
        Rule("en_decade2", "decade", _c(rf"{mod}(?:\bthe{SP})?{mod}'(?P<dec>[0-9]0)s(?![\w])")),
        Rule("en_century", "century", _c(
            rf"{mod}(?:\bthe{SP})?{mod}(?P<c1>[0-9]{{1,2}}(?:st|nd|rd|th)|(?:{EN_ORDINAL_RE}))"
            rf"(?:{RD}(?:and{SP})?(?P<c2>[0-9]{{1,2}}(?:st|nd|rd|th)|(?:{EN_ORDINAL_RE})))?"
            rf"(?:-|{SP})centur(?:y|ies)(?![\w]){bc}")),
    ]
    rules += numeric_rules("en", "", "", mon=rf"(?P<m1>{EN_MONTH})", month_first=True)
    rules += _part_rules(mon)
    wd = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    num = (r"(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"fifteen|twenty|thirty|forty|fifty|a{SP}few|several|many)").replace("{SP}", SP)
    unit = r"(?:days?|weeks?|months?|years?|decades?|centuries|century)"
    rel = (rf"yesterday|today|tomorrow|tonight|(?:last|this|next|past|coming){SP}(?:year|month|week|"
           rf"decade|century|weekend|spring|summer|autumn|fall|winter|{wd})|"
           rf"(?:(?:on|last|next|this){SP})?(?:{wd})|{num}{SP}{unit}{SP}(?:ago|later|earlier)|"
           rf"the{SP}(?:previous|following|next){SP}(?:year|month|week|day)|"
           rf"(?:currently|nowadays|recently)")
    rules += [Rule("en_rel", "rel", _c(rf"\b(?P<rel>{rel})(?![\w])")),
              Rule("en_dur", "dur", _c(rf"\b(?P<rel>(?:for|over|during|within){SP}(?:the{SP}(?:past|last|next){SP})?"
                                       rf"{num}{SP}{unit})(?![\w])"))]
    return rules


def _part_rules(mon) -> list[Rule]:
    y = Y4(1)
    the = rf"(?:\bthe{SP})?"
    return [
        Rule("en_quarter", "part", _c(rf"{the}(?P<q>{_EN_NTH}){SP}quarter{SP}(?:of{SP})?(?:the{SP}year{SP})?{y}")),
        Rule("en_quarter_q", "part", _c(rf"\bQ(?P<q>[1-4]){OSP}(?:of{SP}|/)?{YR}|{y}{OSP}-?{OSP}Q(?P<q>[1-4])\b"
                                        rf"|{NL}(?P<q>[1-4])Q{OSP}{YR}")),
        Rule("en_half", "part", _c(rf"{the}(?P<h>first|second|1st|2nd){SP}half{SP}of{SP}(?:the{SP}year{SP})?{y}"
                                   rf"|\bH(?P<h>[12]){OSP}{y}")),
        Rule("en_pday", "part", _c(rf"{the}(?P<pd>first|last){SP}day{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_week", "part", _c(rf"{the}(?P<wk>{_EN_NTH}){SP}week{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_nth_wd", "part", _c(rf"{the}(?P<nth>{_EN_NTH}){SP}(?P<wd>{_EN_WD}){SP}(?:of|in){SP}{mon(1)},?{SP}{y}")),
        Rule("en_ord_of", "date", _c(rf"{the}(?P<do1>{DAY_ORDINAL_RE})(?:{SP}day)?{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_nday_of", "date", _c(rf"{the}{D(1)}(?:st|nd|rd|th)?{SP}day{SP}of{SP}{mon(1)},?{SP}{y}")),
        Rule("en_m_ord", "date", _c(rf"{mon(1)}{SP}(?:the{SP})?(?P<do1>{DAY_ORDINAL_RE}),?{SP}{y}")),
        Rule("en_glued", "date", _c(rf"{D(1)}(?:st|nd|rd|th)?(?P<m1>january|february|march|april|may|june|july|"
                                    rf"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|"
                                    rf"sept?|oct|nov|dec)(?![a-z]),?{SP}{y}")),
        Rule("en_m_the_d", "date", _c(rf"{mon(1)}{SP}the{SP}{D(1)}(?:st|nd|rd|th)?,?{SP}{y}")),
        Rule("en_yy", "date", _c(rf"(?:{D(1)}(?:st|nd|rd|th)?{SP}{mon(1)},?{SP}|{mon(1)}{SP}{D(1)}(?:st|nd|rd|th)?,?{SP}|{mon(1)},?{SP})"
                                 rf"'(?P<yy1>[0-9]{{2}}){NR}|{D(1)}{SP}{mon(1)}{SP}(?P<yy1>[0-9]{{2}}){NR}(?![\w])(?!{SP}[^\W\d])")),
        Rule("en_dd_to_m", "date", _c(rf"{the}{D(1)}(?:st|nd|rd|th)?{SP}(?:to|through|until|till){SP}{the}{D(2)}(?:st|nd|rd|th)?"
                                      rf"(?:{SP}of)?{SP}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_m_dd_to", "date", _c(rf"{mon(2)}{SP}{D(1)}(?:st|nd|rd|th)?{SP}(?:to|through|until|till){SP}{D(2)}(?:st|nd|rd|th)?,?{SP}{Y4(2)}")),
        Rule("en_mm_range", "date", _c(rf"{mon(1)}(?:,?{SP}{y})?{RD}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_md_time_y", "date", _c(rf"{mon(1)}{SP}{D(1)}{SP}[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?{SP}{y}")),
        Rule("en_mdmd_range", "date", _c(rf"{mon(1)}{SP}{D(1)}(?:st|nd|rd|th)?{RD}{mon(2)}{SP}{D(2)}(?:st|nd|rd|th)?,?{SP}{Y4(2)}")),
        Rule("en_dmdm_range", "date", _c(rf"{D(1)}(?:st|nd|rd|th)?{SP}{mon(1)}{RD}{D(2)}(?:st|nd|rd|th)?{SP}{mon(2)},?{SP}{Y4(2)}")),
        Rule("en_era", "date", _c(rf"{NL}(?P<y1>[0-9]{{1,4}}){NR}{OSP}(?:(?P<bc>(?-i:BCE|BC|B\.C\.E\.|B\.C\.))|"
                                  rf"(?P<ad>(?-i:AD|A\.D\.|CE|C\.E\.)))(?![\w])"
                                  rf"|(?P<ad>(?-i:AD|A\.D\.)){OSP}{NL}(?P<y1>[0-9]{{1,4}}){NR}")),
    ]
