from collections import Counter

import pytest

from pipeline.langid.scripts import (CYRILLIC, LATIN, ARABIC, foreign_letters, letter_loglik, profile,
                                     script_of)


@pytest.mark.parametrize("ch,script", [("a", LATIN), ("ə", LATIN), ("ж", CYRILLIC), ("ک", ARABIC),
                                       ("α", "Grek"), ("1", None), (" ", None)])
def test_script_of(ch, script):
    assert script_of(ch) == script


def test_profile_picks_dominant_script_and_drops_urls_and_digits():
    prof = profile("Bakı şəhərində 2024-cü ildə https://example.com/путь конференция keçirildi")
    assert prof.script == LATIN
    assert prof.words == ("Bakı", "şəhərində", "cü", "ildə", "keçirildi")
    assert "п" not in prof.letters


def test_capitalised_foreign_words_count_half():
    # Cyrillic prose with Latin names: the Latin names must not win.
    prof = profile("Fallingwater, органска архитектура од Frank Lloyd Wright.")
    assert prof.script == CYRILLIC


def test_homoglyphs_are_mapped_to_the_dominant_script():
    prof = profile("Bu tаrаzlığı yаrаdаn qiymət оldu")  # Cyrillic а/о inside Azerbaijani words
    assert prof.script == LATIN
    assert prof.words[1] == "tarazlığı"
    assert all(script_of(ch) == LATIN for ch in prof.letters)


def test_cyrillic_schwa_and_stress_marks_are_normalised():
    assert "ə" in profile("Deyib çox mәzhәkә").letters          # U+04D9 -> U+0259
    assert profile("Ударе́ние").words == ("Ударение",)           # combining acute dropped
    assert profile("Bu qədìm sualı").words[1] == "qədim"


def test_foreign_letters_counts_letters_outside_an_alphabet():
    letters = profile("Привіт, як справи?").letters
    assert foreign_letters(letters, "ru") == 1     # і
    assert foreign_letters(letters, "uk") == 0


def test_letter_loglik_penalises_missing_markers_and_foreign_letters():
    letters = Counter(profile("Это очень длинное русское предложение без украинских букв вообще").letters)
    ll = letter_loglik(letters, ("ru", "uk", "bg"))
    assert ll["ru"] > ll["uk"] and ll["ru"] > ll["bg"]   # ы/э absent from uk and bg alphabets


def test_empty_profile():
    prof = profile("  12 345 — !!")
    assert prof.script is None and prof.n_letters == 0
