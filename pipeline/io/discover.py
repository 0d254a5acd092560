"""Find the input files of a corpus: sorted, recursive, hidden entries skipped, no escapes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

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
