"""A large sorted word table kept as one bytes block (not a dict or set of 100k+ strings): a key is found
by binary search over the line starts. Used for committed tables read at run time (English sounds, the
Azerbaijani word forms)."""

from __future__ import annotations

import bisect
import gzip
import re
from array import array
from pathlib import Path


class SortedLines:
    """Lines ``key`` or ``key<TAB>value`` sorted by their UTF-8 bytes, from a gzip file whose first line may be
    a ``#`` comment; empty if the file is absent."""

    def __init__(self, path: Path) -> None:
        data = gzip.decompress(path.read_bytes()) if path.exists() else b""
        body = data[data.index(b"\n") + 1:] if data.startswith(b"#") else data
        if body and not body.endswith(b"\n"):
            body += b"\n"
        self.data = body
        self.starts = array("I", [0, *(m.end() for m in re.finditer(b"\n", body))][:-1] if body else [])

    def __len__(self) -> int:
        return len(self.starts)

    def _key(self, i: int) -> bytes:
        start = self.starts[i]
        end = self.data.index(b"\n", start)
        tab = self.data.find(b"\t", start, end)
        return self.data[start:end if tab < 0 else tab]

    def get(self, key: str) -> str | None:
        """The value on ``key``'s line (``""`` for a line without one), or None."""
        k = key.encode("utf-8")
        i = bisect.bisect_left(range(len(self.starts)), k, key=self._key)
        if i == len(self.starts) or self._key(i) != k:
            return None
        start = self.starts[i] + len(k)
        end = self.data.index(b"\n", start)
        return self.data[start + 1:end].decode("utf-8") if start < end else ""

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None
