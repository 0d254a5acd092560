"""Deployments and schedules of the ingest flow (the one module that declares them)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from flows.ingest import ingest


def deployment_name(corpus: str) -> str:
    """``ingest-<folder>``: one deployment per corpus folder, stable across restarts."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(corpus).resolve().name).strip("-") or "corpus"
    return f"ingest-{slug}"


def build_deployment(corpus: str, out_dir: str, cron: str | None = None, interval: float | None = None,
                     batch_size: int = 64, max_mb: int = 50, name: str | None = None) -> Any:
    """A deployment of the ingest flow over ``corpus`` with a cron or interval schedule."""
    if bool(cron) == bool(interval):
        raise ValueError("give exactly one of --cron or --interval")
    params = {"corpus": str(Path(corpus).resolve()), "out_dir": str(Path(out_dir).resolve()),
              "batch_size": batch_size, "max_mb": max_mb, "show_progress": False}
    kwargs: dict[str, Any] = {"cron": cron} if cron else {"interval": timedelta(seconds=float(interval))}
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    # one run at a time: a tick that comes while a run is still going is cancelled, not failed
    limit = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)
    return ingest.to_deployment(name=name or deployment_name(corpus), parameters=params, concurrency_limit=limit,
                                description=f"Incremental ingest of {params['corpus']} into {params['out_dir']}",
                                tags=["lingflow"], **kwargs)


def serve_corpus(corpus: str, out_dir: str, cron: str | None = None, interval: float | None = None,
                 **kwargs: Any) -> None:
    """Register the deployment and serve it until interrupted (Ctrl-C pauses its schedule).

    First heals what a previous ``serve`` that died may have left (see :mod:`flows.healing`):
    its dead runs are marked crashed and the deployment's concurrency slot is freed, so the
    next tick runs. Flow runs send heartbeats, so a run whose process is killed is crashed
    by an automation."""
    from prefect import serve
    from prefect.logging import get_logger

    from flows.healing import HEARTBEAT_SECONDS, heal

    deployment = build_deployment(corpus, out_dir, cron=cron, interval=interval, **kwargs)
    done = heal(f"ingest/{deployment.name}", str(Path(out_dir).resolve()))
    if done["crashed"] or done["slots_reset"]:
        get_logger("lingflow.serve").warning(
            "marked %d run(s) left by a stopped serve as crashed%s", len(done["crashed"]),
            "; freed the deployment's concurrency slot" if done["slots_reset"] else "")
    serve(deployment, heartbeat_seconds=HEARTBEAT_SECONDS)
