"""Build ``pipeline/entities/data/<lang>_forms.txt.gz``: the word forms of running text in a language, from the
word list of Debian's tesseract model for it (``az``: ``tesseract-ocr-aze``, ``ru``: ``tesseract-ocr-rus``).

Maintenance only (the runtime reads the tables): ``apt-get install tesseract-ocr tesseract-ocr-aze
tesseract-ocr-rus; python -m pipeline.training.word_forms az ru``.

The word graph of a tesseract model (tessdata_fast, (C) Google Inc., Apache-2.0) decodes to about 300k word
forms, names with their case endings among them (``Yeltsin``, ``Yeltsinin``, ``Yeltsinlə``; ``Мандела``,
``Манделы``). A table holds each alphabetic form once, lower-cased the language's way (``ё`` as ``е``) and
sorted by its UTF-8 bytes, marked ``P`` when it was seen only capitalised (a proper noun). The canonical
names ask it whether a stem is a word at all: ``Yeltsin`` is not ``Yelts`` + genitive (no form ``yelts``),
``Роналду`` is no case of ``Роналда`` (no text has that).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from pipeline.entities.lexicon import form_key as fold
from pipeline.text.normalize import lower, normalize
from pipeline.training.vectors import tesseract_words

DATA = Path(__file__).resolve().parents[1] / "entities" / "data"
TESSERACT = {"az": "aze", "ru": "rus"}
_FORM = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")


def forms(words: list[str], lang: str) -> list[str]:
    """Alphabetic forms (letters, inner hyphens and apostrophes), folded, each once, in byte order; a form
    seen only capitalised (a proper noun: ``reyqan``, not ``makro``) as ``form<TAB>P``."""
    plain = [normalize(w, lang).text for w in words]
    lowered = {w for w in plain if not w[:1].isupper()}
    proper: dict[str, bool] = {}
    for w in plain:
        lw = fold(w, lang)
        if not _FORM.match(lw):
            continue
        if w.isupper() and len(w) > 1:
            proper.setdefault(lw, True)  # ALL CAPS says nothing of the word's case in running text
        else:
            proper[lw] = proper.get(lw, True) and w[:1].isupper() and lower(w[:1], lang) + w[1:] not in lowered
    return sorted((f"{w}\tP" if p else w for w, p in proper.items()), key=lambda w: w.encode("utf-8"))


def header(lang: str) -> str:
    return (f"# {lang} word forms, folded, sorted by UTF-8 bytes; from Debian tesseract-ocr-{TESSERACT[lang]} "
            "(tessdata_fast, (C) Google Inc., Apache-2.0); built by python -m pipeline.training.word_forms\n")


def build(lang: str, out: Path | None = None) -> tuple[Path, int]:
    out = out or DATA / f"{lang}_forms.txt.gz"
    table = forms(tesseract_words(TESSERACT[lang]), lang)
    body = (header(lang) + "".join(w + "\n" for w in table)).encode("utf-8")
    out.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    return out, len(table)


def main(argv: list[str] | None = None) -> int:
    langs = list(argv or []) or sorted(TESSERACT)
    for lang in langs:
        if lang not in TESSERACT:
            print(f"no tesseract word list for {lang!r}; one of: {', '.join(sorted(TESSERACT))}", file=sys.stderr)
            return 2
        path, n = build(lang)
        print(f"{lang}: {n} word forms -> {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
