"""Every kind of page fits the screen it is read on: a laptop (1400 × 900) and a phone (390 × 844), in the light
and the dark palette, with no horizontal scrolling of the page and nothing in the browser console."""

from __future__ import annotations

import pytest

from .pages import PAGES

SCREENS = {"laptop": (1400, 900), "phone": (390, 844)}

# How far the page is wider than the window, and which elements stick out past the content column (the
# column scrolls nothing sideways: a table wider than its column is a table that does not fit).
OVERFLOW = """
() => {
  const page = document.documentElement.scrollWidth - window.innerWidth;
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const out = [];
  for (const el of document.querySelectorAll('.md-content__inner table, .md-content__inner .strategy-chart')) {
    if (el.closest('details:not([open])')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > column.right + 1) {
      out.push((el.dataset.strategyBlock || el.dataset.strategyChart || el.tagName) + ' ' + Math.round(box.width) + 'px');
    }
  }
  return {page, out};
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("kind", "path"), PAGES, ids=[kind for kind, _ in PAGES])
def test_page_fits_the_screen_without_console_errors(browser, served_site, artifacts, kind, path, screen, scheme):
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nb-NO", color_scheme=scheme)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    tab.on("pageerror", lambda error: console.append(str(error)))
    try:
        tab.goto(served_site.url_of(path))
        tab.wait_for_load_state("networkidle")
        # Charts draw after load; give them their turn so their errors reach the console.
        tab.wait_for_function(
            "() => Array.from(document.querySelectorAll('.strategy-chart')).every(c => c.dataset.drawn || c.dataset.error)",
            timeout=30_000,
        )
        tab.screenshot(path=str(artifacts / f"layout-{kind}-{screen}-{scheme}.png"), full_page=True)
        overflow = tab.evaluate(OVERFLOW)
    finally:
        context.close()
    assert overflow["page"] <= 0, f"{path} at {width} px ({scheme}) scrolls sideways by {overflow['page']} px"
    assert not overflow["out"], f"{path} at {width} px ({scheme}): wider than the column: {overflow['out']}"
    assert not console, f"{path} at {width} px ({scheme}) logged: {console}"
