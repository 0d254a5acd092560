"""Azerbaijani romanisation for the cross-language keys (pipeline/entities/translit.py)."""

import re

_AZ = {"ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "g", "c": "j", "x": "kh", "q": "k", "j": "zh"}


def to_latin(lowered: str) -> str:
    """Lower-cased Azerbaijani Latin -> a plain Latin spelling (``ş`` -> ``sh``, ``c`` -> ``j``, ``x`` -> ``kh``);
    the az vowels of the most common given name as the other languages write it (``Məhəmməd`` Muhammad, also
    inside a word: ``Məhəmmədi``, ``Berdiməhəmmədov``), so that its vowels agree with Mohammad's and Мухаммед's."""
    return "".join(_AZ.get(ch, ch) for ch in lowered.replace("məhəmməd", "muhammad"))


_EZAFE = re.compile(r"(?<=\w{3})[iıuü]-(?=\w)")  # Günbədi-Kavus, Qəsri-Şirin, Sərpuli-Zəhab


def foreign_spellings(lowered: str) -> tuple[str, ...]:
    """A Persian name whose ezafe Azerbaijani writes as a vowel joined by a hyphen (``Qəsri-Şirin`` قصر شیرین,
    ``Günbədi-Kavus`` گنبد کاووس), read without it, as Persian writes it; none if the name has no such joint."""
    return (to_latin(_EZAFE.sub(" ", lowered)),) if _EZAFE.search(lowered) else ()


#: Words that name the kind of a place beside its name (``Kür çayı``, ``Xark adası``): the in-corpus links also
#: compare the name alone, with its kind (:func:`pipeline.entities.corpus_links.place_kind`).
PLACE_KINDS = {
    "limanı": "port", "küçəsi": "street", "prospekti": "street", "sarayı": "palace", "məscidi": "mosque",
    "adaları": "island", "dəhlizi": "corridor", "xəstəxanası": "hospital", "monastırı": "monastery",
    "kosmodromu": "cosmodrome", "bazası": "base", "meşələri": "forest", "meşəsi": "forest", "şəlaləsi": "falls",
    "fermaları": "farms", "kilsəsi": "church", "məbədi": "church", "heykəli": "statue", "məqbərəsi": "mausoleum",
    "türbəsi": "mausoleum",  # built places, ports, streets
    "mağarası": "cave", "burnu": "cape", "çökəkliyi": "trench",
    "çayı": "river", "səhrası": "desert", "adası": "island", "yarımadası": "peninsula", "körpüsü": "bridge",
    "dağı": "mountain", "dağları": "mountain", "gölü": "lake", "dənizi": "sea", "boğazı": "strait",
    "körfəzi": "gulf", "vadisi": "valley", "kanalı": "canal", "ostanı": "province", "əyaləti": "province",
    "vilayəti": "province", "meydanı": "square",
    "şərqi": "east", "qərbi": "west", "şimali": "north", "cənubi": "south", "daxili": "inner",  # Şərqi Azərbaycan, Cənubi Osetiya
}
