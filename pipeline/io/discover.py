"""Find the input files of a corpus: sorted, recursive, hidden entries skipped, no escapes."""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, overload

from pipeline.document import doc_id_for

HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)  # slots: a 100k-document plan holds 100k of these
class SourceFile:
    doc_id: str
    rel_path: str
    abs_path: str
    size_bytes: int | None
    content_sha256: str | None
    error: str | None = None  # set when the file cannot be read at all


class FileList(Sequence[SourceFile]):
    """Many :class:`SourceFile` kept as columns, made again on access (issue 22: memory).

    A run's plan holds every file to process until the run ends: 100k ``SourceFile`` with their five
    strings cost ~47 MB of the run's process, which stayed resident while the batches ran. Here a file
    is its path relative to the corpus (UTF-8, in one buffer), its digest as bytes and its size (its id
    is derived from the path, :func:`~pipeline.document.doc_id_for`): ~85 bytes. A file that does not
    fit the columns (unreadable, a path outside the first file's root, another id, a digest that is not
    lower-case hex) is kept as it is."""

    __slots__ = ("_root", "_paths", "_ends", "_digests", "_sizes", "_kept")

    def __init__(self, files: Iterator[SourceFile] | Sequence[SourceFile] = ()) -> None:
        self._root: str | None = None  # the corpus root: abs_path == root + "/" + rel_path
        self._paths = bytearray()
        self._ends = array("Q")
        self._digests = bytearray()  # 32 bytes per file (SHA-256)
        self._sizes = array("q")  # -1: the file is in _kept
        self._kept: dict[int, SourceFile] = {}
        for f in files:
            self.append(f)

    def append(self, f: SourceFile) -> None:
        i = len(self._sizes)
        packed = self._pack(f)
        if packed is None:
            self._kept[i] = f
            self._ends.append(len(self._paths))
            self._digests += bytes(32)
            self._sizes.append(-1)
            return
        path, digest = packed
        self._paths += path
        self._ends.append(len(self._paths))
        self._digests += digest
        self._sizes.append(f.size_bytes)

    def _pack(self, f: SourceFile) -> tuple[bytes, bytes] | None:
        if f.error or f.size_bytes is None or f.size_bytes < 0 or f.content_sha256 is None:
            return None
        if f.doc_id != doc_id_for(f.rel_path):
            return None
        if self._root is None and f.abs_path.endswith("/" + f.rel_path):
            self._root = f.abs_path[:-len(f.rel_path) - 1]
        if self._root is None or f.abs_path != f"{self._root}/{f.rel_path}":
            return None
        try:
            digest = bytes.fromhex(f.content_sha256)
        except ValueError:
            return None
        if len(digest) != 32 or digest.hex() != f.content_sha256:
            return None
        return f.rel_path.encode("utf-8", "surrogatepass"), digest

    def __len__(self) -> int:
        return len(self._sizes)

    @overload
    def __getitem__(self, i: int) -> SourceFile: ...

    @overload
    def __getitem__(self, i: slice) -> list[SourceFile]: ...

    def __getitem__(self, i: int | slice) -> SourceFile | list[SourceFile]:
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("FileList index out of range")
        return self._item(i)

    def _item(self, i: int) -> SourceFile:
        if self._sizes[i] < 0:
            return self._kept[i]
        start = self._ends[i - 1] if i else 0
        rel = self._paths[start:self._ends[i]].decode("utf-8", "surrogatepass")
        return SourceFile(doc_id_for(rel), rel, f"{self._root}/{rel}", self._sizes[i],
                          self._digests[32 * i:32 * i + 32].hex())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (FileList, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"FileList({len(self)} files)"


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def iter_files(root: str | Path) -> Iterator[tuple[str, str, str | None]]:
    """Yield ``(rel_path, abs_path, problem)`` for every regular file below ``root``, sorted by path.

    Hidden files and folders are skipped. Directory symlinks are not descended into (no
    loops); file symlinks are followed only when they resolve to a file inside ``root``.
    Broken links and links leaving the corpus are yielded with a ``problem`` so they get
    a ``failed`` row instead of vanishing. Uses ``os.scandir`` (file types come from the
    directory listing, so a plain file costs no extra ``stat``).
    """
    root = Path(root).resolve()
    found: list[tuple[str, str, str | None]] = []
    stack = [(str(root), "")]
    while stack:
        path, rel_dir = stack.pop()
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            rel = f"{rel_dir}{entry.name}"
            problem = None
            if entry.is_symlink():
                try:
                    target = Path(entry.path).resolve(strict=True)
                except (OSError, RuntimeError):
                    problem = "broken symlink or symlink loop; not followed"
                else:
                    if not target.is_relative_to(root):
                        problem = "symlink points outside the corpus; not followed"
                    elif target.is_dir():
                        problem = "symlink to a directory; not followed"
            elif entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel + "/"))
                continue
            elif not entry.is_file(follow_symlinks=False):
                problem = "not a regular file (device, fifo or socket); skipped"
            found.append((rel, entry.path, problem))
    found.sort()
    yield from found


def hash_file(path: str) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in 1 MiB chunks.

    Plain ``os.open``/``os.read``: for the many small files of a typical corpus this is
    about twice as fast as a buffered ``open()`` (no buffer object per file)."""
    h = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        while chunk := os.read(fd, HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return h.hexdigest(), size


def scan(root: str | Path) -> Iterator[SourceFile]:
    """Discover and hash every file; unreadable files carry an ``error`` instead of a hash."""
    for rel, abs_path, problem in iter_files(root):
        doc_id = doc_id_for(rel)
        if problem:
            yield SourceFile(doc_id, rel, abs_path, None, None, problem)
            continue
        try:
            sha, size = hash_file(abs_path)
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            yield SourceFile(doc_id, rel, abs_path, None, None, f"unreadable: {reason} (check file permissions)")
            continue
        yield SourceFile(doc_id, rel, abs_path, size, sha)
