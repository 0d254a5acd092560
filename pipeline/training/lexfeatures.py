"""Build the word-list feature tables of the NER taggers (:mod:`pipeline.ner.lexfeatures`).

    python -m pipeline.training.lexfeatures az fa   # -> pipeline/training/resources/lexfeatures-<lang>/

Every source is a list that ships with a package, never the NER training data (a list built from the
training labels would tell the tagger the answer during training and nothing at run time):

- az: the word forms of Debian's ``tesseract-ocr-aze`` word list (Apache-2.0), as committed in
  ``pipeline/entities/data/az_forms.txt.gz``: ``P`` a form seen only capitalised (a proper noun, with its
  case endings), ``W`` any other form;
- fa: hazm's Persian lexicon (``hazm/data/words.dat``, MIT; ``pip download --no-deps hazm==0.10.0``):
  a word's corpus count as a frequency class (``W0`` .. ``W3``);
- both: the language's one-word place names (``pipeline/lang/<lang>/data/xlang_places.tsv``: ISO 3166,
  CLDR and GeoNames, see :mod:`pipeline.training.xlang_places`) as ``L``; fa also the words of GeoNames'
  Arabic-script city names (``xlang_fa_places.tsv``) that are not frequent words, as ``L``, and the Iranian
  given names of ``persian-names`` (``xlang_fa_given_names.tsv``, MIT) as ``N``.

A word's class joins its marks (``lex:P-L``); a word in no list is ``lex:-``.
"""

from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path
from typing import Callable

from pipeline.entities.lexicon import DATA_DIR as ENTITY_DATA, form_key
from pipeline.ner.lexfeatures import NONE, LexTable

HERE = Path(__file__).resolve().parent
PACKS = HERE.parent / "lang"
OUT = HERE / "resources"


def out_dir(lang: str) -> Path:
    return OUT / f"lexfeatures-{lang}"


def _table_words(path: Path, lang: str) -> set[str]:
    """The names of a table's first column that are one word (a word of a longer name may be ``of``)."""
    words: set[str] = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            name = line.split("\t")[0].strip()
            if name and not line.startswith("#") and len(name.split()) == 1 and any(c.isalpha() for c in name):
                words.add(form_key(name, lang))
    return words


def _forms(lang: str) -> dict[str, str]:
    """Tesseract word forms: ``P`` proper noun, ``W`` other."""
    out: dict[str, str] = {}
    with gzip.open(ENTITY_DATA / f"{lang}_forms.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, _, mark = line.rstrip("\n").partition("\t")
            out[word] = "P" if mark == "P" else "W"
    return out


# corpus counts of hazm's lexicon -> class (quartiles of the 27,154 words with a count above 0)
_HAZM_BANDS = ((238_000, "W3"), (45_000, "W2"), (1, "W1"), (0, "W0"))


def _hazm_file(name: str, wheel: Path | None) -> str:
    if wheel is None:
        import hazm  # installed: read its data file

        return (Path(hazm.__file__).parent / "data" / name).read_text(encoding="utf-8")
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(f"hazm/data/{name}").decode("utf-8")


def _stopwords(lang: str, wheel: Path | None = None) -> set[str]:
    """hazm's Persian function words (``stopwords.dat``)."""
    return {form_key(w, lang) for w in _hazm_file("stopwords.dat", wheel).split("\n") if w.strip()}


def _hazm(lang: str, wheel: Path | None = None) -> dict[str, str]:
    text = _hazm_file("words.dat", wheel)
    out: dict[str, str] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].isdigit():
            continue
        count = int(cols[1])
        key = form_key(cols[0], lang)
        out[key] = next(c for floor, c in _HAZM_BANDS if count >= floor)
    return out


def _places(lang: str, stop: set[str]) -> set[str]:
    """One-word place names of the curated table (ISO, CLDR, GeoNames by id), and the words of GeoNames'
    Arabic-script alternate names (``xlang_fa_places.tsv``: words of longer names among them), but no
    function word (``stop``) and no word of fewer than 3 letters."""
    words = _table_words(PACKS / lang / "data" / "xlang_places.tsv", lang)
    words |= {w for w in _table_words(PACKS / lang / "data" / f"xlang_{lang}_places.tsv", lang)
              if w not in stop and len(w) >= 3}
    return words


def _given(lang: str) -> set[str]:
    return _table_words(PACKS / lang / "data" / f"xlang_{lang}_given_names.tsv", lang)


BASES: dict[str, Callable[..., dict[str, str]]] = {"az": lambda lang, **_: _forms(lang), "fa": _hazm}
STOPS: dict[str, Callable[..., set[str]]] = {"fa": _stopwords}


def build(lang: str, **kw: object) -> dict[str, str]:
    """``form key -> class`` of every listed word of ``lang``."""
    base = BASES[lang](lang, **kw)
    places, given = _places(lang, STOPS.get(lang, lambda lang, **_: set())(lang, **kw)), _given(lang)
    out: dict[str, str] = {}
    for key in set(base) | places | given:
        marks = [base.get(key, "")] + (["L"] if key in places else []) + (["N"] if key in given else [])
        out[key] = "lex:" + "-".join(m for m in marks if m) if any(marks) else NONE
    return out


def main(argv: list[str]) -> None:
    langs = [a for a in argv if not a.startswith("--")]
    wheel = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--hazm-wheel=")), None)
    for lang in langs or sorted(BASES):
        mapping = build(lang, wheel=wheel)
        table = LexTable.from_mapping(mapping)
        table.save(out_dir(lang))
        counts: dict[str, int] = {}
        for c in mapping.values():
            counts[c] = counts.get(c, 0) + 1
        print(lang, len(mapping), "words ->", out_dir(lang), dict(sorted(counts.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main(sys.argv[1:])
