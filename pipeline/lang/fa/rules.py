"""Persian post-model rules (document rules of ``ner.spacy.fa.v3``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.ner.base import Span, letter_words
from pipeline.text.normalize import normalize

# fa place-type nouns that Text-Mining and PEYMA keep inside LOC spans (normalised spelling).
PLACE_TYPES = frozenset(("شهر", "شهرستان", "استان", "کشور", "ایالت", "قاره", "رود", "رودخانه", "دریای",
                            "کوه", "کوههای", "جزیره", "جزایر", "روستای", "خیابان", "میدان", "دریاچه", "بندر",
                            "تنگه", "خلیج", "صحرای", "دشت", "بخش", "شمال", "جنوب", "شرق", "غرب"))


def extend_place_type(text: str, spans: list[Span], lang: str) -> list[Span]:
    """fa: extend a LOC span over the place-type noun right before it (``شهر`` + ``قم``)."""
    taken = [(s.start, s.end) for s in spans]
    out = []
    for sp in spans:
        if sp.label == "LOC":
            m = re.search(r"(\S+)\s+$", text[max(0, sp.start - 40):sp.start])
            if m:
                w_start = sp.start - (len(text[max(0, sp.start - 40):sp.start]) - m.start(1))
                word = normalize(m.group(1), lang).text
                first = normalize(text[sp.start:sp.end].split()[0], lang).text
                if (word in PLACE_TYPES and first not in PLACE_TYPES
                        and not any(a < sp.start and w_start < b for a, b in taken)):
                    sp = Span(w_start, sp.end, sp.label, sp.score)
        out.append(sp)
    return out


COMMON_WORDS = Path(__file__).parent / "data" / "common_words.tsv"


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, tuple[int, int]]:
    """word -> (times outside every entity, times in a PER span) in the fa training text, for the words it writes
    outside every entity at least 3 times (``data/common_words.tsv``, built by ``python -m
    pipeline.training.common_words fa ../shared/data``)."""
    out = {}
    if COMMON_WORDS.exists():
        with open(COMMON_WORDS, encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    word, outside, person = line.rstrip("\n").split("\t")
                    out[word] = (int(outside), int(person))
    return out


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words the fa training text writes outside every entity at least 3 times and never in a PER span."""
    return frozenset(w for w, (_outside, person) in _word_counts().items() if person == 0)


@lru_cache(maxsize=1)
def written_words() -> frozenset[str]:
    """Words the fa training text writes outside every entity at least 3 times: words of the language, not names
    alone (``شهر``, ``بزرگ``; the links by meaning: ``pipeline.entities.meaning_signals.translated``)."""
    return frozenset(_word_counts())


def drop_common_word_persons(text: str, spans: list[Span], lang: str) -> list[Span]:
    """fa: a PER span made only of common words is no person (``استانها گرد``, provinces ... together):
    Persian has no capitals to tell a name, so the training text's use of each word decides."""
    common = common_words()
    out = []
    for sp in spans:
        if sp.label == "PER":
            ws = [w for _, _, w in letter_words(text[sp.start:sp.end])]
            if ws and all(w in common for w in ws):
                continue
        out.append(sp)
    return out


# "به گزارش ایسنا ،", "به گزارش خبرنگار مهر ،", "به گزارش « انتخاب »": the source a Persian news report
# cites after "به گزارش" (according to the report of) is an organisation, a news agency or a paper (a
# word the model reads as a month, مهر, or a place, فارس). A named "خبرگزاری" (news agency) is part of
# the name, as every fa set writes it; the reporter ("خبرنگار" and one word about him) is not.
_SOURCE_WORD = r"[^\s،,.:؛«»\"()]+"
_STOP = r"(?:به|از|در|با|که|و|را|روز|امروز|این)"
_NEWS_SOURCE = re.compile(
    rf"به\s+گزارش\s+(?:«\s*(?P<quoted>[^»\n]{{2,40}}?)\s*»"
    rf"|(?:خبرنگار(?:\s+{_SOURCE_WORD})?\s+)?"  # the reporter, and one word about him
    rf"(?P<name>(?!{_STOP}\s){_SOURCE_WORD}(?:\s+(?!{_STOP}\s){_SOURCE_WORD}){{0,2}})"
    rf"(?=\s*[،,]|\s+(?:به|از|در)\s))")


def news_sources(text: str, spans: list[Span], lang: str) -> list[Span]:
    """fa: the source after "به گزارش" is ORG (see above); the spans it overlaps give way (the comma or
    preposition after it ends the name: ``باشگاه خبرنگاران جوان از`` -> ``باشگاه خبرنگاران جوان``)."""
    out = list(spans)
    norm = normalize(text, lang)  # the pack's letters (Arabic yeh and kaf as Persian writes them)
    for m in _NEWS_SOURCE.finditer(norm.text):
        group = "quoted" if m.group("quoted") else "name"
        s, e = norm.to_original(m.start(group), m.end(group))
        out = [sp for sp in out if not (sp.start < e and s < sp.end)] + [Span(s, e, "ORG", 1.0)]
    return sorted(out, key=lambda x: (x.start, x.end)) if out != spans else spans


# Professional and military titles before a person's name (دکتر "Dr", مهندس "Eng.", سردار "General",
# سرهنگ "Colonel" ...) are outside the name in PEYMA (دکتر 71 of 72) and ParsTwiNER (87 of 89), inside in
# Text-Mining (16 of 19); the model, trained on the mix, often takes them in. Religious titles that news
# writes as part of the name (امام خمینی, سید, شیخ, حضرت) stay.
PERSON_TITLES = frozenset(("دکتر", "مهندس", "سردار", "سرهنگ", "سرتیپ", "سرلشکر", "سرلشگر", "تیمسار", "استاد",
                           "پروفسور", "آقای", "خانم", "جناب", "سرکار", "بانو", "ژنرال"))


def strip_person_titles(text: str, spans: list[Span], lang: str) -> list[Span]:
    """fa: a PER span starts after a leading professional or military title (see above)."""
    out = []
    for sp in spans:
        if sp.label == "PER":
            words = letter_words(text[sp.start:sp.end])
            while len(words) > 1 and normalize(words[0][2], lang).text in PERSON_TITLES:
                words = words[1:]
            if words and words[0][0] > 0:
                sp = Span(sp.start + words[0][0], sp.end, sp.label, sp.score)
        out.append(sp)
    return out
