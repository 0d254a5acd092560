"""Cross-language person/place keys: transliterate to a coarse common Latin key.

``Jamil Aliyev`` / ``Cəmil Əliyev`` / ``Джамиль Алиев`` -> ``aliiav jamil``. Precision first:
the key keeps vowel classes (``Jamil`` != ``Jamal``) and every consonant, so exonyms
(``Moscow``/``Москва``) and loose spellings stay apart. Persian (no short vowels written) is
linked through consonant skeletons resolved against known Latin name words
(:mod:`pipeline.entities.translit_fa`). Word order is ignored (sorted words), so ``Красный
С.А.`` and ``S.A. Krasny`` meet. One-word ORG names (``Gazprom``/``Газпром``/``گازپروم``) are
linked; longer ORG names translate and are not.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

NAME = "entities.xlang.v2"
XLANG_LANGS = ("az", "en", "ru", "fa")
XLANG_LABELS = ("PER", "LOC", "ORG")  # ORG: one-word names only (brands, acronyms); longer ones translate

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
    """A script-independent key for PER/LOC (and one-word ORG) in az/en/ru/fa; None where linking is
    not attempted. Persian names are resolved through their consonant skeletons
    (:mod:`pipeline.entities.translit_fa`)."""
    if lang not in XLANG_LANGS or label not in XLANG_LABELS:
        return None
    if label == "ORG" and len(canonical.split()) != 1:
        return None
    if lang == "fa":
        from pipeline.entities.translit_fa import fa_latin_key

        return fa_latin_key(canonical)
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


def load_fa_blind(data_dir: Path | str | None = None, name: str = "blind") -> list[tuple[str, str, dict[str, str]]]:
    """(label, Persian name, {lang: name}) rows of ``xlang_fa_<name>.tsv`` (``blind`` or ``dev``)."""
    from pipeline.entities.evaluate import DEFAULT_DATA

    rows = []
    with open(Path(data_dir or DEFAULT_DATA) / f"xlang_fa_{name}.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            others = {lang: name for lang, name in zip(("en", "az", "ru"), row[2:5]) if name}
            rows.append((row[0], row[1], others))
    return rows


def evaluate_fa_pairs(data_dir: Path | str | None = None, labels: tuple[str, ...] = XLANG_LABELS,
                      name: str = "blind") -> dict:
    """Persian x az/en/ru on the blind set: every fa name against every other-language name of the set.

    A pair is predicted linked when both xlang ids are equal. Positives are the pairs of one row;
    negatives all fa x other-row pairs of the same label. ``strict_precision``: of the Persian
    names that got an id, the share whose id is one of their own row's (an id shared with no
    partner may be a wrong link outside the set)."""
    from pipeline.entities.canon import canonicalize

    rows = [r for r in load_fa_blind(data_dir, name) if r[0] in labels]
    ids = []
    for label, fa, others in rows:
        fid = xlang_id(canonicalize(fa, label, "fa"), label, "fa")
        oids = {lang: xlang_id(canonicalize(x, label, lang), label, lang) for lang, x in others.items()}
        ids.append((label, fid, oids))
    tp = fp = fn = 0
    misses = []
    for i, (label, fid, oids) in enumerate(ids):
        for lang, oid in oids.items():
            if fid is not None and fid == oid:
                tp += 1
            else:
                fn += 1
                misses.append(("missed", rows[i][1], rows[i][2][lang]))
        for j, (label2, _fid2, oids2) in enumerate(ids):
            if j != i and label2 == label:
                for lang, oid in oids2.items():
                    if fid is not None and fid == oid:
                        fp += 1
                        misses.append(("false merge", rows[i][1], rows[j][2][lang]))
    linked = [(fid, oids) for _, fid, oids in ids if fid is not None]
    right = sum(1 for fid, oids in linked if fid in oids.values())
    return {
        "lang": f"xlang fa {name}" + ("" if labels == XLANG_LABELS else " " + "+".join(labels)),
        "n": len(rows),
        "positives": tp + fn,
        "negatives": sum(
            len(ids[j][2]) for i in range(len(ids)) for j in range(len(ids)) if j != i and ids[j][0] == ids[i][0]),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "fa_linked": len(linked),
        "strict_precision": right / len(linked) if linked else 1.0,
        "misses": misses,
    }
