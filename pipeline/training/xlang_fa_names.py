"""Build ``pipeline/lang/fa/data/xlang_fa_given_names.tsv``: Persian given names with the word key of
their Latin spelling.

Maintenance only (the runtime reads the table): ``pip install persian-names==1.5.1; python -m
pipeline.training.xlang_fa_names``. Source: the ``persian-names`` package (MIT, Arman Yazdi), which
ships about 660 Iranian given names in Persian script and, separately, in Latin script. The two
lists are not aligned line by line, so each Persian name is paired with the Latin names whose
consonant skeleton and long vowels fit it (:mod:`pipeline.lang.fa.translit`); a Persian name is kept
only when all the Latin names that fit give one word key. The runtime uses a row only to settle a
reading that the NER spans' counts already rank first but not by enough (``حسین``: Hossein at 0.60
of the evidence), never to choose another one.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.entities.translit import _phonetic
from pipeline.lang.fa.latin import latin_skeleton
from pipeline.lang.fa.translit import DATA, fa_skeleton, fa_words, plain, vowel_misfit
from pipeline.training.xlang_fa import write_pairs

GIVEN_NAMES = DATA.parent / "xlang_fa_given_names.tsv"


def given_names() -> dict[str, str]:
    """Persian given name (one word) -> xlang word key of the Latin names that fit it."""
    import persian_names

    data = Path(persian_names.__file__).parent / "data"
    keys: dict[str, set[str]] = {}
    for kind in ("male", "female"):
        latin = [ln.strip() for ln in (data / f"{kind}_en.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
        skeletons = [(name, latin_skeleton(name.lower())) for name in latin]
        for line in (data / f"{kind}_fa.txt").read_text(encoding="utf-8").splitlines():
            words = fa_words(line.strip())
            sk = fa_skeleton(words[0]) if len(words) == 1 else None
            if sk is None:
                continue
            fits = {_phonetic(name.lower()) for name, ls in skeletons
                    if ls is not None and ls[0] == sk[0] and vowel_misfit(sk[1], ls[1]) == 0}
            keys.setdefault(plain(words[0]), set()).update(fits or {""})
    return {w: next(iter(k)) for w, k in keys.items() if len(k) == 1 and "" not in k}


def write_given_names(names: dict[str, str], path: Path = GIVEN_NAMES) -> Path:
    return write_pairs(path, names, "Persian given name\tword key (persian-names 1.5.1, MIT; built by "
                                    "pipeline.training.xlang_fa_names)")


if __name__ == "__main__":  # pragma: no cover - maintenance script
    print(write_given_names(given_names()))
