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

import sys
import zipfile
from collections import Counter
from pathlib import Path

from pipeline.entities.lexicon import form_key, load_forms, read_pairs
from pipeline.ner.lexfeatures import NONE, LexTable

HERE = Path(__file__).resolve().parent
PACKS = HERE.parent / "lang"
OUT = HERE / "resources"


def out_dir(lang: str) -> Path:
    return OUT / f"lexfeatures-{lang}"


def _table_words(path: Path, lang: str) -> set[str]:
    """The one-word names of a committed table's first column (a word of a longer name may be ``of``)."""
    return {form_key(name, lang) for name in read_pairs(path)
            if len(name.split()) == 1 and any(c.isalpha() for c in name)}


def _tesseract(lang: str, wheel: Path | None = None) -> tuple[dict[str, str], set[str]]:
    """Tesseract's word forms as committed (:func:`pipeline.entities.lexicon.load_forms`): ``P`` a proper noun,
    ``W`` any other form; no function-word list."""
    out = {}
    for line in load_forms(lang).data.decode("utf-8").splitlines():
        word, _, mark = line.partition("\t")
        out[word] = "P" if mark == "P" else "W"
    return out, set()


# corpus counts of hazm's lexicon -> class (quartiles of the 27,154 words with a count above 0)
_HAZM_BANDS = ((238_000, "W3"), (45_000, "W2"), (1, "W1"), (0, "W0"))


def _hazm_file(name: str, wheel: Path | None) -> str:
    if wheel is None:
        import hazm  # installed: read its data file

        return (Path(hazm.__file__).parent / "data" / name).read_text(encoding="utf-8")
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(f"hazm/data/{name}").decode("utf-8")


def _hazm(lang: str, wheel: Path | None = None) -> tuple[dict[str, str], set[str]]:
    """hazm's lexicon (``words.dat``) as count bands, and its function words (``stopwords.dat``)."""
    out: dict[str, str] = {}
    for line in _hazm_file("words.dat", wheel).splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[1].isdigit():
            out[form_key(cols[0], lang)] = next(c for floor, c in _HAZM_BANDS if int(cols[1]) >= floor)
    stop = {form_key(w, lang) for w in _hazm_file("stopwords.dat", wheel).split("\n") if w.strip()}
    return out, stop


BASES = {"az": _tesseract, "fa": _hazm}


def build(lang: str, wheel: Path | None = None) -> dict[str, str]:
    """``form key -> class`` of every listed word of ``lang``.

    Places: the one-word names of the curated table (ISO, CLDR, GeoNames by id), and the words of GeoNames'
    Arabic-script alternate names (``xlang_fa_places.tsv``: words of longer names among them) that are no
    function word and have 3 letters or more."""
    base, stop = BASES[lang](lang, wheel=wheel)
    data = PACKS / lang / "data"
    places = _table_words(data / "xlang_places.tsv", lang)
    places |= {w for w in _table_words(data / f"xlang_{lang}_places.tsv", lang) if w not in stop and len(w) >= 3}
    given = _table_words(data / f"xlang_{lang}_given_names.tsv", lang)
    out: dict[str, str] = {}
    for key in set(base) | places | given:
        marks = [m for m in (base.get(key, ""), "L" if key in places else "", "N" if key in given else "") if m]
        out[key] = "lex:" + "-".join(marks) if marks else NONE
    return out


def main(argv: list[str]) -> None:
    langs = [a for a in argv if not a.startswith("--")]
    wheel = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--hazm-wheel=")), None)
    for lang in langs or sorted(BASES):
        mapping = build(lang, wheel=wheel)
        LexTable.from_mapping(mapping).save(out_dir(lang))
        print(lang, len(mapping), "words ->", out_dir(lang), dict(Counter(mapping.values()).most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
