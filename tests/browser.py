"""A real headless browser for tests: Chromium driven over the DevTools protocol.

The protocol runs over a pair of pipes (`--remote-debugging-pipe`: the browser reads commands
on its descriptor 3 and writes answers and events on 4, each message JSON ended by a NUL), so
no WebSocket client, driver or network port is needed: the standard library is enough.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
TIMEOUT = 60.0  # seconds for one answer: a loaded CI machine starts a browser slowly


def find_browser() -> str | None:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(Exception):
    pass


class Browser:
    """One headless browser process; `open` a page, then `evaluate` in it and `screenshot` it.
    Script errors and console errors of the page are kept in `errors`."""

    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="factcheck-browser-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def pipes_at_3_and_4() -> None:  # in the child, before it closes what pass_fds does not keep
            reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)  # neither is 3 nor 4 now
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-sync", "--disable-component-update", "--hide-scrollbars", "--mute-audio",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=pipes_at_3_and_4, pass_fds=(3, 4),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next_id = 0
        self._messages: queue.Queue = queue.Queue()
        self._events: list[dict] = []
        self.errors: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: str | None = None

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._from_browser, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    self._messages.put(json.loads(raw))
        self._messages.put(None)

    def send(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        """A command's result; events that come meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def _receive(self) -> dict:
        try:
            message = self._messages.get(timeout=TIMEOUT)
        except queue.Empty:
            raise BrowserError("the browser did not answer") from None
        if message is None:
            raise BrowserError("the browser ended")
        if "method" in message:
            self._event(message)
        return message

    def _event(self, event: dict) -> None:
        self._events.append(event)
        params = event.get("params", {})
        if event["method"] == "Runtime.exceptionThrown":
            self.errors.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif event["method"] == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))
        elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(json.dumps(params.get("args", []))[:500])

    def open(self, url: str, width: int = 1000, height: int = 900) -> None:
        """Load a page in a new tab and wait for its load event."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        seen = len(self._events)
        self.send("Page.navigate", {"url": url})
        while not any(e["method"] == "Page.loadEventFired" and e.get("sessionId") == self.session for e in self._events[seen:]):
            self._receive()

    def evaluate(self, expression: str):
        """The JSON value of an expression evaluated in the page."""
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in answer:
            raise BrowserError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params: dict = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params |= {"captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}}
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except BrowserError:
            pass
        try:
            self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        shutil.rmtree(self.profile, ignore_errors=True)
