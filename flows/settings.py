"""One settings module for the flows (environment variables prefixed ``LINGFLOW_``).

Every variable is read and validated when its value is used, never at import, so a bad one
cannot break ``lingflow --help``; a bad value raises :class:`SettingError`, whose message is
one line naming the variable, the value and what is accepted (the CLI prints it, exit 2).
"""

from __future__ import annotations

import os
from pathlib import Path


class SettingError(ValueError):
    """A ``LINGFLOW_*`` variable holds a value that is not accepted (the message is one line)."""


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None or value.strip() == "" else value.strip()


def env_int(name: str, default: int, minimum: int = 1) -> int:
    """A whole number >= ``minimum`` from ``name``, or ``default`` when unset or empty."""
    value = _raw(name)
    if value is None:
        return default
    try:
        n = int(value, 10)
    except ValueError:
        n = None
    if n is None or n < minimum:
        raise SettingError(f"{name}={value!r} is not valid: expected a whole number >= {minimum} "
                           f"(default {default})")
    return n


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() not in choices:
        raise SettingError(f"{name}={value!r} is not valid: expected one of {', '.join(choices)} (default {default})")
    return value.lower()


def env_dir(name: str, default: str | None = None, must_exist: bool = True) -> str | None:
    value = _raw(name)
    if value is None:
        return default
    if must_exist and not Path(value).is_dir():
        raise SettingError(f"{name}={value!r} is not valid: expected an existing folder")
    return value


class Settings:
    """``SETTINGS.batch_size`` etc.: each attribute reads and validates its variable when used."""

    @property
    def out_dir(self) -> str:  # LINGFLOW_OUT: any path (checked with the corpus before a run)
        return _raw("LINGFLOW_OUT") or "outputs"

    @property
    def batch_size(self) -> int:  # documents per Prefect task
        return env_int("LINGFLOW_BATCH_SIZE", 64)

    @property
    def max_mb(self) -> int:  # larger files are refused with a reason
        return env_int("LINGFLOW_MAX_MB", 50)

    @property
    def workers(self) -> int:  # batches at once; default: the CPUs this process may use (at most 4)
        from flows.runners import default_workers

        return env_int("LINGFLOW_WORKERS", default_workers())

    @property
    def matmul(self) -> str:  # read by pipeline/ner/spacy_backend.py; validated here for the CLI
        return env_choice("LINGFLOW_MATMUL", "numpy", ("numpy", "blis"))

    @property
    def stanza_dir(self) -> str | None:  # read by pipeline/ner/stanza_backend.py
        return env_dir("LINGFLOW_STANZA_DIR")

    @property
    def data_dir(self) -> str:  # ../shared/data for eval and train (existence is checked where used)
        return _raw("LINGFLOW_DATA") or str(Path(__file__).resolve().parent.parent.parent / "shared" / "data")

    def validate(self) -> None:
        """Read every setting once: raises :class:`SettingError` for the first bad one."""
        for name in ("out_dir", "batch_size", "max_mb", "workers", "matmul", "stanza_dir", "data_dir"):
            getattr(self, name)


SETTINGS = Settings()


def quiet_prefect_defaults() -> None:
    """Defaults that keep an offline local run quiet (users can still override them)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    # Prefect's temporary server gets 20 s to start by default; on a busy 2-core machine that is not
    # always enough ("Timed out while attempting to connect to ephemeral Prefect API server").
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
