"""Charts and dashboards in real builds: the JSON embedded in each page carries the model's numbers."""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from conftest import BASE_SITE

FIGURE = re.compile(
    r'<div class="strategy-chart" data-strategy-chart="([^"]+)" data-strategy-target="([^"]+)">(.*?)</figure>', re.S
)


def charts_in(page: str) -> list[tuple[str, str, dict]]:
    """(kind, target, figure) of every chart in a built page, read back from the embedded JSON."""
    out = []
    for kind, target, body in FIGURE.findall(page):
        figure = json.loads(html.unescape(re.search(r'data-figure="([^"]*)"', body).group(1)))
        out.append((kind, target, figure))
    return out


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t.get("name") == name)


SITE = {
    **BASE_SITE,
    "forskning/tiltak-2.md": """
        ---
        type: action
        id: s-tiltak-2
        goals: [s-forskning-2]
        title: Søke EU-midler
        start: 2020
        end: 2021
        status:
          - {period: 2019-T3, level: 1}
          - {period: 2020-T1, level: 4}
        ---
        """,
}


def test_area_page_and_dashboards_embed_the_models_numbers(build_site):
    built = build_site(SITE)
    assert built.ok, built.log
    export = built.export()
    area = next(a for s in export["strategies"] for a in s["areas"] if a["id"] == "s-forskning")

    charts = {kind: figure for kind, _, figure in charts_in(built.html("forskning/index.html"))}
    assert {"ratings", "goal-tree", "statuses", "status-progress", "timeline", "indicator"} <= set(charts)
    ratings = charts["ratings"]
    for level, count in area["rating_distribution"].items():
        series = [t for t in ratings["data"] if t["name"].startswith(f"{level} – ")]
        assert (series[0]["x"] if series else [0]) == [count], level
    assert trace(ratings, "Ikke vurdert")["x"] == [area["unrated"]]
    statuses = charts["statuses"]
    for level, count in area["status_distribution"].items():
        series = [t for t in statuses["data"] if t["name"].startswith(f"{level} – ")]
        assert (series[0]["x"] if series else [0]) == [count], level
    progress = charts["status-progress"]
    assert trace(progress, "4 – Gjennomført")["x"] == ["2. tertial 2019", "3. tertial 2019", "1. tertial 2020"]
    assert trace(progress, "4 – Gjennomført")["y"] == [0, 0, 1]
    assert trace(charts["timeline"], "Tiltak som pågår")["y"] == [1, 2, 1]  # 2019, 2020, 2021

    dashboard = built.html("styringskort/s/index.html")
    assert 'data-figure="strategy-card"' not in dashboard
    cards = dict(re.findall(r'data-figure="([a-z-]+)">\s*<p class="strategy-card__value">([^<]+)</p>', dashboard))
    assert cards["goals"] == "2"
    assert cards["actions-started"] == f"{area['actions_started']} av {area['actions']}"
    assert cards["indicators-on-track"] == "0 av 1"  # 61 000 in 2020 is below the path to 150 000
    kinds = [k for k, _, _ in charts_in(dashboard)]
    assert kinds[:2] == ["ratings", "goal-tree"] and "indicator" in kinds
    assert (
        dashboard.index("strategy-cards")
        < dashboard.index("strategy-chart")
        < dashboard.index('data-strategy-block="attainment"')
    )
    assert "Ikke i rute" in dashboard  # the indicator table
    area_dashboard = built.html("styringskort/s/s-forskning/index.html")
    assert area_dashboard.count('class="strategy-chart"') >= 5
    # The tab and the heading say what the page is; inside the section «Styringskort» the navigation says the area.
    assert "<title>Styringskort: Vår forskning - " in area_dashboard
    active = r'md-nav__link--active[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>'
    assert set(re.findall(active, area_dashboard)) == {"Vår forskning"}
    assert 'href="s/"' in built.html("styringskort/index.html")


def test_indicator_page_chart_matches_its_frontmatter(base_site):
    built = base_site
    [(kind, target, figure)] = charts_in(built.html("forskning/besok/index.html"))
    assert (kind, target) == ("indicator", "s-publikum")
    assert trace(figure, "Verdi")["x"] == ["2019", "2020"] and trace(figure, "Verdi")["y"] == [104000, 61000]
    assert trace(figure, "Utgangspunkt")["y"] == [100000] and trace(figure, "Mål")["y"] == [150000]
    assert figure["layout"]["xaxis"]["categoryarray"][0] == "2018"
    assert figure["layout"]["xaxis"]["categoryarray"][-1] == "2025"


def test_chart_directive_in_any_page_and_plain_pages_without_charts(build_site):
    files = {
        **BASE_SITE,
        "oversikt.md": "# Oversikt\n\n<!-- strategy/chart type=ratings strategy=s -->\n",
        "forskning/s-forskning-3.md": "---\ntype: goal\nid: s-forskning-3\narea: s-forskning\ntitle: Enkelt mål\n---\n",
    }
    built = build_site(files)
    assert built.ok, built.log
    assert [k for k, _, _ in charts_in(built.html("oversikt/index.html"))] == ["ratings"]
    # A goal with neither indicators nor actions has no chart and so loads no plotly.js.
    goal = built.html("forskning/s-forskning-3/index.html")
    assert "strategy-chart" not in goal and "plotly" not in goal
    assert "assets/strategy/charts.js" in goal
    assert (built.site / "assets/strategy/plotly-strategy.min.js").stat().st_size > 500_000


def test_unknown_chart_type_is_reported_with_file_and_line(build_site):
    built = build_site(
        {**BASE_SITE, "oversikt.md": "# Oversikt\n\nTekst.\n\n<!-- strategy/chart type=kake strategy=s -->\n"}
    )
    # The check runs every block a page places, so this stops the build before anything is written.
    built.assert_stopped_by_the_check(
        [
            "oversikt.md:5: blokk: type: skriv en av ratings, goal-tree, statuses, status-progress, "
            "timeline, indicator, annual-cycle"
        ]
    )


def test_impossible_month_in_the_annual_cycle_is_reported(build_site):
    files = dict(BASE_SITE)
    files["index.md"] = files["index.md"].replace(
        "period: {start: 2018, end: 2025}",
        "period: {start: 2018, end: 2025}\nannual_cycle:\n  - {title: Plan, start: 13}",
    )
    build_site(files).assert_stopped_by_the_check(["index.md:8: annual_cycle[0].start: er for stort (fikk «13»)"])


def test_example_site_dashboards_and_museum_indicators(example_site):
    export = example_site.export()
    vm = next(s for s in export["strategies"] if s["id"] == "vm")
    page = example_site.html("vm/styringskort/index.html")
    charts = {kind: figure for kind, _, figure in charts_in(page)}
    ratings = charts["ratings"]
    assert [sum(v) for v in zip(*(t["x"] for t in ratings["data"]), strict=True)] == [a["goals"] for a in vm["areas"]]
    for level, count in vm["rating_distribution"].items():
        series = [t for t in ratings["data"] if t["name"].startswith(f"{level} – ")]
        assert sum(series[0]["x"] if series else [0]) == count, level
    sunburst = charts["goal-tree"]["data"][0]
    assert len([i for i in sunburst["ids"] if re.fullmatch(r"vm-[a-z]+-\d+", i)]) == 42
    assert "annual-cycle" in charts
    # The museum's visitor numbers: example data, marked as such in the chart and the page.
    visits = example_site.html("vm/indikatorer/publikumsbesok/index.html")
    [(_, _, figure)] = charts_in(visits)
    assert figure["layout"]["title"]["text"].endswith("(eksempeldata)")
    assert "Eksempeldata" in visits
    for area in vm["areas"]:
        assert charts_in(example_site.html(f"vm/styringskort/{area['id']}/index.html")), area["id"]


def test_mh_dashboards_draw_the_action_plan_from_the_actions_status(example_site):
    """MH's 32 actions (seed 002): the status charts count each action's latest reported level, per area and per
    reporting period, exactly as the actions' own status histories in the export say."""
    export = example_site.export()
    mh = next(s for s in export["strategies"] if s["id"] == "mh")
    actions = [e for e in export["entities"] if e["type"] == "action" and e["placed_in"]["strategy"] == "mh"]
    latest = {a["id"]: max(a["status"], key=lambda s: s["period"])["level"] for a in actions}
    per_area = {
        area["id"]: Counter(latest[a["id"]] for a in actions if a["placed_in"]["area"] == area["id"])
        for area in mh["areas"]
    }

    charts = {kind: figure for kind, _, figure in charts_in(example_site.html("mh/styringskort/index.html"))}
    statuses = charts["statuses"]
    for level in range(6):
        [series] = [t for t in statuses["data"] if t["name"].startswith(f"{level} – ")]
        assert series["y"] == [area["title"] for area in mh["areas"]]
        assert series["x"] == [per_area[area["id"]][level] for area in mh["areas"]], level
    assert all(t["textangle"] == 0 for t in statuses["data"])  # counts upright, also in narrow segments
    assert [sum(t["x"][i] for t in statuses["data"]) for i in range(7)] == [
        7,
        4,
        4,
        3,
        3,
        3,
        8,
    ]  # actions per area in the board report
    progress = charts["status-progress"]
    assert {t["x"][0] for t in progress["data"]} == {"2019"}
    assert {t["name"][0]: t["y"] for t in progress["data"]} == {
        str(level): [count] for level, count in Counter(latest.values()).items()
    }
    page = example_site.html("mh/styringskort/index.html")
    assert "32 tiltak: 19 igangsatt, 4 gjennomført, 0 uten status." in page
    # No goal of MH is rated in the board report: no grey rating charts; no action has a timeline: said so.
    assert "ratings" not in charts and "goal-tree" not in charts
    assert "ingen av de 32 tiltakene har start eller slutt" in page

    urls = {e["id"]: e["url"] for e in export["entities"]}
    for area in mh["areas"]:
        for path in (f"mh/styringskort/{area['id']}/index.html", urls[area["id"]] + "index.html"):
            area_charts = {kind: figure for kind, _, figure in charts_in(example_site.html(path))}
            bars = {t["name"][0]: t["x"] for t in area_charts["statuses"]["data"]}
            assert bars == {str(level): [n] for level, n in per_area[area["id"]].items()}, path
            assert "status-progress" in area_charts, path
