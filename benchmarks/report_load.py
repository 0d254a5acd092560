"""How fast a `lingflow report` page opens in headless Chromium (issue 20). A script, not a test.

    python benchmarks/gen_corpus.py --n 10000 --out scratch/bench/c10000
    lingflow run scratch/bench/c10000 --out scratch/bench/out10000
    python benchmarks/report_load.py --out scratch/bench/out10000 --html scratch/bench/report-10k.html

Builds the report with ``lingflow report`` (the same code path users run), then opens it
``--repeat`` times, each in a fresh headless Chromium, and measures in the browser:
navigation start to the load event, to the report's first view being drawn (its
``data-ready`` mark), and the time to draw the documents page, a document, a far page of
the list, the entities and the timeline. Prints a table and appends a JSON line to
benchmarks/results/report_load.jsonl.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.report.browser import Chromium  # noqa: E402

STEPS = {
    "documents page": "lingflowReport.show('documents')",
    "open a document": "lingflowReport.openDoc(Math.floor(lingflowReport.data.meta.n_documents / 2))",
    "page 300 of the list": "lingflowReport.showDocs({page: 300})",
    "entities tab": "lingflowReport.show('entities')",
    "timeline tab": "lingflowReport.show('timeline')",
}


def timed(b: Chromium, js: str) -> float:
    """Milliseconds for ``js`` and the layout it causes (forced by reading a layout property)."""
    return float(b.evaluate(f"(() => {{ const t = performance.now(); {js}; document.body.offsetHeight;"
                            " return performance.now() - t; })()"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="output folder of a lingflow run")
    ap.add_argument("--html", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("lingflow")), "report", str(args.out), "--html",
                    str(args.html)], check=True)
    build_s = time.perf_counter() - t0
    size_mb = args.html.stat().st_size / 1e6
    runs = []
    for _ in range(args.repeat):
        with Chromium() as b:
            load_ms = b.load(args.html.resolve().as_uri())
            ready_ms = float(b.evaluate("document.querySelector('.lfr').dataset.ready"))
            row = {"load event ms": load_ms, "first view drawn ms": ready_ms}
            row.update({f"{k} ms": timed(b, js) for k, js in STEPS.items()})
            n = int(b.evaluate("lingflowReport.data.meta.n_documents"))
            errors = b.console_errors()
            row["DOM elements"] = int(b.evaluate("document.getElementsByTagName('*').length"))
            runs.append(row)
        if errors:
            sys.exit(f"console errors: {errors}")
    print(f"\nreport of {n:,} documents: {size_mb:.1f} MB, built in {build_s:.1f} s (lingflow report, wall)\n")
    keys = list(runs[0])
    print("| measure | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " | median |")
    print("|---|" + "---:|" * (len(runs) + 1))
    for k in keys:
        vals = [r[k] for r in runs]
        print(f"| {k} | " + " | ".join(f"{v:,.0f}" for v in vals) + f" | {statistics.median(vals):,.0f} |")
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    with open(results / "report_load.jsonl", "a") as f:
        f.write(json.dumps({"documents": n, "html_mb": size_mb, "build_s": build_s, "runs": runs,
                            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")


if __name__ == "__main__":
    main()
