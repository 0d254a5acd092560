"""Russian post-model rules (line rules of ``ner.spacy-natasha.ru.v1``), measured on nerel-dev."""

from __future__ import annotations

import re

from pipeline.ner.base import Span

_YEAR_WORD = re.compile(r"\s?(?:год(?:а|у|ы|ах|ов|ом)?|гг?)(?![\w-])")
_LONG_NUMBER = re.compile(r"\d{5,}$")  # a phone or id number is not a date
_EDGE_JUNK = " \t,;:(«\"'—–-"
_COMPOUND_STEM_END = re.compile(r"\s([а-яё]+[\u043e\u0435])$")  # a lower-case first part of a compound adjective (-о/-е)
_HYPHEN_WORD = re.compile(r"-[А-ЯЁа-яё]")
_EVENT_YEAR = re.compile(r"(?<=[а-яё])-(?:19|20)\d\d$")


def fix_spans(text: str, spans: list[Span]) -> list[Span]:
    """NEREL boundary conventions the model misses: "2006—2011 годах" includes the year word;
    no trailing full stop, bracket, quote or dash in a span; a bare 5+ digit number is no DATE."""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.label == "DATE" and text[e - 1:e].isdigit():
            m = _YEAR_WORD.match(text, e)
            if m:
                e = m.end()
        while e > s and text[e - 1] in _EDGE_JUNK + ".":
            if text[e - 1] == "." and sp.label != "DATE":
                break  # "В. М. Шукшина" keeps initials; DATE drops "2001г." -> "2001г"
            e -= 1
        if text[s:s + 1] == "«" and ("»" not in text[s:e] or text[e - 1:e] == "»"):
            s += 1  # «Известия» -> Известия; a quote inside a name («РГТРК «Останкино») stays
            if text[e - 1:e] == "»" and "«" not in text[s:e - 1]:
                e -= 1
        m = _COMPOUND_STEM_END.search(text, s, e)
        if sp.label == "LOC" and m and m.start(1) > s and _HYPHEN_WORD.match(text, e):
            s = m.start(1)  # "Межправительством белорусско-оманском": the place is the stem "белорусско" (NEREL)
        if sp.label == "LOC" and (m := _EVENT_YEAR.search(text, s, e)):
            e = m.start()  # "Сочи-2014": the place of an event of that year (NEREL train: 6 of 6)
        if sp.label == "ORG":
            s, e = _with_ordinal(text, s), _close_inner_quote(text, s, e)
        if sp.label == "ORG" and (m := _COMMA_ACRONYM.search(text, s, e)):
            out.append(Span(m.start(1), e, "ORG", sp.score))  # "King’s College London, KCL": two names
            e = m.start()
        if e > s and not (sp.label == "DATE" and _LONG_NUMBER.match(text, s, e)):
            out.append(Span(s, e, sp.label, sp.score))
    for rule in (merge_inverted_names, compound_org_words, adjective_orgs, institutions_of_places, brackets_after,
                 add_settlements, titles_of_works, person_titles):  # each defined below
        out = rule(text, out)
    return out


_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d{1,3}-(?:й|го|я|ой|ая|ый|ого|ому|ом|ую|ым|м|о|е|ое)[ \t\u00a0]$")
_COMMA_ACRONYM = re.compile(r", ([A-ZА-ЯЁ][A-ZА-ЯЁ0-9&]{1,7})$")
_CLOSER = {"«": "»", "\"": "\"", "„": "“"}


def _with_ordinal(text: str, s: int) -> int:
    """"1-го Украинского фронта", "58-й армии": a unit's number is part of the name (NEREL: 9 of 9)."""
    m = _ORDINAL_BEFORE.search(text, max(0, s - 8), s)
    return m.start() if m else s


def _close_inner_quote(text: str, s: int, e: int) -> int:
    """ООО "МНКТ", РИА "Новости", Совета директоров «Башинформа»: a quote opened inside the name
    closes inside it (NEREL writes the closing quote in 42 ORG names; the model often stops before it)."""
    for opener, closer in _CLOSER.items():
        inner = text[s + 1:e]
        unclosed = (inner.count(opener) % 2 == 1) if opener == closer else inner.count(opener) > inner.count(closer)
        if unclosed and text[e:e + 1] == closer:
            return e + 1
    return e


# "... (King’s College London, KCL)", "(ВАДА)" after an organisation: the acronym and the Latin name in
# the brackets are organisations too (NEREL train: 80 of 90 acronyms, 16 of 18 Latin names); the
# model often reads "Name, ACR" as one span or only part of the name.
_BRACKETS = re.compile(r"[»\"]?[ \t\u00a0]?\(([^()\n]{1,120})\)")  # after a closing quote too
_ACRONYM = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&]{1,7}")
_LATIN_NAME = re.compile(r"(?:The |the )?[A-Z][\w’'&.-]*"
                         r"(?: (?:[A-Z][\w’'&.-]*|of|for|and|de|la|le|du|des|on|in|pour|the|und|für))*")


def brackets_after(text: str, spans: list[Span]) -> list[Span]:
    """Acronyms and Latin-script names in brackets right after an ORG are ORG (see above)."""
    out = list(spans)
    for org in [sp for sp in spans if sp.label == "ORG"]:
        m = _BRACKETS.match(text, org.end)
        if not m:
            continue
        pos = m.start(1)
        parts = []
        for part in m.group(1).split(", "):
            parts.append((pos, pos + len(part), part))
            pos += len(part) + 2
        if not all(_ACRONYM.fullmatch(p) or _LATIN_NAME.fullmatch(p) for _, _, p in parts):
            continue
        inside = [sp for sp in out if m.start(1) <= sp.start and sp.end <= m.end(1)]
        if any(sp.label != "ORG" for sp in inside):
            continue  # "(Roberto Seba)", "(США)": the model saw a person or a place there
        out = [sp for sp in out if sp not in inside]
        out += [Span(a, b, "ORG", org.score) for a, b, _ in parts]
    return sorted(out, key=lambda x: (x.start, x.end)) if out != spans else spans


_INVERTED_TAIL = re.compile(r"\s*(?:$|\(|\[)")


def merge_inverted_names(text: str, spans: list[Span]) -> list[Span]:
    """Catalogue-style "Нагибин, Владимир Владимирович" (surname, names) is one PER when the
    names end the line or are followed by a bracket."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == sp.label == "PER" and " " not in text[prev.start:prev.end]
                and text[prev.end:sp.start].strip() == "," and _INVERTED_TAIL.match(text, sp.end)):
            out[-1] = Span(prev.start, sp.end, "PER", prev.score)
            continue
        out.append(sp)
    return out


# "г. Маскад", "город Пермь", "пос. Восточный": the word after a settlement type is a place. Not
# after a number, where "г." is the year ("2005 г. Этот ..."); the name stays on the same line.
_SETTLEMENT = re.compile(r"(?<![\w.])(?:г\.|гор\.|город[аеуомы]*|пос\.|посёл(?:ок|ка|ке|ком)|пгт\.?|дер\.|"
                         r"деревн[яиеюй]|сел[оауе]|станиц[аыеу])[ \t\u00a0]*"
                         r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)")
_NUMBER_BEFORE = re.compile(r"\d[\d\s.,–—-]*$")


def add_settlements(text: str, spans: list[Span]) -> list[Span]:
    """A LOC for a capitalised word after a settlement type that no span covers yet."""
    added = []
    for m in _SETTLEMENT.finditer(text):
        s, e = m.start(1), m.end(1)
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if not any(sp.start < e and s < sp.end for sp in spans):
            added.append(Span(s, e, "LOC", 1.0))
    return sorted(spans + added, key=lambda x: (x.start, x.end)) if added else spans


# "японским парламентом", "мордовской колонии", "российские власти": a place adjective before an
# institution noun is one ORG in NEREL (train: власть 36 of 43, партия 30, университет 24,
# правительство 22, армия 14 of 14, суд 13 ...; not государство, LOC as often), where the model
# often tags the adjective alone as LOC.
_PLACE_ADJECTIVE = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*(?:ск|цк)"
                              r"(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ые|ых|ыми|ым|ый)")
_MASC = "(?:|а|у|ом|е)"  # singular: "европейских университетах" are no one organisation
_INSTITUTION = re.compile(
    r"[ \t\u00a0]((?:суд|университет|парламент|трибунал|кабинет|комитет)" + _MASC
    + r"|(?:парти|арми|полици|администраци|академи|мэри)(?:я|и|ю|ей)"
    + r"|власт(?:ь|и|ью|ей|ям|ями|ях)|(?:правительств|посольств)(?:о|а|у|ом|е)"
    + r"|прокуратур(?:а|ы|е|у|ой|ам|ами|ах)|войск(?:а|о|ам|ами|ах|у|ом|е)|колони(?:я|и|ю|ей))(?![\w-])")


# "Афросоюза", "Мосгоризбиркому", "Ростехнадзор", "Роснефть", "Сбербанк": a capitalised word compounded with
# an organisation stem is an ORG in NEREL (train, the stem inside the word: союз 8 of 8 tagged, избирком 4 of 4,
# надзор 38 of 38, банк 6 of 6, нефть 6 of 6, пром 12 of 12), where the model may call it a place or a person.
_ORG_STEM = re.compile(r"[А-ЯЁ][а-яё]*?[а-яё](?:союз|избирком|надзор|банк|нефт|пром)[а-яё]*")


def compound_org_words(text: str, spans: list[Span]) -> list[Span]:
    """A one-word LOC or PER that is an organisation compound becomes ORG (see above)."""
    return [Span(sp.start, sp.end, "ORG", sp.score)
            if sp.label in ("LOC", "PER") and _ORG_STEM.fullmatch(text, sp.start, sp.end) else sp for sp in spans]


# "власти Перу", "посольствах Японии", "правительства России": an institution noun before the place it
# belongs to is one ORG in NEREL (train, the noun before a capitalised name: правительство 47 whole ORG to 3
# with the place alone, администрация 23 to 1, власти 11 to 4, посольство 9 to 1, парламент 9 to 0, полиция 7
# to 0); before a person it is not ("администрации Трампа": the PER alone), so only a LOC is taken in.
_INSTITUTION_BEFORE = re.compile(
    r"(?<![\w-])(?i:п)(?:равительств(?:о|а|у|ом|е)|осольств(?:о|а|у|ом|е|ах|ами)|арламент(?:|а|у|ом|е)"
    r"|олици(?:я|и|ю|ей)|рокуратур(?:а|ы|е|у|ой))[ \u00a0]$"
    r"|(?<![\w-])(?i:а)дминистраци(?:я|и|ю|ей)[ \u00a0]$|(?<![\w-])(?i:в)ласт(?:ь|и|ью|ей|ям|ями|ях)[ \u00a0]$"
    r"|(?<![\w-])(?i:м)эри(?:я|и|ю|ей)[ \u00a0]$|(?<![\w-])(?i:с)пецслужб(?:а|ы|е|у|ой|ам|ами|ах)[ \u00a0]$")


def institutions_of_places(text: str, spans: list[Span]) -> list[Span]:
    """A LOC right after an institution noun becomes ORG with the noun (see above)."""
    out = []
    for sp in spans:
        m = _INSTITUTION_BEFORE.search(text, max(0, sp.start - 20), sp.start) if sp.label == "LOC" else None
        if m and not any(o.end > m.start() and o.start < sp.start for o in spans if o is not sp):
            sp = Span(m.start(), sp.end, "ORG", sp.score)
        out.append(sp)
    return out


def adjective_orgs(text: str, spans: list[Span]) -> list[Span]:
    """A one-word LOC adjective before an institution noun becomes ORG with the noun (see above)."""
    out = list(spans)
    for sp in spans:
        if sp.label != "LOC" or not _PLACE_ADJECTIVE.fullmatch(text, sp.start, sp.end):
            continue
        m = _INSTITUTION.match(text, sp.end)
        if not m:
            continue
        noun = [o for o in out if o.start < m.end(1) and m.start(1) < o.end]
        if any(o.label != "ORG" or o.start != m.start(1) for o in noun):
            continue
        end = max([m.end(1), *(o.end for o in noun)])
        out = [o for o in out if o != sp and o not in noun] + [Span(sp.start, end, "ORG", sp.score)]
    return sorted(out, key=lambda x: (x.start, x.end)) if out != spans else spans


# "в фильмах «Цирк», «Новые времена»", "в кинотеатрах «Звезда», «Космос»", "торговыми марками «Раундап»": the
# title of a work, an event, a venue or a brand is no person, place or organisation in NEREL (train: 198 of
# 200 whole titles after these nouns untagged; dev 35 of 36, the 36th after "сети", which is left); names
# inside a title stay («Спасти рядового Райана»: Райана is a PER). Not after a noun of an organisation
# between ("альбом группы «...»", "кинотеатрах городской сети «Москино»").
_QUOTED = r"«[^«»\n]{1,60}»"
_WORK = re.compile(
    r"(?<![\w-])(?:(?:кино|теле|мульт)?(?:фильм|сериал)\w*|картин\w*|конкурс\w*|спектакл\w*|выставк\w*|турнир\w*"
    r"|корабл\w*|песн\w*|сингл\w*|альбом\w*|шоу|фестивал\w*|роман\w*|повест\w*|передач\w*|преми[яиюей]\w*|стих\w*"
    r"|поэм\w*|сочинени\w*|композици\w*|трек\w*|клип\w*|кинотеатр\w*|отел[ьяюе]\w*|гостиниц\w*"
    r"|марк(?:а|и|у|ой|ами|ах)|программ\w*)"
    r"((?:[ \u00a0]+[а-яё]+){0,3})[ \u00a0]+(" + _QUOTED + r"(?:\s*(?:,|и)\s*" + _QUOTED + r")*)")
_ORG_NOUN = re.compile(r"групп|компани|сет|студи|театр|издательств|агентств|канал|холдинг|фонд|клуб|банк|корпораци")


def titles_of_works(text: str, spans: list[Span]) -> list[Span]:
    """Drop a span that is exactly a quoted title after a noun of a work, event, venue or brand (above)."""
    titles = set()
    for m in _WORK.finditer(text):
        if any(_ORG_NOUN.match(w) for w in m.group(1).split()):
            continue
        for q in re.finditer(_QUOTED, m.group(2)):
            s, e = m.start(2) + q.start(), m.start(2) + q.end()
            titles.update({(s, e), (s + 1, e - 1)})
    if not titles:
        return spans
    return [sp for sp in spans if sp.label == "DATE" or (sp.start, sp.end) not in titles]


_SENTENCE_END = re.compile(r"[.!?«\"„:\n][ \t\u00a0]*$")
_NAME_PARTICLES = frozenset("де ван фон дер ди да дель ла ле аль эль бин ибн бен ф.".split())
_PERSON_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init")


def _role_word(word: str, at_start: bool) -> bool:
    """A word before a name that is no part of it: lower-case (``брата Мурси``, ``34-летний ТиДжей``) or, at
    a sentence's start, an animate common noun or adjective pymorphy3 knows and never reads as a name
    (``Кронпринц Нарухито``, ``Сын А.Лукашенко``, ``Полковник Квачков``)."""
    from pipeline.entities.ru import parses_of

    if word.lower() in _NAME_PARTICLES or re.match(r"[а-яё]+-[А-ЯЁA-Z]", word):
        return False  # "де Голль", "аль-Асад"
    if not word[:1].isupper():
        return True
    if not at_start:
        return False  # mid-sentence a capital is the name's own (``Пан Ги Мун``, ``Доктора Лизу``, ``Ар Келли``)
    parses = parses_of(word)
    return bool(parses) and all(p.is_known and not any(t in p.tag for t in _PERSON_TAGS) for p in parses) \
        and any(p.tag.POS in ("NOUN", "ADJF") and "anim" in p.tag for p in parses)


def person_titles(text: str, spans: list[Span]) -> list[Span]:
    """A person's name starts after the title, kinship or description before it, as NEREL writes it
    (``Император Акихито`` -> ``Акихито``, ``Сын А.Лукашенко`` -> ``А.Лукашенко``; NEREL tags the title
    as a PROFESSION of its own, which we do not keep)."""
    out = []
    for sp in spans:
        if sp.label == "PER":
            s = sp.start
            while True:
                first = re.match(r"\S+", text[s:sp.end])
                rest = text[s + first.end():sp.end] if first else ""
                at_start = not text[max(0, s - 3):s].strip() or bool(_SENTENCE_END.search(text, max(0, s - 3), s))
                if not first or not rest.strip() or not _role_word(first.group(0), at_start):
                    break
                s += first.end() + (len(rest) - len(rest.lstrip()))
            sp = Span(s, sp.end, sp.label, sp.score)
        out.append(sp)
    return out
