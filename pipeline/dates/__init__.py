"""Date expressions -> ISO 8601 (Gregorian, Jalali, Hijri), for every language whose pack brings a date
lexicon and grammar (``pipeline/lang/<iso>/dates.py``, see `pack`): az, en, ru, fa.

`DateExtractor().extract(text, lang, anchor=None)` finds DATE mentions with exact offsets;
`normalize(expression, lang, anchor=None)` reads an already-found span (e.g. from NER).

Conventions (see DateMention):
- `value` is Gregorian ISO 8601: `1972`, `2010-03`, `1940-12-11`, or `start/end` for ranges,
  decades (`1980/1989`) and centuries (`1901/2000`, the strict 20th century). Jalali and Hijri
  readings become Gregorian day intervals (`سال ۷۴` -> `1995-03-21/1996-03-19`, granularity
  `year`, calendar `jalali`, source_value `1374`) via jdatetime / convertdate.
- Two-digit Persian years are Jalali (`۷۴` -> 1374, `۰۲` -> 1402); two-digit decades
  (`دهه ۶۰`) are Jalali 13x0s. Two-digit years elsewhere (`90-х`) get no value.
- No year is ever invented: year-less (`26 августа`) and relative (`вчера`) mentions have
  value None unless an `anchor` (document date) is given. Durations (`три года`) never do.
- Span conventions follow the corpora: ru and fa spans include the governing preposition
  (`в 2009 году`, `در سال ۱۳۸۸`), az spans include case suffixes (`1972-ci ildə`), en spans
  do not include prepositions except in ranges (`from 1990 to 1995`).
"""
from .extractor import DateExtractor
from .types import DateMention

__all__ = ["DateExtractor", "DateMention"]
