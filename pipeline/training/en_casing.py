"""Build ``pipeline/lang/en/data/casing.tsv.gz``: how English writes each word when it is not in a headline.

Maintenance only (the runtime reads the table): ``apt-get download wamerican wbritish``, extract them
(``dpkg-deb -x``), then ``python -m pipeline.training.en_casing DICT [DICT ...]`` with their
``usr/share/dict/american-english`` and ``british-english``. Debian's ``wamerican`` / ``wbritish``
2020.12.07 are SCOWL word lists (Kevin Atkinson; a permissive licence that asks for its notice in every
copy: ``pipeline/lang/en/data/casing.LICENSE``); every inflected form is listed, with its usual casing.

Each word form is stored under its lower-case key with one class: ``l`` written in lower case only
(``beat``, ``futures``), ``c`` capitalised only (``Essex``, ``Frankfurt``), ``b`` both (``may`` / ``May``,
``china`` / ``China``), ``u`` all capitals (``NATO``, ``BBC``). :func:`pipeline.lang.en.casing.truecase`
reads it to give the model a headline in the casing of running text.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lang" / "en" / "data" / "casing.tsv.gz"
_WORD = re.compile(r"^[A-Za-z][A-Za-z.\-]*$")  # no possessives ("Essex's"), no accented letters


def classes(words: list[str]) -> dict[str, str]:
    """lower-case key -> ``l`` | ``c`` | ``b`` | ``u`` (see the module docstring)."""
    seen: dict[str, set[str]] = {}
    for w in words:
        if not _WORD.match(w):
            continue
        kind = "u" if len(w) > 1 and w.isupper() else "l" if w.islower() else "c"
        seen.setdefault(w.lower(), set()).add(kind)
    out = {}
    for key, kinds in seen.items():
        if "u" in kinds and len(kinds) == 1:
            out[key] = "u"
        elif "l" in kinds:
            out[key] = "b" if kinds - {"l"} else "l"
        else:
            out[key] = "c"
    return out


def build(paths: list[Path], out: Path = OUT) -> tuple[Path, dict[str, int]]:
    words = [w.strip() for p in paths for w in p.read_text(encoding="utf-8").splitlines() if w.strip()]
    table = classes(words)
    lines = [f"{k}\t{v}\n" for k, v in sorted(table.items())]
    tmp = out.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", mtime=0) as f:  # mtime 0: the same bytes on every rebuild
        f.write("".join(lines).encode("utf-8"))
    tmp.replace(out)
    counts: dict[str, int] = {}
    for v in table.values():
        counts[v] = counts.get(v, 0) + 1
    return out, counts


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m pipeline.training.en_casing DICT [DICT ...]  (wamerican's american-english, ...)")
    path, counts = build([Path(a) for a in sys.argv[1:]])
    print(f"{path}: {sum(counts.values())} words, " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
