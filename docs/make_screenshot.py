"""Regenerate docs/screenshot.png: the bundled corpus's graph.html in headless Chromium.

Usage: python docs/make_screenshot.py [OUT]   (OUT: an existing build; default: build
corpus/ into a temporary folder). Opens graph.html offline, selects the most central
official (the details panel shows his posts and source sentences) and saves the PNG.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from kg.view import network
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the test-only browser driver
from _headless import Browser  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(argv[0]) if argv else Path(tmp) / "build"
        if not argv:
            from kg.builder import build

            build([str(ROOT / "corpus")], out, progress=False)
        projection = network.to_networkx(network.read_graph(out))
        person = network.centrality(projection, types=["Person"], top=1)[0]["id"]
        with Browser(width=1400, height=860, scale=1.5) as browser:
            browser.open((out / "graph.html").resolve().as_uri())
            browser.wait_for("document.body.getAttribute('data-kg-ready') === '1'")
            browser.evaluate(f"kgView.select({person!r})")
            browser.evaluate(f"kgView.network.focus({person!r}, {{scale: 1.1, animation: false}})")
            browser.pump(0.3)
            path = browser.screenshot(ROOT / "docs" / "screenshot.png")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
