"""Seed mentions (surface forms as they appear in corpus/ seeds): which share an entity key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.entities import EntityCanonicalizer, canonicalize, entity_id, entity_key

# (lang, label, groups): every surface in a group must share one key; different groups must not.
SEED_GROUPS = [
    ("az", "ORG", [["Azərbaycan Onkoloqlar Cəmiyyəti", "Azərbaycan Onkoloqlar Cəmiyyətinin"]]),
    ("az", "PER", [["Cəmil Əliyevin", "Cəmil Əliyev"]]),
    ("ru", "PER", [["Красного С.А.", "С.А. Красного", "С.А.\u00a0Красного"], ["Богданова А.И."], ["Хилялем бин Али Аль Сабти"]]),
    ("ru", "LOC", [["Республики Беларусь", "Республику Беларусь", "Республике Беларусь", "Беларусь"], ["Султанате Оман", "Султаната Оман", "Омана"], ["Маскад"]]),
    ("ru", "ORG", [["НАН Беларуси"], ["Республиканский научно-практический центр онкологии и медицинской радиологии им. Н.Н.Александрова"]]),
    ("en", "ORG", [["the National Center of Oncology", "National Center of Oncology"], ["Ministry of Health"], ["Heydar Aliyev Foundation"], ["Belgian Health Fund"]]),
    ("en", "PER", [["Jamil Aliyev"], ["Mehriban Aliyeva"], ["R. N. Rahimov"]]),
    ("en", "LOC", [["Azerbaijan"], ["Turkey"], ["Israel"]]),
    ("fa", "ORG", [["بسیج جامعه پزشکی", "بسيج جامعه پزشكي"], ["شورای مرکزی بسیج جامعه پزشکی"]]),
    ("fa", "LOC", [["ایران", "ايران", "جمهوری اسلامی ایران"]]),
]


def _key(surface: str, label: str, lang: str) -> str:
    return entity_key(canonicalize(surface, label, lang), label, lang)


@pytest.mark.parametrize("lang,label,groups", SEED_GROUPS, ids=[f"{g[0]}-{g[1]}" for g in SEED_GROUPS])
def test_seed_groups_share_keys(lang: str, label: str, groups: list[list[str]]) -> None:
    keys = [{_key(s, label, lang) for s in group} for group in groups]
    for group, ks in zip(groups, keys):
        assert len(ks) == 1, (group, ks)  # no split variants
    flat = [next(iter(ks)) for ks in keys]
    assert len(set(flat)) == len(flat), flat  # no merged distinct entities


def _doc_mentions(text: str, wanted: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """Every occurrence of each hand-listed surface (any whitespace between words)."""
    out = []
    for surface, label in wanted:
        pattern = r"\s+".join(re.escape(w) for w in surface.split())
        for m in re.finditer(pattern, text):
            out.append((m.start(), m.end(), label, m.group()))
    return sorted(out)


def _ids_by_surface(seeds_dir: Path, name: str, lang: str, wanted: list[tuple[str, str]]) -> dict[str, set[str]]:
    path = seeds_dir / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    text = path.read_text(encoding="utf-8")
    mentions = _doc_mentions(text, wanted)
    rows = EntityCanonicalizer().canonicalize_document(text, lang, mentions)
    out: dict[str, set[str]] = {}
    for (_, _, _, surface), (_, _, eid) in zip(mentions, rows):
        out.setdefault(re.sub(r"\s+", " ", surface), set()).add(eid)
    for s, _ in wanted:
        assert s in out, f"{s!r} not found in {name}"
    return out


def test_az_seed_acronym_links_to_long_form(seeds_dir: Path) -> None:
    wanted = [("Azərbaycan Onkoloqlar Cəmiyyəti", "ORG"), ("Azərbaycan Onkoloqlar Cəmiyyətinin", "ORG"), ("AOC-un", "ORG"), ("Cəmil Əliyevin", "PER")]
    ids = _ids_by_surface(seeds_dir, "000_06061c9ebb900fde.txt", "az", wanted)
    org = ids["Azərbaycan Onkoloqlar Cəmiyyəti"] | ids["Azərbaycan Onkoloqlar Cəmiyyətinin"] | ids["AOC-un"]
    assert len(org) == 1
    assert ids["Cəmil Əliyevin"] == {entity_id("cəmil əliyev", "PER", "az")}


def test_en_seed_acronyms(seeds_dir: Path) -> None:
    wanted = [
        ("National Center of Oncology", "ORG"), ("NCO", "ORG"),
        ("Azerbaijani Scientific Research Institute of Roentgen Radiology", "ORG"), ("SRIRR", "ORG"),
        ("Scientific Research Institute of Roentgenology, Radiology, and Oncology", "ORG"), ("SRIRRO", "ORG"),
        ("Republican Ontological Scientific Center", "ORG"), ("ROSC", "ORG"),
    ]
    ids = _ids_by_surface(seeds_dir, "001_eae644f9b0cb8116.txt", "en", wanted)
    pairs = [("National Center of Oncology", "NCO"), ("Azerbaijani Scientific Research Institute of Roentgen Radiology", "SRIRR"),
             ("Scientific Research Institute of Roentgenology, Radiology, and Oncology", "SRIRRO"), ("Republican Ontological Scientific Center", "ROSC")]
    seen = set()
    for long_form, acr in pairs:
        assert ids[long_form] == ids[acr] and len(ids[acr]) == 1, (long_form, acr)
        seen |= ids[acr]
    assert len(seen) == 4  # SRIRR and SRIRRO stay distinct


def test_ru_seed_people_places_and_acronym(seeds_dir: Path) -> None:
    wanted = [
        ("Красного С.А.", "PER"), ("С.А. Красного", "PER"), ("Богданова А.И.", "PER"),
        ("Республики Беларусь", "LOC"), ("Республику Беларусь", "LOC"), ("Беларусь", "LOC"),
        ("Республиканский научно-практический центр онкологии и медицинской радиологии им. Н.Н.Александрова", "ORG"),
        ("РНПЦ ОМР им. Н.Н. Александрова", "ORG"),
    ]
    ids = _ids_by_surface(seeds_dir, "002_5a64a4d3f26ddb38.txt", "ru", wanted)
    assert ids["Красного С.А."] == ids["С.А. Красного"] and len(ids["С.А. Красного"]) == 1
    assert ids["Красного С.А."] != ids["Богданова А.И."]
    assert ids["Республики Беларусь"] == ids["Республику Беларусь"] == ids["Беларусь"]
    long_form = "Республиканский научно-практический центр онкологии и медицинской радиологии им. Н.Н.Александрова"
    assert ids[long_form] == ids["РНПЦ ОМР им. Н.Н. Александрова"]


def test_fa_seed_org_and_country(seeds_dir: Path) -> None:
    wanted = [("بسیج جامعه پزشکی", "ORG"), ("جمهوری اسلامی ایران", "LOC")]
    ids = _ids_by_surface(seeds_dir, "003_6a43b78325f67bf8.txt", "fa", wanted)
    assert len(ids["بسیج جامعه پزشکی"]) == 1
    assert ids["جمهوری اسلامی ایران"] == {entity_id(_key("ایران", "LOC", "fa"), "LOC", "fa")}
