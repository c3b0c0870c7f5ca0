"""Charts in a real browser (Debian's Chromium): drawing, instant navigation, palette switch, offline.

The example site is built with `site_url` set to the local server's address, so Material's instant navigation
is active, and served on 127.0.0.1. Screenshots are saved under `test-artifacts/` for a person to look at.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import socket
import threading
from pathlib import Path

import pytest
from conftest import ROOT, run_mkdocs

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TIMEOUT = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the name is the standard library's
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The example site built for and served on a free port of 127.0.0.1; yields the base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("browser") / "site"
    built = run_mkdocs(ROOT / "mkdocs.yml", site, env={"SITE_URL": base})
    assert built.ok, built.log
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium through chromedriver, logging every network request. Fails (not skips) if it cannot start."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        pytest.fail(f"selenium is not installed ({exc}); run ./dev test, which installs the test dependencies")
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            pytest.fail(f"{path} is missing: install Debian's chromium and chromium-driver (./dev test does it)")
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as exc:  # any failure to start is a broken test machine, reported as such
        pytest.fail(f"Chromium could not start through {CHROMEDRIVER}: {exc}")
    driver.set_page_load_timeout(TIMEOUT)
    driver.get("about:blank")
    yield driver
    driver.quit()


def _requests(driver) -> list[str]:
    """URLs the browser requested since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _wait(driver, condition, what: str, timeout: float = TIMEOUT):
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.2).until(lambda d: condition(d))
    except Exception as exc:
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        pytest.fail(f"timed out waiting for {what} on {driver.current_url}; browser errors: {errors}; {exc}")


CHART_STATE = """
return Array.from(document.querySelectorAll('.strategy-chart')).map(c => ({
  kind: c.dataset.strategyChart,
  drawn: c.dataset.drawn === 'true',
  error: c.dataset.error || null,
  svg: c.querySelectorAll('.strategy-chart__plot svg.main-svg').length,
  scheme: c.querySelector('.strategy-chart__plot').dataset.scheme || null,
}));
"""

TEXT_FILL = """
const t = document.querySelector('.strategy-chart .gtitle, .strategy-chart .xtick text, .strategy-chart .ytick text');
return t ? getComputedStyle(t).fill : null;
"""


def _all_drawn(driver, scheme: str | None = None):
    charts = driver.execute_script(CHART_STATE)
    errors = [c for c in charts if c["error"]]
    if errors:
        pytest.fail(f"chart failed to draw: {errors}")
    done = charts and all(c["drawn"] and c["svg"] > 0 and (scheme is None or c["scheme"] == scheme) for c in charts)
    return charts if done else None


def _screenshot(driver, name: str) -> Path:
    """A full-page PNG under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1},
        },
    )
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def test_dashboard_draws_navigates_instantly_follows_palette_and_stays_offline(served_site, browser):
    driver = browser
    _requests(driver)
    driver.get(served_site + "styringskort/vm/")
    charts = _wait(driver, _all_drawn, "every chart on the unit dashboard to draw")
    kinds = {c["kind"] for c in charts}
    assert {"ratings", "goal-tree", "indicator", "annual-cycle"} <= kinds, kinds
    assert driver.execute_script("return document.querySelectorAll('.strategy-card').length") >= 3
    _screenshot(driver, "dashboard-vm-light")
    for i, element in enumerate(driver.find_elements("css selector", ".strategy-chart")):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.screenshot(str(ARTIFACTS / f"chart-{i + 1}-{element.get_attribute('data-strategy-chart')}.png"))

    # Instant navigation: the page changes without a reload (the marker on window survives), and the new
    # page's charts draw, with plotly's own styles still in the document.
    driver.execute_script("window.__noReload = true;")
    link = driver.find_element("css selector", 'article a[href$="vm-formidling/"]')
    link.click()
    _wait(driver, lambda d: d.current_url.endswith("/styringskort/vm-formidling/"), "navigation to the area dashboard")
    charts = _wait(driver, _all_drawn, "the area dashboard's charts to draw after instant navigation")
    assert driver.execute_script("return window.__noReload === true"), "the page was reloaded: no instant navigation"
    assert {"ratings", "goal-tree", "indicator"} <= {c["kind"] for c in charts}
    assert driver.execute_script("return !!document.getElementById('plotly.js-style-global')")
    _screenshot(driver, "dashboard-formidling-after-instant-navigation")

    # Palette switch: the charts are redrawn with the dark palette's text colour.
    before = driver.execute_script(TEXT_FILL)
    driver.find_element("css selector", 'label.md-header__button[for="__palette_1"]').click()
    _wait(driver, lambda d: _all_drawn(d, scheme="slate"), "the charts to follow the dark palette")
    after = driver.execute_script(TEXT_FILL)
    fg = driver.execute_script("return getComputedStyle(document.body).getPropertyValue('--md-default-fg-color')")
    assert before != after, f"chart text colour stayed {before} after switching palette"
    assert driver.execute_script("return document.body.dataset.mdColorScheme") == "slate"
    _screenshot(driver, "dashboard-formidling-dark")
    assert fg  # the dark palette defines the colour the charts follow

    # Back to light, then an indicator page by instant navigation.
    driver.find_element("css selector", 'label.md-header__button[for="__palette_0"]').click()
    _wait(driver, lambda d: _all_drawn(d, scheme="default"), "the charts to follow the light palette")
    driver.find_element("css selector", 'article a[href$="publikumsbesok/"]').click()
    _wait(driver, lambda d: "/indikatorer/publikumsbesok/" in d.current_url, "navigation to the indicator page")
    _wait(driver, _all_drawn, "the indicator chart to draw after instant navigation")
    assert driver.execute_script("return window.__noReload === true")
    _screenshot(driver, "indicator-publikumsbesok")

    requested = _requests(driver)
    assert any(u.endswith("/assets/strategy/plotly-strategy.min.js") for u in requested)
    # chrome:// pages are the browser's own start page, not network requests; data: and blob: stay in the page.
    outside = [u for u in requested if not u.startswith((served_site, "data:", "blob:", "chrome://"))]
    assert not outside, f"requests outside the site: {outside}"


def test_page_without_charts_loads_no_plotly(served_site, browser):
    driver = browser
    _requests(driver)
    driver.get(served_site + "vm/forskning/vm-forskning-1/")
    _wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "the goal page to load")
    assert driver.execute_script("return document.querySelectorAll('.strategy-chart').length") == 0
    requested = _requests(driver)
    assert requested, "no requests were logged"
    assert not [u for u in requested if "plotly" in u], requested
    assert driver.execute_script("return typeof window.Plotly") == "undefined"


def test_print_has_light_charts_and_open_tables(served_site, browser):
    driver = browser
    driver.get(served_site + "styringskort/vm-formidling/")
    _wait(driver, _all_drawn, "the charts to draw")
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    _wait(driver, lambda d: _all_drawn(d, scheme="print"), "the charts to redraw for print")
    assert driver.execute_script(
        "return [...document.querySelectorAll('details.strategy-chart__data')].every(d => d.open)"
    )
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "dashboard-formidling.pdf").write_bytes(base64.b64decode(pdf["data"]))
    driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    _wait(driver, lambda d: _all_drawn(d, scheme="default"), "the charts to return to the screen palette")
    assert not driver.execute_script(
        "return [...document.querySelectorAll('details.strategy-chart__data')].some(d => d.open)"
    )
