"""The Persian side of the Persian cross-language links: a Persian name word as consonant classes and the long
vowels around them (its *skeleton*), and whether a Latin word's vowels fit them. The Latin side is
:mod:`pipeline.lang.fa.latin`; :mod:`pipeline.lang.fa.translit` compares the two.
"""

from __future__ import annotations

import re

from pipeline.lang.fa.latin import skeleton_of

# --------------------------------------------------------------------------- Persian side
_FA_CLASS = {
    "ب": "P", "پ": "P", "ت": "T", "ط": "T", "د": "T", "ث": "s", "س": "s", "ص": "s", "ج": "J", "ژ": "J",
    "چ": "C", "ح": "K", "خ": "K", "غ": "K", "ق": "K", "ک": "K", "گ": "K", "ه": "K", "ذ": "z", "ز": "z",
    "ض": "z", "ظ": "z", "ر": "r", "ش": "S", "ف": "F", "ل": "l", "م": "m", "ن": "n",
}
_FA_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"})
_FA_LONG = {"ا": "A", "ی": "I", "و": "U"}


SILENT_HEH = "\u06d5"  # marks a heh written before a ZWNJ after a consonant: the vowel -e (خامنه‌ای Khamenei)
SEAT = "\u0671"  # marks an alef that starts a ZWNJ-joined piece: a seat for some vowel (علی‌اف Aliyev)
CARRIER = "\u0672"  # the same alef before و/ی: it only carries their vowel (خامنه‌ای Khamenei, لوک‌اویل Lukoil)


def plain(word: str) -> str:
    """A word of :func:`fa_words` as the committed tables spell it (the marks back to ه and ا)."""
    return word.replace(SILENT_HEH, "ه").replace(SEAT, "ا").replace(CARRIER, "ا")


def fa_words(canonical: str) -> list[str]:
    """Words of a Persian name: ZWNJ joins (``علی‌اف`` is one word), diacritics and glottal stops go; a ه
    before the ZWNJ after a consonant is the vowel -e, not h (``خامنه‌ای`` Khamenei), and an ا after the
    ZWNJ only carries a vowel (``-اف`` is -ov/-ev); both are marked so (:data:`SILENT_HEH`, :data:`SEAT`)."""
    t = canonical.translate(_FA_FOLD)
    t = re.sub(r"(?<=[^\s\u200cاو])ه\u200c", SILENT_HEH + "\u200c", t)
    t = re.sub(r"(?<=\S)\u200cا(?=[وی])", CARRIER, t)  # before و/ی it only carries them (لوک‌اویل Lukoil)
    t = re.sub(r"(?<=\S)\u200cا", SEAT, t).replace("\u200c", "")
    t = re.sub(r"(?<=\S\S)اف\b", SEAT + "ف", t)  # -اف ends az/ru surnames in -ov/-ev (بهبوداف Behbudov)
    t = re.sub(r"[\u064b-\u0652\u0670\u0654\u0640]", "", t)
    return [w for w in re.split(r"[\s\-.]+", t) if w]


def fa_skeleton(word: str, merge: bool = True) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, long vowels: before, between and after the consonants) of a Persian word
    (``جمیل`` -> (``Jml``, ('', '', 'I', ''))). ``merge=False``: two neighbouring letters of one class stay
    two consonants (``کهرمان`` Kahraman, ``آسوشیتدپرس`` Associated Press: a short vowel between them)."""
    w = re.sub(r"[ءئؤ]", "", word)
    w = w.replace(CARRIER, "")
    if not w or any(c not in _FA_CLASS and c not in "اویع" + SILENT_HEH + SEAT for c in w):
        return None
    cons: list[str] = []
    gaps: list[str] = []
    gap = ""
    start_v = w[0] in "اع" or w[0] == "ی"
    lead = {"ای": "I", "او": "U", "عی": "I", "عو": "U"}.get(w[:2], "Y" if w[0] == "ی" else "")
    n = len(w)
    for i, c in enumerate(w):
        last = i == n - 1
        if c == "ع":
            if cons and not gap and i + 1 < n and w[i + 1] in _FA_CLASS and not (w[i + 1] == "ه" and i + 2 == n):
                gap = "O"  # between two consonants it carries a vowel (سعدی Saadi, not Steve; جعفر Jafar)
            continue
        if c == "و" and i == 0:
            cons.append("v")
            continue
        if c in _FA_LONG or c == SEAT:
            if not cons:
                continue  # the leading vowel (see lead)
            gap += _FA_LONG.get(c, "O")
            continue
        if (c == "ه" and last and cons and i > 0 and w[i - 1] not in "او") or c == SILENT_HEH:
            gap += "E" if cons else ""  # final silent heh after a consonant: the vowel -e/-a
            continue
        cls = _FA_CLASS[c]
        if merge and cons and cons[-1] == cls and not gap and c != w[i - 1] and _FA_CLASS.get(w[i - 1]) == cls:
            continue  # two letters of one class (تط, سص): one consonant; a letter written twice is two (بیشکک)
        if cons:
            gaps.append(gap)
        cons.append(cls)
        gap = ""
    return skeleton_of(cons, gaps, lead, gap, start_v)


_NEED = {"A": "a", "I": "iy", "U": "uo", "E": "ae", "Y": "iy", "O": "aeiouy", "~": "aeiouy"}
FREE_LEAD = "~"  # first in a word's lead: a vowel of any kind comes first (ع carries it: عون Aoun, عیوض Eyvaz)


def vowel_misfit(fa_gaps: tuple[str, ...], lat_gaps: tuple[str, ...], soft: bool = False,
                 diphthong: bool = True) -> int | None:
    """None if a Persian long vowel (or final vowel) has no Latin vowel of its kind at its place;
    else the number of places where Latin has a long-looking vowel (i, u) Persian does not write.
    ``soft`` (names of one corpus): a ی where Latin writes e, but last (Russian е: مندلیف Mendeleev, تورگنیف
    Turgenev; not سعدی / Sade), an ا inside a word where Latin writes o (Russian says an unstressed o as a:
    لرمانتوف Lermontov), and one long vowel Persian puts into the first consonant cluster of a word of
    four consonants or more (دیمیتری Dmitri; not قارص / Greece) fit too, one misfit each; and with
    ``diphthong`` an ای where Latin writes the diphthong ei/ey fits (اشتاین Stein / Штейн)."""
    if len(fa_gaps) != len(lat_gaps):
        return None
    extra = 0
    if fa_gaps[0] and (not lat_gaps[0] or (fa_gaps[0][0] != FREE_LEAD and lat_gaps[0][0] not in _NEED[fa_gaps[0][0]])):
        return None  # a written first vowel is the first Latin sound (ایلام is Ilam, not Uilam)
    for k, (fg, lg) in enumerate(zip(fa_gaps, lat_gaps)):
        if soft and diphthong and fg == "AI" and "e" in lg and ("i" in lg or "y" in lg):
            continue  # the diphthong ei/ey, which Persian writes ای (اشتاین Stein / Штейн, آیزن Eisen / Эйзен)
        for v in fg:
            if not any(c in lg for c in _NEED[v]):
                inner = 0 < k < len(fa_gaps) - 1
                if soft and ((v == "I" and "e" in lg and k < len(fa_gaps) - 1) or (v == "A" and "o" in lg and inner)
                             or (k == 1 and not lg and not lat_gaps[0] and len(fg) == 1 and len(fa_gaps) >= 5)):
                    extra += 1
                    continue
                return None
        if "O" in fg and len(lg) < len(fg):
            return None  # a vowel seat is a vowel of its own (سعدی‌اف is not Stiv)
        if not fg and any(c in lg for c in "iu"):
            extra += 1
    return extra


def vowels_fit(fa_gaps: tuple[str, ...], lat_gaps: tuple[str, ...]) -> bool:
    return vowel_misfit(fa_gaps, lat_gaps) is not None
