"""Time to first result (issue 22): `lingflow run` against the floor of any Prefect run, in ONE run.

    python -m benchmarks.time_to_first [--quick] [--n 2000] [--repeats 3] [--label NAME]
                                       [--no-server] [--no-large] [--no-raw] [--workers N] [--compare REF]

Measured side by side, every timing in a fresh process of the same venv (wall time of the
command, Python start-up and imports included), small runs interleaved and repeated
(medians of ``--repeats``):

- ``floor``: a trivial Prefect flow with one task, cold (Prefect's temporary server);
- ``seeds cold``: ``lingflow run`` on the 4 seed documents (corpus/) into a fresh output folder;
- ``seeds unchanged``: the same again, nothing changed;
- with a running ``prefect server`` (``PREFECT_API_URL`` set): the floor and both seed runs;
  then the same with ``lingflow workers`` running too (every model loaded before the runs; their
  CPU seconds are not the run's);
- ``N mixed``: ``lingflow run`` on N generated documents (benchmarks/gen_corpus.py; 2,000, or
  200 with ``--quick``), words/s over the wall time (start-up included) and peak memory of the
  whole process tree (sum of RSS, sum of PSS), next to the slowest backend's raw words/s on
  the same corpus (``bench_pipeline.py raw``: each language's NER alone, one core).

``--compare REF`` also runs the lingflow of git REF (extracted with ``git archive`` under scratch/,
run from this venv), interleaved with this tree's runs (alternating which goes first), so a
before/after comparison on a shared, busy machine sees the same load.

Each timing also records the CPU seconds (user + system) of the command and every process it
waited for (its temporary server, its worker processes): on a shared machine wall time says how
busy the neighbours were, CPU seconds say what the run itself cost.

Prints a table of wall times, CPU seconds and ratios to the floor; appends one JSON record to
benchmarks/results/time_to_first.jsonl and writes it to benchmarks/results/time_to_first-LABEL.json.
All Prefect runs share one PREFECT_HOME (scratch/bench/prefect-home, its database created by
an untimed run first), so none pays the one-off creation of a new database.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_pipeline import RESULTS, corpus_words, machine, print_table  # noqa: E402
from flows.reaper import descendants  # noqa: E402

BIN = Path(sys.executable).parent
LINGFLOW = str(BIN / "lingflow")
SCRATCH = REPO / "scratch" / "bench" / "ttf"
SEEDS = REPO / "corpus"
TRIVIAL = '''
from prefect import flow, task

@task
def one() -> int:
    return 1

@flow
def trivial() -> int:
    return one()

if __name__ == "__main__":
    assert trivial() == 1
'''


def base_env(api_url: str | None = None, workers_socket: Path | None = None) -> dict[str, str]:
    """The runs' environment: a running server only with ``api_url``, `lingflow workers` only with
    ``workers_socket`` (never a developer's own workers)."""
    env = dict(os.environ, PREFECT_HOME=str(SCRATCH / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
               LINGFLOW_WORKERS_SOCKET=str(workers_socket or SCRATCH / "no-workers.sock"))
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


# -- memory of a process tree ------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    return [pid, *descendants(pid)]


def _kb(pid: int, path: str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _what(pid: int) -> str:
    """A short name of a process of the tree: the run, its server, a worker."""
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "?"
    for key, name in (("uvicorn", "prefect server"), ("prefect.server", "prefect server"),
                      ("multiprocessing", "worker"), ("lingflow", "the run")):
        if key in cmd:
            return name
    return cmd[:40]


class TreeMemory(threading.Thread):
    """Samples the process tree under ``pid``: peak sum of RSS, of PSS and the largest single RSS (MB),
    and the PSS of each process at the tree's PSS peak (``at_peak``)."""

    def __init__(self, pid: int, every: float = 0.3) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.stop = pid, every, threading.Event()
        self.rss = self.pss = self.single = 0.0
        self.at_peak: list[tuple[str, float]] = []

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            rss = [_kb(p, "status", "VmRSS:") for p in pids]
            self.rss = max(self.rss, sum(rss) / 1024)
            self.single = max(self.single, max(rss, default=0) / 1024)
            pss = [_kb(p, "smaps_rollup", "Pss:") / 1024 for p in pids]
            if sum(pss) > self.pss:
                self.pss = sum(pss)
                self.at_peak = sorted(((_what(p), round(m)) for p, m in zip(pids, pss) if m > 1),
                                      key=lambda x: -x[1])
            self.stop.wait(self.every)


def timed(cmd: list[str], env: dict[str, str], memory: bool = False, cwd: Path = REPO) -> dict:
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd)
    mem = TreeMemory(proc.pid) if memory else None
    if mem:
        mem.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    if mem:
        mem.stop.set()
        mem.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out[-4000:]}")
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every process it waited for
    row = {"wall_s": wall, "cpu_s": (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)}
    if mem:
        row.update(peak_rss_tree_mb=mem.rss, peak_pss_tree_mb=mem.pss, peak_rss_single_mb=mem.single,
                   pss_at_peak_mb=mem.at_peak)
    return row


def trivial_flow(env: dict[str, str]) -> dict:
    script = SCRATCH / "trivial_flow.py"
    script.write_text(TRIVIAL, encoding="utf-8")
    return timed([sys.executable, str(script)], env)


LAUNCH = "import sys; from flows.cli import main; sys.argv[0] = 'lingflow'; sys.exit(main())"


def lingflow_run(corpus: Path, out: Path, env: dict[str, str], extra: list[str], memory: bool = False,
                 src: Path | None = None) -> dict:
    """``lingflow run``; with ``src``, the code of that source tree (``--compare``) in this same venv."""
    args = ["run", str(corpus), "--out", str(out), "--no-progress", *extra]
    if src is None:
        return timed([LINGFLOW, *args], env, memory)
    return timed([sys.executable, "-c", LAUNCH, *args], dict(env, PYTHONPATH=str(src)), memory, cwd=src)


def reference_tree(ref: str) -> Path:
    """The source of git ``ref`` extracted under scratch/ (``git archive``: no worktree, no git state)."""
    sha = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, check=True, capture_output=True,
                         text=True).stdout.strip()
    dest = SCRATCH / f"src-{sha}"
    if not (dest / "flows" / "cli.py").exists():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", "--format=tar", sha], cwd=REPO, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def last_run(out: Path) -> dict:
    import pyarrow.parquet as pq

    t = pq.read_table(out / "runs").to_pylist()
    return max(t, key=lambda r: r["started_at"])


# -- a running prefect server --------------------------------------------------------------

def start_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    senv = dict(env, PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port))
    log = open(SCRATCH / "server.log", "w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start"], stdout=log, stderr=subprocess.STDOUT,
                            env=senv, cwd=REPO)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/health", timeout=2).read().strip() == b"true":
                return proc, url
        except OSError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.25)
    proc.kill()
    raise SystemExit(f"prefect server did not start; see {SCRATCH / 'server.log'}")


def start_workers(env: dict[str, str]) -> tuple[subprocess.Popen, float]:
    """`lingflow workers` (every model loaded) on the socket of ``env``; returns it and its start-up seconds."""
    sock = Path(env["LINGFLOW_WORKERS_SOCKET"])
    sock.unlink(missing_ok=True)
    log_file = SCRATCH / "workers.log"
    t0 = time.perf_counter()
    proc = subprocess.Popen([LINGFLOW, "workers"], stdout=open(log_file, "w"), stderr=subprocess.STDOUT, env=env,
                            cwd=REPO)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if "listening" in log_file.read_text():
            return proc, time.perf_counter() - t0
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"lingflow workers did not start; see {log_file}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


# -- the measurements ---------------------------------------------------------------------

def small_runs(env: dict[str, str], repeats: int, extra: list[str], tag: str,
               ref: Path | None = None) -> dict[str, list[float]]:
    """Interleaved repeats of the floor, the cold seed run and the unchanged re-run (and the same
    two runs of the ``ref`` source tree, alternating which goes first)."""
    variants = [("", None)] + ([("_ref", ref)] if ref else [])
    walls: dict[str, list[float]] = {f"{k}{v}": [] for v, _ in variants for k in ("cold", "unchanged")}
    walls["floor"] = []
    cpus: dict[str, list[float]] = {k: [] for k in walls}

    def add(key: str, r: dict) -> None:
        walls[key].append(r["wall_s"])
        cpus[key].append(r["cpu_s"])

    for r in range(repeats):
        add("floor", trivial_flow(env))
        for suffix, src in (variants if r % 2 == 0 else variants[::-1]):
            out = SCRATCH / f"out-seeds-{tag}{suffix}-{r}"
            shutil.rmtree(out, ignore_errors=True)
            add("cold" + suffix, lingflow_run(SEEDS, out, env, extra, src=src))
            assert last_run(out)["processed"] == 4, "the cold run did not process the 4 seeds"
            add("unchanged" + suffix, lingflow_run(SEEDS, out, env, extra, src=src))
            assert last_run(out)["processed"] == 0, "the unchanged re-run processed documents"
        print(f"  [{tag} {r + 1}/{repeats}] " + ", ".join(f"{k} {v[-1]:.1f} s ({cpus[k][-1]:.1f} CPU-s)"
                                                         for k, v in walls.items()), flush=True)
    return walls, cpus


def medians(walls: dict[str, list[float]], cpus: dict[str, list[float]]) -> dict:
    return {k: {"median_s": statistics.median(v), "runs_s": v, "median_cpu_s": statistics.median(cpus[k]),
                "cpu_s": cpus[k]} for k, v in walls.items()}


def raw_slowest(corpus: Path) -> dict:
    """The slowest language's raw NER words/s on ``corpus`` (bench_pipeline.py raw, its own process)."""
    raw_file = RESULTS / "raw.jsonl"
    before = raw_file.read_text("utf-8").count("\n") if raw_file.exists() else 0
    subprocess.run([sys.executable, "-m", "benchmarks.bench_pipeline", "raw", "--corpus", str(corpus)], cwd=REPO,
                   check=True, stdout=subprocess.DEVNULL, env=base_env())
    rows = [json.loads(x) for x in raw_file.read_text("utf-8").splitlines()[before:]]
    slow = min(rows, key=lambda r: r["ner_words_s"])
    return {"lang": slow["lang"], "backend": slow["ner_backend"], "ner_words_s": slow["ner_words_s"],
            "all_models_words_s": min(r["all_models_words_s"] for r in rows)}


def large_run(n: int, env: dict[str, str], extra: list[str], src: Path | None = None) -> dict:
    from benchmarks.bench_pipeline import ensure_corpus

    corpus = ensure_corpus(REPO / "scratch" / "bench" / f"c{n}", n)
    words = corpus_words(corpus)
    out = SCRATCH / f"out-large-{n}{'-ref' if src else ''}"
    shutil.rmtree(out, ignore_errors=True)
    r = lingflow_run(corpus, out, env, extra, memory=True, src=src)
    run = last_run(out)
    assert run["processed"] == n, f"processed {run['processed']} of {n}"
    return {"docs": n, "words": words, **r, "flow_s": run["duration_s"], "words_s_wall": words / r["wall_s"],
            "corpus": str(corpus.relative_to(REPO))}


def _m(section: dict) -> dict:
    return {"wall_s": section["median_s"], "cpu_s": section["median_cpu_s"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="200 mixed documents, one repeat")
    ap.add_argument("--n", type=int, default=None, help="mixed documents (default 2000; 200 with --quick)")
    ap.add_argument("--repeats", type=int, default=None, help="repeats of the small runs (default 3; 1 with --quick)")
    ap.add_argument("--label", default="latest", help="name of this measurement (in the JSON and its file name)")
    ap.add_argument("--no-server", action="store_true", help="skip the runs against a running prefect server")
    ap.add_argument("--no-large", action="store_true", help="skip the N-document run")
    ap.add_argument("--no-raw", action="store_true", help="skip the raw backend speed")
    ap.add_argument("--workers", type=int, default=None, help="pass --workers N to every lingflow run")
    ap.add_argument("--compare", metavar="REF", help="also run the lingflow of git REF (same venv), interleaved")
    a = ap.parse_args()
    n = a.n or (200 if a.quick else 2000)
    repeats = a.repeats or (1 if a.quick else 3)
    extra = ["--workers", str(a.workers)] if a.workers else []
    SCRATCH.mkdir(parents=True, exist_ok=True)
    env = base_env()
    print("creating the Prefect database (untimed) ...", flush=True)
    trivial_flow(env)

    ref = reference_tree(a.compare) if a.compare else None
    rec: dict = {"label": a.label, "repeats": repeats, "extra_args": extra, "machine": machine(),
                 "compare": a.compare, "load_before": os.getloadavg()[0], "at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    rec["ephemeral"] = medians(*small_runs(env, repeats, extra, "ephemeral", ref))
    if not a.no_server:
        proc, url = start_server(env)
        try:
            swalls = small_runs(base_env(url), repeats, extra, "server", ref)
            wenv = base_env(url, SCRATCH / "workers.sock")
            wproc, wstart = start_workers(wenv)
            try:
                wwalls = small_runs(wenv, repeats, extra, "server+workers")
            finally:
                stop_server(wproc)
        finally:
            stop_server(proc)
        rec["server"] = medians(*swalls)
        rec["server_workers"] = {**medians(*wwalls), "workers_start_s": wstart}
    if not a.no_large:
        if ref:
            rec["large_ref"] = large_run(n, env, extra, ref)
        rec["large"] = large_run(n, env, extra)
        if not a.no_raw:
            rec["raw_slowest"] = raw_slowest(REPO / rec["large"]["corpus"])
    rec["load_after"] = os.getloadavg()[0]

    floor = rec["ephemeral"]["floor"]["median_s"]
    floor_cpu = rec["ephemeral"]["floor"]["median_cpu_s"]
    rows = [{"what": "trivial Prefect flow, one task, cold (the floor)", **_m(rec["ephemeral"]["floor"])},
            {"what": "lingflow run, 4 seeds, fresh output", **_m(rec["ephemeral"]["cold"])},
            {"what": "lingflow run, 4 seeds, unchanged re-run", **_m(rec["ephemeral"]["unchanged"])}]
    if ref:
        rows += [{"what": f"  {a.compare}: 4 seeds, fresh output", **_m(rec["ephemeral"]["cold_ref"])},
                 {"what": f"  {a.compare}: 4 seeds, unchanged re-run",
                  **_m(rec["ephemeral"]["unchanged_ref"])}]
    if "server" in rec:
        rows += [{"what": "with prefect server: trivial flow", **_m(rec["server"]["floor"])},
                 {"what": "with prefect server: 4 seeds, fresh output", **_m(rec["server"]["cold"])},
                 {"what": "with prefect server: 4 seeds, unchanged",
                  **_m(rec["server"]["unchanged"])}]
        rows += [{"what": "with prefect server and `lingflow workers`: 4 seeds, fresh output",
                  **_m(rec["server_workers"]["cold"])},
                 {"what": "with prefect server and `lingflow workers`: 4 seeds, unchanged",
                  **_m(rec["server_workers"]["unchanged"])}]
        if ref:
            rows += [{"what": f"  {a.compare}, with server: 4 seeds, fresh output",
                      **_m(rec["server"]["cold_ref"])},
                     {"what": f"  {a.compare}, with server: 4 seeds, unchanged",
                      **_m(rec["server"]["unchanged_ref"])}]
    for key, name in (("large_ref", f"  {a.compare}: "), ("large", "")):
        if key not in rec:
            continue
        lg = rec[key]
        rows.append({"what": f"{name}lingflow run, {n:,} mixed documents ({lg['words']:,} words)",
                     "wall_s": lg["wall_s"], "cpu_s": lg["cpu_s"], "words_s": lg["words_s_wall"],
                     "peak_rss_tree_mb": lg["peak_rss_tree_mb"], "peak_pss_tree_mb": lg["peak_pss_tree_mb"],
                     "peak_rss_single_mb": lg["peak_rss_single_mb"]})
    if "large" in rec:
        raw = rec.get("raw_slowest")
        if raw:
            rows.append({"what": f"slowest backend alone, raw ({raw['lang']}: {raw['backend']}, one core)",
                         "words_s": raw["ner_words_s"]})
    for r in rows:
        if "wall_s" in r:
            r["x_floor"] = r["wall_s"] / floor
            r["cpu_x_floor"] = r["cpu_s"] / floor_cpu
    rec["table"] = rows
    print(f"\ntime to first result ({a.label}; medians of {repeats}; load average {rec['load_before']:.1f} "
          f"-> {rec['load_after']:.1f})\n")
    print_table(rows, ["what", "wall_s", "x_floor", "cpu_s", "cpu_x_floor", "words_s", "peak_rss_tree_mb", "peak_pss_tree_mb",
                       "peak_rss_single_mb"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "time_to_first.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(rec) + "\n")
    (RESULTS / f"time_to_first-{a.label}.json").write_text(json.dumps(rec, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
