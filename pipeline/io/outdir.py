"""Checks on an output folder before a run does any work: each refusal is one clear line.

Refused: OUT inside CORPUS (its Parquet files would be ingested as documents), OUT that is
a file (or under a file), OUT that cannot be written, and OUT holding table folders that
lingflow did not write (another program's ``documents/`` would be overwritten or misread).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import schema

# what lingflow writes inside a table folder (flat layout of older versions included)
OUR_FILES = {
    "documents": r"part-[0-9a-f]\.parquet", "mentions": r"part-[0-9a-f]\.parquet", "dates": r"part-[0-9a-f]\.parquet",
    "entities": r"part-0\.parquet", "runs": r"run-[0-9TZ]+-[0-9a-z]+\.parquet",
}
LEFTOVER = r"\.tmp-[0-9a-f]{32}-.*"  # temp files of the flat layout, removed by the migration


class OutputRefused(ValueError):
    """The output folder cannot be used (the message is one line)."""


def check_output(corpus: str | Path | None, out: str | Path) -> None:
    """Raise :class:`OutputRefused` if ``out`` cannot hold this run's tables."""
    o = Path(out).resolve()
    if corpus is not None:
        c = Path(corpus).resolve()
        if o == c or c in o.parents:
            raise OutputRefused(f"output folder {out} is inside the corpus folder {corpus}: the next run would "
                                "ingest its own Parquet files; choose an --out outside the corpus")
    existing = o
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        what = "is a file" if existing == o else f"is under {existing}, which is a file"
        raise OutputRefused(f"output path {out} {what}, not a folder; choose another --out")
    _check_writable(out, o, existing)
    if o.is_dir():
        for name in schema.TABLES:
            _check_table_folder(out, o / name, name)


def _check_writable(out: str | Path, o: Path, existing: Path) -> None:
    if existing != o:  # the folder will be created: its nearest existing parent must be writable
        if not os.access(existing, os.W_OK | os.X_OK):
            raise OutputRefused(f"output folder {out} cannot be created: {existing} is not writable")
        return
    try:  # a real write: os.access says yes to root on a read-only mount's chmod bits, not to EROFS
        fd, probe = tempfile.mkstemp(prefix=".lingflow-probe-", dir=o)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputRefused(f"output folder {out} is not writable ({exc.strerror or exc}); "
                            "choose another --out") from None


def _check_table_folder(out: str | Path, path: Path, name: str) -> None:
    """A table folder must be lingflow's: our symlink, or a flat folder of our part files."""
    rel = f"{out}/{name}"
    if path.is_symlink():
        if os.readlink(path) != f".current/{name}":
            raise OutputRefused(f"{rel} is a link that lingflow did not make; move it away or choose another --out")
        return
    if not path.exists():
        return
    if not path.is_dir():
        raise OutputRefused(f"{rel} is a file that lingflow did not write; move it away or choose another --out")
    pattern = re.compile(f"{OUR_FILES[name]}|{LEFTOVER}")
    entries = sorted(os.listdir(path))
    strange = [e for e in entries if not pattern.fullmatch(e)]
    if strange:
        raise OutputRefused(f"{rel} holds files that lingflow did not write (e.g. {strange[0]!r}); "
                            "move them away or choose another --out")
    ours = [e for e in entries if not e.startswith(".")]
    if ours:
        want = schema.TABLES[name].names
        try:
            have = pq.read_schema(path / ours[0]).names
        except Exception as exc:  # noqa: BLE001 - any unreadable file means: not ours
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise OutputRefused(f"{rel}/{ours[0]} is not a Parquet file lingflow can read ({reason}); "
                                "move it away or choose another --out") from None
        missing = [c for c in want if c not in have]
        if missing:
            raise OutputRefused(f"{rel} holds Parquet files that lingflow did not write (no {missing[0]} column); "
                                "move them away or choose another --out")
