"""Language-ID benchmark: model load time and memory, sentences per second on one core.

Run: .venv/bin/python benchmarks/langid_bench.py [--data ../shared/data/langid]
Each measurement that needs a cold process runs in a fresh subprocess.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "langid"
TARGETS = ("az", "en", "ru", "fa")
LOOKALIKES = ("tr", "kk", "uk", "be", "bg", "ar", "ur", "mn", "sr", "mk")

_LOAD_SNIPPET = """
import json, resource, sys, time
t0 = time.perf_counter()
from pipeline.langid import LanguageIdentifier
ident = LanguageIdentifier().load(short_text_models=sys.argv[1] == "full")
ident.detect("warm up")
load_s = time.perf_counter() - t0
load_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
first = {}
for script, text in (("Cyrl", "Нас не нашли."), ("Latn", "Bu gün hava yaxşıdır."), ("Arab", "این کتاب خوب است.")):
    t = time.perf_counter()
    ident.detect(text)
    first[script] = time.perf_counter() - t
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": load_s, "load_rss_mb": load_rss, "first_short_s": first, "max_rss_mb": rss_mb}))
"""


def cold_load(mode: str = "default") -> dict:
    """Import + load() in a fresh process ("full": with lingua's short-text models), then the first
    short text of each script: seconds and peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _LOAD_SNIPPET, mode], capture_output=True, text=True,
                         check=True, cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput(ident, lines: list[str], repeats: int = 3) -> float:
    """Best of `repeats` passes, lines per second."""
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        for line in lines:
            ident.detect(line)
        best = max(best, len(lines) / (time.perf_counter() - t0))
    return best


def read(data: Path, kind: str, langs: tuple[str, ...]) -> list[str]:
    return [l for lang in langs for l in (data / kind / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
            if l.strip()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    try:  # one core, as the issue asks
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    sys.path.insert(0, str(ROOT))
    from pipeline.langid import LanguageIdentifier

    load = cold_load()
    full = cold_load("full")
    ident = LanguageIdentifier().load()
    target_sents = read(args.data, "sentences", TARGETS)
    all_sents = read(args.data, "sentences", TARGETS + LOOKALIKES)
    pairs = read(args.data, "word-pairs", TARGETS + LOOKALIKES)
    for line in all_sents + pairs:  # warm every per-candidate detector
        ident.detect(line)
    doc = " ".join(target_sents[:500])  # a ~30 KB az document, repeated to ~100 KB
    doc = (doc + "\n\n") * max(1, 100_000 // len(doc))
    t0 = time.perf_counter()
    for _ in range(20):
        ident.detect(doc)
    doc_ms = (time.perf_counter() - t0) / 20 * 1000
    rows = [
        ("model load: import + load() (cold process, s)", f"{load['load_s']:.2f}"),
        ("peak RSS after load() (MB)", f"{load['load_rss_mb']:.0f}"),
        ("then first short text, Cyrillic / Latin / Arabic (s)",
         " / ".join(f"{load['first_short_s'][s]:.2f}" for s in ("Cyrl", "Latn", "Arab"))),
        ("peak RSS after those (MB)", f"{load['max_rss_mb']:.0f}"),
        ("import + load(short_text_models=True) (cold process, s)", f"{full['load_s']:.2f}"),
        ("peak RSS after it (MB)", f"{full['load_rss_mb']:.0f}"),
        ("sentences/s, targets az/en/ru/fa (2,000 lines)", f"{throughput(ident, target_sents):,.0f}"),
        ("sentences/s, all 14 languages (7,000 lines)", f"{throughput(ident, all_sents):,.0f}"),
        ("word pairs/s, all 14 languages (7,000 lines)", f"{throughput(ident, pairs):,.0f}"),
        (f"detect() on a {len(doc) // 1000} KB document (ms)", f"{doc_ms:.1f}"),
    ]
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
