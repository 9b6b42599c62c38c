"""A tiny headless-Chromium driver over the DevTools protocol, standard library only.

Used by the browser tests, the 2,000-node benchmark and the README screenshot; not part
of kg's public API. Chromium is started with ``--remote-debugging-pipe`` (DevTools
messages are NUL-terminated JSON on file descriptors 3 and 4, so no port is opened) and
with networking disabled: a proxy to nowhere, every host name unresolvable, no
background, sync or component-update traffic, and a fresh profile.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

#: where Debian's chromium package puts the browser (CI installs it with apt)
CHROMIUM = "/usr/bin/chromium"

OFFLINE_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--no-default-browser-check", "--disable-default-apps", "--disable-extensions",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
)


def find_chromium() -> str | None:
    """The Chromium binary: $KG_CHROMIUM, /usr/bin/chromium, or chromium on PATH."""
    for candidate in (os.environ.get("KG_CHROMIUM"), CHROMIUM, shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


class DevToolsError(RuntimeError):
    """A DevTools command failed, timed out, or the page threw."""


class Browser:
    """Headless Chromium driven through the DevTools pipe.

    binary (str | None): browser path. Defaults to ``find_chromium()``.
    width (int), height (int): viewport size in CSS pixels.
    scale (float): device pixel ratio (2 gives sharper screenshots).
    """

    def __init__(self, binary: str | None = None, width: int = 1280, height: int = 800,
                 scale: float = 1.0) -> None:
        self.binary = binary or find_chromium()
        if not self.binary:
            raise FileNotFoundError("chromium not found - install it (apt-get install chromium)")
        self.width, self.height, self.scale = width, height, scale
        self.events: list[dict] = []
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None
        self._proc: subprocess.Popen | None = None

    # -- process -----------------------------------------------------------------------
    def start(self) -> "Browser":
        self._profile = tempfile.mkdtemp(prefix="kg-chromium-")
        cmd_read, self._cmd_write = os.pipe()  # we write commands; chromium reads fd 3
        self._res_read, res_write = os.pipe()  # chromium writes fd 4; we read
        # keep fds 3 and 4 busy in this process while forking, so subprocess's own
        # error pipe never lands on them (the child's dup2 below would clobber it)
        reserved = []
        for fd in (3, 4):
            try:
                os.fstat(fd)
            except OSError:
                reserved.append(os.open(os.devnull, os.O_RDONLY))

        def to_3_and_4() -> None:  # runs in the child between fork and exec
            a, b = os.dup(cmd_read), os.dup(res_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [self.binary, *OFFLINE_ARGS, f"--user-data-dir={self._profile}",
                "--remote-debugging-pipe", f"--window-size={self.width},{self.height}",
                "about:blank"]
        try:
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          preexec_fn=to_3_and_4, pass_fds=(3, 4))
        finally:
            for fd in reserved:
                os.close(fd)
            os.close(cmd_read)
            os.close(res_write)
        return self

    def close(self) -> None:
        if self._proc is not None:
            try:
                self.call("Browser.close", timeout=5)
            except Exception:  # noqa: BLE001 - closing anyway
                pass
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)
            self._proc = None
            for fd in (self._cmd_write, self._res_read):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- protocol ----------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("timed out waiting for chromium")
            ready, _, _ = select.select([self._res_read], [], [], left)
            if ready:
                chunk = os.read(self._res_read, 1 << 20)
                if not chunk:
                    raise DevToolsError("chromium closed the DevTools pipe (did it crash?)")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, timeout: float = 30,
             session: str | None = "default") -> dict:
        """Send one DevTools command and return its result (events seen meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        session = self.session if session == "default" else session
        if session:
            message["sessionId"] = session
        os.write(self._cmd_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
                if reply["method"] == "Page.javascriptDialogOpening":
                    self._dismiss_dialog(reply.get("sessionId"))

    def _dismiss_dialog(self, session: str | None) -> None:
        """Close an alert() at once (it would block the page); the event stays recorded."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": "Page.handleJavaScriptDialog",
                                   "params": {"accept": True}}
        if session:
            message["sessionId"] = session
        os.write(self._cmd_write, json.dumps(message).encode() + b"\0")

    def wait_event(self, method: str, timeout: float = 30) -> dict:
        """Wait for an event (also one already received since the last wait)."""
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except DevToolsError as err:
            if "timed out" not in str(err):
                raise

    # -- page --------------------------------------------------------------------------
    def open(self, url: str, timeout: float = 30) -> None:
        """Open a fresh tab on ``url`` and wait for its load event."""
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=None)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True}, session=None)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height,
                   "deviceScaleFactor": self.scale, "mobile": False})
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", timeout)

    def evaluate(self, expression: str, timeout: float = 30) -> Any:
        """Evaluate JavaScript in the page and return its value (JSON-serialisable)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise DevToolsError(f"page threw: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30, interval: float = 0.05) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise DevToolsError(f"timed out waiting for: {expression}")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A real left click (press and release) at viewport coordinates."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def drag(self, points: list[tuple[float, float]]) -> None:
        """Press at the first point, move through the rest, release at the last."""
        (x0, y0), rest = points[0], points[1:]
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x0, "y": y0})
        self.call("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x0, "y": y0,
                                               "button": "left", "clickCount": 1})
        for x, y in rest:
            self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y,
                                                   "button": "left", "buttons": 1})
        x1, y1 = points[-1]
        self.call("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x1, "y": y1,
                                               "button": "left", "clickCount": 1})

    def type_text(self, text: str) -> None:
        """Type into the focused element (as an input method would)."""
        self.call("Input.insertText", {"text": text})

    def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13})

    def screenshot(self, path: str | os.PathLike) -> Path:
        """Save a PNG of the viewport."""
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def requests(self) -> list[str]:
        """URLs of every request the page made (from the Network events seen so far)."""
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def errors(self) -> list[str]:
        """Exceptions, console errors and log errors (CSP violations included)."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                d = params.get("exceptionDetails", {})
                out.append(d.get("exception", {}).get("description") or d.get("text", ""))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                out.append(" ".join(str(a.get("value", a.get("description", "")))
                                    for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                out.append(params["entry"].get("text", ""))
        return out

    def dialogs(self) -> list[dict]:
        return [e["params"] for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]
