"""Build ``pipeline/models/langid/vocab/``: a word list per language the identifier tells apart.

Maintenance only (``lingflow train langid`` and the runtime read the committed file)::

    apt-get install tesseract-ocr tesseract-ocr-{aze,eng,rus,fas,tur,kaz,ukr,bel,bul,ara,urd,mon,srp,mkd}
    python -m pipeline.training.langid_vocab

Each language's words are the word graph of its Debian tesseract model (tessdata_fast, (C) Google Inc.,
Apache-2.0), read the way the identifier reads text (``scripts.profile``: accents and tatweel dropped,
homoglyphs mapped to the dominant script) and lower-cased, stored as sorted 32-bit hashes
(``pipeline.langid.vocab``). Same packages, same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.langid import backends
from pipeline.langid.features import LANGUAGES
from pipeline.langid.scripts import profile
from pipeline.langid.vocab import VOCAB_DIR, build
from pipeline.training.vectors import tesseract_words

#: Debian tesseract-ocr-<code> per language.
TESSERACT = {"az": "aze", "en": "eng", "ru": "rus", "fa": "fas", "tr": "tur", "kk": "kaz", "uk": "ukr",
             "be": "bel", "bg": "bul", "ar": "ara", "ur": "urd", "mn": "mon", "sr": "srp", "mk": "mkd"}


def words_of(lang: str) -> list[str]:
    """The lower-cased words of `lang`'s tesseract word list as the identifier reads them."""
    out: set[str] = set()
    for entry in tesseract_words(TESSERACT[lang]):
        out.update(w.lower() for w in profile(entry).words)
    return sorted(out)


def main(out: Path | None = None) -> None:
    assert set(TESSERACT) == set(LANGUAGES)
    out = out or backends.MODELS_DIR / VOCAB_DIR
    words = {}
    for lang in LANGUAGES:
        words[lang] = words_of(lang)
        print(f"{lang}: {len(words[lang]):,} words", file=sys.stderr)
    build(words).save(out)
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"wrote {out}/ ({size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
