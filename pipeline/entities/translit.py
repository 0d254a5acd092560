"""Cross-language person/place keys: transliterate to a coarse common Latin key.

``Jamil Aliyev`` / ``Cəmil Əliyev`` / ``Джамиль Алиев`` -> ``aliiav jamil``. Precision first:
the key keeps vowel classes (``Jamil`` != ``Jamal``) and every consonant, so exonyms
(``Moscow``/``Москва``) and loose spellings stay apart. Persian is not covered (the script
omits short vowels; a key from it would merge distinct names). Word order is ignored (sorted
words), so ``Красный С.А.`` and ``S.A. Krasny`` meet.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

NAME = "entities.xlang.v1"
XLANG_LANGS = ("az", "en", "ru")
XLANG_LABELS = ("PER", "LOC")

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
_AZ = {"ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "g", "c": "j", "x": "kh", "q": "k", "j": "zh"}


def _to_latin(text: str, lang: str) -> str:
    t = text.replace("I", "ı").replace("İ", "i") if lang == "az" else text
    t = t.lower()
    if lang == "ru":
        out = []
        for i, ch in enumerate(t):
            lat = _RU.get(ch, ch)
            prev = t[i - 1] if i else " "
            # After a consonant я/ю/е/ё only soften it: "Гянджа" -> "gandzha", not "gyandzha".
            if ch in "яюеё" and prev.isalpha() and prev not in "аеёиоуыэюяьъй":
                lat = {"я": "a", "ю": "u", "е": "e", "ё": "o"}[ch]
            out.append(lat)
        t = "".join(out)
    elif lang == "az":
        t = "".join(_AZ.get(ch, ch) for ch in t)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t


def _phonetic(word: str) -> str:
    w = re.sub(r"[^a-z]", "", word)
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ch", "c"),
                 ("tsh", "c"), ("ts", "c"), ("sh", "s"), ("x", "h"), ("q", "k"), ("w", "v"), ("ck", "k")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    w = re.sub(r"(?<=[aeiouy])y(?=[aeiou])", "", w)  # Aliyev = Aliev
    w = re.sub(r"(?<=[bcdfgjklmnpqrstvz])y(?=[aeiou])", "", w)  # Pashinyan = Пашинян (soft consonant)
    w = re.sub(r"y", "i", w)
    # Consonant classes where az/ru/en renderings disagree: q/g/k/h/x (Qafarova, Gafarova;
    # Гейдар, Heydar), d/t (Mehdiyev, Мехтиев), b/p (Tayyib, Tayyip).
    w = re.sub(r"[gkh]", "k", w)
    w = w.replace("d", "t").replace("b", "p")
    w = re.sub(r"[ae]", "a", w)
    w = re.sub(r"[ou]", "u", w)
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters
    return w


@lru_cache(maxsize=10_000)
def latin_key(canonical: str, label: str, lang: str) -> str | None:
    """A script-independent key for PER/LOC in az/en/ru; None where linking is not attempted."""
    if lang not in XLANG_LANGS or label not in XLANG_LABELS:
        return None
    text = re.sub(r"(?i)^the\s+", "", canonical) if lang == "en" else canonical
    words = [_phonetic(w) for w in re.split(r"[\s.\-'’]+", _to_latin(text, lang)) if w]
    words = [w for w in words if w]
    if not words or sum(len(w) for w in words) < 4:
        return None  # too short to link safely
    return " ".join(sorted(words))


def xlang_id(canonical: str, label: str, lang: str) -> str | None:
    """Stable cross-language id (sha1 of ``label|xlang|key``), or None if not linkable."""
    key = latin_key(canonical, label, lang)
    if key is None:
        return None
    return hashlib.sha1(f"{label}|xlang|{key}".encode("utf-8")).hexdigest()[:16]


def load_xlang_pairs(data_dir: Path | str | None = None) -> list[tuple[str, str, str, str, str, bool]]:
    """(label, lang_a, name_a, lang_b, name_b, same) rows of ``xlang_pairs.tsv``."""
    from pipeline.entities.evaluate import DEFAULT_DATA

    path = Path(data_dir or DEFAULT_DATA) / "xlang_pairs.tsv"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            rows.append((row[0], row[1], row[2], row[3], row[4], row[5] == "1"))
    return rows


def evaluate_pairs(data_dir: Path | str | None = None) -> dict:
    """Precision/recall of "same key" on the hand-made cross-language pairs."""
    from pipeline.entities.canon import canonicalize

    tp = fp = fn = tn = 0
    errors = []
    for label, la, a, lb, b, same in load_xlang_pairs(data_dir):
        ka = latin_key(canonicalize(a, label, la), label, la)
        kb = latin_key(canonicalize(b, label, lb), label, lb)
        pred = ka is not None and ka == kb
        if pred and same:
            tp += 1
        elif pred and not same:
            fp += 1
            errors.append(("false merge", a, b, ka))
        elif same:
            fn += 1
            errors.append(("missed", a, b, ka, kb))
        else:
            tn += 1
    n = tp + fp + fn + tn
    return {
        "lang": "xlang",
        "n": n,
        "positives": tp + fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / n if n else 0.0,
        "misses": errors,
    }
