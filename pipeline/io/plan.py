"""Incremental planning: which discovered files need processing, which were deleted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Callable, Iterable

from pipeline.io.discover import FileList, SourceFile
from pipeline.io.tables import DocState


@dataclass
class Plan:
    to_process: FileList = field(default_factory=FileList)  # new or changed, readable (as columns)
    unreadable: list[SourceFile] = field(default_factory=list)  # new/changed rows that fail at discovery
    deleted: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, path)
    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0


def make_plan(files: Iterable[SourceFile], state: dict[str, DocState], version_for: Callable[[str], str],
              full: bool = False) -> Plan:
    """Compare discovered files with the recorded state.

    A file is unchanged when its content hash, its status/error and the pipeline
    version for its recorded language are all the same as last time. A file that failed in a
    processing step (an exception, a missing model) rather than in being found or read is tried
    again on every run: its input may be fine and the environment fixed since."""
    plan = Plan()
    seen_ids: set[str] = set()
    for f in files:
        plan.seen += 1
        seen_ids.add(f.doc_id)
        old = state.get(f.doc_id)
        if old is None or old.status == "deleted":
            plan.new += 1
        elif full or not _same(f, old, version_for):
            plan.changed += 1
        else:
            plan.unchanged += 1
            continue
        (plan.unreadable if f.error else plan.to_process).append(f)
    for doc_id, old in sorted(state.items()):
        if doc_id not in seen_ids and old.status != "deleted":
            plan.deleted.append((doc_id, old.path))
    return plan


class Batches(Sequence[list[SourceFile]]):
    """The plan's files to process (readable ones first, then the unreadable ones, which get their
    failed rows) in batches of ``size``; each batch's ``SourceFile`` list is made when it is taken."""

    def __init__(self, plan: Plan, size: int) -> None:
        self.size = max(1, size)
        self._readable, self._unreadable = plan.to_process, plan.unreadable
        self.files = len(self._readable) + len(self._unreadable)

    def __len__(self) -> int:
        return -(-self.files // self.size)

    def __getitem__(self, i: int) -> list[SourceFile]:  # type: ignore[override]
        if not isinstance(i, int):
            raise TypeError("Batches are taken one at a time")
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("batch index out of range")
        start, end = i * self.size, min((i + 1) * self.size, self.files)
        n = len(self._readable)
        return list(self._readable[start:min(end, n)]) + list(self._unreadable[max(start, n) - n:max(end, n) - n])


# Failures that are the input's own (empty, binary, undecodable, huge, unreadable): retried only
# when the file changes.
INPUT_STEPS = ("discover:", "read:")


def _same(f: SourceFile, old: DocState, version_for: Callable[[str], str]) -> bool:
    if f.content_sha256 != old.sha:
        return False
    if f.error:
        return old.status == "failed" and old.error == f"discover: {f.error}"
    if old.status == "failed" and not (old.error or "").startswith(INPUT_STEPS):
        return False
    lang = old.lang if old.status == "ok" else "und"
    return old.version == version_for(lang)
