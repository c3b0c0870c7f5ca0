"""The briefing book: a page of the built site (a meeting, a period report, a dashboard) printed to one A4 PDF.

Chromium prints the page as the site's print stylesheet lays it out, after `briefing.js` has made it a book: a
cover with the title, date and unit, a table of contents, each agenda item on its own page, charts redrawn in
light colours with their data tables open, and every item's short link written out. Chromium adds the page
numbers (its footer template), the document title and language, headings as bookmarks and, where it can, tags.

Playwright drives Debian's Chromium (`/usr/bin/chromium`, or `STRATEGY_CHROMIUM`); Playwright is an optional
dependency (`pip install playwright`; the test extras have it). Nothing here imports MkDocs: a page is given
by its URL, and a folder of a built site can be served on 127.0.0.1 for the time of printing.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# A headless Chromium that does not phone home and needs neither a GPU nor a sandbox (containers, CI).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Chromium fills the elements with these classes in its header and footer templates.
FOOTER = (
    '<div style="font: 8pt sans-serif; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between">'
    '<span class="title"></span><span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span>'
    "</div>"
)
MARGINS = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
# How long a page may take to load and draw its charts (plotly.js is 1.2 MB).
TIMEOUT_MS = 60_000


class BriefingError(Exception):
    """The briefing book cannot be made (no Chromium or Playwright, a page that does not load)."""


@dataclass(frozen=True)
class Chromium:
    """A Chromium that can print, or the reason there is none."""

    path: Path | None
    reason: str = ""


def find_chromium() -> Chromium:
    """Debian's Chromium (or `STRATEGY_CHROMIUM`) and Playwright's Python package, if both are here."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return Chromium(None, "Playwright er ikke installert (pip install playwright)")
    wanted = os.environ.get("STRATEGY_CHROMIUM")
    candidates = [wanted] if wanted else [*CHROMIUM_PATHS, shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Chromium(Path(candidate))
    return Chromium(None, f"fant ingen Chromium ({wanted or ', '.join(CHROMIUM_PATHS)})")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class names it so
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 for as long as the block runs; gives its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@functools.cache
def _book_script() -> str:
    return resources.files("strategy_site").joinpath("assets", "briefing.js").read_text(encoding="utf-8")


def print_books(jobs: Iterable[tuple[str, Path]], chromium: Path) -> list[Path]:
    """Print each (page URL, PDF path) as a briefing book with one Chromium; returns the PDFs written.

    Playwright's synchronous API refuses to run in a thread that has an event loop (a caller that drives a
    browser itself, `mkdocs serve`'s livereload): the printing runs in a thread of its own.
    """
    jobs = list(jobs)
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_print_books, jobs, chromium).result()


def _print_books(jobs: list[tuple[str, Path]], chromium: Path) -> list[Path]:
    from playwright.sync_api import Error, sync_playwright

    written = []
    with sync_playwright() as playwright:
        try:
            # Playwright gives each launch a fresh, temporary user-data-dir.
            browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        except Error as exc:
            raise BriefingError(f"Chromium ({chromium}) startet ikke: {exc.message.splitlines()[0]}") from exc
        try:
            for url, out in jobs:
                written.append(_print_one(browser, url, out))
        finally:
            browser.close()
    return written


def _print_one(browser, url: str, out: Path) -> Path:
    from playwright.sync_api import Error

    context = browser.new_context(locale="nb-NO", viewport={"width": 1000, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        response = page.goto(url, wait_until="load")
        if response is not None and not response.ok:
            raise BriefingError(f"{url}: siden svarte {response.status}")
        # Charts are drawn after the page has loaded; wait until each is drawn (or has given up).
        page.wait_for_function(
            "() => [...document.querySelectorAll('.strategy-chart')]"
            ".every(c => c.hasAttribute('data-drawn') || c.hasAttribute('data-error'))"
        )
        page.emulate_media(media="print")
        page.evaluate(_book_script())
        page.wait_for_function("() => document.documentElement.hasAttribute('data-briefing-ready')")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(out),
            format="A4",
            margin=MARGINS,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            outline=True,
            tagged=True,
        )
    except Error as exc:
        raise BriefingError(f"{url}: {exc.message.splitlines()[0]}") from exc
    finally:
        context.close()
    return out
