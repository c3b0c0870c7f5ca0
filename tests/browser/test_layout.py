"""Every kind of page fits the screen it is read on: a laptop (1400 × 900) and a phone (390 × 844), in the light
and the dark palette, with no horizontal scrolling of the page and nothing in the browser console."""

from __future__ import annotations

import pytest

from .pages import PAGES

SCREENS = {"laptop": (1400, 900), "phone": (390, 844)}

# How far the page is wider than the window, and which tables and charts do not fit their column: wider than the
# content area, or scrolling sideways inside their own box (Material lets a wide table scroll; ours must not need to).
# Tables folded in a closed <details> are the wide data kept available; they are not shown until opened.
OVERFLOW = """
() => {
  const page = document.documentElement.scrollWidth - window.innerWidth;
  const column = document.querySelector('.md-content').getBoundingClientRect();
  const out = [];
  for (const el of document.querySelectorAll('.md-content table, .md-content .strategy-chart')) {
    if (el.closest('details:not([open])')) continue;
    const box = el.getBoundingClientRect();
    const wrap = el.closest('.md-typeset__scrollwrap');
    const scrolls = wrap && wrap.scrollWidth > wrap.clientWidth + 1;
    if (box.width > 0 && (box.right > column.right + 1 || scrolls)) {
      const name = el.dataset.strategyBlock || el.dataset.strategyChart || el.tagName;
      out.push(name + ' ' + Math.round(box.width) + 'px');
    }
  }
  return {page, out};
}
"""
DRAWN = "() => [...document.querySelectorAll('.strategy-chart')].every(c => c.dataset.drawn || c.dataset.error)"


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
        tab.wait_for_function(DRAWN, timeout=30_000)
        tab.screenshot(path=str(artifacts / f"layout-{kind}-{screen}-{scheme}.png"), full_page=True)
        overflow = tab.evaluate(OVERFLOW)
    finally:
        context.close()
    assert overflow["page"] <= 0, f"{path} at {width} px ({scheme}) scrolls sideways by {overflow['page']} px"
    assert not overflow["out"], f"{path} at {width} px ({scheme}): wider than the column: {overflow['out']}"
    assert not console, f"{path} at {width} px ({scheme}) logged: {console}"
