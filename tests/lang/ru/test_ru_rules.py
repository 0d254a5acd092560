"""Model-free tests of the Russian line rules (pipeline/lang/ru/rules.py)."""

from __future__ import annotations

import pytest

from pipeline.lang.ru.rules import fix_spans
from pipeline.ner.base import Span


@pytest.mark.parametrize("text,span,expected", [
    ("в 2006—2011 годах он жил", (2, 11, "DATE"), "2006—2011 годах"),
    ("случилось 11 сентября 2001г. утром", (10, 28, "DATE"), "11 сентября 2001г"),
    ("в газете «Известия» сообщили", (9, 19, "ORG"), "Известия"),
    ("канал РГТРК «Останкино» сообщил", (6, 23, "ORG"), "РГТРК «Останкино»"),
    ("театра им. В. М. Шукшина.", (11, 24, "PER"), "В. М. Шукшина"),
])
def test_ru_fix_spans_boundaries(text: str, span: tuple[int, int, str], expected: str) -> None:
    (out,) = fix_spans(text, [Span(*span)])
    assert text[out.start:out.end] == expected


def test_ru_fix_spans_drops_long_numbers_and_merges_inverted_names() -> None:
    assert fix_spans("тел. 2609571", [Span(5, 12, "DATE")]) == []
    text = "Нагибин , Владимир Владимирович"
    assert fix_spans(text, [Span(0, 7, "PER"), Span(10, 31, "PER")]) == [Span(0, 31, "PER")]
    news = "Иванов , Петров и Сидоров пришли"
    assert len(fix_spans(news, [Span(0, 6, "PER"), Span(9, 15, "PER")])) == 2


@pytest.mark.parametrize("text,expected", [
    ("в столице Султаната Оман г. Маскад.", ["Маскад"]),
    ("родился в городе Пермь-Сортировочная", ["Пермь-Сортировочная"]),
    ("жители пос. Восточный и села Бор", ["Восточный", "Бор"]),
    ("в 2005 г. Этот проект закрыли", []),          # "г." after a number is the year
    ("это было в 1990 г.\nНовая глава", []),
])
def test_ru_settlement_type_marks_the_next_word_a_place(text: str, expected: list[str]) -> None:
    from pipeline.lang.ru.rules import add_settlements

    assert [text[s.start:s.end] for s in add_settlements(text, []) if s.label == "LOC"] == expected


def test_ru_settlement_rule_keeps_existing_spans() -> None:
    from pipeline.lang.ru.rules import add_settlements

    text = "в г. Москва прошла встреча"
    existing = [Span(5, 11, "ORG")]
    assert add_settlements(text, existing) == existing


def _found(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``fix_spans`` over spans given as (surface, label), each at its first occurrence."""
    given = [Span(text.index(w), text.index(w) + len(w), lab) for w, lab in spans]
    return [(text[s.start:s.end], s.label) for s in fix_spans(text, given)]


@pytest.mark.parametrize("text,spans,expected", [
    # a unit's number belongs to the name
    ("встретились с войсками 1-й армии США.", [("армии США", "ORG")], [("1-й армии США", "ORG")]),
    ("в составе 2-й гвардейской армии", [("гвардейской армии", "ORG")], [("2-й гвардейской армии", "ORG")]),
    # a quote opened inside the name closes inside it; the outer quotes of a bare name stay out
    ('в компании ООО "МНКТ". Приказ', [('ООО "МНКТ"', "ORG")], [('ООО "МНКТ"', "ORG")]),
    ("председатель Совета директоров «Башинформа» сказал", [("Совета директоров «Башинформа", "ORG")],
     [("Совета директоров «Башинформа»", "ORG")]),
    ("в газете «Известия» сообщили", [("«Известия»", "ORG")], [("Известия", "ORG")]),
    # "Name, ACR" is two names; acronyms and Latin names in brackets after an ORG are ORG
    ("больницу (King’s College London, KCL), тест", [("King’s College London, KCL", "ORG")],
     [("King’s College London", "ORG"), ("KCL", "ORG")]),
    ("агентство ВАДА (WADA) сообщило", [("ВАДА", "ORG")], [("ВАДА", "ORG"), ("WADA", "ORG")]),
    ('партия "Объединение за Мали" (Rassemblement pour le Mali, RPM), которой',
     [("Объединение за Мали", "ORG")],
     [("Объединение за Мали", "ORG"), ("Rassemblement pour le Mali", "ORG"), ("RPM", "ORG")]),
    ("в клинике Шарите (Берлин) лечили", [("Шарите", "ORG"), ("Берлин", "LOC")],
     [("Шарите", "ORG"), ("Берлин", "LOC")]),
    ("компания Apple (2007 год) выпустила", [("Apple", "ORG")], [("Apple", "ORG")]),
    # a place adjective before an institution noun is one organisation
    ("для чего японским парламентом принят закон", [("японским", "LOC"), ("парламентом", "ORG")],
     [("японским парламентом", "ORG")]),
    ("Из мордовской колонии освобождён", [("мордовской", "LOC")], [("мордовской колонии", "ORG")]),
    ("В советских войсках дошёл до Праги", [("советских", "LOC")], [("советских войсках", "ORG")]),
    ("глава белорусского государства", [("белорусского", "LOC")], [("белорусского", "LOC")]),
    ("в нескольких европейских университетах", [("европейских", "LOC")], [("европейских", "LOC")]),
    ("Московской области суд решил", [("Московской", "LOC")], [("Московской", "LOC")]),
    # an institution noun before the place it belongs to is one organisation; before a person it is not
    ("Толедо сбежал в США, власти Перу добиваются", [("США", "LOC"), ("Перу", "LOC")],
     [("США", "LOC"), ("власти Перу", "ORG")]),
    ("работал в посольствах Японии в Лаосе", [("Японии", "LOC"), ("Лаосе", "LOC")],
     [("посольствах Японии", "ORG"), ("Лаосе", "LOC")]),
    ("Правительство России решило", [("России", "LOC")], [("Правительство России", "ORG")]),
    ("сотрудники администрации Трампа", [("Трампа", "PER")], [("Трампа", "PER")]),
    ("в правительстве, России нет", [("России", "LOC")], [("России", "LOC")]),
    # a word compounded with an organisation stem is an organisation
    ("Ранее глава наблюдателей от Афросоюза заявил", [("Афросоюза", "LOC")], [("Афросоюза", "ORG")]),
    ("пошли к Мосгоризбиркому, где", [("Мосгоризбиркому", "LOC")], [("Мосгоризбиркому", "ORG")]),
    ("акции Роснефти выросли", [("Роснефти", "PER")], [("Роснефти", "ORG")]),
    ("Промышленный район и Союз", [("Промышленный", "LOC"), ("Союз", "LOC")],
     [("Промышленный", "LOC"), ("Союз", "LOC")]),
    # the title of a work, event, venue or brand is no name; a name inside a title is
    ("в кинотеатрах «Звезда», «Космос» и «Юность».", [("Звезда", "ORG"), ("Космос", "ORG"), ("Юность", "ORG")], []),
    ("в фильмах «Цирк», «Новые времена»", [("Цирк", "ORG")], []),
    ("в фильме «Спасти рядового Райана» снялся", [("Райана", "PER")], [("Райана", "PER")]),
    ("новый альбом группы «Кино» вышел", [("Кино", "ORG")], [("Кино", "ORG")]),
    ("под торговыми марками «Раундап», «Глифор»", [("Раундап", "ORG"), ("Глифор", "ORG")], []),
])
def test_ru_org_conventions_of_nerel(text: str, spans: list, expected: list) -> None:
    assert _found(text, spans) == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Кронпринц Нарухито прибыл в Токио.", "Кронпринц Нарухито", "Нарухито"),
    ("Сын А.Лукашенко взял нити силовых структур.", "Сын А.Лукашенко", "А.Лукашенко"),
    ("Господь утешит душу нашего брата Мурси.", "брата Мурси", "Мурси"),
    ("Был назначен 34-летний ТиДжей.", "34-летний ТиДжей", "ТиДжей"),
    ("Генсек ООН Пан Ги Мун заявил.", "Пан Ги Мун", "Пан Ги Мун"),  # mid-sentence: the name's own capital
    ("Фильм памяти Доктора Лизы вышел.", "Доктора Лизы", "Доктора Лизы"),
    ("Встреча с Шарлем де Голлем.", "де Голлем", "де Голлем"),
    ("Иван Петров приехал.", "Иван Петров", "Иван Петров"),
])
def test_ru_person_starts_after_its_title(text: str, name: str, expected: str) -> None:
    """rules.ru.v6: NEREL leaves titles, kinship and descriptions out of a PER span."""
    s = text.index(name)
    out = fix_spans(text, [Span(s, s + len(name), "PER")])
    assert [text[sp.start:sp.end] for sp in out if sp.label == "PER"] == [expected]


def test_ru_place_of_an_event_year() -> None:
    """rules.ru.v6: ``Сочи-2014`` names the place; NEREL marks ``Сочи`` (train: 6 of 6)."""
    text = "на Олимпиаде в Сочи-2014 выступили"
    s = text.index("Сочи")
    (out,) = fix_spans(text, [Span(s, s + 9, "LOC")])
    assert text[out.start:out.end] == "Сочи"
