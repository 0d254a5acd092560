from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.segment import segment


def test_heading_and_body_are_separate():
    text = "= National Center of Oncology =\n\nThe center was founded in Baku.\nIt grew."
    segs = [text[s:e] for s, e in segment(text)]
    assert segs[0] == "= National Center of Oncology ="
    assert segs[1:] == ["The center was founded in Baku.", "It grew."]  # one sentence per line: two items


def test_hard_wrapped_prose_stays_one_segment_and_lines_stay_apart() -> None:
    import textwrap

    para = ("The Azerbaijan National Center of Oncology is a scientific research institution that investigates "
            "oncological diseases and specializes in oncologic treatment. The National Center of Oncology has been "
            "led by Jamil Aliyev since 1990.")
    wrapped = "\n".join(textwrap.wrap(para, 70))
    assert [wrapped[s:e] for s, e in segment(wrapped)] == [wrapped]
    items = "Azerbaijan National Center\nBaku State University\nJamil Aliyev, director"
    assert [items[s:e] for s, e in segment(items)] == items.split("\n")
    fa = "\n".join(["بسیج جامعه پزشکی در سال ۱۳۷۰ در تهران تشکیل شد و فعالیت خود را آغاز کرد و ادامه"] * 3)
    assert len(segment(fa)) == 3  # Persian lines are never joined


def test_bullets_split_without_blank_lines():
    text = "• Главная\n  • Новости\nБелорусско-оманский форум"
    segs = [text[s:e] for s, e in segment(text)]
    assert segs == ["• Главная", "• Новости", "Белорусско-оманский форум"]


def test_long_text_without_spaces_is_cut():
    text = "x" * 12000
    segs = segment(text)
    assert all(e - s <= 5000 for s, e in segs)
    assert segs[0][0] == 0 and segs[-1][1] == 12000


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_segments_ordered_stripped_in_bounds(text):
    prev = 0
    for s, e in segment(text):
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
