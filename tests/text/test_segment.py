from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.segment import segment


def test_heading_and_body_are_separate():
    text = "= National Center of Oncology =\n\nThe center was founded in Baku.\nIt grew."
    segs = [text[s:e] for s, e in segment(text)]
    assert segs[0] == "= National Center of Oncology ="
    assert segs[1] == "The center was founded in Baku.\nIt grew."


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
