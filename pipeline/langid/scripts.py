"""Script and letter evidence: which writing system a text uses and which languages its letters allow."""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

LATIN, CYRILLIC, ARABIC = "Latn", "Cyrl", "Arab"

# (first code point, last code point, script); sorted, non-overlapping.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, LATIN), (0x0061, 0x007A, LATIN), (0x00C0, 0x024F, LATIN),
    (0x0250, 0x02AF, LATIN), (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, CYRILLIC),
    (0x0530, 0x058F, "Armn"), (0x0590, 0x05FF, "Hebr"), (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC), (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"),
    (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Geor"), (0x1100, 0x11FF, "Hang"),
    (0x1E00, 0x1EFF, LATIN), (0x3040, 0x30FF, "Jpan"), (0x3400, 0x9FFF, "Hani"),
    (0xAC00, 0xD7AF, "Hang"), (0xFB50, 0xFDFF, ARABIC), (0xFE70, 0xFEFF, ARABIC),
)
_STARTS = [r[0] for r in _SCRIPT_RANGES]

# Scripts used by exactly one language we can name without a model.
SINGLE_LANGUAGE_SCRIPTS = {"Grek": "el", "Armn": "hy", "Hebr": "he", "Geor": "ka",
                           "Hang": "ko", "Jpan": "ja", "Thai": "th", "Beng": "bn",
                           "Hani": "zh", "Deva": "hi"}

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")
# Combining marks (accents, Arabic harakat) and tatweel are dropped before splitting words.
_DROP = dict.fromkeys([*range(0x0300, 0x0370), *range(0x064B, 0x0660), 0x0670,
                       *range(0x06D6, 0x06EE), 0x0640, 0x200D], None)
_DROP[0x0130] = "i"  # Turkish/Azerbaijani capital dotted I lower-cases to i + combining dot otherwise.

_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_FA_BASE = "ءآأؤإئابتثجحخدذرزسشصضطظعغفقلمنهوپچژکگیۀة"
#: Letters each language is written with (lower case). Text with letters outside them is evidence against it.
ALPHABETS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyzâîû",
    "ru": _RU,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ",
    "kk": _RU + "әғқңөұүһі",
    "mn": _RU + "өү",
    "fa": _FA_BASE + "يكى",  # Persian web text often carries Arabic-coded yeh/kaf
    "ar": "ءآأؤإئابتثجحخدذرزسشصضطظعغفقكلمنهوىيةٱکی",  # Persian-keyboard kaf/yeh are common
    "ur": "ءآأؤئابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھیےۓۃ",
}.items()}

#: Stricter alphabets for deciding without a model: Persian written with Arabic-coded yeh/kaf/teh
#: marbuta is more often Arabic.
STRICT_ALPHABETS: dict[str, frozenset[str]] = {"fa": frozenset(_FA_BASE) - {"ة"},
                                               "ar": frozenset("ءآأؤإئابتثجحخدذرزسشصضطظعغفقكلمنهوىيةٱ")}

#: Letters that are frequent in one language and rare in its look-alikes, with their share of that
#: language's letters (measured on Leipzig text, lingua test files, even lines). A text without any of
#: them is evidence against the language: likelihood (1 - share) ** n_letters.
MARKER_LETTERS: dict[str, tuple[frozenset[str], float]] = {k: (frozenset(v[0]), v[1]) for k, v in {
    "uk": ("іїєґ", 0.070), "be": ("іў", 0.076), "kk": ("әғқңөұүһі", 0.147), "mn": ("өү", 0.053),
    "sr": ("ђјљњћџ", 0.053), "mk": ("ѓѕјќљњџ", 0.024), "ru": ("ыэёъ", 0.023), "bg": ("ъщ", 0.022),
    "az": ("ə", 0.099), "tr": ("ğışçöüâîû", 0.087),
    "ur": ("ٹڈڑںےہھ", 0.128), "ar": ("يكةىإأ", 0.154), "fa": ("پچژگکی", 0.144),
}.items()}

#: Log-likelihood of one letter outside a language's alphabet (quotes, names and typos happen).
FOREIGN_LETTER_LOGLIK = math.log(0.02)

#: Languages a script can stand for (targets first), and the extra languages we can name when confident.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    LATIN: ("az", "en", "tr"),
    CYRILLIC: ("ru", "uk", "be", "bg", "kk", "sr", "mk", "mn"),
    ARABIC: ("fa", "ar", "ur"),
}
_LANGUAGE_SCRIPT = {lang: script for script, langs in SCRIPT_LANGUAGES.items() for lang in langs}


def language_script(lang: str) -> str | None:
    """The script a language code is written in (for the languages the detector knows)."""
    return _LANGUAGE_SCRIPT.get(lang)


def dominant_script(text: str) -> str | None:
    """The most frequent script among the letters of ``text`` (None when it has no letters)."""
    counts = Counter(s for s in map(script_of, text) if s is not None)
    return max(sorted(counts), key=counts.__getitem__) if counts else None


def script_of(ch: str) -> str | None:
    """Script code of one character, or None when it is not a letter of a known script."""
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _SCRIPT_RANGES[i][1]:
        return _SCRIPT_RANGES[i][2]
    return None


@dataclass(frozen=True)
class ScriptProfile:
    """Words of a text grouped by script, with the dominant script and its letters."""

    script: str | None          # dominant script (None: no letters)
    weights: dict[str, float]   # script -> weighted word count
    words: tuple[str, ...]      # words of the dominant script, in order (original case)
    letters: Counter            # lower-cased letter counts of those words

    @property
    def n_letters(self) -> int:
        return sum(self.letters.values())

    @property
    def share(self) -> float:
        """Share of the dominant script in the weighted word count."""
        total = sum(self.weights.values())
        return self.weights.get(self.script, 0.0) / total if total else 0.0


# Letters that look alike in Latin and Cyrillic: az text often carries Cyrillic а/е/о/ә, and
# Cyrillic text Latin a/e/o/c. Words of the dominant script are mapped to that script.
_CYR_TO_LAT = str.maketrans("аеорсухіјәһӘАЕОРСХІЈ", "aeopcyxijəhƏAEOPCXIJ")
_LAT_TO_CYR = str.maketrans("aeopcyxiAEOPCXI", "аеорсухіАЕОРСХІ")
_HOMOGLYPHS = frozenset("аеорсухіјәһӘАЕОРСХІЈaeopcyxiAEOPCXI")
_TO_SCRIPT = {LATIN: _CYR_TO_LAT, CYRILLIC: _LAT_TO_CYR}
_STRESS = dict.fromkeys([0x0300, 0x0301], None)  # grave/acute: stress marks, typos like qədìm


def clean(text: str) -> str:
    """Remove URLs/e-mails, grave/acute accents, combining marks and tatweel; NFC-normalise."""
    text = unicodedata.normalize("NFD", _URL_RE.sub(" ", text)).translate(_STRESS)
    return unicodedata.normalize("NFC", text).translate(_DROP)


def word_script(word: str) -> str | None:
    """Script of a word: that of its first letter that is not a Latin/Cyrillic homoglyph."""
    if word[0] in _HOMOGLYPHS:
        for ch in word:
            if ch not in _HOMOGLYPHS:
                return script_of(ch)
    return script_of(word[0])


def profile(text: str, max_words: int = 400) -> ScriptProfile:
    """Group the words of `text` by script.

    Words that start with a capital count half: in mixed-script lines the foreign part is
    mostly names. Only the first `max_words` words of the dominant script are kept.
    """
    words = _WORD_RE.findall(clean(text))
    weights: dict[str, float] = {}
    scripts: list[str | None] = []
    for w in words:
        s = word_script(w)
        scripts.append(s)
        if s is None:
            continue
        weights[s] = weights.get(s, 0.0) + (0.5 if w[0].isupper() else 1.0)
    if not weights:
        return ScriptProfile(None, {}, (), Counter())
    dominant = max(sorted(weights), key=weights.__getitem__)
    kept = tuple(w for w, s in zip(words, scripts) if s == dominant)[:max_words]
    table = _TO_SCRIPT.get(dominant)
    if table is not None:
        kept = tuple("\n".join(kept).translate(table).split("\n"))
    letters = Counter("".join(kept).lower())
    for ch in [ch for ch in letters if script_of(ch) != dominant]:
        del letters[ch]  # stray letters of another script inside a word (субъективнаяCroatia)
    return ScriptProfile(dominant, weights, kept, letters)


def foreign_letters(letters: Counter, lang: str, strict: bool = False) -> int:
    """How many letters of the text are outside `lang`'s alphabet (its strict one if asked)."""
    alphabet = STRICT_ALPHABETS.get(lang, ALPHABETS[lang]) if strict else ALPHABETS[lang]
    return sum(n for ch, n in letters.items() if ch not in alphabet)


def marker_count(letters: Counter, lang: str) -> int:
    """How many of `lang`'s marker letters the text has."""
    markers = MARKER_LETTERS[lang][0]
    return sum(n for ch, n in letters.items() if ch in markers)


def letter_loglik(letters: Counter, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-likelihood of the letters under each candidate: foreign letters and missing markers."""
    n = sum(letters.values())
    out = {}
    for c in candidates:
        ll = 0.0
        if c in ALPHABETS:
            ll += foreign_letters(letters, c) * FOREIGN_LETTER_LOGLIK
        if c in MARKER_LETTERS and marker_count(letters, c) == 0:
            ll += n * math.log1p(-MARKER_LETTERS[c][1])
        out[c] = ll
    return out
