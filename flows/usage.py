"""Run the typer app so that every usage problem is one line on stderr and exit 2, never a traceback.

A bad option or argument (click's usage errors) and a bad ``LINGFLOW_*`` variable
(:class:`flows.settings.SettingError`, wherever it is read) both end here.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from flows.settings import SettingError


def _is(exc: BaseException, name: str) -> bool:
    """``exc`` is click's ``name`` exception (typer vendors click, so match by class name)."""
    return any(c.__name__ == name for c in type(exc).__mro__)


def run_app(app: Any) -> None:
    try:
        code = app(standalone_mode=False)
    except SettingError as exc:
        typer.secho(f"lingflow: {exc}", fg="red", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - click's usage errors; anything else is re-raised
        if _is(exc, "NoArgsIsHelpError"):  # `lingflow eval`: its help, as before
            ctx = getattr(exc, "ctx", None)
            typer.echo(ctx.get_help() if ctx is not None else str(exc))
            sys.exit(2)
        if _is(exc, "UsageError"):  # a bad option or argument
            ctx = getattr(exc, "ctx", None)
            where = f"lingflow {ctx.info_name}" if ctx is not None and ctx.parent is not None else "lingflow"
            typer.secho(f"{where}: {exc.format_message()} (see --help)", fg="red", err=True)
            sys.exit(2)
        if _is(exc, "Abort"):
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        if _is(exc, "ClickException"):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    sys.exit(code if isinstance(code, int) else 0)
