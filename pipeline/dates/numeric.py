"""Numeric date patterns: every order and separator, two-digit years, ISO 8601 with time and zone.

Rule kinds say how the first two numbers are read (the resolver is `resolve_num`):
- `num_dmy`: day first (`31.10.74`, `03/03/2015`; ru, az, fa, and dotted dates everywhere);
- `num_mdy`: month first (English with `/` or `-`: `10-31-74`, `3/3/15`);
- `num_und`: language-neutral: only a reading that cannot be wrong (`31/10/1974`, `3/3/15`, `1974-10-31`).
Either order gives way when the other is the only valid one (`13/03/2014` in English is 13 March).
Two-digit years follow POSIX `strptime`: 69-99 -> 19xx, 00-68 -> 20xx (Persian: Jalali 13xx/14xx).
"""
from __future__ import annotations

from .patterns import DASH, NL, NR, OSP, Rule, _c

_Y = r"(?:(?P<y1>1[0-9]{3}|20[0-9]{2})|(?P<yy1>[0-9]{2}))"
_N1 = r"(?P<n1>3[01]|[12][0-9]|0?[1-9])"
_N2 = r"(?P<n2>3[01]|[12][0-9]|0?[1-9])"
_TIME = r"(?:T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]{1,6})?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?"
_DAY = r"3[01]|[12][0-9]|0?[1-9]"
_MON = r"1[0-2]|0?[1-9]"


def numeric_rules(prefix: str, pre: str = "", post: str = "", any_year: bool = False, mon: str | None = None,
                  month_first: bool = False, year_month: bool = False) -> list[Rule]:
    """The numeric rules of one language (`prefix`), or the language-neutral ones (`und`).

    `pre`/`post` are the language's optional words around a date (prepositions, `г.`, `-ci il`),
    `mon` its month-name regex for `31/Oct/1974` and `۱۴۰۰-فروردین-۱۵` (`any_year`: any four digits
    are a year there, as Jalali ones are), `month_first`: slashed and dashed dates put the month first,
    `year_month`: a year, a slash and a month is a month (`1987/2`), not a season."""
    slash = "num_und" if prefix == "und" else ("num_mdy" if month_first else "num_dmy")
    dot = (rf"{pre}{NL}{_N1}(?P<s1>[ ]?\.[ ]?){_N2}[ ]?\.[ ]?{_Y}{NR}(?![.][0-9]){post}")
    sl = rf"{pre}{NL}{_N1}(?P<s1>[/-]){_N2}(?P=s1){_Y}{NR}(?![/-][0-9]){post}"
    ymd = (rf"{pre}{NL}(?<!/)(?P<y1>1[0-9]{{3}}|20[0-9]{{2}})(?P<s1>[-/.])(?P<m1>{_MON})"
           rf"(?P=s1)(?P<d1>3[01]|[12][0-9]|0[1-9]|[1-9]){NR}{_TIME}(?![/\w]){post}")
    ym = rf"{pre}{NL}(?<!/)(?P<y1>1[0-9]{{3}}|20[0-9]{{2}})-(?P<m1>0[1-9]|1[0-2])(?![0-9])(?![-/.][0-9])(?![\w])"
    d_range = (rf"{pre}{NL}(?P<d1>{_DAY})\.?{OSP}{DASH}{OSP}(?P<d2>{_DAY})(?P<s1>[./])(?P<m2>{_MON})(?P=s1)"
               rf"(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}){NR}{post}")
    # month.year with a two-digit month and a four-digit year (CLDR's yM in az and ru: "02.1987")
    my_dot = rf"{pre}{NL}(?P<m1>0[1-9]|1[0-2])\.(?P<y1>1[0-9]{{3}}|20[0-9]{{2}}){NR}(?![.][0-9]){post}"
    rules = [Rule(f"{prefix}_num_dot", "num_dmy", _c(dot)), Rule(f"{prefix}_num_sl", slash, _c(sl)),
             Rule(f"{prefix}_num_ymd", "date", _c(ymd)), Rule(f"{prefix}_num_ym", "date", _c(ym)),
             Rule(f"{prefix}_num_drange", "date", _c(d_range)), Rule(f"{prefix}_num_my_dot", "date", _c(my_dot))]
    if month_first or prefix == "und":  # month/year with a four-digit year (CLDR's yM in English: "2/1987")
        rules.append(Rule(f"{prefix}_num_my_sl", "date", _c(
            rf"{pre}{NL}(?P<m1>1[0-2]|0?[1-9])/(?P<y1>1[0-9]{{3}}|20[0-9]{{2}}){NR}(?![/\w]){post}")))
    if year_month or prefix == "und":  # year/month (CLDR's yM in Persian: "1987/2", "۱۴۰۰/۷"), before the season
        # rule's "2000/11"; in und text only a year 19xx or 20xx (a Jalali year needs the fa rules)
        y = r"19[0-9]{2}|20[0-9]{2}" if prefix == "und" else r"1[0-9]{3}|20[0-9]{2}"
        rules.append(Rule(f"{prefix}_num_ym_sl", "date", _c(
            rf"{pre}{NL}(?<!/)(?P<y1>{y})/(?P<m1>1[0-2]|0?[1-9]){NR}(?![/\w]){post}")))
    if prefix != "und":
        season = (rf"{pre}{NL}(?<!/)(?P<y1>1[0-9]{{3}}|20[0-9]{{2}})/(?:(?P<y2>1[0-9]{{3}}|20[0-9]{{2}})|"
                  rf"(?P<y2d>[0-9]{{2}}))(?![0-9/]){post}")  # "2017/2018" (a season or academic year)
        rules.append(Rule(f"{prefix}_num_yy", "date", _c(season)))
    if mon:  # month names in numeric order: 31/Oct/1974, 1400-فروردین-15, 15-فروردین-1400
        y = r"(?P<y1>[0-9]{4})" if any_year else r"(?P<y1>1[0-9]{3}|20[0-9]{2})"
        rules += [
            Rule(f"{prefix}_mon_dmy", "date", _c(
                rf"{pre}{NL}(?P<d1>{_DAY})(?P<s1>[-/.]){mon}(?P=s1)(?:{y}|(?P<yy1>[0-9]{{2}})){NR}{post}")),
            Rule(f"{prefix}_mon_ymd", "date", _c(
                rf"{pre}{NL}{y}(?P<s1>[-/.]){mon}(?P=s1)(?P<d1>{_DAY}){NR}{post}")),
        ]
    return rules


def pivot_year(yy: int) -> int:
    """Two-digit year as POSIX strptime reads it: 69-99 -> 1969-1999, 00-68 -> 2000-2068."""
    return 1900 + yy if yy >= 69 else 2000 + yy


def order_numbers(a: int, b: int, policy: str, sep: str) -> tuple[int, int]:
    """(day, month) from the first two numbers; ValueError when the reading is not safe."""
    if policy == "num_und" and sep.strip() != ".":
        if a > 12:
            return a, b
        if b > 12:
            return b, a
        if a == b:
            return a, b
        raise ValueError("ambiguous day/month order")
    if policy == "num_mdy":
        a, b = b, a
    if b > 12 and a <= 12:  # the only valid reading
        a, b = b, a
    return a, b
