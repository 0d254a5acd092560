"""documents.lang on whole documents, through the segmentation and language-ID steps of `lingflow run`."""
import pytest

from pipeline.langid.features import FEATURES, LINGUA_MAX_WORDS
from pipeline.langid.identifier import _combiner
from pipeline.langid.scripts import profile
from pipeline.steps import Pipeline, annotate_texts, text_steps

RU = ("Вчера в Москве прошло заседание правительства, на котором обсуждали новый бюджет страны. "
      "Министр финансов рассказал журналистам о росте доходов и о планах на следующий год. "
      "Депутаты попросили увеличить расходы на больницы, школы и дороги в небольших городах. ")

NAMES_EN = """Harbour Street Station ( closed )
Marta Kowalczyk ( 1961 )
Qaraqaşlı , Ağdaş
Bridgeport Public Library
Composed by Dave Brubeck with words by Iola Brubeck .
Gerhard Schöne , 1998
Jürgen Klinsmann ( 2004–2006 )
It was founded in the town of Dunmore in 1874 ."""

KK_LINES = """Қазақстан Республикасының астанасы Астана қаласы болып табылады.
Алматы облысының әкімі жаңа мектептің ашылуына қатысты.
Ақтөбе , Қарағанды , Шымкент
Нұрсұлтан Назарбаев ( 1990–2019 )"""


@pytest.fixture(scope="module")
def langid_steps():
    return Pipeline(text_steps()[:2], given={"text"})


def _doc(pipe, text):
    return annotate_texts([text], ["doc.txt"], pipeline=pipe)[0]


def test_marker_evidence_does_not_grow_with_the_document(ident):
    """The combiner was trained on lines: evidence from the letters a language lacks counts the
    words the other features read, so 2,000 characters weigh as much as 400 (they had made whole
    Russian news documents Kazakh)."""
    comb = _combiner(ident.model_dir)
    col = FEATURES.index("marker_C")

    def marker(text):
        prof = profile(text, ident.max_words)
        cands = comb.extractor.candidates(prof)
        ev = comb.extractor.evidence(prof, cands)
        return dict(zip(cands, ev.matrix[:, col]))

    short, long = marker(RU * 3), marker(RU * 12)
    assert len(profile(RU * 12, ident.max_words).words) > 2 * LINGUA_MAX_WORDS
    assert short["kk"] < 0
    assert long["kk"] == pytest.approx(short["kk"])


@pytest.mark.parametrize("repeat", [1, 4, 12, 40])
def test_russian_stays_russian_at_every_length(langid_steps, repeat):
    doc = _doc(langid_steps, "\n\n".join([RU] * repeat))
    assert doc.lang == "ru"
    assert {lang for _s, _e, lang in doc.lang_spans} == {"ru"}


def test_a_list_of_names_gets_the_language_of_its_lines(langid_steps):
    """Detected whole, a list of foreign names reads as no language; its lines say English."""
    doc = _doc(langid_steps, NAMES_EN)
    assert doc.lang == "en"
    assert 0.5 < doc.lang_confidence <= 1.0


def test_a_lookalike_list_is_not_given_a_target_language(langid_steps):
    assert _doc(langid_steps, KK_LINES).lang == "kk"


def test_mixed_document_keeps_its_stretches(langid_steps):
    az = "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir və orada iki milyondan çox insan yaşayır."
    text = "\n\n".join([RU, az, RU])
    doc = _doc(langid_steps, text)
    assert doc.lang == "ru"
    assert [lang for _s, _e, lang in doc.lang_spans] == ["ru", "az", "ru"]


def test_every_dev_document_gets_its_language(shared_data):
    """Whole documents of every NER dev set and documents of 10 and 100 langid sentences,
    look-alikes included (`lingflow eval langid --documents` prints the full table)."""
    from pipeline.evaluation.langid_documents import evaluate_documents

    rows = evaluate_documents(shared_data, lengths=(10, 100), per_length=10)
    low = [r for r in rows if r["right %"] < 99.5]
    assert not low, low
