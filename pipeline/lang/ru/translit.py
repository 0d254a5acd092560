"""Russian romanisation for the cross-language keys (pipeline/entities/translit.py)."""

import re

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}


def to_latin(lowered: str) -> str:
    """Lower-cased Cyrillic -> Latin (``Гянджа`` -> ``gandzha``: after a consonant я/ю/е/ё only soften it;
    first in a word е/ё are ye/yo, as other scripts write them: ``Ельцин`` Yeltsin, ``Ереван`` Yerevan,
    ``Евгений`` Yevgeni, ``یوگنی``; Russian writes a foreign first e with э: ``Эрдоган``)."""
    out = []
    for i, ch in enumerate(lowered):
        lat = _RU.get(ch, ch)
        prev = lowered[i - 1] if i else " "
        if ch in "яюеё" and prev.isalpha() and prev not in "аеёиоуыэюяьъй":
            lat = {"я": "a", "ю": "u", "е": "e", "ё": "o"}[ch]
        elif ch in "её" and not prev.isalpha():
            lat = "y" + ("e" if ch == "е" else "o")
        out.append(lat)
    return "".join(out)


_PLURAL_END = re.compile(r"(?<=[а-яё]{3}[бвгдзклмнпрстфхц])ы\b")  # Сальяны, Закаталы, Белоканы
_EZAFE = re.compile(r"(?<=[а-яё]{3})-?е-(?=[а-яё])")  # Гонбеде-Кавус, Касре-Ширин, Сарпол-е-Захаб


def foreign_spellings(lowered: str) -> tuple[str, ...]:
    """A name read as the language it belongs to writes it: a place Russian names in the plural without its
    ending (``Сальяны`` Salyan سالیان) or with a (``Закаталы`` Zaqatala زاقاتالا); a Persian name without the
    ezafe Russian writes as е and a hyphen (``Касре-Ширин`` قصر شیرین, ``Сарпол-е-Захаб`` سرپل ذهاب); none if
    the name has neither. The Russian reading stays the first."""
    out = []
    if _PLURAL_END.search(lowered):
        out += [to_latin(_PLURAL_END.sub("", lowered)), to_latin(_PLURAL_END.sub("а", lowered))]
    if _EZAFE.search(lowered):
        out.append(to_latin(_EZAFE.sub(" ", lowered)))
    return tuple(out)


#: How Russian text writes the names of Latin letters in an acronym read by its letters (``Би-би-си`` BBC,
#: ``Си-эн-эн`` CNN, ``Эм-ти-ви`` MTV): :mod:`pipeline.entities.acronym_keys`.
LETTER_NAMES = {
    "эй": "A", "би": "B", "си": "C", "ди": "D", "эф": "F", "джи": "G", "эйч": "H", "ай": "I", "джей": "J",
    "кей": "K", "кэй": "K", "эл": "L", "эль": "L", "эм": "M", "эн": "N", "оу": "O", "пи": "P", "кью": "Q",
    "ар": "R", "эс": "S", "ти": "T", "ю": "U", "ви": "V", "даблю": "W", "экс": "X", "уай": "Y", "зед": "Z",
}
#: Letter names written with a hyphen of their own (``Би-эм-дабл-ю`` BMW), joined before the pieces are split.
JOINED_LETTER_NAMES = {"дабл-ю": "даблю", "дабл ю": "даблю"}


#: A Russian adjective of a place's name before its kind (``Карибское море``, ``Адриатическое море``, ``Японское
#: море``), read also as the name it is made from: the stem before ``-ск-`` (``-ическ-`` as ``-ик``).
_PLACE_ADJECTIVE = re.compile(r"^(.{3,}?)(ическ|ск)(?:ое|ий|ая|ие|ого|ой|ом|ую)$")


def kind_name_readings(name: str) -> list[str]:
    """Other readings of the name of a place named with its kind (:mod:`pipeline.entities.corpus_links`): an
    adjective as its stem (``Адриатическое`` -> ``Адриатик``, ``Карибское`` -> ``Кариб``), the stem with -а
    (``Малаккский`` -> ``Малакка``) and a name in -ск itself (``Охотское`` -> ``Охотск``)."""
    m = _PLACE_ADJECTIVE.match(name) if " " not in name else None
    if m is None:
        return []
    if m.group(2) == "ическ":
        return [m.group(1) + "ик"]
    return [m.group(1), m.group(1) + "а", m.group(1) + "ск"]


#: Words that name the kind of a place beside its name (``река Кура``, ``остров Харк``): the in-corpus links
#: also compare the name alone, with its kind (:func:`pipeline.entities.corpus_links.place_kind`).
PLACE_KINDS = {
    "порт": "port", "улица": "street", "проспект": "street", "дворец": "palace", "мечеть": "mosque",
    "острова": "island", "коридор": "corridor", "больница": "hospital", "монастырь": "monastery",
    "аэропорт": "airport", "космодром": "cosmodrome", "авиабаза": "base", "база": "base", "леса": "forest",
    "лес": "forest", "водопад": "falls", "фермы": "farms", "собор": "church", "храм": "church",
    "церковь": "church", "статуя": "statue", "мавзолей": "mausoleum",
    "гробница": "mausoleum",  # built places, ports, streets
    "пещера": "cave", "мыс": "cape", "впадина": "trench",
    "река": "river", "пустыня": "desert", "остров": "island", "полуостров": "peninsula", "мост": "bridge",
    "гора": "mountain", "горы": "mountain", "озеро": "lake", "море": "sea", "пролив": "strait", "залив": "gulf",
    "долина": "valley", "канал": "canal", "плотина": "dam", "провинция": "province", "остан": "province",
    "площадь": "square",
    **{side + end: kind for side, kind in (("восточн", "east"), ("западн", "west"), ("северн", "north"), ("южн", "south"))
       for end in ("ый", "ая", "ое")},  # Восточный Азербайджан, Южная Осетия
    **{"внутренн" + end: "inner" for end in ("ий", "яя", "ее")},  # Внутренняя Монголия
}
