"""Persian (Arabic script)."""

from pipeline.lang.spec import LanguageSpec

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_CHARMAP = {
    "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
    "\u0649": "\u06cc",  # alef maksura -> Persian yeh
    "\u0643": "\u06a9",  # Arabic kaf -> keheh
    "\u200c": " ",  # ZWNJ -> space (real pages mix ZWNJ and spaces; the models see one form)
    "\u0640": "",  # tatweel
    **{_PERSIAN_DIGITS[d]: str(d) for d in range(10)},
    **{_ARABIC_DIGITS[d]: str(d) for d in range(10)},
    **{chr(cp): "" for cp in [*range(0x064B, 0x0653), 0x0670]},  # harakat, superscript alef
}

SPEC = LanguageSpec(
    code="fa", name="Persian", script="Arab", ner="ner.spacy.fa.v3", models=("ner-fa",),
    date_spans="model", trainer="spacy",
    dates="pipeline.lang.fa.dates", names="pipeline.lang.fa.names",
    calendar="jalali", week_start=5,  # unmarked short years are Jalali; weeks start on Saturday
    digits=_PERSIAN_DIGITS + _ARABIC_DIGITS,
    hard_wrap=False,  # Persian paragraphs without blank lines are lines of their own, never wrapped prose
    charmap=_CHARMAP,
    stopwords=frozenset("و در به از که با را این آن برای تا بر های ها است بود شد شده می هم نیز یا اما ای یک خود "
                        "دیگر همه هر نه چه اگر پس نیز توسط".split()),
)
