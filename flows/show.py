"""Printing of ``lingflow inspect`` results as rich tables (the records come from :mod:`pipeline.inspect`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

WIDTH = 60
HEAD = {"lang_confidence": "conf", "mentions_written": "mentions", "duration_s": "s", "mention_count": "mentions",
        "doc_count": "docs", "granularity": "gran.", "source_value": "as written", "n_chars": "chars",
        "n_words": "words", "started_at": "started (UTC)", "unchanged": "same", "processed": "done",
        "normalized": "normalized", "flow_run_id": "flow run", "run_id": "run"}
HIDE = {"ingested_at", "start_date", "end_date", "entity_id"}   # in --json, not in the tables


def cell(v: Any, width: int = WIDTH) -> str:
    """A readable cell: nulls empty, lists joined, whitespace runs as one space, long text cut."""
    if v is None:
        return ""
    if isinstance(v, list):
        s = " · ".join(cell(x, 10**6) if not isinstance(x, dict) else _span(x) for x in v)
    elif isinstance(v, dict):
        s = ", ".join(f"{k}: {x}" for k, x in v.items())
    elif isinstance(v, float):
        s = f"{v:g}"
    else:
        s = re.sub(r"\s+", " ", str(v)).strip()
    return s if len(s) <= width else s[:width - 1] + "…"


def _span(d: dict) -> str:
    return f"{d.get('lang')} {d.get('start')}–{d.get('end')}" if "start" in d else cell(d)


def _table(title: str, rows: list[dict], columns: list[str] | None = None) -> Any:
    from rich.table import Table

    cols = [c for c in columns or (list(rows[0]) if rows else []) if c not in HIDE]
    t = Table(title=title, title_justify="left")
    for c in cols:
        vals = [r.get(c) for r in rows if r.get(c) is not None]
        num = bool(vals) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals)
        longest = max([len(_value(c, v)) for v in vals] + [len(HEAD.get(c, c)) if num else 4])
        t.add_column(HEAD.get(c, c), overflow="fold", min_width=min(longest, 19), justify="right" if num else "left")
    for r in rows:
        t.add_row(*[_value(c, r.get(c)) for c in cols])
    return t


def _value(col: str, v: Any) -> str:
    if v is None:
        return ""
    if col.endswith("_id"):
        return str(v)[:8]
    if col.endswith("_at"):
        return str(v)[:19].replace("T", " ")
    return cell(v)


def print_inspect(result: dict, out: Path) -> None:
    from rich.console import Console

    con = Console()
    if not con.is_terminal:  # piped or redirected: no terminal width to follow
        con = Console(width=140)
    kind = result["view"]
    if kind == "summary":
        con.print(_table(f"tables in {out}", [{"table": k, "rows": v} for k, v in result["tables"].items()]))
        facts = [{"what": "documents by status", "value": result["documents_by_status"]},
                 {"what": "documents by language", "value": result["documents_by_language"]},
                 {"what": "mentions by label", "value": result["mentions_by_label"]}]
        run = result.get("last_run")
        if run:
            facts.append({"what": "last run", "value": f"{_value('started_at', run['started_at'])} UTC  {run['status']}: {run['seen']} seen, "
                                                       f"{run['processed']} processed, {run['failed']} failed"})
        con.print(_table("summary", facts))
        for name, rows in result.get("samples", {}).items():
            con.print(_table(f"{name} (first {len(rows)})", rows))
        con.print("more: lingflow inspect OUT --table documents|mentions|entities|dates|runs, --failed, "
                  "--doc PATH, --json", style="dim")
    elif kind == "document":
        d = result["document"]
        con.print(_table(f"document {d['path']}", [{"field": k, "value": v} for k, v in d.items()]))
        con.print(_table(f"mentions ({len(result['mentions'])})", result["mentions"]))
        if result["dates"]:
            con.print(_table(f"dates ({len(result['dates'])})", result["dates"]))
    else:
        rows = result["rows"]
        shown = f"first {len(rows)} of {result['total']}" if len(rows) < result["total"] else f"{result['total']}"
        if not rows:
            con.print(f"{kind}: no rows" + (" (no document failed)" if kind == "failed" else ""))
            return
        if kind == "runs":
            rows = [_run_line(r) for r in rows]
        con.print(_table(f"{kind} ({shown} rows)", rows))


def _run_line(r: dict) -> dict:
    """One run in a line that fits a terminal (every column is in --json)."""
    return {"started (UTC)": _value("started_at", r["started_at"])[:16], "status": r["status"], "seen": r["seen"],
            "new/chg/same/del": f"{r['new']}/{r['changed']}/{r['unchanged']}/{r['deleted']}",
            "failed": r["failed"], "mentions": r["mentions_written"], "s": round(r["duration_s"], 1),
            "flow run": _value("flow_run_id", r.get("flow_run_id"))}


def print_summary(s: dict, wall: float, loaded: str | None = None) -> None:
    """The table ``lingflow run`` ends with."""
    from rich.console import Console
    from rich.table import Table

    con = Console(stderr=False)
    t = Table(title=f"lingflow run {s['run_id'][:8]}  ->  {s['out_dir']}", show_header=False)
    t.add_column("what")
    t.add_column("value")
    t.add_row("files seen", str(s["seen"]))
    t.add_row("new / changed / unchanged / deleted", f"{s['new']} / {s['changed']} / {s['unchanged']} / {s['deleted']}")
    t.add_row("processed / failed", f"{s['processed']} / {s['failed']}")
    t.add_row("documents per language", ", ".join(f"{k}: {v}" for k, v in s["per_language"].items()) or "-")
    t.add_row("mentions per label", ", ".join(f"{k}: {v}" for k, v in s["per_label"].items()) or "-")
    t.add_row("mentions written", str(s["mentions_written"]))
    for reason, n in s["failures"].items():
        t.add_row("failed: " + reason, str(n))
    words = s.get("words", 0)
    t.add_row("flow time / wall time", f"{s['duration_s']:.1f} s / {wall:.1f} s"
              + (f"  ({words / s['duration_s']:.0f} words/s)" if words and s["duration_s"] else ""))
    if loaded is not None:
        t.add_row("models loaded", loaded)
    con.print(t)
