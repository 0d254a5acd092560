"""Persian post-model rules (document rules of ``ner.spacy.fa.v2``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.entities.lexicon import read_pairs
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
def common_words() -> frozenset[str]:
    """Words the fa training text writes outside every entity at least 3 times and never in a PER span
    (``data/common_words.tsv``, built by ``python -m pipeline.training.common_words fa ../shared/data``)."""
    return frozenset(read_pairs(COMMON_WORDS))


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
