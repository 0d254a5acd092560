"""Progress over documents: a rich bar on a terminal, log lines every 10 % otherwise."""

from __future__ import annotations

import sys
from typing import Any


class Progress:
    def __init__(self, total: int, enabled: bool = True, logger: Any = None) -> None:
        self.total, self.done, self.logger = total, 0, logger
        self._next_log = max(1, total // 10)
        self._bar = None
        if enabled and total and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, \
                TimeElapsedColumn, TimeRemainingColumn

            self._bar = RichProgress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("docs", total=total)

    def advance(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)
        elif self.logger is not None and (self.done >= self._next_log or self.done == self.total):
            self.logger.info("processed %d/%d documents", self.done, self.total)
            self._next_log = self.done + max(1, self.total // 10)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
