"""The readings of one Persian name word in the cross-language links (:func:`word_readings`): the ways az/en/ru
spell what it writes where they differ from its plain skeleton. Split from :mod:`pipeline.lang.fa.translit`.
"""

from __future__ import annotations

import re

from pipeline.lang.fa.skeleton import FREE_LEAD, SEAT, fa_skeleton

_INNER_ARTICLE = re.compile("(?<=\\S)(\\S)ال(?=\\S\\S)")  # the article inside a word (عبدالرحیم)
# the article before a sun letter inside a word, said as that letter (زین‌الدین Zinedine, نصیرالدین Nəsirəddin)
_SUN_ARTICLE = re.compile("(?<=\\S\\S)[ا" + SEAT + "]ل(?=[تثدذرزسشصضطظن])")
_PROTHETIC = re.compile(SEAT + "(?=[سش][^اوی" + SEAT + "])")  # a ZWNJ-joined piece's ا before s + consonant
_ALLAH = re.compile("^(.{2,}?)[ا" + SEAT + "]لله$")  # a name ending in the word Allah (عبدالله, روح‌الله)


# How Azerbaijani names say what Persian writes (Persian news writes az names so): محمد as Məmməd (محمداف
# Mammadov), the title بیگ as bəy (امیربیگوف Amirbayov, ابراهیم‌بیگوف), علی‌ا as Əl (علی‌اکبر Alakbar, Ələsgər)
_AZ_FORMS_AS = {"محمد": "ممد", "بیگ": "بی", "علی" + SEAT: "عل" + SEAT}
_AZ_FORMS = re.compile("|".join(_AZ_FORMS_AS))
_NB = re.compile("ن(?=ب)")  # n before b is said m (جنبلاط Jumblatt, استانبول Стамбул)
_FINAL_NG = re.compile("(?<=\\S\\Sن)گ$")  # a final ng Russian writes н (جین‌پینگ Цзиньпин, سونگ Сон)
# a final z az/ru write s: Spanish -ez (سانچز Санчес), English -rs in a longer word (موتورز Motors; not البرز Elbrus)
_FINAL_Z = re.compile("(?:(?<=\\S\\S[^\\sاویر])|(?<=\\S\\S\\S\\Sر))ز$")
_DOUBLED = re.compile("(\\S)\\1")  # one letter written twice, said once (عبداللهیان Abdollahian)
# a final ی said a in one word of several (مصطفی الکاظمی: Mustafa, but Kazimi), as the name-level reading does for all
PROPHETS = "(?:عیس|موس|یحی)"  # four-letter names whose final ی is said a (عیسی Isa, موسی Musa, یحیی Yahya)
_MAQSURA_WORD = re.compile("(?<=\\S\\S\\S[^اوی" + SEAT + "])ی$|(?<=^" + PROPHETS + ")ی$")
_FIRST_ARTICLE = re.compile("^ال(?=\\S{4})")  # an Arabic place's article, which az/en/ru may leave out (الانبار Anbar)
_KHWA = re.compile("خوا")  # the silent و of خوا (خوارزمی Kharazmi, خواجه Khaja)
_FIRST_H = re.compile("^ه(?=[اوی])")  # a first h Spanish and French do not say (هوگو Уго, هولاند Олланд)


def word_readings(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """The readings of one Persian name word: :func:`fa_skeleton`, then where they differ the ways az/en/ru
    spell what it writes: two letters of one class as two consonants; a first ع, ای or او before its long vowel
    as any vowel first (``عون`` Aoun / Aun, ``ایاز`` Ayaz, ``اورتون`` Everton, whose v Latin reads as a vowel);
    the alef of an article inside the word as some short vowel (``عبدالرحیم`` Abdolrahim; after و none:
    ``ابوالحسن`` Abolhassan), and before a sun letter without its l (``زین‌الدین`` Zinedine, ``کمال‌الدین``
    Kamaladdin); a final ``الله`` as -ullah / -ulla (``فتح‌الله`` Fethullah, ``ذبیح‌الله`` Забихулла) rather
    than a written a and a doubled l; n before b as m (``جنبلاط`` Jumblatt); a final ng as n, a final z as s, a
    letter written twice once, a first h not said (:data:`_FINAL_NG` ... :data:`_FIRST_H`).
    """
    base = fa_skeleton(word)
    out = [base] if base else []

    def add(reading: tuple[str, tuple[str, ...]] | None) -> None:
        if reading and reading not in out:
            out.append(reading)

    add(fa_skeleton(word, merge=False))
    if base and ((word[0] == "ع" and base[1][0] in ("I", "U")) or (word.startswith("ای") and base[1][0] == "I")
                 or (word.startswith("او") and base[1][0] == "U")):  # او as ev before a consonant: اورتون Everton
        add((base[0], (FREE_LEAD + base[1][0], *base[1][1:])))
    for spelling in (_INNER_ARTICLE.sub(lambda m: m.group(1) + ("" if m.group(1) == "و" else SEAT) + "ل", word),
                     _SUN_ARTICLE.sub(SEAT, word),
                     _PROTHETIC.sub("", word),  # ترابزون‌اسپور Trabzonspor: the vowel before s + consonant
                     _AZ_FORMS.sub(lambda m: _AZ_FORMS_AS[m.group(0)], word),
                     _NB.sub("م", word), _FINAL_NG.sub("", word), _FINAL_Z.sub("س", word), _DOUBLED.sub("\\1", word),
                     _FIRST_H.sub("ا", word), _MAQSURA_WORD.sub("ا", word),
                     _KHWA.sub("خا", word), _FIRST_ARTICLE.sub("", word)):
        if spelling != word:
            add(fa_skeleton(spelling))
    m = _ALLAH.match(word)
    stem = fa_skeleton(m.group(1)) if m else None
    if stem:
        sk, gaps = stem
        core = sk[:-1] if sk.endswith("V") and gaps[-1] else sk
        before = gaps[-1] + "O"  # the stem's last vowel, then some vowel before the l
        for end, tail in (("lK", ("A", "")), ("lV", ("A",))):
            add((core + end, (*gaps[:-1], before, *tail)))
    return out
