"""Persian NER: the shipped backend and the post-model rule patterns.

Patterns run on text normalised by ``normalize(text, "fa")`` (ZWNJ -> space, Persian
yeh/kaf, ASCII digits). They are stored as an ``entity_ruler`` in the model folder and
only fill gaps the statistical model left.
"""

from __future__ import annotations

from typing import Any

NAME = "ner.spacy.fa.v3"
MODEL = "ner-fa"

# Organisation heads that start a name: "وزارت بهداشت", "دانشگاه تهران", "سازمان ملل".
ORG_HEADS = ("وزارت", "دانشگاه", "سازمان", "شرکت", "بانک", "انجمن", "بنیاد", "شورای", "مجلس", "حزب",
             "دانشکده", "بیمارستان", "خبرگزاری", "موسسه", "مؤسسه", "ستاد", "کمیته", "فدراسیون", "باشگاه")
_STOP = ("و", "در", "به", "از", "که", "با", "را", "این", "آن", "برای", "تا", "بر", "های", "ها", "است", "شد",
         "می", "،", ".", ":", "؛", "(", ")", "«", "»", "هم", "نیز", "یا")


MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
          "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "جولای", "اوت", "آگوست", "سپتامبر", "اکتبر",
          "نوامبر", "دسامبر", "محرم", "صفر", "رمضان", "شوال", "رجب", "شعبان")
ERAS = ("میلادی", "شمسی", "قمری", "هجری", "خورشیدی")


def date_patterns() -> list[dict[str, Any]]:
    """``سال 1374``, ``سال 2010 میلادی``, ``12 اسفند 1393``, ``اکتبر 1938``, ``1415 قمری`` (ASCII digits after normalize)."""
    num = {"TEXT": {"REGEX": "^[0-9]{1,4}$"}}
    year = {"TEXT": {"REGEX": "^(1[0-9]{3}|20[0-9]{2}|[0-9]{2})$"}}
    year4 = {"TEXT": {"REGEX": "^(1[0-9]{3}|20[0-9]{2})$"}}
    day = {"TEXT": {"REGEX": "^(0?[1-9]|[12][0-9]|3[01])$"}}
    month = {"TEXT": {"IN": list(MONTHS)}}
    era = {"TEXT": {"IN": list(ERAS)}, "OP": "?"}
    pats = [
        [{"TEXT": {"IN": ["سال", "سالهای", "دهه"]}}, num, era],
        [day, month, year4, era],
        [day, {"TEXT": {"IN": ["فروردین", "اردیبهشت", "خرداد", "مرداد", "شهریور", "آبان", "آذر", "بهمن", "اسفند",
                               "ژانویه", "فوریه", "مارس", "آوریل", "ژوئن", "ژوئیه", "اکتبر", "نوامبر", "دسامبر",
                               "سپتامبر"]}}],
        [month, year4, era],
        [year4, {"TEXT": {"IN": list(ERAS)}}],
    ]
    del year
    return [{"label": "DATE", "id": "date", "pattern": p} for p in pats]


NUMBER_WORDS = ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "پانزده", "بیست",
                "سی", "چهل", "پنجاه", "شصت", "صد", "چند")
TIME_UNITS = ("سال", "ساله", "سالگی", "ماه", "روز", "هفته", "دقیقه", "ساعت", "قرن", "دهه", "سده")


def duration_patterns() -> list[dict[str, Any]]:
    """Periods and ages, which Text-Mining labels DATE (184 of 212 ``<number> <unit>`` in train;
    OntoNotes DATE also covers periods): ``۳ سال``, ``۵ سال گذشته``, ``یک هفته``, ``۱۱ سالگی``."""
    num = {"TEXT": {"REGEX": "^[0-9]{1,4}$"}}
    word = {"TEXT": {"IN": list(NUMBER_WORDS)}}
    unit = {"TEXT": {"IN": list(TIME_UNITS)}}
    rel = {"TEXT": {"IN": ["گذشته", "قبل", "پیش", "بعد", "اخیر"]}, "OP": "?"}
    return [{"label": "DATE", "id": "duration", "pattern": [n, unit, rel]} for n in (num, word)]


def rule_patterns() -> dict[str, list[dict[str, Any]]]:
    """Named groups of entity_ruler patterns (selected per model in training/rules.py)."""
    word = {"TEXT": {"NOT_IN": list(_STOP)}, "IS_PUNCT": False, "IS_DIGIT": False}
    return {
        "dates": date_patterns(),
        "durations": duration_patterns(),
        "org_heads": [{"label": "ORG", "id": "org_head",
                       "pattern": [{"TEXT": {"IN": list(ORG_HEADS)}}, word, {**word, "OP": "?"}]}],
    }
