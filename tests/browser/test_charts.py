"""Charts in the browser: drawn on a dashboard, after instant navigation, in both palettes, for print, offline.

The shared `page` fixture already fails a test that requests anything outside the site or raises a JavaScript
error; these tests also list every request themselves, to show that plotly.js comes from the site and only
where a page has a chart. Screenshots of the whole pages and of each chart go to `test-artifacts/browser/`.
"""

from __future__ import annotations

import re

CHARTS = """
() => Array.from(document.querySelectorAll('.strategy-chart')).map(c => ({
  kind: c.dataset.strategyChart,
  drawn: c.dataset.drawn === 'true',
  error: c.dataset.error || null,
  svg: c.querySelectorAll('.strategy-chart__plot svg.main-svg').length,
  scheme: c.querySelector('.strategy-chart__plot').dataset.scheme || null,
}))
"""

DRAWN = """
(scheme) => {
  const charts = Array.from(document.querySelectorAll('.strategy-chart'));
  const failed = charts.find(c => c.dataset.error);
  if (failed) throw new Error('chart failed to draw: ' + failed.dataset.error);
  return charts.length > 0 && charts.every(c => {
    const plot = c.querySelector('.strategy-chart__plot');
    const drawn = c.dataset.drawn === 'true' && plot.querySelector('svg.main-svg');
    return drawn && (!scheme || plot.dataset.scheme === scheme);
  });
}
"""

# The fill of the chart's text (axis ticks and title), which follows the palette.
TEXT_FILL = """
() => {
  const t = document.querySelector('.strategy-chart .gtitle, .strategy-chart .ytick text, .strategy-chart .xtick text');
  return t ? getComputedStyle(t).fill : null;
}
"""


def channels(color: str) -> tuple[int, ...]:
    """The red, green and blue of a CSS rgb()/rgba() colour (plotly keeps the alpha apart, in fill-opacity)."""
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", color)[:3])


def wait_drawn(page, scheme: str | None = None) -> list[dict]:
    """Wait until every chart on the page has an SVG (drawn in `scheme` if given); return their states."""
    page.wait_for_function(DRAWN, arg=scheme, timeout=30_000)
    return page.evaluate(CHARTS)


def test_dashboard_draws_navigates_instantly_and_follows_the_palette(page, served_site, screenshot, artifacts):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site.url_of("vm/styringskort/"))
    charts = wait_drawn(page)
    assert {"ratings", "goal-tree", "indicator", "annual-cycle"} <= {c["kind"] for c in charts}
    assert all(c["svg"] >= 1 for c in charts)
    # Every chart takes the full width of the text column (Material would shrink a <figure> to its content).
    widths = page.evaluate(
        """() => [...document.querySelectorAll('.strategy-chart__plot')].map(p =>
            [p.clientWidth, p.closest('article').clientWidth])"""
    )
    assert all(plot >= 0.9 * column for plot, column in widths), widths
    assert page.locator(".strategy-card").count() >= 3
    screenshot(page, "charts-dashboard-vm")
    for i, chart in enumerate(page.locator(".strategy-chart").all()):
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(artifacts / f"chart-{i + 1}-{chart.get_attribute('data-strategy-chart')}.png"))

    # Instant navigation: no reload (the marker on window survives), the next page's charts draw, and
    # plotly's own stylesheet is still in the document.
    page.evaluate("window.__noReload = true")
    page.locator('article a[href$="vm-formidling/"]').first.click()
    page.wait_for_url("**/vm/styringskort/vm-formidling/")
    charts = wait_drawn(page)
    assert page.evaluate("window.__noReload === true"), "the page was reloaded: instant navigation did not happen"
    assert {"ratings", "goal-tree", "indicator"} <= {c["kind"] for c in charts}
    assert page.evaluate("!!document.getElementById('plotly.js-style-global')")
    screenshot(page, "charts-dashboard-formidling-after-instant-navigation")

    # Palette switch: the charts are drawn again in the dark palette's text colour.
    light = page.evaluate(TEXT_FILL)
    page.locator('label.md-header__button[for="__palette_1"]').click()
    wait_drawn(page, "slate")
    dark = page.evaluate(TEXT_FILL)
    assert light and dark and light != dark, f"chart text stayed {light} after switching to the dark palette"
    # ... and it is the page's own text colour (light on the dark background), not plotly's default grey.
    assert channels(dark) == channels(page.evaluate("getComputedStyle(document.querySelector('article')).color"))
    assert min(channels(dark)) > 180, dark
    screenshot(page, "charts-dashboard-formidling-dark")
    page.locator('label.md-header__button[for="__palette_0"]').click()
    wait_drawn(page, "default")
    assert page.evaluate(TEXT_FILL) == light

    # Resize: on a narrow window every plot is redrawn to the width of its (narrower) container.
    fits = """() => [...document.querySelectorAll('.strategy-chart__plot')].every(p =>
        Math.abs(p.querySelector('.main-svg').getBoundingClientRect().width - p.clientWidth) < 2)"""
    assert page.evaluate(fits)
    wide = page.evaluate("document.querySelector('.strategy-chart .main-svg').getBoundingClientRect().width")
    page.set_viewport_size({"width": 480, "height": 900})
    page.wait_for_function(fits, timeout=10_000)
    assert page.evaluate("document.querySelector('.strategy-chart .main-svg').getBoundingClientRect().width") < wide
    page.set_viewport_size({"width": 1280, "height": 900})

    # An indicator page, also by instant navigation.
    page.locator('article a[href$="publikumsbesok/"]').first.click()
    page.wait_for_url("**/indikatorer/publikumsbesok/")
    assert [c["kind"] for c in wait_drawn(page)] == ["indicator"]
    assert page.evaluate("window.__noReload === true")
    screenshot(page, "charts-indicator-publikumsbesok")

    assert any(u == served_site.url_of("assets/strategy/plotly-strategy.min.js") for u in requested)
    outside = [u for u in requested if not u.startswith((served_site.url, "data:", "blob:"))]
    assert not outside, f"requests outside the site: {outside}"


def test_mh_action_plan_dashboard_to_an_area_by_instant_navigation_in_both_palettes(page, served_site, screenshot):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site.url_of("mh/styringskort/"))
    assert [c["kind"] for c in wait_drawn(page)] == ["statuses", "status-progress"]
    # The status bars carry their counts as text, so the picture reads without the colours.
    labels = page.locator(".strategy-chart[data-strategy-chart=statuses] .bartext").all_text_contents()
    assert sum(int(t) for t in labels if t.strip()) == 32
    assert "ingen av de 32 tiltakene har start eller slutt" in page.locator(".strategy-timeline-missing").inner_text()
    screenshot(page, "charts-dashboard-mh")

    page.evaluate("window.__noReload = true")
    page.locator('article a[href$="mh-organisasjon/"]').first.click()
    page.wait_for_url("**/mh/styringskort/mh-organisasjon/")
    # Instant navigation changes the address before it swaps the content: wait for the area's own charts.
    page.wait_for_selector('.strategy-chart[data-strategy-target="mh-organisasjon"]', timeout=30_000)
    assert [c["kind"] for c in wait_drawn(page)] == ["statuses", "status-progress"]
    assert page.evaluate("window.__noReload === true"), "the page was reloaded: instant navigation did not happen"
    labels = page.locator(".strategy-chart[data-strategy-chart=statuses] .bartext").all_text_contents()
    assert sum(int(t) for t in labels if t.strip()) == 8
    light = page.evaluate(TEXT_FILL)
    page.locator('label.md-header__button[for="__palette_1"]').click()
    wait_drawn(page, "slate")
    assert page.evaluate(TEXT_FILL) != light
    page.evaluate("window.scrollTo(0, 0)")  # a full-page shot of a scrolled page repeats the sticky header
    screenshot(page, "charts-dashboard-mh-organisasjon-dark")
    outside = [u for u in requested if not u.startswith((served_site.url, "data:", "blob:"))]
    assert not outside, f"requests outside the site: {outside}"


def test_a_page_without_charts_loads_no_plotly(page, served_site):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site.url_of("vm/forskning/vm-forskning-1/"))
    page.wait_for_load_state("load")
    assert page.locator(".strategy-chart").count() == 0
    assert requested and not [u for u in requested if "plotly" in u], requested
    assert page.evaluate("typeof window.Plotly") == "undefined"


def test_print_uses_light_colours_paper_width_and_open_tables(page, served_site, artifacts):
    page.emulate_media(color_scheme="dark")
    page.goto(served_site.url_of("vm/styringskort/vm-formidling/"))
    wait_drawn(page)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    wait_drawn(page, "print")
    assert page.evaluate("[...document.querySelectorAll('details.strategy-chart__data')].every(d => d.open)")
    assert page.evaluate("getComputedStyle(document.querySelector('.strategy-chart .gtitle')).fill") == "rgb(0, 0, 0)"
    page.emulate_media(media="print")
    page.pdf(path=str(artifacts / "charts-dashboard-formidling.pdf"), print_background=True)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    wait_drawn(page)
    assert not page.evaluate("[...document.querySelectorAll('details.strategy-chart__data')].some(d => d.open)")
