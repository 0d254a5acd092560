"""Model-free tests of pipeline.ner.docrules (document-level name extension)."""

from __future__ import annotations

from pipeline.ner.base import Span
from pipeline.ner.docrules import extend_repeated_names
from pipeline.ner.rules import NO_RULES


def _spans_of(text: str, word: str, label: str = "ORG") -> list[Span]:
    out, pos = [], 0
    while (i := text.find(word, pos)) != -1:
        out.append(Span(i, i + len(word), label))
        pos = i + len(word)
    return out


def test_repeated_continuation_extends_org() -> None:
    text = ("بسیج جامعه پزشکی در سال 74 تشکیل شد .\n\nشورای بسیج جامعه پزشکی و بسیج جامعه پزشکی استان ، "
            "فرهنگ بسیج در کشور")
    spans = _spans_of(text, "بسیج")
    got = [text[s.start:s.end] for s in extend_repeated_names(text, spans, "fa")]
    assert got == ["بسیج جامعه پزشکی"] * 3 + ["بسیج"]


def test_org_ending_inside_a_repeated_name_takes_in_its_rest() -> None:
    """`شورای مرکزی بسیج` (the model's cut) + `جامعه پزشکی`: the council of the repeated organisation, one name."""
    text = ("بسیج جامعه پزشکی تشکیل شد . بسیج جامعه پزشکی فعال است . "
            "شورای مرکزی بسیج جامعه پزشکی همراه بود . بسیج جامعه پزشکی رشد کرد .")
    council = text.index("شورای مرکزی")
    spans = [s for s in _spans_of(text, "بسیج") if s.start != council + len("شورای مرکزی ")]
    spans.append(Span(council, council + len("شورای مرکزی بسیج"), "ORG"))
    got = sorted(text[s.start:s.end] for s in extend_repeated_names(text, spans, "fa"))
    assert got == sorted(["بسیج جامعه پزشکی"] * 3 + ["شورای مرکزی بسیج جامعه پزشکی"])


def test_no_extension_without_enough_repeats_or_into_stopwords() -> None:
    text = "Bakı Dövlət Universiteti və Bakı şəhəri. Bakı və Gəncə. Bakı və Şəki."
    spans = [Span(0, 4, "ORG")]
    assert extend_repeated_names(text, spans, "az") == spans  # "və" is a stopword; others differ
    assert NO_RULES.on_document(text, spans, "en") == spans
