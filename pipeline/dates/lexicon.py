"""Word lists: month names, ordinals, number words, per language.

Everything here is looked up on *folded* text (see `fold`): Persian/Arabic-Indic digits are
ASCII and Arabic yeh/kaf are Persian, so one spelling per word suffices.
"""
from __future__ import annotations

import re

# 1:1 character folding, so offsets in folded text equal offsets in the original.
_FOLD = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_FOLD.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
_FOLD.update({0x064A: "ی", 0x0649: "ی", 0x0643: "ک", 0x06C0: "ه", 0x0629: "ه", 0x0623: "ا", 0x0625: "ا"})


def fold(text: str) -> str:
    """Map digit and letter variants to one form without changing the length."""
    return text.translate(_FOLD)


# ---------------------------------------------------------------- months
RU_MONTH_FULL = (r"январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]"
                 r"|август[аеу]?|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]")
RU_MONTH_ABBR = r"янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек"
RU_MONTH_LOC = r"январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
_RU_PREFIX = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6, "июл": 7, "авг": 8,
              "сен": 9, "окт": 10, "ноя": 11, "дек": 12}

AZ_MONTH = (r"yanvar|fevral|mart|aprel|may|[iİI]yun|[iİI]yul|avqust|sentyabr|oktyabr|noyabr|dekabr")
_AZ_PREFIX = {"yan": 1, "fev": 2, "mar": 3, "apr": 4, "may": 5, "iyun": 6, "iyul": 7, "avq": 8,
              "sen": 9, "okt": 10, "noy": 11, "dek": 12}

EN_MONTH = (r"January|February|March|April|(?-i:May)|June|July|August|September|October|November"
            r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?")
_EN_PREFIX = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "oct": 10, "nov": 11, "dec": 12}

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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


FA_MONTH = _alt(list(FA_JALALI) + list(FA_GREG) + list(FA_HIJRI))


def month_of(lang: str, token: str) -> tuple[int, str | None]:
    """Month number and (for fa) the calendar its name belongs to."""
    if token.isdigit():
        return int(token), None
    t = token.lower().replace("İ", "i").replace("i̇", "i").rstrip(".")
    if lang == "fa":
        t = re.sub(r"[\u200c ]?ماه$", "", token.strip())
        for table, cal in ((FA_JALALI, "jalali"), (FA_GREG, "gregorian"), (FA_HIJRI, "hijri")):
            if t in table:
                return table[t], cal
        raise KeyError(token)
    table = {"ru": _RU_PREFIX, "az": _AZ_PREFIX, "en": _EN_PREFIX}[lang]
    for pref in sorted(table, key=len, reverse=True):
        if t.startswith(pref):
            return table[pref], None
    raise KeyError(token)


# ---------------------------------------------------------------- ordinals / numerals
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int:
    """Value of a Roman numeral (upper case, I..C)."""
    s = s.upper()
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


FA_ORDINAL = {"اول": 1, "یکم": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5,
              "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9, "دهم": 10, "یازدهم": 11, "دوازدهم": 12,
              "سیزدهم": 13, "چهاردهم": 14, "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16,
              "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20,
              "بیست و یکم": 21, "بیست‌ویکم": 21, "بیست‌و‌یکم": 21}
FA_ORDINAL_RE = _alt(FA_ORDINAL)

EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
              "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
              "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
              "twenty-first": 21, "twenty first": 21}
EN_ORDINAL_RE = _alt(EN_ORDINAL)

RU_ORDINAL_WORD = {"первого": 1, "второго": 2, "третьего": 3, "четвертого": 4, "четвёртого": 4,
                   "пятого": 5, "шестого": 6, "седьмого": 7, "восьмого": 8, "девятого": 9,
                   "десятого": 10, "одиннадцатого": 11, "двенадцатого": 12, "тринадцатого": 13,
                   "четырнадцатого": 14, "пятнадцатого": 15, "шестнадцатого": 16,
                   "семнадцатого": 17, "восемнадцатого": 18, "девятнадцатого": 19,
                   "двадцатого": 20, "двадцать первого": 21}


def century_number(token: str) -> int:
    """20 from `XX`, `20`, `20th`, `20-ci`, `twentieth`, `بیستم`, `۲۰ام`."""
    t = token.strip()
    low = t.lower()
    if low in EN_ORDINAL:
        return EN_ORDINAL[low]
    if t in FA_ORDINAL:
        return FA_ORDINAL[t]
    if low in RU_ORDINAL_WORD:
        return RU_ORDINAL_WORD[low]
    m = re.match(r"[0-9]+", t)
    if m:
        return int(m.group())
    m = re.match(r"[IVXLCivxlc]+", t)
    if m:
        return roman(m.group())
    raise KeyError(token)


# ---------------------------------------------------------------- day ordinals (1..31), quarters, weekdays
def _squash(s: str) -> str:
    return re.sub(r"[\s\u200c\-]+", "", s.lower()).replace("ё", "е")


_RU_ORD_STEM = {1: "перв", 2: "втор", 3: "трет", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
                9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
                14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
                19: "девятнадцат", 20: "двадцат", 30: "тридцат"}


def _ru_forms(n: int) -> list[str]:
    stem = _RU_ORD_STEM[n]
    if n == 3:
        return ["третье", "третьего", "третьем", "третий", "третья", "третью", "третьей"]
    ends = ["ое", "ого", "ом", "ый", "ая", "ую", "ой"] if n != 2 else ["ое", "ого", "ом", "ой", "ая", "ую"]
    if n in (6, 7, 8):
        ends = ["ое", "ого", "ом", "ой", "ая", "ую"]
    return [stem + e for e in ends]


RU_DAY_ORDINAL: dict[str, int] = {}
for _n in list(range(1, 21)) + [30]:
    for _f in _ru_forms(_n):
        RU_DAY_ORDINAL[_squash(_f)] = _n
for _tens, _word in ((20, "двадцать"), (30, "тридцать")):
    for _n in range(1, 10):
        if _tens + _n > 31:
            break
        for _f in _ru_forms(_n):
            RU_DAY_ORDINAL[_squash(_word + _f)] = _tens + _n
RU_DAY_ORDINAL_RE = (r"(?:(?:двадцать|тридцать)[ \u00a0]{1,3})?(?:" + "|".join(sorted(
    {f for n in list(range(1, 21)) + [30] for f in _ru_forms(n)}, key=len, reverse=True)).replace("е", "[её]")
    + r")(?![а-яё])")

_EN_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
EN_DAY_ORDINAL: dict[str, int] = {_squash(w): i + 1 for i, w in enumerate(_EN_UNITS)}
EN_DAY_ORDINAL.update({_squash(w): n for n, w in enumerate(
    ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"], start=10)})
EN_DAY_ORDINAL["thirtieth"] = 30
for _i, _w in enumerate(_EN_UNITS):
    EN_DAY_ORDINAL[_squash("twenty" + _w)] = 21 + _i
EN_DAY_ORDINAL["thirtyfirst"] = 31
EN_DAY_ORDINAL_RE = (r"(?:(?:twenty|thirty)[- ]?)?(?:" + "|".join(sorted(set(_EN_UNITS) | {
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth"}, key=len, reverse=True)) + r")(?![a-z])")

_FA_UNITS = {"یکم": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
             "نهم": 9}
FA_DAY_ORDINAL: dict[str, int] = {_squash(k): v for k, v in FA_ORDINAL.items()}
FA_DAY_ORDINAL.update({_squash(k): v for k, v in _FA_UNITS.items()})
FA_DAY_ORDINAL.update({"سیام": 30, "سیم": 30, "سیوم": 30})
for _k, _v in _FA_UNITS.items():
    if _k != "اول":
        FA_DAY_ORDINAL[_squash("بیست و " + _k)] = 20 + _v
FA_DAY_ORDINAL[_squash("سی و یکم")] = 31
_FA_U = "|".join(sorted(_FA_UNITS, key=len, reverse=True))
FA_DAY_ORDINAL_RE = (rf"(?:(?:بیست|سی)[\s\u200c]{{0,2}}و[\s\u200c]{{0,2}}(?:{_FA_U})|سی[\s\u200c]?ام|"
                     rf"{'|'.join(sorted(FA_ORDINAL, key=len, reverse=True))}|{_FA_U})")

AZ_ORDINAL = {"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6,
              "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10}
AZ_ORDINAL_RE = "|".join(AZ_ORDINAL)
# "first/1st/I/первый/birinci/اول" -> 1 for quarters, halves, weeks and the n-th weekday
PART_ORDINAL = {**{k: v for k, v in EN_ORDINAL.items() if v <= 5}, **AZ_ORDINAL,
                "нулевой": 0, "последний": -1, "последняя": -1, "последнюю": -1, "последнем": -1,
                "последней": -1, "last": -1, "son": -1, "آخر": -1, "آخرین": -1, "نخست": 1,
                "ilk": 1, "اولین": 1, "نخستین": 1}
for _n, _stem in ((1, "перв"), (2, "втор"), (3, "трет"), (4, "четв[её]рт"), (5, "пят")):
    PART_ORDINAL[_stem] = _n
WEEKDAYS = {  # Monday = 0
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "ru": ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"],
    "az": ["bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"],
}
_AZ_WD = {"bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3, "cümə": 4, "şənbə": 5,
          "bazar": 6}


def part_ordinal(token: str) -> int:
    """1 from `first`, `1st`, `I`, `1-й`, `первый`, `birinci`, `4-cü`, `اول`; -1 for `last`/`последний`."""
    t = token.strip().lower().replace("ё", "е")
    m = re.match(r"[0-9]+", t)
    if m:
        return int(m.group())
    if re.fullmatch(r"[ivx]+", t):
        return roman(t)
    if t in PART_ORDINAL:
        return PART_ORDINAL[t]
    if t in FA_ORDINAL:
        return FA_ORDINAL[t]
    for stem, n in (("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("последн", -1)):
        if t.startswith(stem):
            return n
    raise KeyError(token)


def weekday_of(lang: str, token: str) -> int:
    t = re.sub(r"\s+", " ", token.strip().lower())
    if lang == "az":
        return _AZ_WD[t]
    for i, stem in enumerate(WEEKDAYS["ru" if lang == "ru" else "en"]):
        if t.startswith(stem):
            return i
    raise KeyError(token)


def day_ordinal(lang: str, token: str) -> int:
    """The day number of an ordinal word (`третьего` 3, `twenty-first` 21, `سی ام` 30)."""
    key = _squash(token)
    table = {"ru": RU_DAY_ORDINAL, "en": EN_DAY_ORDINAL, "fa": FA_DAY_ORDINAL}[lang]
    return table[key]
