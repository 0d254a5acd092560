"""Write the report's data into one self-contained HTML file (inline CSS/JS, no network)."""

from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.io.tables import atomic_path
from pipeline.report.data import load_report_data

ASSETS = Path(__file__).with_name("assets")


def _json(obj: Any) -> str:
    """Compact JSON that is safe inside ``<script type="application/json">`` (no ``<`` at all)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str).replace("<", "\\u003c")


def render_html(data: dict[str, Any], title: str) -> str:
    """The page: one small data block parsed at load, one block per chunk of documents parsed on demand."""
    chunks = data.pop("chunks")
    root = "lfr-" + hashlib.sha256(title.encode()).hexdigest()[:10]
    blocks = [f'<script type="application/json" id="{root}-data">{_json(data)}</script>']
    blocks += [f'<script type="application/json" id="{root}-c{i}">{_json(c)}</script>' for i, c in enumerate(chunks)]
    data["chunks"] = chunks
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    subtitle = f"{data['meta']['out']} · {data['meta']['n_documents']:,} documents · generated {generated}"
    page = (ASSETS / "report.html").read_text("utf-8")
    # fill the placeholders in one pass, so no inserted text is ever searched for another placeholder
    parts = {"__VERSION__": html.escape(__version__), "__TITLE__": html.escape(title),
             "__SUBTITLE__": html.escape(subtitle), "__ROOT__": root,
             "__CSS__": (ASSETS / "report.css").read_text("utf-8"),
             "__DATA__": "\n".join(blocks),
             "__JS__": (ASSETS / "report.js").read_text("utf-8").replace("__ROOT__", root)}
    return re.sub("|".join(map(re.escape, parts)), lambda m: parts[m.group(0)], page)


def build_report(out: str | Path, html_path: str | Path, top: int = 25, runs: int = 20) -> dict[str, Any]:
    """Read the tables under ``out`` and write the report to ``html_path`` atomically; returns a summary."""
    data = load_report_data(out, top=top, runs=runs)
    page = render_html(data, Path(out).resolve().name or str(out))
    dest = Path(html_path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dest) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return {"path": str(dest), "bytes": dest.stat().st_size, "documents": data["meta"]["n_documents"],
            "chunks": len(data["chunks"])}
