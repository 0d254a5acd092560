"""Persian dates: Jalali, Gregorian and Hijri month words, ordinals, relative phrases and the grammar
(the protocol of a pack's dates module: pipeline/dates/pack.py). Unmarked short years are Jalali and
weeks start on Saturday: ``SPEC.calendar`` and ``SPEC.week_start``."""
from __future__ import annotations

import re as _re

from pipeline.dates.lexicon import alt, squash
from pipeline.dates.numeric import numeric_rules
from pipeline.dates.patterns import D, DASH, FA_WR, NL, NR, OSP, SP, WL, Y4, Rule, _c

# ---------------------------------------------------------------- months (looked up on folded text)
FA_JALALI = {"فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "امرداد": 5, "مرداد": 5,
             "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12}
FA_GREG = {"ژانویه": 1, "ژانویهٔ": 1, "ژانویه‌ی": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "آپریل": 4,
           "مه": 5, "می": 5, "مئی": 5, "ژوئن": 6, "ژوین": 6, "جون": 6, "ژوئیه": 7, "ژوییه": 7,
           "جولای": 7, "اوت": 8, "آگوست": 8, "اگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11,
           "دسامبر": 12}
FA_HIJRI = {"محرم": 1, "صفر": 2, "ربیع‌الاول": 3, "ربیع الاول": 3, "ربیع‌الثانی": 4,
            "ربیع الثانی": 4, "ربیع‌الآخر": 4, "ربیع الآخر": 4, "جمادی‌الاول": 5, "جمادی الاول": 5,
            "جمادی‌الاولی": 5, "جمادی الاولی": 5, "جمادی‌الثانی": 6, "جمادی الثانی": 6,
            "جمادی‌الثانیه": 6, "جمادی الثانیه": 6, "جمادی‌الآخر": 6, "جمادی الآخر": 6,
            "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذی‌القعده": 11, "ذی القعده": 11,
            "ذیقعده": 11, "ذی‌الحجه": 12, "ذی الحجه": 12, "ذیحجه": 12}
MONTH = alt(list(FA_JALALI) + list(FA_GREG) + list(FA_HIJRI))
EZAFE = "(?:\u0654|\u200cی)"  # written ezafe after a word in -ه (CLDR: "۱۱ فوریهٔ ۱۹۸۷", "سه‌ماههٔ اول")


def month_of(token: str) -> tuple[int, str]:
    """Month number and the calendar its name belongs to."""
    t = _re.sub(r"[\u200c ]?ماه$", "", token.strip())
    t = _re.sub(EZAFE + "$", "", t) if t not in FA_GREG else t  # "فوریهٔ 1987": the month with its ezafe
    for table, cal in ((FA_JALALI, "jalali"), (FA_GREG, "gregorian"), (FA_HIJRI, "hijri")):
        if t in table:
            return table[t], cal
    raise KeyError(token)


# ---------------------------------------------------------------- ordinals, seasons, decade words
FA_ORDINAL = {"اول": 1, "یکم": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5,
              "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9, "دهم": 10, "یازدهم": 11, "دوازدهم": 12,
              "سیزدهم": 13, "چهاردهم": 14, "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16,
              "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20,
              "بیست و یکم": 21, "بیست‌ویکم": 21, "بیست‌و‌یکم": 21}
ORDINAL_RE = alt(FA_ORDINAL)
ORDINALS = FA_ORDINAL  # century words
PART_ORDINALS = {"آخر": -1, "آخرین": -1, "نخست": 1, "اولین": 1, "نخستین": 1, **{k: v for k, v in FA_ORDINAL.items() if k != "نخست"}}

_FA_UNITS = {"یکم": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
             "نهم": 9}
DAY_ORDINALS: dict[str, int] = {squash(k): v for k, v in FA_ORDINAL.items()}
DAY_ORDINALS.update({squash(k): v for k, v in _FA_UNITS.items()})
DAY_ORDINALS.update({"سیام": 30, "سیم": 30, "سیوم": 30})
for _k, _v in _FA_UNITS.items():
    if _k != "اول":
        DAY_ORDINALS[squash("بیست و " + _k)] = 20 + _v
DAY_ORDINALS[squash("سی و یکم")] = 31
_FA_U = "|".join(sorted(_FA_UNITS, key=len, reverse=True))
DAY_ORDINAL_RE = (rf"(?:(?:بیست|سی)[\s\u200c]{{0,2}}و[\s\u200c]{{0,2}}(?:{_FA_U})|سی[\s\u200c]?ام|"
                     rf"{'|'.join(sorted(FA_ORDINAL, key=len, reverse=True))}|{_FA_U})")
SEASONS = {"بهار": 1, "تابستان": 2, "پاییز": 3, "پائیز": 3, "زمستان": 4}  # season -> quarter of the Jalali year
DECADE_WORDS = {"بیست": "20", "سی": "30", "چهل": "40", "پنجاه": "50", "شصت": "60", "هفتاد": "70",
            "هشتاد": "80", "نود": "90"}  # "دهه پنجاه": the fifties

# ---------------------------------------------------------------- relative phrases (unit, shift)
RELATIVE = [
    (r"^امروز$", "day", 0), (r"^دیروز$", "day", -1), (r"^فردا$", "day", 1),
    (r"^پریروز$", "day", -2), (r"^پس\s+فردا$", "day", 2),
    (r"^امسال$|^سال\s+جاری$|^(?:این|همین)\s+سال$", "year", 0),
    (r"^پارسال$|^سال\s+(?:گذشته|قبل|پیش)$", "year", -1), (r"^سال\s+آینده$", "year", 1),
    (r"^ماه\s+جاری$|^(?:این|همین)\s+ماه$", "month", 0),
    (r"^ماه\s+(?:گذشته|قبل|پیش)$", "month", -1), (r"^ماه\s+آینده$", "month", 1),
    (r"^هفته\s+جاری$|^(?:این|همین)\s+هفته$", "week", 0),
    (r"^هفته\s+(?:گذشته|قبل|پیش)$", "week", -1), (r"^هفته\s+آینده$", "week", 1),
]

# Every rule's match holds a digit or a word starting with one of these stems.
TRIGGERS = (r"سال|ماه|روز|هفته|قرن|سده|دهه|ساعت|دقیقه|ثانیه|شب|هزاره|امروز|دیروز|فردا|امسال|"
          r"پارسال|جمعه|" + MONTH)


# ---------------------------------------------------------------- grammar
def rules() -> list[Rule]:
    """The Persian date grammar, in the order the extractor ranks ties."""
    mon = lambda n: rf"{WL}(?P<m{n}>(?:{MONTH})(?<=ه){EZAFE}?(?:[\u200c ]?ماه)?|(?:{MONTH})(?:[\u200c ]?ماه)?){FA_WR}"
    calw = (rf"هجری(?:{SP}(?:شمسی|قمری|خورشیدی))?|میلادی|شمسی|خورشیدی|قمری|ق\.{OSP}م\.?|هـ?\.?{OSP}[شق]\.?|"
            rf"هـ?{OSP}\.|[قش]\.?|م\.|پیش{SP}از{SP}میلاد|قبل{SP}از{SP}میلاد")  # calendar markers
    cal = rf"(?:{OSP}\(?{OSP}(?P<cal>{calw}){FA_WR}\.?(?:{OSP}\))?)?"
    sal = rf"(?:{WL}(?:در|از|تا)?سال(?:[\u200c ]?های|[\u200c ]?ها)?{SP})"  # also the typo "درسال"
    pre = (rf"(?:{WL}(?:در|از|تا|طی|مورخ|مورخه|پس{SP}از|پیش{SP}از|قبل{SP}از|بعد{SP}از|"
           rf"ابتدای|اوایل|اواسط|اواخر|اوائل|پایان|انتهای|آغاز|نیمه{SP}(?:اول|دوم)|"
           rf"در{SP}تاریخ|از{SP}تاریخ|تا{SP}تاریخ|در{SP}(?:اوایل|اواسط|اواخر|ابتدای|پایان|"
           rf"انتهای|نیمه{SP}(?:اول|دوم))|(?:(?:در|از|تا){SP})?(?:فصل{SP})?(?:بهار|تابستان|پاییز|زمستان))"
           rf"(?:{SP}(?:سال|ماه|روز|دهه|قرن|سده))?{SP})?")
    season = rf"(?:(?:فصل{SP})?(?:بهار|تابستان|پاییز|زمستان){SP})"
    wd = r"یک[\u200c ]?شنبه|دو[\u200c ]?شنبه|سه[\u200c ]?شنبه|چهار[\u200c ]?شنبه|پنج[\u200c ]?شنبه|شنبه|جمعه"
    wdp = rf"(?:(?:روز{SP})?(?:{wd}){OSP}[،,]?{OSP})?"
    y = lambda n: rf"{NL}(?P<y{n}>[0-9]{{1,4}}){NR}"
    dord = rf"(?:{OSP}-?{OSP}(?:ام|م|اُم)(?![\w]))?"  # "۳۱ام", "31-ام" (date-fns style)
    rules = [
        Rule("fa_dmy", "date", _c(rf"{pre}{wdp}{D(1)}{dord}{SP}{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_d_range", "date", _c(
            rf"{pre}{D(1)}{OSP}(?:تا|{DASH}|الی){OSP}{D(2)}{SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?")),
        Rule("fa_range_gen", "date", _c(
            rf"{WL}(?:از){SP}(?:{D(1)}{dord}{SP}{mon(1)}(?:{SP}{sal}?{y(1)}{cal})?|{mon(1)}(?:{SP}{sal}?{y(1)}{cal})?)"
            rf"{SP}(?:تا|الی){SP}(?:{D(2)}{dord}{SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?|"
            rf"{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?)")),
        Rule("fa_dm", "date", _c(rf"{pre}{wdp}{D(1)}{dord}{SP}{mon(1)}")),
        Rule("fa_m_range", "date", _c(
            rf"{pre}(?:{WL}ماه(?:[\u200c ]?های)?{SP})?{mon(1)}{SP}(?:تا|الی){SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?")),
        Rule("fa_my", "date", _c(rf"{pre}(?:ماه{SP})?{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_m_rel", "date", _c(
            rf"{pre}(?:ماه{SP})?{mon(1)}{SP}(?P<ry>سال{SP}(?:جاری|گذشته|آینده|قبل|بعد|پیش)|امسال|پارسال)"
            rf"{FA_WR}")),
        Rule("fa_y_range", "date", _c(
            rf"{pre}(?:{sal}{y(1)}|{NL}(?P<y1>[0-9]{{4}}){NR}){cal}{OSP}(?:تا|{DASH}|الی){OSP}{sal}?{y(2)}{cal}")),
        Rule("fa_y", "date", _c(rf"{pre}{sal}{y(1)}{cal}(?!{SP}(?:میلیون|میلیارد|هزار|درصد|نفر|تومان|ریال|دلار))")),
        Rule("fa_m_alone", "date", _c(
            rf"{pre}(?:{WL}ماه{SP}(?:مبارک{SP})?(?P<m1>{MONTH}){FA_WR}|{WL}(?P<m1>(?:{MONTH})[\u200c ]?ماه){FA_WR})")),
        Rule("fa_y_cal", "date", _c(
            rf"{pre}{NL}(?P<y1>[0-9]{{3,4}}){NR}{OSP}\(?{OSP}(?P<cal>{calw}){FA_WR}\.?(?:{OSP}\))?")),
        Rule("fa_y_calword", "date", _c(  # short years need a whole-word marker: "۴۰ هجری"
            rf"{pre}{NL}(?P<y1>[0-9]{{1,2}}){NR}{OSP}\(?{OSP}(?P<cal>هجری(?:{SP}(?:شمسی|قمری|خورشیدی))?|"
            rf"میلادی|شمسی|خورشیدی|قمری){FA_WR}(?:{OSP}\))?")),
        Rule("fa_y_bare", "date", _c(rf"{WL}(?:(?:در|از|تا|طی|فصل|پایان|ابتدای|اوایل|اواسط|اواخر|سه{SP}ماهه{SP}(?:اول|دوم|سوم|چهارم|نخست)|"
                                     rf"نیمه{SP}(?:اول|دوم|نخست)|بهار|تابستان|پاییز|زمستان){SP}){{1,3}}(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}(?![\w])(?!{OSP}%|{SP}(?:نفر|تن|دلار|ریال|تومان|"
                                     rf"کیلومتر|متر|کیلوگرم|هکتار|درصد|میلیون|میلیارد|هزار|واحد|"
                                     rf"عدد|سال|قطعه|جلد|صفحه|مورد|نسخه|کیلو|گرم))")),
        Rule("fa_decade_years", "decade", _c(
            rf"{pre}{WL}سال[\u200c ]?های?{SP}(?P<dec>[0-9]{{1,3}}0){NR}{cal}(?!{OSP}(?:تا|{DASH}|الی))")),
        Rule("fa_num_ymd2", "date", _c(
            rf"{pre}{NL}(?P<y1>[3-9][0-9])(?P<s1>[./])(?P<m1>1[0-2]|0?[1-9])(?P=s1)"
            rf"(?P<d1>3[01]|[12][0-9]|0?[1-9]){NR}")),
        Rule("fa_decade_word", "decade", _c(
            rf"{pre}{WL}دهه(?:[\u200c ]?ی)?{SP}(?P<decw>بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود){FA_WR}{cal}")),
        Rule("fa_decade", "decade", _c(rf"{pre}{WL}(?:دهه(?:[\u200c ]?ی)?{SP})(?P<dec>[0-9]{{1,3}}0){NR}{cal}")),
        Rule("fa_century", "century", _c(
            rf"{pre}{WL}(?:قرن|سده)(?:[\u200c ]?ی)?{SP}(?P<c1>[0-9]{{1,2}}(?:{OSP}(?:ام|م)(?![\w]))?|"
            rf"(?:{ORDINAL_RE}){FA_WR})"
            rf"(?:{OSP}(?:تا|{DASH}){OSP}(?:قرن{SP}|سده{SP})?(?P<c2>[0-9]{{1,2}}|(?:{ORDINAL_RE}){FA_WR}))?"
            rf"{cal}")),
    ]
    rules += numeric_rules("fa", pre, cal, any_year=True, mon=rf"(?P<m1>{MONTH})", year_month=True)
    rules += _part_rules(mon, pre, wdp, sal, y, cal)
    num = (r"(?:[0-9]{1,4}|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|"
           r"شانزده|هفده|هجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|چند|چندین|نیم)")
    unit = r"(?:سال|ماه|روز|هفته|قرن|دهه|سده|ساعت|دقیقه|ثانیه|شب|هزاره)"
    rel = (
        rf"امروز|دیروز|فردا|پریروز|پس{SP}فردا|امسال|پارسال|امشب|دیشب|"
        rf"(?:سال|ماه|هفته|روز|قرن|دهه|شب)(?:[\u200c ]?های)?{SP}(?:گذشته|جاری|آینده|قبل|بعد|پیش|اخیر|"
        rf"آتی|بعدی|نخست|اول){FA_WR}|"
        rf"(?:این|همین){SP}(?:سال|ماه|هفته)|آخر{SP}هفته|"
        rf"(?:صبح|عصر|شب|ظهر|غروب){SP}(?:روز{SP})?(?:{wd}|امروز|دیروز|فردا)|"
        rf"روز{SP}(?:{wd})|(?:{wd}){SP}(?:گذشته|آینده)"
    )
    rules += [
        Rule("fa_rel", "rel", _c(rf"{pre}{WL}(?P<rel>{rel}){FA_WR}")),
        Rule("fa_ago", "rel", _c(rf"{pre}{WL}(?P<rel>{num}{SP}{unit}{SP}(?:پیش|قبل|بعد|اخیر|گذشته|آینده)){FA_WR}")),
        Rule("fa_dur", "dur", _c(rf"{WL}(?P<rel>(?:(?:به{SP})?مدت{SP}|طی{SP}|پس{SP}از{SP}|بعد{SP}از{SP}|"
                                 rf"در{SP}|حدود{SP}|بیش{SP}از{SP}|کمتر{SP}از{SP})?{num}{SP}"
                                 rf"(?:{unit}|سالگی)(?:{SP}و{SP}{num}{SP}{unit})?){FA_WR}")),
    ]
    return rules


def _part_rules(mon, pre: str, wdp: str, sal: str, y, cal: str) -> list[Rule]:
    n = r"(?P<q>اول|دوم|سوم|چهارم|نخست|آخر)"
    return [
        Rule("fa_quarter", "part", _c(rf"{pre}(?:{WL}سه[\u200c]?{OSP}ماهه{EZAFE}?|{WL}فصل){SP}{n}(?![\w\u200c]){SP}(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_season", "part", _c(rf"{pre}(?:{WL}فصل{SP})?(?P<season>بهار|تابستان|پاییز|پائیز|زمستان){SP}"
                                     rf"(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_half", "part", _c(rf"{pre}{WL}نیمه(?:[\u200c ]?ی)?{SP}(?P<h>اول|دوم|نخست)(?![\w\u200c]){SP}"
                                   rf"(?:سال{SP})?{y(1)}{cal}")),
        Rule("fa_pday", "part", _c(rf"{pre}(?:{WL}(?P<pd>آخرین|اولین|نخستین){SP}روز|{WL}روز{SP}(?P<pd>آخر|اول)){SP}"
                                   rf"(?:ماه{SP})?{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_ord_dmy", "date", _c(rf"{pre}{wdp}{WL}(?P<do1>{DAY_ORDINAL_RE})(?![\w\u200c]){SP}{mon(1)}"
                                      rf"(?:{SP}{sal}?{y(1)}{cal})?")),
    ]
