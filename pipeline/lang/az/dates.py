"""Azerbaijani dates: month and weekday words, ordinals, relative phrases and the grammar
(the protocol of a pack's dates module: pipeline/dates/pack.py)."""
from __future__ import annotations

from pipeline.dates.lexicon import prefix_month
from pipeline.dates.numeric import numeric_rules
from pipeline.dates.patterns import D, NL, NR, OSP, RD, SP, WL, Y4, Rule, _c

DATEPARSER = "az"

# ---------------------------------------------------------------- months
MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
          "dekabr")  # also the NER date patterns (ner.py) and the training masks (pipeline/training/ner/data.py)
AZ_MONTH = "|".join("[iİI]" + m[1:] if m.startswith("i") else m for m in MONTHS)  # "İyun" as written
_AZ_PREFIX = {"yan": 1, "fev": 2, "mar": 3, "apr": 4, "may": 5, "iyun": 6, "iyul": 7, "iyn": 6, "iyl": 7, "avq": 8,
              "sen": 9, "okt": 10, "noy": 11, "dek": 12}


def month_of(token: str) -> tuple[int, None]:
    return prefix_month(_AZ_PREFIX, token)


# ---------------------------------------------------------------- ordinals, weekdays
AZ_ORDINAL = {"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6,
              "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10}
AZ_ORDINAL_RE = "|".join(AZ_ORDINAL)
PART_ORDINALS = {**AZ_ORDINAL, "son": -1, "ilk": 1}
_AZ_WD = {"bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3, "cümə": 4, "şənbə": 5,
          "bazar": 6}


def weekday_of(token: str) -> int:
    return _AZ_WD[token]


# ---------------------------------------------------------------- relative phrases (unit, shift)
RELATIVE = [
    (r"^bu\s+gün$", "day", 0), (r"^dünən$", "day", -1), (r"^srağagün$", "day", -2),
    (r"^bu\s+il$|^cari\s+il", "year", 0), (r"^(?:keçən|ötən)\s+il", "year", -1),
    (r"^gələn\s+il", "year", 1), (r"^bu\s+ay$", "month", 0),
    (r"^(?:keçən|ötən)\s+ay", "month", -1), (r"^gələn\s+ay", "month", 1),
    (r"^bu\s+həftə$", "week", 0), (r"^(?:keçən|ötən)\s+həftə", "week", -1),
    (r"^gələn\s+həftə", "week", 1),
]

# Every rule's match holds a digit or a word starting with one of these stems.
TRIGGERS = (r"yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|il|əsr|"
          r"yüzil|gün|ay|həftə|hazır|indi|dünən|srağagün|cari|bazar|çərşənbə|cümə|şənbə")


# ---------------------------------------------------------------- grammar
def rules() -> list[Rule]:
    """The Azerbaijani date grammar, in the order the extractor ranks ties."""
    az_l = r"a-zəıöüğşçİI"
    mon = lambda n: rf"{WL}(?P<m{n}>{AZ_MONTH})[{az_l}]{{0,7}}(?![\w])"
    ysuf = rf"(?:(?:{RD}|{SP})(?:[iıuü]?nc[iıuü]|c[iıuü])(?![\w]))"
    il = rf"(?:[iİI]l(?!lik|k)(?:l[əe]r)?[{az_l}]{{0,6}})(?![\w])"
    il1 = rf"(?:[iİI]l(?!lik|k|l[əe]r)[{az_l}]{{0,6}})(?![\w])"  # singular: not "illər" (decades)
    year = (rf"{Y4(1)}{ysuf}?(?:{SP}{il1})?(?:{RD}?(?:də|da|dən|dan|dək|ə|a)(?![\w])|"
            rf"{SP}(?:də|da|dən|dan)(?![\w]))?")
    year2 = rf"{Y4(2)}{ysuf}?(?:{SP}{il})?"
    bc_pre = rf"(?:(?P<bc>e\.{OSP}ə\.|eramızdan{SP}əvvəl){SP})?"
    wd = r"bazar{SP}(?:ertəsi|günü)|çərşənbə(?:{SP}axşamı)?|cümə(?:{SP}axşamı)?|şənbə".replace("{SP}", SP)
    ay = rf"(?:{SP}ay[{az_l}]{{0,6}}(?![\w]))?"
    dsuf = rf"(?:{RD}?(?:də|da|dən|dan|dək|ə|a|si|sı|i|ı|u|ü|ndə|nda|ndən|ndan|n)(?![\w]))?"
    rules = [
        Rule("az_dmy", "date", _c(rf"{D(1)}{SP}{mon(1)}{SP}{year}")),
        Rule("az_ymd", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{mon(1)}{ay}{SP}{D(1)}{dsuf}")),
        Rule("az_ydd_range", "date", _c(rf"{Y4(2)}{ysuf}?{SP}{il}{SP}{D(1)}{RD}{D(2)}{SP}{mon(2)}")),
        Rule("az_d_range", "date", _c(rf"{D(1)}{RD}{D(2)}{SP}{mon(2)}(?:{SP}{year2})?")),
        Rule("az_ydm", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{D(1)}{SP}{mon(1)}")),
        Rule("az_ym", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{mon(1)}{ay}")),
        Rule("az_my", "date", _c(rf"{mon(1)}{SP}{year}")),
        Rule("az_dm", "date", _c(rf"{D(1)}{SP}{mon(1)}")),
        Rule("az_md", "date", _c(rf"{mon(1)}{SP}{D(1)}{dsuf}")),
        Rule("az_y_range", "date", _c(
            rf"{Y4(1)}(?:{ysuf}?{SP}{il})?{RD}{Y4(2)}{ysuf}?(?:{SP}{il})?")),
        Rule("az_y", "date", _c(rf"{bc_pre}(?:{Y4(1)}{ysuf}?|{NL}(?P<y1>[0-9]{{3,4}}){NR}{ysuf}){SP}{il}")),
        Rule("az_y_suf", "date", _c(rf"{bc_pre}{Y4(1)}{ysuf}?{RD}?(?:də|da|dən|dan|dək|ə|a)(?![\w])")),
        Rule("az_y_bare", "date", _c(rf"{bc_pre}(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}(?![\w])(?!{OSP}%|{RD}[0-9]|{SP}(?:manat|dollar|nəfər|"
                                     rf"km|kq|ton|min|milyon|milyard|il\b|m²|m2|kv|şahmat|insan|"
                                     rf"tələbə|şəxs|ədəd|nüsxə))")),
        Rule("az_century", "century", _c(
            rf"{bc_pre}{WL}(?:(?P<c1>[IVXLC]{{1,6}}){ysuf}?|(?P<c1>[0-9]{{1,2}}){ysuf})"  # "4 əsr" is a duration
            rf"(?:{RD}(?:(?P<c2>[IVXLC]{{1,6}}){ysuf}?|(?P<c2>[0-9]{{1,2}}){ysuf}))?{SP}(?:əsr|yüzil)[{az_l}]{{0,8}}(?![\w])")),
        Rule("az_decade", "decade", _c(rf"{NL}(?P<dec>[0-9]{{1,3}}0){ysuf}?{SP}[iİI]ll[əe]r[{az_l}]{{0,6}}(?![\w])")),
    ]
    rules += numeric_rules("az", "", rf"(?:{ysuf}?{SP}{il}|{RD}(?:də|da|dən|dan|dək)(?![\w]))?",
                           mon=r"(?P<m1>yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|"
                               r"yan|fev|mar|apr|iyn|iyl|avq|sent?|okt|noy|dek)")
    rules += _part_rules(mon, rf"(?P<m1>{AZ_MONTH})[{az_l}]{{0,7}}(?![\w])", year, ysuf, il, dsuf, az_l)
    rel = (r"bu{SP}gün|bu{SP}il|bu{SP}ay|bu{SP}həftə|keçən{SP}(?:il|ay|həftə)[{L}]{0,4}|"
           r"gələn{SP}(?:il|ay|həftə)[{L}]{0,4}|ötən{SP}(?:il|ay|həftə)[{L}]{0,4}|dünən|srağagün|"
           r"hazırda|hazırki|hazırkı|indiyədək|hal-hazırda|indiki{SP}dövrdə|cari{SP}il[{L}]{0,4}").replace("{SP}", SP).replace("{L}", az_l)
    rules += [Rule("az_rel", "rel", _c(rf"{WL}(?P<rel>{rel})(?![\w])")),
              Rule("az_wd", "rel", _c(rf"{WL}(?P<rel>{wd})(?![\w])"))]
    return rules


def _part_rules(mon, gmon, year: str, ysuf: str, il: str, dsuf: str, az_l: str) -> list[Rule]:
    ilin = rf"{Y4(1)}{ysuf}?{SP}il(?:in)?(?![\w])"
    n = rf"(?:{AZ_ORDINAL_RE}|[IV]{{1,3}}|[1-4]{ysuf})"
    abbr = r"(?P<m1>yan|fev|mar|apr|iyn|iyl|avq|sent?|okt|noy|dek)\.?(?![\w])"
    rub = rf"(?:rüb[{az_l}]{{0,6}}(?![\w])|kvartal[{az_l}]{{0,6}}(?![\w])|kv\.)"  # CLDR: "1987 1-ci kvartal", "1-ci kv."
    return [
        Rule("az_quarter", "part", _c(rf"(?:{ilin}|{Y4(1)}{ysuf}?){SP}(?P<q>{n}){SP}{rub}")),
        Rule("az_quarter_y", "part", _c(rf"{WL}(?P<q>{n}){SP}{rub}{SP}{Y4(1)}{ysuf}?(?:{SP}il[{az_l}]{{0,6}}(?![\w]))?")),
        Rule("az_half", "part", _c(rf"{ilin}{SP}(?P<h>birinci|ikinci|[12]{ysuf}){SP}yarı[{az_l}]{{0,6}}(?![\w])")),
        Rule("az_pday", "part", _c(rf"{ilin}{SP}{mon(1)}(?:{SP}ay[{az_l}]{{0,6}})?{SP}(?P<pd>son|ilk|birinci){SP}"
                                   rf"gün[{az_l}]{{0,4}}(?![\w])")),
        Rule("az_week", "part", _c(rf"{ilin}{SP}{mon(1)}(?:{SP}ay[{az_l}]{{0,6}})?{SP}(?P<wk>{AZ_ORDINAL_RE}|son|ilk)"
                                   rf"{SP}həftə[{az_l}]{{0,6}}(?![\w])")),
        Rule("az_ord_dmy", "date", _c(rf"{D(1)}{ysuf}{SP}{mon(1)}{SP}{year}")),
        Rule("az_ord_dm", "date", _c(rf"{D(1)}{ysuf}{SP}{mon(1)}")),
        Rule("az_mdy", "date", _c(rf"{mon(1)}{SP}{D(1)}{dsuf}{SP}{year}")),
        Rule("az_abbr_dmy", "date", _c(rf"{D(1)}{SP}{abbr}{SP}{year}")),
        Rule("az_abbr_my", "date", _c(rf"(?!sen\b){abbr}{SP}{year}")),
        Rule("az_glued", "date", _c(rf"{D(1)}{gmon}{SP}{year}")),
        Rule("az_dmdm_range", "date", _c(rf"{D(1)}{SP}{mon(1)}{RD}{D(2)}{SP}{mon(2)}{SP}{year.replace('y1', 'y2')}")),
        Rule("az_mm_range", "date", _c(rf"{mon(1)}{RD}{mon(2)}{SP}{year.replace('y1', 'y2')}")),
        Rule("az_y_mm_range", "date", _c(rf"{Y4(2)}{ysuf}?{SP}il(?:in)?(?![\w]){SP}{mon(1)}{RD}{mon(2)}(?:{SP}ay[{az_l}]{{0,8}}(?![\w]))?")),
        Rule("az_era", "date", _c(
            rf"(?:(?P<bc>e\.{OSP}ə\.|eramızdan{SP}əvvəl)|(?P<ad>eramızın|b\.{OSP}e\.|bizim{SP}eranın)){SP}"
            rf"{NL}(?P<y1>[0-9]{{1,4}}){NR}(?!{RD}[0-9]){ysuf}?(?:{SP}{il})?")),
    ]
