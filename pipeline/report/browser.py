"""Open a report in headless Chromium through the DevTools protocol: load time, console errors, screenshots.

Used by ``lingflow report --screenshot``, the report tests and ``benchmarks/report_load.py``.
Needs a ``chromium`` (Debian: ``apt-get install chromium``) on PATH; :func:`find_chromium`
returns None when there is none. Talks to the browser with ``websockets`` (a Prefect dependency).
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str | None:
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One headless Chromium with one page; collects console errors and uncaught exceptions."""

    def __init__(self, binary: str | None = None, width: int = 1280, height: int = 900, timeout: float = 60) -> None:
        from websockets.sync.client import connect

        self.binary = binary or find_chromium()
        if not self.binary:
            raise BrowserError("no chromium on PATH (Debian: apt-get install chromium)")
        self.timeout = timeout
        self._dir = tempfile.TemporaryDirectory(prefix="lingflow-chromium-", ignore_cleanup_errors=True)
        log = Path(self._dir.name) / "stderr.log"
        self._log = open(log, "w")
        self.proc = subprocess.Popen(
            [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--disable-dev-shm-usage", "--remote-debugging-port=0", f"--user-data-dir={self._dir.name}/profile",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=self._log)
        url = self._wait_for_url(log)
        self.ws = connect(url, max_size=None, open_timeout=timeout)
        self._ids = itertools.count(1)
        self.events: list[dict] = []
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                         "mobile": False})

    def _wait_for_url(self, log: Path) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for line in log.read_text(errors="replace").splitlines():
                if "DevTools listening on " in line:
                    return line.split("DevTools listening on ", 1)[1].strip()
            if self.proc.poll() is not None:
                raise BrowserError(f"chromium exited with {self.proc.returncode}: {log.read_text()[-2000:]}")
            time.sleep(0.05)
        raise BrowserError("chromium did not open its DevTools port")

    # -- protocol ---------------------------------------------------------------------------
    def call(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        msg_id = next(self._ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._recv(deadline)
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _recv(self, deadline: float) -> dict:
        left = deadline - time.monotonic()
        if left <= 0:
            raise BrowserError("timed out waiting for the browser")
        msg = json.loads(self.ws.recv(timeout=left))
        if "method" in msg:
            self.events.append(msg)
        return msg

    def wait_event(self, method: str, since: int = 0) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for ev in self.events[since:]:
                if ev["method"] == method:
                    return ev
            since = len(self.events)
            self._recv(deadline)

    # -- page -------------------------------------------------------------------------------
    def load(self, url: str) -> float:
        """Navigate and wait for the load event; returns milliseconds from navigation start to loadEventEnd."""
        mark = len(self.events)
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", mark)
        return float(self.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                   " return n.loadEventEnd || performance.now(); })()"))

    def evaluate(self, expression: str) -> Any:
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise BrowserError(f"{expression[:80]}: {r['exceptionDetails'].get('exception', {}).get('description')}")
        return r["result"].get("value")

    def console_errors(self) -> list[str]:
        """Uncaught exceptions, console.error/assert calls and browser log errors seen so far."""
        out = []
        for ev in self.events:
            p = ev.get("params", {})
            if ev["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(d.get("exception", {}).get("description") or d.get("text", "exception"))
            elif ev["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif ev["method"] == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(f"{p['entry'].get('source')}: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        return out

    def requests_outside(self) -> list[str]:
        """URLs the page asked for beyond its own file (a self-contained report asks for none)."""
        urls = [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]
        return [u for u in urls if not u.startswith(("file:", "data:", "about:"))]

    def screenshot(self, path: str | Path, full_page: bool = False) -> Path:
        """A PNG of the viewport, or (``full_page``) of the whole page down to its last line."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        data = self.call("Page.captureScreenshot", params)["data"]
        dest = Path(path)
        dest.write_bytes(base64.b64decode(data))
        return dest

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            self._log.close()
            self._dir.cleanup()

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
