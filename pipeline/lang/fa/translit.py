"""Persian names in the cross-language ids: consonant skeletons resolved against known Latin names.

Persian writes consonants and long vowels (ا ی و) but no short vowels, so a Persian name
cannot be turned into the vowel-bearing key of :func:`pipeline.entities.translit.latin_key`.
Instead, each word of a Persian name is reduced to a *skeleton*: consonant classes (the same
coarse classes az/en/ru renderings are folded to: g/k/h/q/x, d/t, b/p, j/zh), plus a mark for
a vowel at the start and at the end (Persian writes those). The same skeleton is computed for
Latin-script name words. The committed table ``data/xlang_fa_skeletons.tsv`` (built by
:mod:`pipeline.training.xlang_fa` from the az/en/ru NER training spans) maps each
skeleton to the Latin name words that have it, with their xlang word keys and counts.

At run time a Persian word is linked to a Latin word key only when, among the candidates with
its skeleton, the ones whose vowels fit the Persian long vowels (ی needs i/e/y between the same
consonants, و needs u/o/v/w, ا needs a) all share one word key (or one key has at least 90 %
of their count). A name is linked only if every word is. Precision first: an unknown or
ambiguous word leaves the name without a cross-language id.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "xlang_fa_skeletons.tsv"
DOMINANCE = 0.9  # share of the candidates' count the most frequent word key needs
ENCODER_SHARE = 0.3  # an encoder-confirmed key needs this share of the most frequent key's count

# ---------------------------------------------------------------------------- Latin side
_LAT_DIGRAPHS = (
    ("dzh", "J"), ("tsh", "C"), ("zh", "J"), ("dj", "J"), ("kh", "K"), ("gh", "K"), ("sh", "S"), ("ch", "C"),
    ("ph", "F"), ("th", "T"), ("ck", "K"),
)
_LAT_SINGLE = {
    "j": "J", "h": "K", "k": "K", "g": "K", "q": "K", "x": "K", "f": "F", "t": "T", "d": "T", "b": "P", "p": "P",
    "s": "s", "z": "z", "l": "l", "m": "m", "n": "n", "r": "r",
}
_LAT_VOWELS = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "u"}


def latin_skeleton(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, vowels: before, between and after the consonants) of a lower-case ASCII name word
    (``jamil`` -> (``Jml``, ('', 'a', 'i', '')))."""
    w = re.sub(r"[^a-z]", "", word)
    if not w:
        return None
    cons: list[str] = []
    gaps: list[str] = []
    gap = ""
    start_v = w[0] in "aeiouy"
    lead = re.match(r"[aeiouy]*", w).group(0).replace("y", "")
    i = 0
    n = len(w)
    while i < n:
        for dg, cls in _LAT_DIGRAPHS:
            if w.startswith(dg, i):
                tok, step = cls, len(dg)
                break
        else:
            ch = w[i]
            step = 1
            if ch in _LAT_VOWELS:
                tok = None
                gap += _LAT_VOWELS[ch]
            elif ch == "y":
                tok = None
                if 0 < i < n - 1:
                    gap += "i"
            elif ch in "vw":
                if i == 0:
                    tok = "v"
                elif i == n - 1 and ch == "v":
                    tok = "F"  # -ov/-ev: Persian writes ف
                else:
                    tok = None
                    gap += "u"
            elif ch == "c":
                tok = "s" if i + 1 < n and w[i + 1] in "eiy" else "K"
            else:
                tok = _LAT_SINGLE.get(ch)
        if tok is not None:
            if cons and cons[-1] == tok and not gap:
                pass  # doubled consonant
            else:
                if cons:
                    gaps.append(gap)
                cons.append(tok)
            gap = ""
        i += step
    if not cons:
        return None
    end_v = bool(gap) or w[-1] in "aeiouyw"
    tail = gap + ("u" if w[-1] == "w" else "") + ("i" if w[-1] == "y" else "")
    return ("V" if start_v else "") + "".join(cons) + ("V" if end_v else ""), (lead, *gaps, tail)


# --------------------------------------------------------------------------- Persian side
_FA_CLASS = {
    "ب": "P", "پ": "P", "ت": "T", "ط": "T", "د": "T", "ث": "s", "س": "s", "ص": "s", "ج": "J", "ژ": "J",
    "چ": "C", "ح": "K", "خ": "K", "غ": "K", "ق": "K", "ک": "K", "گ": "K", "ه": "K", "ذ": "z", "ز": "z",
    "ض": "z", "ظ": "z", "ر": "r", "ش": "S", "ف": "F", "ل": "l", "م": "m", "ن": "n",
}
_FA_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"})
_FA_LONG = {"ا": "A", "ی": "I", "و": "U"}


def fa_words(canonical: str) -> list[str]:
    """Words of a Persian name: ZWNJ joins (``علی‌اف`` is one word), diacritics and glottal stops go."""
    t = canonical.translate(_FA_FOLD).replace("\u200c", "")
    t = re.sub(r"[\u064b-\u0652\u0670\u0654\u0640]", "", t)
    return [w for w in re.split(r"[\s\-.]+", t) if w]


def fa_skeleton(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(skeleton, long vowels: before, between and after the consonants) of a Persian word
    (``جمیل`` -> (``Jml``, ('', '', 'I', '')))."""
    w = re.sub(r"[ءئؤ]", "", word)
    if not w or any(c not in _FA_CLASS and c not in "اویع" for c in w):
        return None
    cons: list[str] = []
    gaps: list[str] = []
    gap = ""
    start_v = w[0] in "اع" or w[0] == "ی"
    lead = {"ای": "I", "او": "U", "عی": "I", "عو": "U"}.get(w[:2], "")
    n = len(w)
    for i, c in enumerate(w):
        last = i == n - 1
        if c == "ع":
            continue
        if c == "و" and i == 0:
            cons.append("v")
            continue
        if c in _FA_LONG:
            if not cons:
                continue  # the leading vowel (see lead)
            gap += _FA_LONG[c]
            continue
        if c == "ه" and last and cons and i > 0 and w[i - 1] not in "او":
            gap += "E"  # final silent heh after a consonant: the vowel -e/-a
            continue
        cls = _FA_CLASS[c]
        if cons and cons[-1] == cls and not gap:
            continue  # two letters of one class (تط, سص): one consonant
        if cons:
            gaps.append(gap)
        cons.append(cls)
        gap = ""
    if not cons:
        return None
    end_v = bool(gap)
    return ("V" if start_v else "") + "".join(cons) + ("V" if end_v else ""), (lead, *gaps, gap)


_NEED = {"A": "a", "I": "i", "U": "uo", "E": "ae"}


def vowel_misfit(fa_gaps: tuple[str, ...], lat_gaps: tuple[str, ...]) -> int | None:
    """None if a Persian long vowel (or final vowel) has no Latin vowel of its kind at its place;
    else the number of places where Latin has a long-looking vowel (i, u) Persian does not write."""
    if len(fa_gaps) != len(lat_gaps):
        return None
    extra = 0
    for fg, lg in zip(fa_gaps, lat_gaps):
        for v in fg:
            if not any(c in lg for c in _NEED[v]):
                return None
        if not fg and any(c in lg for c in "iu"):
            extra += 1
    return extra


def vowels_fit(fa_gaps: tuple[str, ...], lat_gaps: tuple[str, ...]) -> bool:
    return vowel_misfit(fa_gaps, lat_gaps) is not None


# ------------------------------------------------------------------------------ lookup
@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, tuple[str, ...], int]]]:
    """skeleton -> [(word key, Latin vowel gaps, count)] from the committed table (empty if absent)."""
    out: dict[str, list[tuple[str, tuple[str, ...], int]]] = {}
    if not DATA.exists():
        return out
    with open(DATA, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            skel, key, gaps, count = line.rstrip("\n").split("\t")
            out.setdefault(skel, []).append((key, tuple(gaps.split(",")) if gaps else (), int(count)))
    return out


def _counted_candidates(word: str) -> list[tuple[str, int]]:
    """(word key, count) of the Latin words whose skeleton is the word's and whose vowels fit best."""
    sk = fa_skeleton(word)
    if sk is None:
        return []
    skel, gaps = sk
    scored = [(vowel_misfit(gaps, lgaps), key, c) for key, lgaps, c in _table().get(skel, ())]
    scored = [x for x in scored if x[0] is not None]
    if not scored:
        return []
    fewest = min(x[0] for x in scored)  # the spellings whose vowels fit best
    return [(key, c) for m, key, c in scored if m == fewest]


def candidates(word: str) -> list[str]:
    """The distinct word keys a Persian word may write (most frequent first)."""
    by_key: dict[str, int] = {}
    for key, c in _counted_candidates(word):
        by_key[key] = by_key.get(key, 0) + c
    return sorted(by_key, key=lambda k: (-by_key[k], k))


@lru_cache(maxsize=1)
def _confirmed() -> dict[str, str]:
    """Persian word -> word key confirmed at build time by the encoder (``xlang_fa_words.tsv``)."""
    path = DATA.parent / "xlang_fa_words.tsv"
    out: dict[str, str] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    w, key, _cos = line.rstrip("\n").split("\t")
                    out[w] = key
    return out


@lru_cache(maxsize=20_000)
def fa_word_key(word: str) -> str | None:
    """The xlang word key of the Latin name word a Persian word writes, or None (unknown/ambiguous)."""
    cands = _counted_candidates(word)
    if not cands:
        return None
    by_key: dict[str, int] = {}
    for key, c in cands:
        by_key[key] = by_key.get(key, 0) + c
    best = max(by_key.items(), key=lambda kv: (kv[1], kv[0]))
    confirmed = _confirmed().get(word)
    if confirmed is not None and by_key.get(confirmed, 0) >= ENCODER_SHARE * best[1]:
        return confirmed  # the encoder's choice, unless the names seen say it is a rare reading
    if best[1] < DOMINANCE * sum(by_key.values()):
        return None
    return best[0]


def latin_key(canonical: str) -> str | None:
    """The az/en/ru xlang key (sorted word keys) a Persian name maps to, or None."""
    keys = []
    for w in fa_words(canonical):
        k = fa_word_key(w)
        if k is None:
            return None
        keys.append(k)
    if not keys or sum(len(k) for k in keys) < 4:
        return None
    return " ".join(sorted(keys))
