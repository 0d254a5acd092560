"""How many entries each per-process memo (``functools.lru_cache``) of a per-word or per-mention step keeps.

A worker of a large run meets new names for as long as it runs, so a memo of them fills for as long as
it runs: with bounds of 10k-20k entries (14 memos, and natasha's pymorphy parses) a forked worker was
still growing after 10k documents and ~90 MB larger at 100k than at 1k (issue 22). At ``MEMO`` entries
each memo is full within the first ~1k documents, so a run's memory stops growing there; repeats of a
name inside a document and across nearby documents (what the memos are for) still hit.
"""

from __future__ import annotations

MEMO = 2048
