"""``lingflow inspect`` and ``lingflow report``: what a run wrote, for people and scripts (thin over the library)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from flows.settings import SETTINGS

OUT_HELP = "Output folder of a run (default: outputs, or env var LINGFLOW_OUT)."


def fail(message: object) -> None:
    """One red line on stderr and exit 2 (a usage problem, never a traceback)."""
    typer.secho(f"lingflow: {message}", fg="red", err=True)
    raise typer.Exit(2)


def inspect(out: Optional[Path] = typer.Argument(None, help=OUT_HELP, show_default=False),
            table: Optional[str] = typer.Option(None, "--table", "-t",
                                                help="One view: documents, mentions, entities, dates or runs."),
            failed: bool = typer.Option(False, "--failed", help="The documents that failed, with the reason."),
            doc: Optional[str] = typer.Option(None, "--doc", help="One document (path relative to the corpus root) "
                                                                 "with its mentions and dates."),
            rows: int = typer.Option(10, "--rows", "-n", help="Rows to show per table (0: all)."),
            as_json: bool = typer.Option(False, "--json", help="Print JSON (for scripts) instead of tables.")) -> None:
    """What a run wrote: a summary, or one view (--table, --failed) or one document (--doc)."""
    from pipeline import inspect as lib

    out = out or Path(SETTINGS.out_dir)
    if sum(map(bool, (table, failed, doc))) > 1:
        fail("give at most one of --table, --failed and --doc")
    if table is not None and table not in lib.VIEWS[1:-1]:
        fail(f"unknown table {table!r} for --table; choose one of {', '.join(lib.VIEWS[1:-1])}")
    try:
        if doc is not None:
            result = lib.document(out, doc)
        elif table or failed:
            result = lib.view(out, "failed" if failed else table, rows)
        else:
            result = lib.view(out, "summary")
            result["samples"] = {name: lib.view(out, name, rows)["rows"] for name in ("mentions", "entities")}
    except (lib.NotAnOutputFolder, lib.NoSuchDocument) as exc:
        fail(str(exc))
    if as_json:
        import json

        typer.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return
    from flows.show import print_inspect

    print_inspect(result, out)


def report(out: Optional[Path] = typer.Argument(None, help=OUT_HELP, show_default=False),
           html: Path = typer.Option(..., "--html", help="Write the report to this HTML file (self-contained)."),
           top: int = typer.Option(25, "--top", min=1, help="Entities listed per label."),
           screenshot: Optional[Path] = typer.Option(None, "--screenshot",
                                                     help="Also save a PNG of the report (needs chromium)."),
           view: str = typer.Option("documents", "--screenshot-view",
                                    help="What the PNG shows: overview, entities, timeline, documents, runs, "
                                         "documents&lang=fa,ru or doc=PATH.")) -> None:
    """One self-contained HTML file: overview, top entities, timeline, documents with entities marked, runs."""
    from pipeline.report import NotAnOutputFolder, build_report

    out = out or Path(SETTINGS.out_dir)
    try:
        info = build_report(out, html, top=top)
    except NotAnOutputFolder as exc:
        fail(str(exc))
    typer.echo(f"wrote {info['path']} ({info['bytes'] / 1e6:.1f} MB, {info['documents']:,} documents); "
               f"open it in a browser, or in a notebook: IPython.display.IFrame({str(html)!r}, '100%', 800)")
    if screenshot:
        from pipeline.report.browser import BrowserError, Chromium

        try:
            with Chromium(width=1200, height=700) as browser:
                browser.load(html.resolve().as_uri() + "#" + view)
                browser.screenshot(screenshot, full_page=True)
        except BrowserError as exc:
            fail(f"no screenshot: {exc}")
        typer.echo(f"wrote {screenshot}")
