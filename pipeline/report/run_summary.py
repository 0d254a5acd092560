"""What one run found, as rows and markdown (the flow publishes them as Prefect artifacts; no Prefect here)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from pipeline.inspect import view
from pipeline.io.tables import TableStore

TOP_PER_LABEL = 5
MAX_FAILED_LISTED = 50


def failed_in_run(out_dir: str | Path, started: datetime) -> list[tuple[str, str]]:
    """``(path, error)`` of every document this run marked failed (its rows carry the run's start time)."""
    t = TableStore(out_dir).read("documents", ["path", "status", "error", "ingested_at"])
    t = t.filter(pc.and_(pc.equal(t.column("status"), "failed"), pc.equal(t.column("ingested_at"), started)))
    return sorted(zip(t.column("path").to_pylist(), (e or "" for e in t.column("error").to_pylist())))


def summary_rows(s: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per count: files, then documents per language, mentions per label, failures per reason."""
    rows = [{"group": "files", "name": k, "count": s[k]}
            for k in ("seen", "new", "changed", "unchanged", "deleted", "processed", "failed")]
    rows += [{"group": "language", "name": k, "count": v} for k, v in s["per_language"].items()]
    rows += [{"group": "label", "name": k, "count": v} for k, v in s["per_label"].items()]
    rows += [{"group": "failure", "name": k, "count": v} for k, v in s["failures"].items()]
    return rows


def _md(text: Any) -> str:
    """A table cell: no pipes or newlines."""
    return re.sub(r"\s+", " ", str(text if text is not None else "")).replace("|", "\\|")


def summary_markdown(s: dict[str, Any], failed: list[tuple[str, str]]) -> str:
    """Top entities of the output folder per label and the files this run could not process."""
    lines = [f"## lingflow run on `{s['corpus']}`", "",
             f"{s['seen']} files: {s['new']} new, {s['changed']} changed, {s['unchanged']} unchanged, "
             f"{s['deleted']} deleted; {s['processed']} processed, **{s['failed']} failed**; "
             f"{s['mentions_written']} mentions written in {s['duration_s']:.1f} s. Tables in `{s['out_dir']}`.", ""]
    ents = view(s["out_dir"], "entities", 0)["rows"] if Path(s["out_dir"], "entities").is_dir() else []
    lines += ["### Top entities", "", "| label | entity | lang | mentions | documents | variants |",
              "|---|---|---|---:|---:|---|"]
    seen: dict[str, int] = {}
    for e in ents:
        if seen.get(e["label"], 0) < TOP_PER_LABEL:
            seen[e["label"]] = seen.get(e["label"], 0) + 1
            lines.append(f"| {e['label']} | {_md(e['canonical'])} | {e['lang']} | {e['mention_count']} | "
                         f"{e['doc_count']} | {_md(' · '.join(e['variants'][:5]))} |")
    if not ents:
        lines.append("| | (no entities yet) | | | | |")
    lines += ["", f"### Failed files ({len(failed)})", ""]
    if failed:
        lines += ["| path | reason |", "|---|---|"]
        lines += [f"| `{_md(p)}` | {_md(e)} |" for p, e in failed[:MAX_FAILED_LISTED]]
        if len(failed) > MAX_FAILED_LISTED:
            lines.append(f"\n… and {len(failed) - MAX_FAILED_LISTED} more: `lingflow inspect {s['out_dir']} --failed`")
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def summary_parts(s: dict[str, Any], started: datetime) -> tuple[list[tuple[str, str]], list[dict[str, Any]], str]:
    """What a run publishes: its failed documents, the counts table and the markdown summary."""
    failed = failed_in_run(s["out_dir"], started)
    return failed, summary_rows(s), summary_markdown(s, failed)
