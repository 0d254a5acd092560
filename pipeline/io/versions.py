"""Versioned layout of an output folder: every commit publishes a new version atomically.

::

    OUT/.versions/00000007/documents/part-<h>.parquet   one folder per committed version; parts a
    OUT/.versions/00000007/mentions/...                 commit did not touch are hard links to the
    OUT/.versions/00000007/manifest.json                previous version's files (no extra space)
    OUT/.current -> .versions/00000007                  the published version (a symlink)
    OUT/documents -> .current/documents                 what readers glob (fixed symlinks)

A commit builds ``.versions/<n>.building/``, renames it to ``.versions/<n>`` and then
replaces ``.current`` with a new symlink by ``os.replace`` (atomic): a reader sees the old
version or the new one. Old versions are removed only after a grace period, so a reader
that resolved ``.current`` keeps a complete snapshot while it reads.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

from pipeline import schema
from pipeline.io.files import fsync_dir, link_or_copy

VERSIONS = ".versions"
CURRENT = ".current"
MANIFEST = "manifest.json"
GRACE_SECONDS = 600.0  # an old version stays this long after it was replaced ...
KEEP_VERSIONS = 2      # ... and the newest KEEP_VERSIONS stay whatever their age


def vname(n: int) -> str:
    return f"{n:08d}"


def version_path(root: Path, n: int) -> Path:
    return root / VERSIONS / vname(n)


def current(root: Path) -> int | None:
    """The published version number, or None before the first commit."""
    try:
        target = os.readlink(root / CURRENT)
    except OSError:
        return None
    return int(Path(target).name)


def current_path(root: str | Path) -> Path | None:
    """The folder of the published version: read every table under it for one snapshot."""
    root = Path(root)
    n = current(root)
    return None if n is None else version_path(root, n)


def manifest(root: str | Path, n: int | None = None) -> dict[str, Any]:
    """The manifest of version ``n`` (default: the published one); {} if there is none."""
    root = Path(root)
    n = current(root) if n is None else n
    try:
        return json.loads((version_path(root, n) / MANIFEST).read_text()) if n is not None else {}
    except OSError:
        return {}


def numbers(root: Path) -> list[int]:
    """Published-or-not version numbers present on disk (sorted)."""
    d = root / VERSIONS
    if not d.is_dir():
        return []
    return sorted(int(p.name.split(".")[0]) for p in d.iterdir() if p.name.split(".")[0].isdigit())


def start(root: Path) -> tuple[int, Path]:
    """A fresh ``.versions/<n>.building`` folder for the next version."""
    nums = numbers(root)
    n = (max(nums) if nums else 0) + 1
    build = root / VERSIONS / f"{vname(n)}.building"
    build.mkdir(parents=True)
    return n, build


def publish(root: Path, n: int, build: Path, info: dict[str, Any]) -> None:
    """Write the manifest, make ``build`` version ``n`` and switch ``.current`` to it."""
    info = {"version": n, "committed_at": time.time(), **info}
    (build / MANIFEST).write_text(json.dumps(info, indent=1, sort_keys=True))
    for d in [build, *(p for p in build.iterdir() if p.is_dir())]:
        fsync_dir(d)
    final = version_path(root, n)
    os.rename(build, final)
    fsync_dir(root / VERSIONS)
    tmp = root / f"{CURRENT}.tmp-{uuid.uuid4().hex}"
    os.symlink(f"{VERSIONS}/{vname(n)}", tmp)
    os.replace(tmp, root / CURRENT)
    ensure_links(root)
    fsync_dir(root)


def ensure_links(root: Path) -> None:
    """``OUT/<table> -> .current/<table>`` for every table (made once, never changed)."""
    for name in schema.TABLES:
        link = root / name
        if not link.is_symlink() and not link.exists():
            os.symlink(f"{CURRENT}/{name}", link)


def discard_unpublished(root: Path) -> list[str]:
    """Remove every trace of a commit that did not publish: ``.building`` folders, complete
    versions newer than ``.current`` and half-made ``.current`` links. Returns what was removed."""
    cur = current(root) or 0
    removed = []
    d = root / VERSIONS
    if d.is_dir():
        for p in sorted(d.iterdir()):
            stem = p.name.split(".")[0]
            if p.name.endswith(".building") or (stem.isdigit() and int(stem) > cur) or not stem.isdigit():
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
                removed.append(f"{VERSIONS}/{p.name}")
    for p in root.glob(f"{CURRENT}.tmp-*"):
        p.unlink(missing_ok=True)
        removed.append(p.name)
    return removed


def collect_garbage(root: Path, grace: float = GRACE_SECONDS, keep: int = KEEP_VERSIONS,
                    now: float | None = None) -> list[int]:
    """Remove versions replaced more than ``grace`` seconds ago, keeping the newest ``keep``."""
    cur = current(root)
    if cur is None:
        return []
    now = time.time() if now is None else now
    published = [n for n in numbers(root) if n <= cur and version_path(root, n).is_dir()]
    removed = []
    for older, newer in zip(published, published[1:]):
        if older in published[-keep:]:
            continue
        replaced_at = manifest(root, newer).get("committed_at", 0.0)
        if now - replaced_at >= grace:
            shutil.rmtree(version_path(root, older), ignore_errors=True)
            removed.append(older)
    return removed


def migrate_flat(root: Path) -> bool:
    """Move a flat folder of an older lingflow (``OUT/<table>/part-*.parquet``) into version 1.

    Idempotent and safe to kill at any point: the files are hard-linked into the new version
    before each flat folder is swapped for its symlink; temp files of the flat layout are dropped."""
    flat = [name for name in schema.TABLES if (root / name).is_dir() and not (root / name).is_symlink()]
    if not flat:
        return False
    if current(root) is None:
        discard_unpublished(root)
        n, build = start(root)
        for name in flat:
            (build / name).mkdir()
            for f in sorted((root / name).iterdir()):
                if not f.name.startswith(".") and f.is_file():
                    link_or_copy(f, build / name / f.name)
        publish(root, n, build, {"run_id": None, "kind": "migration"})
    for name in flat:  # version 1 holds the same files: swap each folder for its link
        old = root / f".flat-{name}-{uuid.uuid4().hex[:8]}"
        os.rename(root / name, old)
        ensure_links(root)
        shutil.rmtree(old, ignore_errors=True)
    for leftover in root.glob(".flat-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return True

