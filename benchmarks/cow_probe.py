"""What a forked worker copies from the process that loaded the models, batch after batch (issue 22).

    python -m benchmarks.cow_probe [--docs 100000] [--checks 1,10,30,100,400] [--by-mapping]
                                   [--fill] [--warm N] [--clear-memos] [--no-memory-zone]

Does what `lingflow run`'s loading worker does (``prepare_worker`` for az/en/fa/ru, ``gc.collect``,
``gc.freeze``, ``malloc_trim``), records which memory pages hold its Python objects (every object the
garbage collector tracks and the objects they refer to directly: strings, numbers) by type, then
forks one worker that processes batches of 64 documents of the generated 40-word corpus
(``benchmarks.memory_flat``'s) one after the other, through ``pipeline.batch.process_files`` as a
run's worker does. At each check it prints the worker's private memory (``/proc/self/smaps_rollup``)
and which of the loading process's pages it now holds alone (``/proc/self/pagemap``: present and
exclusively mapped; a page the loading process had released and the worker wrote since counts too):
all its anonymous memory, and the pages of its Python objects, by type. ``--by-mapping`` names the
mappings that grew and the languages of the documents so far (the corpus is sorted by language
within each folder of 1,000). Experiments, each against the plain probe: ``--fill`` first takes every
free block of pymalloc's partly used pools in the loading process (so that the worker's small objects
cannot land on the loaded objects' pages); ``--warm N`` has the loading process process N batches
(from the corpus's end) before the fork; ``--clear-memos`` empties the memos after every batch;
``--no-memory-zone`` turns spaCy's memory zones off. Nothing is written but the staged rows of a
throwaway output folder.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import os
import re
import shutil
import struct
import sys
import tempfile
from array import array
from datetime import datetime, timezone

from benchmarks.bench_pipeline import ensure_corpus
from benchmarks.time_to_first import REPO, SCRATCH

PAGE = 4096
_TAKEN = array("Q")  # the blocks fill_free_blocks took: never freed


def private_mb() -> int:
    fields = dict(line.split(":", 1) for line in open("/proc/self/smaps_rollup") if ":" in line and "kB" in line)
    return sum(int(fields[k].split()[0]) for k in ("Private_Clean", "Private_Dirty")) // 1024


def private_by_mapping() -> dict[tuple[str, str], int]:
    """(start address, name) of each mapping -> its private kB."""
    out: dict[tuple[str, str], int] = {}
    key = ("", "")
    for line in open("/proc/self/smaps"):
        cols = line.split()
        if cols and not cols[0].endswith(":"):
            key = (cols[0].split("-")[0], cols[5].rsplit("/", 1)[-1] if len(cols) > 5 else "[anon]")
            out[key] = 0
        elif cols and cols[0] in ("Private_Clean:", "Private_Dirty:"):
            out[key] += int(cols[1])
    return out


def anonymous_pages() -> list[int]:
    pages = []
    for line in open("/proc/self/maps"):
        cols = line.split()
        name = cols[5] if len(cols) > 5 else ""
        if "w" in cols[1] and (not name or name == "[heap]"):
            start, end = (int(x, 16) // PAGE for x in cols[0].split("-"))
            pages.extend(range(start, end))
    return pages


def held_alone(pages: list[int]) -> set[int]:
    """The pages that are present and mapped by this process only (pagemap bits 63 and 56)."""
    out = set()
    with open("/proc/self/pagemap", "rb") as f:
        for pg in pages:
            f.seek(pg * 8)
            v = struct.unpack("Q", f.read(8))[0]
            if v >> 63 & 1 and v >> 56 & 1:
                out.add(pg)
    return out


def object_pages() -> dict[int, collections.Counter]:
    """page -> bytes of the loading process's objects on it, by type."""
    seen: dict[int, object] = {}
    for o in gc.get_objects():
        seen[id(o)] = o
        for r in gc.get_referents(o):
            seen.setdefault(id(r), r)
    pages: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for addr, o in seen.items():
        t = type(o)
        module = getattr(t, "__module__", None)
        name = f"{module.split('.')[0] if isinstance(module, str) else '?'}.{t.__name__}"
        try:
            pages[addr // PAGE][name] += sys.getsizeof(o)
        except TypeError:  # an object whose __sizeof__ fails
            pages[addr // PAGE][name] += 16
    return pages


def fill_free_blocks() -> int:
    """Take every free block of pymalloc's partly used pools (sizes and counts from the table that
    ``sys._debugmallocstats`` prints on the C stderr); the blocks are never freed."""
    sys.stderr.flush()
    with tempfile.TemporaryFile() as f:
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        table = re.findall(r"^\s*\d+\s+(\d+)\s+\d+\s+\d+\s+(\d+)\s*$", f.read().decode("ascii", "replace"), re.M)
    malloc = ctypes.pythonapi.PyObject_Malloc
    malloc.restype, malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    _TAKEN.extend(malloc(int(size)) for size, n in table for _ in range(int(n)))
    return len(_TAKEN)


def runtime_memos() -> list:
    """Every ``lru_cache`` of more than 16 entries in the runtime's modules (as tests/text/test_memo.py finds them)."""
    import importlib
    import pkgutil

    import pipeline

    out = []
    for mod in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if not mod.name.startswith(("pipeline.training", "pipeline.evaluation")):
            for obj in vars(importlib.import_module(mod.name)).values():
                if callable(obj) and hasattr(obj, "cache_info") and (obj.cache_info().maxsize or 0) > 16:
                    out.append(obj)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100000, help="size of the generated 40-word corpus")
    ap.add_argument("--checks", default="1,10,30,100,400", help="batches after which to look")
    ap.add_argument("--fill", action="store_true", help="fill pymalloc's free blocks before the fork")
    ap.add_argument("--by-mapping", action="store_true",
                    help="also print, at each check, the mappings whose private memory grew most since the last")
    ap.add_argument("--clear-memos", action="store_true",
                    help="empty every runtime memo (lru_cache of more than 16 entries) after each batch")
    ap.add_argument("--no-memory-zone", action="store_true", help="predict without spaCy's memory zones")
    ap.add_argument("--warm", type=int, default=0,
                    help="batches the loading process processes before the fork (from the end of the corpus)")
    a = ap.parse_args()
    checks = sorted(int(c) for c in a.checks.split(","))
    from flows.pool import release_free_memory
    from pipeline.batch import process_files
    from pipeline.preload import prepare_worker
    from pipeline.runner import plan_corpus

    if a.no_memory_zone:
        import contextlib

        from pipeline.ner import spacy_backend

        spacy_backend.transient_strings = lambda nlp: contextlib.nullcontext()  # type: ignore[assignment]
    corpus = ensure_corpus(REPO / "scratch" / "bench" / f"rss-{a.docs}-40w", a.docs, 40)
    out = SCRATCH / "out-cow-probe"
    shutil.rmtree(out, ignore_errors=True)
    files = plan_corpus(str(corpus), str(out), True).to_process  # columns: made into SourceFiles per batch
    prepare_worker(None, ["az", "en", "fa", "ru"], True)
    for n in range(a.warm):  # batches the worker will not see again
        process_files(files[len(files) - (n + 1) * 64:len(files) - n * 64], str(out), "warm", n, datetime.now(timezone.utc))
    gc.collect()
    pages = object_pages()
    gc.freeze()
    if a.fill:
        print(f"free blocks taken before the fork: {fill_free_blocks():,}")
    release_free_memory()
    anon = anonymous_pages()
    print(f"loading process: {len(anon) * PAGE >> 20:,} MB of writable anonymous mappings, "
          f"{len(pages) * PAGE >> 20} MB of pages with its Python objects")
    pid = os.fork()
    if pid:
        os.waitpid(pid, 0)
        shutil.rmtree(out, ignore_errors=True)
        return
    started = datetime.now(timezone.utc)
    before = private_by_mapping()
    langs: collections.Counter = collections.Counter()
    print(f"{'batch':>6} | {'private MB':>10} | {'anonymous held alone MB':>23} | {'object pages held alone MB':>26} | by type (MB)")
    for n in range(1, checks[-1] + 1):
        batch = files[(n - 1) * 64:n * 64]
        langs.update(f.rel_path.rsplit("/", 1)[-1].split("-")[0] for f in batch)  # gen_corpus's names
        process_files(batch, str(out), "probe", n, started)
        if a.clear_memos:
            for memo in runtime_memos():
                memo.cache_clear()
            gc.collect()
        release_free_memory()
        if n in checks:
            if a.by_mapping:
                now = private_by_mapping()
                grew = collections.Counter({k: v - before.get(k, 0) for k, v in now.items()})
                print("        grew since the last check (MB): " + ", ".join(
                    f"{name}@{start[-6:]} {kb / 1024:.1f}" for (start, name), kb in grew.most_common(5) if kb >= 512)
                    + f"; documents so far: {dict(sorted(langs.items()))}")
                before = now
            alone = held_alone(sorted(pages))
            by_type: collections.Counter = collections.Counter()
            for pg in alone:
                total = sum(pages[pg].values())
                for k, v in pages[pg].items():
                    by_type[k] += PAGE * v / total
            top = ", ".join(f"{k} {v / 2**20:.1f}" for k, v in by_type.most_common(6))
            print(f"{n:>6} | {private_mb():>10} | {len(held_alone(anon)) * PAGE >> 20:>23} | "
                  f"{len(alone) * PAGE >> 20:>26} | {top}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
