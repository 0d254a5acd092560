"""Find the input files of a corpus: sorted, recursive, hidden entries skipped, no escapes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.document import doc_id_for

HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
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
    a ``failed`` row instead of vanishing.
    """
    root = Path(root).resolve()
    found: list[tuple[str, str, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        # directory symlinks stay in dirnames only to be listed, os.walk will not descend into them
        here = Path(dirpath)
        entries = sorted([f for f in filenames if not _is_hidden(f)]
                         + [d for d in dirnames if (here / d).is_symlink()])
        for name in entries:
            p = here / name
            rel = p.relative_to(root).as_posix()
            problem = None
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    problem = "broken symlink or symlink loop; not followed"
                else:
                    if not target.is_relative_to(root):
                        problem = "symlink points outside the corpus; not followed"
                    elif target.is_dir():
                        problem = "symlink to a directory; not followed"
            elif not p.is_file():
                problem = "not a regular file (device, fifo or socket); skipped"
            found.append((rel, str(p), problem))
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
    found.sort()
    yield from found


def hash_file(path: str) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
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
