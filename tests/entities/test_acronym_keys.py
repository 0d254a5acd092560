"""Acronyms read by their letters share a cross-language id (pipeline/entities/acronym_keys.py)."""
from __future__ import annotations

import pytest

from pipeline.entities.translit import latin_key, xlang_id


def _id(name: str, lang: str) -> str | None:
    return xlang_id(name, "ORG", lang)


@pytest.mark.parametrize("names", [
    [("BBC", "en"), ("BBC", "az"), ("Би-би-си", "ru"), ("Би-Би-Си", "ru"), ("بی‌بی‌سی", "fa"), ("BBC", "ru")],
    [("CNN", "en"), ("Си-эн-эн", "ru"), ("سی‌ان‌ان", "fa")],
    [("FBI", "en"), ("اف‌بی‌آی", "fa")],
    [("BMW", "en"), ("BMW", "az"), ("БМВ", "ru"), ("Би-эм-дабл-ю", "ru"), ("بی‌ام‌و", "fa")],
    [("KGB", "en"), ("КГБ", "ru")],
    [("HBO", "en"), ("اچ‌بی‌او", "fa")],
])
def test_one_acronym_one_id_in_every_script(names):
    ids = {_id(n, lang) for n, lang in names}
    assert len(ids) == 1 and None not in ids, names


def test_different_letters_stay_apart():
    assert _id("ECM", "en") != _id("ACM", "az")    # E and A are not one letter
    assert _id("FBI", "en") != _id("ФБР", "ru")    # a translated acronym is another acronym
    assert _id("CNN", "en") != _id("NBC", "en")


def test_what_is_not_an_acronym_read_by_letters():
    assert latin_key("NATO", "ORG", "en") == latin_key("НАТО", "ORG", "ru") == latin_key("ناتو", "ORG", "fa")
    assert not latin_key("NATO", "ORG", "en").startswith("acr ")     # four letters: read as a word
    assert latin_key("ABŞ", "ORG", "az") is None                     # letters English acronyms lack
    assert latin_key("بی", "ORG", "fa") is None                      # one letter name is a word ("without")
    assert latin_key("ای‌بی‌سی", "ORG", "fa") != latin_key("ABC", "ORG", "en")  # ای is A or E: not read
    assert xlang_id("BBC", "PER", "en") is None                      # organisations only
    assert latin_key("BBC World", "ORG", "en") is None              # one-word names only, as before
