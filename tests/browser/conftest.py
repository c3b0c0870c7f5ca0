"""Real-browser fixtures shared by every browser test.

The example site is built for and served on 127.0.0.1 (its `site_url` is that origin, so Material's instant
navigation and search work as on the intranet), opened in Debian's Chromium through Playwright, and every
page a test opens must load nothing from outside the site and raise no JavaScript error. Screenshots go to
`test-artifacts/browser/`. Checkers (axe-core, the Nu HTML Checker, the link check) report their counts
through `record_check`; they are printed at the end of the run.

Every test in this folder is marked `browser`: `./dev test -m browser` runs only these.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, run_mkdocs

# The flags the plugin starts Chromium with for meeting PDFs: no phoning home, no GPU, no sandbox (containers).
from strategy_site.exports.briefing import CHROMIUM_ARGS

BROWSER_TESTS = Path(__file__).resolve().parent
NODE_MODULES = BROWSER_TESTS / "node_modules"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser` so the browser suite can be run on its own."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class CheckCount:
    """What one checker looked at and what it found."""

    checked: int = 0
    unit: str = "sider"
    found: int = 0
    kind: str = "feil"
    notes: list[str] = field(default_factory=list)


CHECKS: dict[str, CheckCount] = {}


def record_check(name: str, *, checked: int, found: int, unit: str, kind: str, note: str = "") -> None:
    """Add one checker run to the counts printed at the end of the session."""
    count = CHECKS.setdefault(name, CheckCount(unit=unit, kind=kind))
    count.checked += checked
    count.found += found
    if note:
        count.notes.append(note)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Print the axe, validator and link-check counts, so a run shows what was checked, not only that it passed."""
    if not CHECKS:
        return
    terminalreporter.section("browser checks")
    for name, count in CHECKS.items():
        terminalreporter.write_line(f"{name}: {count.checked} {count.unit} checked, {count.found} {count.kind}")
        for note in count.notes:
            terminalreporter.write_line(f"    {note}")
    if ARTIFACTS.is_dir() and any(ARTIFACTS.iterdir()):
        terminalreporter.write_line(f"screenshots and PDFs: {ARTIFACTS.relative_to(ROOT)}/")


@dataclass
class ServedSite:
    """The built example site and the address it is served on."""

    root: Path
    url: str

    def url_of(self, path: str) -> str:
        """The served address of a site path such as `vm/forskning/`."""
        return self.url + path.lstrip("/")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class names it so
        pass


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example site built with `site_url` = the local server's address and served from a thread."""
    root = tmp_path_factory.mktemp("served") / "site"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    # Bind first: the port is then known (and ours) before the build writes it into the site.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    built = run_mkdocs(ROOT / "mkdocs.yml", root, env={"SITE_URL": url})
    assert built.ok, built.log
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(root, url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright. A browser that cannot start fails the run."""
    from playwright.sync_api import Error, sync_playwright

    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run ./dev test, which installs Debian's chromium")
    with sync_playwright() as playwright:
        try:
            # Playwright gives each launch a fresh temporary profile (user data dir).
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium ({CHROMIUM}) could not start: {error.message.splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served_site: ServedSite):
    """A fresh browser tab on the served site. Fails the test if the page loads anything from outside the
    site (the intranet site must work offline) or raises a JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    # Everything on a local static site happens within seconds; a short timeout fails fast with a clear step.
    context.set_default_timeout(10_000)
    tab = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda request: _note_outside(request.url, served_site.url, outside))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not outside, f"the page requested addresses outside the site: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def _note_outside(url: str, site_url: str, outside: list[str]) -> None:
    if re.match(r"(https?|wss?)://", url) and not url.startswith(site_url):
        outside.append(url)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder for screenshots and PDFs, emptied at the start of a run."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture
def screenshot(artifacts: Path) -> Callable[..., Path]:
    """`screenshot(page, "name")` saves a full-page PNG as a test artefact and returns its path."""

    def take(tab, name: str) -> Path:
        path = artifacts / (re.sub(r"[^\w.-]+", "-", name) + ".png")
        tab.screenshot(path=str(path), full_page=True)
        return path

    return take


def node_package(*parts: str) -> Path:
    """A file from the npm packages `./dev test` installs (package.json beside this file); fails clearly if absent."""
    path = NODE_MODULES.joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run ./dev test (it runs npm ci in tests/browser)")
    return path
