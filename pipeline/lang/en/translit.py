"""English preparation and romanisation of names for the cross-language keys (pipeline/entities/translit.py)."""

import itertools
import re
from functools import lru_cache
from pathlib import Path

from pipeline.entities.common import strip_accents
from pipeline.text.sorted_lines import SortedLines

_ARTICLE = re.compile(r"(?i)^the\s+")


#: Words that name the kind of a place beside its name (``Kura River``, ``Kharg Island``): the in-corpus links
#: also compare the name alone, with its kind (:func:`pipeline.entities.corpus_links.place_kind`).
PLACE_KINDS = {
    "port": "port", "street": "street", "avenue": "street", "palace": "palace", "mosque": "mosque",
    "islands": "island", "corridor": "corridor", "hospital": "hospital", "monastery": "monastery",
    "airport": "airport", "cosmodrome": "cosmodrome", "base": "base", "forests": "forest", "forest": "forest",
    "falls": "falls", "farms": "farms", "church": "church", "cathedral": "church",
    "statue": "statue", "mausoleum": "mausoleum", "tomb": "mausoleum",  # built places, ports, streets
    "cave": "cave", "cape": "cape", "trench": "trench",
    "river": "river", "desert": "desert", "island": "island", "peninsula": "peninsula", "bridge": "bridge",
    "mount": "mountain", "mountain": "mountain", "mountains": "mountain", "lake": "lake", "sea": "sea",
    "strait": "strait", "gulf": "gulf", "bay": "gulf", "valley": "valley", "canal": "canal", "dam": "dam",
    "province": "province", "square": "square",
    "east": "east", "eastern": "east", "west": "west", "western": "west", "north": "north", "northern": "north",
    "south": "south", "southern": "south", "inner": "inner",  # a side of a place: East Azerbaijan, South Ossetia
}


def prepare(canonical: str) -> str:
    """``the Netherlands`` -> ``Netherlands``; the accents of foreign names in English text off, so that they are
    spelled and said as without them (``Arsène Wenger`` as ``Arsene Wenger``, ``López``, ``José``), but a final é
    as ee."""
    said = re.sub(r"é\b", "ee", canonical)  # a final é is said, not a silent e (Traoré تراوره, Yaoundé)
    return _ARTICLE.sub("", strip_accents(said))


def to_latin(lowered: str) -> str:
    """English letters whose sounds other scripts spell out: ``th`` is t (``Thailand`` = ``Таиланд``),
    ``c`` is s before e/i/y and k elsewhere (``Castro`` = ``Kastro``, ``Valencia`` = ``Валенсия``; ``ch``
    stays), a final e after a consonant is silent (``Singapore`` = ``Sinqapur``), ``x`` is ks
    (``Marx`` = ``Marks``)."""
    return _spelled(re.sub(r"c(?![hk])", "k", re.sub(r"c(?=[eiy])", "s", lowered)))


def _spelled(lowered: str) -> str:
    t = lowered.replace("th", "t")
    t = re.sub(r"(?<=[a-z]{3}[bcdfgklmnprstvz])e\b", "", t)
    return silent_h(t.replace("x", "ks"))


_FOREIGN_C = re.compile(r"c(?![hk])")
_FOREIGN_Z = re.compile(r"(?<=[nlrt])z|zz")
_FOREIGN_V = re.compile(r"\bv(?=[aeiou])")
_FOREIGN_CH = re.compile(r"(?<=\w)ch")  # not first in a word: a short Persian name meets fewer words (شل is no Chevelle)


def foreign_spellings(lowered: str) -> tuple[str, ...]:
    """How a Turkish, Italian or German name written with English letters is said, where English reads it
    otherwise: c is ch (``Bahceli`` Bahçeli باغچلی, ``Kilicdaroglu``, ``Ancelotti`` آنچلوتی, ``Cengiz`` چنگیز); z after
    n, l, r or t, and zz, is ts (``Franz Kafka`` فرانتس کافکا, ``Olaf Scholz`` اولاف شولتس, ``Mozart``'s kin
    ``Moritz``); ch inside a word is sh (French and Maghrebi names:
    ``Achraf Hakimi`` اشرف حکیمی, ``Rached Ghannouchi`` راشد الغنوشی); a first v before a vowel in a name of two or
    more words is f (German and Dutch: ``Volker Türk`` فولکر تورک); none if the name has none of these. The English
    reading stays the first (``Clinton``)."""
    out = []
    if _FOREIGN_C.search(lowered):
        out.append(_spelled(_FOREIGN_C.sub("ch", lowered)))
    if _FOREIGN_Z.search(lowered):
        out.append(_spelled(_FOREIGN_Z.sub("ts", lowered).replace("tts", "ts")))
    if " " in lowered and _FOREIGN_V.search(lowered):  # German and Dutch names of a person: a first v is f (Volker
        # Türk فولکر تورک, van der فان در); not for one word, which a short Persian name meets too easily (فارس: Varese)
        out.append(_spelled(_FOREIGN_V.sub("f", lowered)))
    if _FOREIGN_CH.search(lowered):  # French and Maghrebi names: ch inside a word is sh (Achraf Hakimi اشرف حکیمی)
        out.append(_spelled(_FOREIGN_CH.sub("sh", lowered)))
    return tuple(out)


_FINAL_EH = re.compile(r"(?<=[a-z])eh\b")


def silent_h(text: str) -> str:
    """A word-final h after e is not said in the Persian names Latin scripts write with it (``Fakhrizadeh``,
    ``Haniyeh``, ``Fatemeh``: Russian ``Фахризаде``, ``Хания``, ``Фатеме``); after a (``Salah``, ``Kermanshah``,
    ``Abdullah``) Russian often writes it (``Салах``, ``Керманшах``), so it stays."""
    return _FINAL_EH.sub("e", text)


SOUNDS = Path(__file__).parent / "data" / "sounds.tsv.gz"


@lru_cache(maxsize=1)
def _sounds() -> SortedLines:
    """``data/sounds.tsv.gz`` (lower-case word -> ARPAbet pronunciations, from the CMU Pronouncing Dictionary,
    built by :mod:`pipeline.training.en_sounds`); empty if the table is absent."""
    return SortedLines(SOUNDS)


def sounds(word: str) -> tuple[str, ...]:
    """How an English word sounds (``jobs`` -> ``('JH AA B Z',)``), for scripts that write names by their
    sound (Persian ``جابز``); a word the dictionary does not have, as two words it has (a brand's compound:
    ``Euronews`` euro + news, ``ExxonMobil``; at most 4 pronunciations); else empty."""
    found = _sounds().get(word)
    if found:
        return tuple(found.split("|"))
    for i in range(3, len(word) - 2):
        first, second = _sounds().get(word[:i]), _sounds().get(word[i:])
        if first and second:
            pairs = itertools.product(first.split("|"), second.split("|"))
            return tuple(f"{a} {b}" for a, b in itertools.islice(pairs, 4))
    return ()


# How az and ru spell an English sound (Джексон / Cekson, Рейган / Reyqan, Джобс / Cobs): the Latin letters of
# each ARPAbet phone, several where the two languages or their habits differ (AA: John Джон, Trump Трамп).
_SPELL_CONS = {
    "P": "p", "B": "b", "T": "t", "D": "d", "K": "k", "G": "g", "F": "f", "V": "v", "S": "s", "Z": "z", "SH": "sh",
    "ZH": "zh", "CH": "ch", "JH": "dzh", "TH": "t", "DH": "d", "M": "m", "N": "n", "NG": "ng", "L": "l", "R": "r",
    "HH": "h", "W": "u", "Y": "y",
}
_SPELL_VOWELS = {
    "AA": ("a", "o"), "AE": ("e", "a"), "AH1": ("a",), "AH0": ("o", "a", "e"), "AO": ("o",), "AW": ("au",),
    "AY": ("ai",), "EH": ("e",), "ER": ("er",), "EY": ("ei",), "IH": ("i",), "IY": ("i",), "OW": ("o",),
    "OY": ("oi",), "UH": ("u",), "UW": ("u",),
}
MAX_SPELLINGS = 32


def sound_spellings(word: str) -> tuple[str, ...]:
    """Latin spellings of an English word as az and ru write it by its sound (``gates`` -> ``geits``, ...;
    ``jobs`` -> ``dzhobs``, ``dzhabs``): a final Z is s or z (Гейтс, Джобс, Çarlz), a first W is v or u
    (Вашингтон, Уильям); empty for a word the dictionary does not have. Memoised by its caller
    (:func:`pipeline.entities.translit.sound_keys`), per word."""
    out: set[str] = set()
    for phones in sounds(word):
        ps = phones.split()
        opts = []
        for i, p in enumerate(ps):
            if p in _SPELL_VOWELS:
                opts.append(_SPELL_VOWELS[p])
            elif p == "Z" and i == len(ps) - 1:
                opts.append(("s", "z"))  # Гейтс, but Çarlz
            elif p == "W" and i == 0:
                opts.append(("v", "u"))
            else:
                opts.append((_SPELL_CONS.get(p, ""),))
        out.update("".join(x) for x in itertools.islice(itertools.product(*opts), MAX_SPELLINGS))
    return tuple(sorted(out))
