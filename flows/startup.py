"""What `lingflow run` does before Prefect is up: load the run's models in the background (issue 22).

Importing Prefect and starting its temporary server take most of a small run's wall time and
leave this process waiting; :mod:`pipeline.preload` uses that wait to load what the run needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def start_preload(corpus: Path, out: Path, full: bool, max_mb: int) -> Any:
    """Start loading the models the run will need, in a daemon thread (see :mod:`pipeline.preload`)."""
    from pipeline import preload

    return preload.start(str(corpus), str(out), full, max_mb * 1024 * 1024)


def loaded_models_line(preloader: Any) -> str:
    """The models this process loaded (seconds each) and how long the background loading took."""
    from pipeline.steps.base import loaded_models

    models = loaded_models()
    if not models:
        return "none"
    done = preloader.result
    ahead = f"; {done.seconds:.1f} s of loading while Prefect started" if done and done.languages else ""
    return ", ".join(f"{name} {s:.1f} s" for name, s in models.items()) + ahead
