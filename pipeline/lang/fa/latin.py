"""The Latin side of the Persian cross-language links: how Persian may write a romanised name word.

A word's *skeleton* is its consonant classes (g/k/h/q/x, d/t, b/p, j/zh ...) with a mark for a vowel at
its start and end; its *vowels* are the letters before, between and after the consonants. Persian
writes a name by its spelling (:func:`latin_skeleton`) or, for English names, by its sound
(:func:`sound_skeleton`, from an ARPAbet pronunciation); :func:`latin_word_readings` gives both, with
the vowel Persian puts before an initial s + consonant. :mod:`pipeline.lang.fa.translit` compares them
with the skeletons of Persian words.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------------------- Latin side
_LAT_DIGRAPHS = (
    ("dzh", "J"), ("tsh", "C"), ("zh", "J"), ("dj", "J"), ("kh", "K"), ("gh", "K"), ("sh", "S"), ("ch", "C"),
    ("ph", "F"), ("th", "T"), ("ck", "K"),
)
_LAT_SINGLE = {
    "j": "J", "h": "K", "k": "K", "g": "K", "q": "K", "x": "K", "f": "F", "t": "T", "d": "T", "b": "P", "p": "P",
    "s": "s", "z": "z", "l": "l", "m": "m", "n": "n", "r": "r", "\u0283": "S", "\u02a7": "C",
}
_LAT_VOWELS = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "u"}


_TOKENS = re.compile("|".join(dg for dg, _ in _LAT_DIGRAPHS) + "|.")  # a digraph, else one letter
_DIGRAPH_CLASS = dict(_LAT_DIGRAPHS)
_NOT_LOWER = re.compile(r"[^a-z]")
_LEAD = re.compile(r"[aeiouy]*")
_VOWEL_J = re.compile(r"^j(?=[aeiou])")  # German, Nordic, Dutch j: y (Jürgen; not between vowels: Kragujevac)
_SH, _CH = "\u0283", "\u02a7"  # German sh and ch sounds, after :data:`_NOT_LOWER` has run: one letter each
_GERMAN_ST = re.compile(r"(^|(?<=[aeiou]n))s([tp])(?=[aeiu])")  # st/sp first or after -n: said sht/shp
_VOICELESS = "cfkpqst"  # letters after which Persian writes a v of Russian names as ف (ژیرینوفسکی Zhirinovsky)


def _letter(w: str, i: int, variant: bool) -> tuple[str | None, str]:
    """(consonant class or None, vowel it adds before that consonant) of the single letter ``w[i]``
    (:func:`latin_skeleton`)."""
    ch, n = w[i], len(w)
    if ch in _LAT_VOWELS:
        return None, ch
    if ch == "y":
        return None, "i" if 0 < i < n - 1 else ""
    if ch in "vw":
        if i == 0:
            return "v", ""
        after_vowel = w[i - 1] in _LAT_VOWELS
        if i == n - 1 and ch == "v" and not (variant and after_vowel):
            return "F", ""  # -ov/-ev: Persian writes ف
        if variant and ch == "v" and i + 1 < n and w[i + 1] in _VOICELESS and after_vowel:
            return "F", "u"
        return None, "u"
    if ch in "ck" and variant and i == n - 1 and (w[i - 2:i] == "vi" or (ch == "c" and w[i - 1] == "i")):
        return "C", ""  # -ić written -ic, read -ik (Djokovic جوکوویچ, Ibrahimovic)
    if ch == "c":
        return ("s" if i + 1 < n and w[i + 1] in "eiy" else "K"), ""
    return _LAT_SINGLE.get(ch), ""


def latin_skeleton(word: str, variant: bool = False) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, vowels: before, between and after the consonants) of a lower-case ASCII name word
    (``jamil`` -> (``Jml``, ('', 'a', 'i', ''))). ``variant``: the other ways Persian writes the same
    letters, where they differ: a v before a voiceless consonant as و + ف (``Pokrovsk`` پوکروفسک), a
    final v after a vowel as و (``Mstislav`` مستیسلاو), th and sh inside a word as two letters
    (``Eshaq`` اسحاق, ``Fethullah`` فتح‌الله), a final -ic as the Slavic -ić (``Djokovic`` جوکوویچ), a first ts
    as s (``Tsipras`` سیپراس), a final -ah/-eh without its h (``Fallujah`` فلوجه), German st/sp first or after -n
    as sht/shp (``Einstein`` انیشتین), German tsch and sch as ch and sh (``Klitschko`` کلیچکو, ``Schröder`` شرودر)
    and a first j before a vowel as y (``Jürgen`` یورگن, ``Jens`` ینس)."""
    w = _NOT_LOWER.sub("", word)
    if not w:
        return None
    if variant:
        w = _VOWEL_J.sub("y", w)
        if w.startswith("ts") and len(w) > 4:
            w = w[1:]  # a first ts as s (Tsipras سیپراس, Tsvangirai سوانگیرای)
        if w.endswith(("ah", "eh")) and len(w) > 4:
            w = w[:-1]  # a final h not said after a vowel (Fallujah فلوجه, Jeddah جده)
        w = _GERMAN_ST.sub(lambda m: m.group(1) + _SH + m.group(2), w)  # German st, sp (Einstein انیشتین, Stuttgart)
        w = w.replace("tsch", _CH).replace("sch", _SH)  # German tsch, sch (Klitschko کلیچکو, Fischer فیشر)
    cons: list[str] = []
    gaps: list[str] = []
    gap = ""
    start_v = w[0] in "aeiouy"
    lead = _LEAD.match(w).group(0)  # a leading y stays: Persian writes it (یزد = Yazd)
    for m in _TOKENS.finditer(w):
        i, t = m.start(), m.group()
        if len(t) > 1 and not (variant and i > 0 and t in ("th", "sh")):
            letters = [(_DIGRAPH_CLASS[t], "")]
        else:
            letters = [_letter(w, i + k, variant) for k in range(len(t))]
        for tok, vowel in letters:
            gap += vowel
            if tok is not None:
                if not (cons and cons[-1] == tok and not gap):  # a doubled consonant is one
                    if cons:
                        gaps.append(gap)
                    elif len(gap) > len(lead) and gap.startswith(lead):
                        lead = gap  # a v said as a vowel before the first consonant: Persian writes و (Everton اورتون)
                    cons.append(tok)
                gap = ""
    if not cons:
        return None
    end_v = bool(gap) or w[-1] in "aeiouyw"
    tail = gap + ("u" if w[-1] == "w" else "") + ("i" if w[-1] == "y" else "")
    return ("V" if start_v else "") + "".join(cons) + ("V" if end_v else ""), (lead, *gaps, tail)


_SOUND_CONS = {
    "P": "P", "B": "P", "T": "T", "D": "T", "TH": "T", "DH": "T", "K": "K", "G": "K", "HH": "K", "F": "F",
    "S": "s", "Z": "z", "SH": "S", "ZH": "J", "CH": "C", "JH": "J", "M": "m", "N": "n", "L": "l", "R": "r",
}
# Vowels as the Latin letters that stand for what Persian may write: a reduced vowel (AH0) may be written
# ا or و or not at all (ریگان Reagan, جانسون Johnson, نیوتن Newton); a diphthong's first letter is the one
# a written first vowel must meet (آیزاک Isaac: ای); UW may follow a y Persian writes (نیوتن Newton).
_SOUND_VOWELS = {
    "AA": "a", "AE": "a", "AH1": "a", "AH0": "ao", "AO": "o", "AW": "au", "AY": "ia", "EH": "e", "ER": "e",
    "EY": "ie", "IH": "i", "IY": "i", "OW": "o", "OY": "oi", "UH": "u", "UW": "ui",
}
_SOUND_LEAD = {"EH": "ie"}  # a first /e/ is written ای (ایرباس Airbus, ایمیل email)


def sound_skeleton(phones: str) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, vowels) of a word from its ARPAbet pronunciation (``JH AA B Z`` -> (``JPz``, ('', 'a', '',
    ''))): how Persian writes an English name by its sound (``جابز`` Jobs, ``گیتس`` Gates). W and Y are
    vowels after the first sound (Persian و, ی), as V is (``استیو`` Steve); NG is n + g (``یانگ``)."""
    ps = phones.split()
    if not ps:
        return None
    cons: list[str] = []
    gaps: list[str] = []
    gap = ""
    lead = ""
    for i, p in enumerate(ps):
        if p in _SOUND_VOWELS or p == "Y" or (p in ("V", "W") and i > 0):
            v = _SOUND_VOWELS.get(p) or {"W": "u", "Y": "i", "V": "u"}[p]
            v = _SOUND_LEAD.get(p, v) if i == 0 else v
            if not cons:
                lead += v
            else:
                gap += v
            if p == "ER":
                toks = ["r"]
            else:
                continue
        else:
            toks = ["n", "K"] if p == "NG" else ["v"] if p in ("V", "W") else [_SOUND_CONS.get(p, "")]
        for tok in toks:
            if not tok:
                return None
            if cons and cons[-1] == tok and not gap:
                continue
            if cons:
                gaps.append(gap)
            cons.append(tok)
            gap = ""
    return skeleton_of(cons, gaps, lead, gap, start_v=bool(lead))


def skeleton_of(cons: list[str], gaps: list[str], lead: str, tail: str, start_v: bool) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, vowels) from a word's consonant classes and the vowels around them (None without consonants)."""
    if not cons:
        return None
    return ("V" if start_v else "") + "".join(cons) + ("V" if tail else ""), (lead, *gaps, tail)


@lru_cache(maxsize=None)
def latin_word_readings(word: str, sounds: tuple[str, ...] = ()) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The ways Persian may write a romanised name word: its spelling (:func:`latin_skeleton`, as written
    and in its variant reading), its sounds (:func:`sound_skeleton`, for languages whose pack says how words sound), and each of these
    with the vowel Persian puts before an initial s + consonant (``استیو`` Steve, ``اسمیت`` Smith). Unbounded
    while the commit links a corpus; :func:`pipeline.entities.translit.clear_readings` clears it."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for r in [latin_skeleton(word), *(sound_skeleton(s) for s in sounds), latin_skeleton(word, variant=True)]:
        if r is None:
            continue
        variants = [r]
        if r[0][:1] in ("s", "S") and len(r[0]) > 1 and r[0][1] not in "V" and not r[1][0] and not r[1][1]:
            variants.append(("V" + r[0], r[1]))
        for v in variants:
            if v not in out:
                out.append(v)
    return tuple(out)
