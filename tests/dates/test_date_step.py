"""The date step's merge of model DATE spans with the date grammar's spans (pipeline/steps/dates.py)."""

from __future__ import annotations

from pipeline.document import Document, Mention
from pipeline.steps.dates import DateStep


def _doc(text: str, lang: str, model_spans: list[str]) -> Document:
    doc = Document(doc_id="d", path="d.txt", abs_path="/d.txt", text=text, lang=lang,
                   lang_spans=[(0, len(text), lang)], segments=[(0, len(text))])
    pos = 0
    for surface in model_spans:
        i = text.index(surface, pos)
        doc.mentions.append(Mention(i, i + len(surface), "DATE", surface, "ner.test.v1"))
        pos = i + len(surface)
    return doc


def test_no_date_is_only_a_preposition() -> None:
    """The fa model tags a lone ``در`` ("in") or ``از`` before a date as a date of its own (Text-Mining's gold
    does); it reads as no date, and takes no value from the grammar's span that runs over it."""
    text = "در سال ۱۳۷۲ و از ۱۳۸۰ تا ۱۳۸۵ در تهران"
    doc = _doc(text, "fa", ["در", "سال ۱۳۷۲", "از", "۱۳۸۰ تا ۱۳۸۵"])
    DateStep().process(doc)
    dates = [m.text for m in doc.mentions if m.label == "DATE"]
    assert "در" not in dates and "از" not in dates
    assert "سال ۱۳۷۲" in dates and "۱۳۸۰ تا ۱۳۸۵" in dates
    assert all(m.normalized for m in doc.mentions if m.label == "DATE")


def test_one_grammar_date_gives_one_mention() -> None:
    """``۲۰۰۵ ( میلادی )``: a model span that only overlaps the grammar's date is no second mention of it."""
    text = "در سال ۲۰۰۵ ( میلادی ) ساخته شد"
    doc = _doc(text, "fa", ["سال ۲۰۰۵", "میلادی"])
    DateStep().process(doc)
    dates = [(m.text, m.normalized) for m in doc.mentions if m.label == "DATE"]
    assert len(dates) == 1 and dates[0][1] == "2005", dates


def test_a_name_that_holds_a_date_is_one_mention() -> None:
    """``2015 Avropa Oyunlarında``: the outermost mention wins, as NEREL writes it; a date that only overlaps
    a name, or stands beside it, still wins or stays."""
    text = "O, 2015 Avropa Oyunlarında çıxış etdi. 2016-cı ildə Bakıda yarışdı."
    doc = _doc(text, "az", [])
    s = text.index("2015")
    doc.mentions.append(Mention(s, s + len("2015 Avropa Oyunlarında"), "ORG", "2015 Avropa Oyunlarında", "ner.test.v1"))
    b = text.index("Bakıda")
    doc.mentions.append(Mention(b, b + 6, "LOC", "Bakıda", "ner.test.v1"))
    DateStep().process(doc)
    got = {(m.text, m.label) for m in doc.mentions}
    assert ("2015 Avropa Oyunlarında", "ORG") in got and ("Bakıda", "LOC") in got
    assert not any(m.label == "DATE" and m.start >= s and m.end <= s + 23 for m in doc.mentions)
    assert any(m.label == "DATE" and m.normalized == "2016" for m in doc.mentions)
