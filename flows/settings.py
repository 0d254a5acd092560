"""One settings module for the flows (environment variables prefixed ``LINGFLOW_``)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass(frozen=True)
class Settings:
    out_dir: str = os.environ.get("LINGFLOW_OUT", "outputs")
    batch_size: int = _int("LINGFLOW_BATCH_SIZE", 64)          # documents per Prefect task
    max_mb: int = _int("LINGFLOW_MAX_MB", 50)                   # larger files are refused with a reason
    workers: int = _int("LINGFLOW_WORKERS", 1)


SETTINGS = Settings()


def quiet_prefect_defaults() -> None:
    """Defaults that keep an offline local run quiet (users can still override them)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    # Prefect's temporary server gets 20 s to start by default; on a busy 2-core machine that is not
    # always enough ("Timed out while attempting to connect to ephemeral Prefect API server").
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
