"""Build ``pipeline/entities/data/az_forms.txt.gz``: the Azerbaijani word forms of Debian's ``tesseract-ocr-aze``.

Maintenance only (the runtime reads the table): ``apt-get install tesseract-ocr tesseract-ocr-aze; python -m
pipeline.training.az_forms``.

The word graph of the tesseract model (tessdata_fast, (C) Google Inc., Apache-2.0) decodes to about 310k word
forms of running Azerbaijani text, names with their case endings among them (``Yeltsin``, ``Yeltsinin``,
``Yeltsinlə``). The table holds each alphabetic form once, lower-cased the Azerbaijani way and sorted by its
UTF-8 bytes, marked ``P`` when it was seen only capitalised (a proper noun). The suffix stripper (:func:`pipeline.entities.az.strip_case`) asks it whether a stem is a word
at all: ``Yeltsin`` is not ``Yelts`` + genitive (no form ``yelts``), ``xaqanın`` is ``xaqan`` + ``ın``, not
``xaqa`` + ``nın``.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from pipeline.entities.az import az_lower
from pipeline.text.normalize import normalize
from pipeline.training.vectors import tesseract_words

OUT = Path(__file__).resolve().parents[1] / "entities" / "data" / "az_forms.txt.gz"
_FORM = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")
HEADER = ("# Azerbaijani word forms, lower-cased, sorted by UTF-8 bytes; from Debian tesseract-ocr-aze (tessdata_fast, "
          "(C) Google Inc., Apache-2.0); built by python -m pipeline.training.az_forms\n")


def forms(words: list[str]) -> list[str]:
    """Alphabetic forms (letters, inner hyphens and apostrophes), lower-cased, each once, in byte order; a form
    seen only capitalised (a proper noun: ``reyqan``, not ``makro``) as ``form<TAB>P``."""
    plain = [normalize(w, "az").text for w in words]
    lowered = {w for w in plain if not w[:1].isupper()}
    proper: dict[str, bool] = {}
    for w in plain:
        lw = az_lower(w)
        if not _FORM.match(lw):
            continue
        if w.isupper() and len(w) > 1:
            proper.setdefault(lw, True)  # ALL CAPS says nothing of the word's case in running text
        else:
            proper[lw] = proper.get(lw, True) and w[:1].isupper() and az_lower(w[:1]) + w[1:] not in lowered
    return sorted((f"{w}\tP" if p else w for w, p in proper.items()), key=lambda w: w.encode("utf-8"))


def build(out: Path = OUT) -> tuple[Path, int]:
    table = forms(tesseract_words("aze"))
    body = (HEADER + "".join(w + "\n" for w in table)).encode("utf-8")
    out.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    return out, len(table)


def main(argv: list[str] | None = None) -> int:
    path, n = build()
    print(f"{n} Azerbaijani word forms -> {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
