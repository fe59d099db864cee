"""The HTML summary in a real browser: headless Chromium opens the page of
examples/jane.career, light and dark, and takes a screenshot of each.

The browser is driven over the DevTools protocol on `--remote-debugging-pipe`
(Chromium reads commands on fd 3 and writes replies and events on fd 4, each a
JSON object ended by a NUL byte), with the standard library only. That gives
what the test asserts: every request the page made (Network.requestWillBeSent:
the file itself and nothing else), every console message, exception and log
entry (none is an error: a blocked fetch or a CSP violation would be one), and
the screenshots (Page.captureScreenshot), which must not be blank: they are
decoded here (zlib, struct) and must hold several distinct colours.

The screenshots are kept as artefacts in $CAREERLEDGER_ARTEFACTS (default: the
test's tmp_path). Without Chromium the test skips, or fails under
CAREERLEDGER_EDITOR_TOOLS=required (as .ci/run sets it).
"""

import base64
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import time
import zlib
from datetime import date
from pathlib import Path

import pytest
from conftest import JANE

from careerledger import reports
from careerledger.loader import load
from careerledger.render.html import COMPANIONS, html

REQUIRED = os.environ.get("CAREERLEDGER_EDITOR_TOOLS") == "required"
AS_OF = date(2026, 12, 1)
WIDTH = 1280  # a laptop's viewport
TIMEOUT = 60  # seconds for the whole browser session


def chromium():
    found = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                  if p and os.path.exists(p)), None)
    if found is None:
        message = "chromium is not installed; .ci/run installs it (apt-get install chromium)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return found


class Browser:
    """A headless Chromium and one page in it, spoken to over the DevTools pipe."""

    def __init__(self, binary, profile, log, deadline):
        self.deadline = deadline
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def fds():  # in the child, before exec: its fd 3 reads our commands, its fd 4 writes to us
            # moved out of the way first, in case either pipe end is itself fd 3 or 4
            r, w = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
            preexec_fn=fds, close_fds=False)  # close_fds would close fds 3 and 4 again
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.events = []
        self.session = None

    def close(self):
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)

    def _read(self):
        """The next message from the browser."""
        while b"\0" not in self._buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise EOFError(f"chromium closed the pipe (exit {self.proc.poll()})")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, *, browser=False):
        """Send a command (to the page's session unless `browser`) and return its result,
        keeping the events that arrive meanwhile."""
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        """Wait for an event of the page (it may have come already)."""
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read())

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 browser=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def screenshot(self, url, scheme, *, scale=1.0):
        """Load `url` with prefers-color-scheme `scheme` and return the whole page as PNG bytes."""
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": WIDTH, "height": size["height"], "scale": scale}
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
        return base64.b64decode(shot["data"])


# --- PNG, decoded with the standard library -----------------------------------------------------


def png_pixels(data):
    """(width, height, rows of bytes, bytes per pixel) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, head = 8, [], None
    while pos < len(data):
        (size,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + size
    assert head is not None
    width, height, depth, colour, _, _, interlace = head
    assert depth == 8, depth
    assert colour in (2, 6), colour
    assert interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:  # up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind == 3:  # average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:  # paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def colours(data):
    """The distinct RGB colours of a PNG."""
    width, _, rows, bpp = png_pixels(data)
    return {row[i:i + 3] for row in rows for i in range(0, width * bpp, bpp)}


def background(data):
    """The colour of the top-left pixel: the page's background."""
    _, _, rows, _ = png_pixels(data)
    return tuple(rows[0][:3])


# --- the test --------------------------------------------------------------------------------


def summary_page(tmp_path):
    ledger = load(JANE)
    report = reports.build("summary", ledger, AS_OF)
    page = tmp_path / "summary.html"
    page.write_text(html(report, {n: reports.build(n, ledger, AS_OF) for n in COMPANIONS["summary"]}),
                    encoding="utf-8")
    return page


def test_the_summary_page_renders_offline_light_and_dark(tmp_path):
    binary = chromium()
    page = summary_page(tmp_path)
    artefacts = Path(os.environ.get("CAREERLEDGER_ARTEFACTS") or tmp_path)
    artefacts.mkdir(parents=True, exist_ok=True)
    profile = tmp_path / "profile"
    profile.mkdir()
    log = (tmp_path / "chromium.log").open("wb")  # its stderr: a file, so that it never blocks on a full pipe
    browser = Browser(binary, profile, log, time.monotonic() + TIMEOUT)
    try:
        browser.open_page()
        shots, small = {}, {}
        for scheme in ("light", "dark"):
            shots[scheme] = browser.screenshot(page.as_uri(), scheme)
            (artefacts / f"summary-{scheme}.png").write_bytes(shots[scheme])
            small[scheme] = browser.screenshot(page.as_uri(), scheme, scale=0.25)  # quick to decode in Python
        events = browser.events
    finally:
        browser.close()
        log.close()

    requests = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
    assert requests, "the page was never requested"
    assert set(requests) == {page.as_uri()}, f"the page fetched something: {sorted(set(requests))}"
    failed = [e["params"] for e in events if e.get("method") == "Network.loadingFailed"]
    assert not failed, failed

    errors = [e["params"] for e in events
              if (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
              or e.get("method") == "Runtime.exceptionThrown"
              or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
    assert not errors, errors

    for scheme, shot in shots.items():
        width, height = struct.unpack(">II", shot[16:24])
        assert width == WIDTH, scheme
        assert height > 1500, f"{scheme}: the page is {height}px tall: the picture is missing"
        seen = colours(small[scheme])
        assert len(seen) > 20, f"{scheme}: the screenshot is nearly blank: {len(seen)} colours"
    assert sum(background(small["light"])) > 600, background(small["light"])
    assert sum(background(small["dark"])) < 150, background(small["dark"])
