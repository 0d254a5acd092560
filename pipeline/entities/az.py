"""Azerbaijani canonical names: strip the case suffix from the last word of a name.

Case suffixes follow vowel harmony (``-ın/-in/-un/-ün``, ``-a/-ə``, ``-da/-də`` ...) and take a
buffer consonant after a vowel (``Bakının``, ``Cəmiyyətinin`` = ``Cəmiyyəti`` + ``nin``). A cut
is made only when harmony fits and the remaining stem is plausible; ambiguous cuts
(``Kanada`` is not ``Kana`` + locative, ``Həsənova`` is a woman's surname) are settled by a
frequency lexicon of name words from the training data (:mod:`pipeline.entities.lexicon`)
and a few hand lists. The izafet possessive of an organisation's head noun stays
(``Azərbaycan Onkoloqlar Cəmiyyəti``); only the case after it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.entities.common import collapse_spaces, trim_mention
from pipeline.text.memo import MEMO
from pipeline.text.normalize import normalize

VOWELS = set("aıoueəiöü")
_BACK = set("aıou")
_ROUND = set("ouöü")


def az_lower(text: str) -> str:
    """Lower-case with Azerbaijani dotted/dotless I (length-preserving)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def _last_vowel(stem: str) -> str | None:
    for c in reversed(stem):
        if c in VOWELS:
            return c
    return None


def _i4(v: str) -> str:
    """The four-way harmony vowel (ı i u ü) after stem vowel ``v``."""
    if v in _BACK:
        return "u" if v in _ROUND else "ı"
    return "ü" if v in _ROUND else "i"


def _a2(v: str) -> str:
    """The two-way harmony vowel (a ə) after stem vowel ``v``."""
    return "a" if v in _BACK else "ə"


# Suffix templates: I = four-way vowel, A = two-way vowel; stem: "V" vowel-final, "C" consonant-final, "*" any.
# strength: 3 strong (buffer consonant), 2 medium, 1 weak (a bare vowel: ambiguous with name endings).
_TEMPLATES: tuple[tuple[str, str, int], ...] = (
    ("ndAn", "V", 3),  # ablative after possessive: Cəmiyyətindən
    ("nIn", "V", 3),  # genitive after vowel: Bakının, Cəmiyyətinin
    ("ndA", "V", 3),  # locative after possessive: Nazirliyində
    ("nA", "V", 3),  # dative after possessive: Fonduna
    ("nI", "V", 3),  # accusative after vowel/possessive: Bakını
    ("yA", "V", 3),  # dative after vowel: Bakıya
    ("ylA", "V", 3),  # instrumental after vowel: Bakıyla
    ("dAn", "*", 2),  # ablative: Bakıdan, Azərbaycandan
    ("dA", "*", 2),  # locative: Bakıda
    ("In", "C", 2),  # genitive after consonant: Əliyevin
    ("lA", "C", 1),  # instrumental after consonant: Əliyevlə
    ("A", "C", 1),  # dative after consonant: Azərbaycana
    ("I", "C", 1),  # accusative after consonant: Azərbaycanı (but also izafet -i)
)
def _expand(template: str) -> set[str]:
    out = {""}
    for ch in template:
        opts = "ıiuü" if ch == "I" else ("aə" if ch == "A" else ch)
        out = {o + c for o in out for c in opts}
    return out


# Suffixes after a hyphen or apostrophe (acronyms, foreign names): any harmony.
_DETACHED = {
    s
    for t in ("nIn", "In", "nI", "I", "yA", "A", "nA", "dA", "tA", "dAn", "tAn", "ndA", "ndAn", "lA", "ylA", "dAkI", "nIn")
    for s in _expand(t)
}

# Name words that look inflected but are nominative (hand list; the lexicon adds more).
PROTECTED = {
    az_lower(w)
    for w in (
        "Putin Lenin Stalin Berlin Pekin Tallin Turin Şahin Yasin Əmin Emin Mətin Metin Aydın Ceyhun Aysun "
        "Aygün Elgün Nurgün Elvin Nərmin Ramin Tahmin Zərin Ülvin Samin Nəsrin Şirin Həsən Hüseyn Kənan "
        "Kanada Rvanda Uqanda Florida Qrenada Sudan Yordan Ərdoğan Quba Şuşa Gəncə Şəki Bakı Naxçıvan "
        "Ağdam Ağdaş Ağsu Xızı Lerik Qax Zaqatala Balakən Qəbələ İsmayıllı Şamaxı Göyçay Ucar Zərdab "
        "Sabirabad Saatlı İmişli Beyləqan Füzuli Cəbrayıl Zəngilan Qubadlı Laçın Kəlbəcər Tərtər Bərdə "
        "Yevlax Mingəçevir Şəmkir Tovuz Qazax Ağstafa Gədəbəy Daşkəsən Göygöl Goranboy Xankəndi Xocalı "
        "Xocavənd Ağcabədi Lənkəran Astara Masallı Yardımlı Cəlilabad Biləsuvar Salyan Neftçala Sumqayıt "
        "Xırdalan Abşeron Quba Qusar Xaçmaz Şabran Siyəzən Xızı Oğuz Ordubad Culfa Şərur Babək Kəngərli "
        "Sədərək Şahbuz Türkiyə Rusiya Almaniya İtaliya İspaniya Yaponiya Koreya Avstriya Avstraliya "
        "Fransa Polşa Ukrayna Amerika Afrika Avropa Asiya Moskva Ankara Praqa Roma Vyana Cenevrə Riqa "
        "Kiyev Kiyevə Minsk Oman Misir Suriya Liviya Nigeriya Belçika Gürcüstan Ermənistan İran İraq "
        "Leyla Aida Səbinə Gülnarə Nərgiz Aynur Lalə Zəhra Fatimə Xədicə Səidə Zəminə Könül Ülviyyə "
        "Mehriban Sevinc Günel Nigar Aygün Aytən Şəhla Nailə Lamiyə Ayla Sona Aysel Vüsalə Elnarə "
        "Əli Vəli Rəşid Cəmil Heydər İlham Ramiz Elmar Orxan Tural Kamran Rauf Fuad Ziya Musa İsa Mustafa "
        "Murtuza Əliyeva Məmmədova Həsənova Hüseynova Quliyeva İsmayılova Rəhimova Abdullayeva Babayeva "
        "Məmmədli Hüseynli Əliyev"
    ).split()
}
# Common male given names: "Elnur Hüseynova" is the dative of "Elnur Hüseynov", not a woman.
MALE_NAMES = {
    az_lower(w)
    for w in (
        "Əli Vəli Həsən Hüseyn Məmməd Məhəmməd Cəmil Camal Heydər İlham Ramiz Elmar Elnur Elçin Elşən Elvin "
        "Orxan Tural Kamran Rauf Fuad Ziya Musa İsa Mustafa Murad Rəşad Rəşid Rüstəm Samir Səməd Tofiq Vüqar "
        "Zaur Anar Aqil Arif Azər Bəxtiyar Cavid Emin Eldar Eldəniz Fərid Fikrət Qənbər Hikmət İbrahim İsmayıl "
        "Kənan Mahir Məhərrəm Mirzə Namiq Natiq Nazim Nicat Niyazi Nurlan Oqtay Ramil Rasim Rövşən Ruslan "
        "Sahib Səbuhi Seymur Şahin Şahmar Talıb Telman Tofiq Turan Ülvi Vaqif Vasif Yaşar Zahid Ceyhun Aydın "
        "Rəcəb Üzeyir Nizami Vladimir Aleksandr Sergey"
    ).split()
}
_FEMALE_SURNAME = re.compile(r"(?:ova|yeva|eva|ina|ına|skaya)$")
_NAME_SUFFIX = re.compile(r"(?:[əe]ddin)$")
_KIN_SURNAME = re.compile(r"[^aəıioöuüe]k[iı]n$")  # a Russian surname in -kin after a consonant (Oreşkin)


@dataclass(frozen=True)
class _Cut:
    stem: str  # lower-case stem
    strength: int
    vowel_stem: bool
    template: str = ""


# Two-letter nouns that end names (``Ağ Evin`` = ``Ağ Ev`` + genitive); other stems need three letters.
_SHORT_STEMS = {"ev", "su", "ay", "od", "iş"}
# Postpositions after a dative (``Floridaya qədər``, ``Pueblosa aid``): the bare ``-a/-ə`` is a case.
DATIVE_POSTPOSITIONS = {"qədər", "görə", "doğru", "aid", "dair", "qarşı", "məxsus", "yaxın", "bənzər", "oxşar", "rəğmən"}


_AFTER_POSSESSIVE = {"ndAn", "ndA", "nA", "nI"}


def _candidates(lw: str, short_ok: bool = False) -> list[_Cut]:
    out: list[_Cut] = []
    for template, need, strength in _TEMPLATES:
        for suf in _expand(template):
            if not lw.endswith(suf) or len(lw) - len(suf) < 2:
                continue
            stem = lw[: len(lw) - len(suf)]
            if len(stem) < 3 and not (short_ok and stem in _SHORT_STEMS):
                continue
            v = _last_vowel(stem)
            if v is None:
                continue
            ends_vowel = stem[-1] in VOWELS
            if (need == "V" and not ends_vowel) or (need == "C" and ends_vowel):
                continue
            if template in _AFTER_POSSESSIVE and stem[-1] not in "ıiuü":
                continue  # "-na/-nda/-ndan/-nı" follow a possessive or ı/i/u/ü stem: not "Asta" + "na"
            sv = [c for c in suf if c in VOWELS]
            if sv and sv[0] in "ıiuü" and sv[0] != _i4(v):
                continue
            if sv and sv[0] in "aə" and sv[0] != _a2(v):
                continue
            out.append(_Cut(stem, strength, ends_vowel, template))
    return out


def _given_name(stem: str) -> bool:
    """The stem is mostly a given name: the training spans have it before a name's last word at least as
    often as elsewhere (``Əmin``, ``Vahid``, ``Hüseyn``; not ``Əliyev``, ``Putin``)."""
    inner = _inner().get(stem, 0) + (3 if stem in MALE_NAMES else 0)
    return inner > 0 and 2 * inner >= _lex().get(stem, 0)


def _inner() -> dict[str, int]:
    from pipeline.entities.lexicon import load_lexicon

    return load_lexicon("az", inner=True)


def _lex() -> dict[str, int]:
    from pipeline.entities.lexicon import load_lexicon

    return load_lexicon("az")


def _forms():
    from pipeline.entities.lexicon import load_forms

    return load_forms("az")


_CASE_ENDINGS = tuple(sorted({s for t, _, _ in _TEMPLATES for s in _expand(t)}))


def _declines(word: str) -> bool:
    """Running text has ``word`` with a case ending (``xaqanı``, ``Yeltsinin``)."""
    forms = _forms()
    return any(word + e in forms for e in _CASE_ENDINGS)


def _nominative_by_forms(lw: str, cuts: list[_Cut]) -> bool:
    """Running text has ``lw`` itself and ``lw`` with a case ending, and none of the stems a cut would leave
    (``Yeltsin``, ``Yeltsinin``, ``Yeltsinlə``, no ``Yelts``): ``lw`` is the name, not a stem + suffix."""
    forms = _forms()
    return lw in forms and all(c.stem not in forms for c in cuts) and _declines(lw)


def _stem_evidence(stem: str) -> int:
    """2: running text has the stem only capitalised (a proper noun: ``Reyqan``, ``Fernando``); 1: it has the
    stem and the stem with a case ending (a word that declines: ``xaqan``, ``xaqanı``); 0: neither (``makro``
    is a word but takes no case: no evidence for ``Makro`` + ``nun``)."""
    mark = _forms().get(stem)
    if mark is None:
        return 0
    return 2 if mark == "P" else int(_declines(stem))


@lru_cache(maxsize=MEMO)
def strip_case(word: str, label: str, is_last_of_many: bool = False, dative: bool = False) -> str:
    """The last word of an az name without its case suffix (original spelling kept).

    ``dative``: a dative postposition follows (``Pueblosa aid``): a bare ``-a/-ə`` is the case."""
    m = re.match(r"^(.+?)['-]([^'-]+)$", word)
    if m and az_lower(m.group(2)) in _DETACHED and any(c.isalpha() for c in m.group(1)):
        return m.group(1)
    if (m and word[len(m.group(1))] == "-" and m.group(2)[:1].isupper() and any(c.isalpha() for c in m.group(1))
            and az_lower(word) not in _forms()):  # running text never has it whole (Əl-Qaidə it has)
        head = word[: len(m.group(1)) + 1]  # Qəsri-Şirin, Sərpuli-Zəhab: the case is on the last name alone
        return head + strip_case(m.group(2), label, True, dative)
    lw = az_lower(word)
    if lw in PROTECTED or _NAME_SUFFIX.search(lw) or not word[:1].isalpha():
        return word
    lex = _lex()
    n_word = lex.get(lw, 0)
    cuts = _candidates(lw, short_ok=is_last_of_many and label != "PER")
    if cuts and not dative and _nominative_by_forms(lw, cuts):
        return word
    if is_last_of_many and label == "PER" and _KIN_SURNAME.search(lw) and len(lw) >= 6 and not lex.get(lw[:-2]):
        return word  # a Russian surname in -kin after a consonant (Oreşkin, Naryşkin), not a stem in -k + genitive
    if is_last_of_many and label == "PER" and lw[-1:] in ("i", "ı") and _given_name(lw[:-1]):
        return word  # a surname made of a given name and -i (Əmini, Vahidi, Məhəmmədi), not its accusative
    best: tuple | None = None
    for cut in cuts:
        n_stem = lex.get(cut.stem, 0) + (5 if cut.stem in PROTECTED else 0)
        if is_last_of_many and label == "PER" and len(cut.stem) <= 3 and n_stem == 0:
            continue  # a person's surname is no unknown stem of three letters (Seçin, Kalın: not Seç, Kal + genitive)
        if dative and cut.template in ("A", "yA", "nA") and word[:1].isupper():
            best = ((True, 99, True, 9), cut)  # the context says dative: this cut wins
            break
        if n_word > 0 and n_stem == 0 and (cut.strength == 1 or _inner().get(lw, 0) > 0 or lw.endswith(("a", "ə"))):
            continue  # the word itself is a known name word (seen uninflected: before a span's last word) and the stem is not
        if cut.strength == 1:
            if label == "ORG" or not word[:1].isupper():
                continue  # izafet possessive of a head noun, or an ambiguous bare vowel
            bare_i = lw[len(cut.stem):] in ("ı", "i", "u", "ü")
            if is_last_of_many and label != "PER" and (bare_i or n_word > 0 or n_stem == 0):
                continue  # "Muxtar Vilayəti": the last word of a multi-word name carries the izafet -i
            if cut.stem.endswith(("a", "ə")) or (_FEMALE_SURNAME.search(lw) and lw.endswith("a")):
                continue
            surname_ok = label == "PER" and re.search(r"(?:ov|yev|ev)$", cut.stem) is not None
            if not (n_stem > n_word or surname_ok):
                continue
        # Preference: lexicon evidence, a stem that is a name or a declining word of running text (``xaqan`` +
        # ``ın``, not ``xaqa`` + ``nın``; ``Reyqan`` + ``ın``), then vowel- vs consonant-final stem, then
        # suffix strength.
        # Without lexicon evidence "-Vnin" reads as vowel stem + "nin" (Leyla-nın, Tusi-nin), except
        # after o/e/ö, rare final vowels of az names (Danton-un, not Danto-nun).
        prefer_vowel = label != "PER" or cut.stem[-1] in "aəıiuü"
        rank = (n_stem > 0, _stem_evidence(cut.stem), n_stem, cut.vowel_stem == prefer_vowel, cut.strength)
        if best is None or rank > best[0]:
            best = (rank, cut)
    if best is None:
        return word
    return word[: len(best[1].stem)]


# Cyrillic letters that look like Latin ones, typed into Latin-script Azerbaijani words.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсхуІіЈј", "ABEKMHOPCTXaeopcxyIiJj")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zƏəÖöÜüĞğİıŞşÇç]")


def repair_homoglyphs(word: str) -> str:
    """``Аzərbaycan`` (Cyrillic А) -> ``Azərbaycan``: only in words that are mostly Latin."""
    if not _CYRILLIC.search(word):
        return word
    n_lat = len(_LATIN.findall(word))
    n_cyr = len(_CYRILLIC.findall(word))
    return word.translate(_HOMOGLYPHS) if n_lat > n_cyr else word


def canonicalize_az(surface: str, label: str, follower: str | None = None) -> str:
    """``Azərbaycan Onkoloqlar Cəmiyyətinin`` -> ``Azərbaycan Onkoloqlar Cəmiyyəti``; ``AOC-un`` -> ``AOC``.

    ``follower``: the word after the mention (a dative postposition settles a bare ``-a/-ə``)."""
    t = trim_mention(normalize(surface, "az").text)
    t = " ".join(repair_homoglyphs(w) for w in t.split(" "))
    words = t.split(" ")
    if not words or not words[-1]:
        return t
    last = words[-1]
    if label == "PER" and len(words) > 1 and az_lower(words[0]) in MALE_NAMES:
        lw = az_lower(last)
        if re.search(r"(?:ov|yev|ev)a$", lw):
            words[-1] = last[:-1]  # male surname in the dative
            return collapse_spaces(" ".join(words))
    dative = follower is not None and az_lower(follower) in DATIVE_POSTPOSITIONS
    words[-1] = strip_case(last, label, len(words) > 1, dative)
    return collapse_spaces(" ".join(words))


def key_az(canonical: str) -> str:
    """Dotted/dotless I folded the Azerbaijani way before case-folding."""
    return az_lower(canonical)
