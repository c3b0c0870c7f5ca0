"""The reporting round on a unit's pages: the open period on its page and the deadlines in its årshjul."""

from __future__ import annotations

import re

from conftest import BASE_SITE
from test_charts import SITE, model_of
from test_owners import OWNED

from strategy_site.charts.cycle import annual_cycle_chart


def open_period(built) -> str:
    html = built.html("index.html")
    match = re.search(r"<dt>Åpen for rapportering</dt> <dd>(.*?)</dd>", html)
    return match.group(1) if match else ""


def test_the_unit_page_says_which_period_is_open_and_how_many_actions_reported(build_site):
    # The current period is the latest with status (3rd tertial 2019); the one action has reported for it.
    assert open_period(build_site(BASE_SITE)) == "3. tertial 2019: 1 av 1 tiltak har rapportert"


def test_actions_not_yet_started_are_not_counted(build_site):
    # s-tiltak-2 has not reported; s-tiltak-3 starts in 2021 and has nothing to report yet.
    assert open_period(build_site(OWNED)) == "3. tertial 2019: 1 av 2 tiltak har rapportert"


def test_a_unit_without_actions_says_nothing_about_reporting(build_site):
    files = {path: text for path, text in BASE_SITE.items() if "tiltak" not in path}
    built = build_site(files)
    assert built.ok, built.log
    assert "Åpen for rapportering" not in built.html("index.html")


def test_the_annual_cycle_draws_reporting_events_as_deadlines():
    files = dict(SITE)
    files["index.md"] = files["index.md"].replace(
        "  - {title: Tertialrapport, start: 5, kind: Rapportering}\n",
        "  - {title: Tertialrapport, start: 5, kind: Rapportering}\n"
        "  - {title: Årsrapport, start: 1, end: 2, kind: rapportering}\n",
    )
    model = model_of(files)
    chart = annual_cycle_chart(model, model.get("s"))
    deadlines = chart.figure["data"][-1]
    assert deadlines["type"] == "scatterpolar" and deadlines["name"] == "Rapporteringsfrister"
    # At the event's last month (February, May), outside the four rings, in the order of the year.
    assert deadlines["theta"] == [45, 135] and deadlines["r"] == [5, 5]
    assert deadlines["text"] == ["Frist: Årsrapport (februar)", "Frist: Tertialrapport (mai)"]
    assert chart.summary.endswith("Rapporteringsfrister: februar: Årsrapport; mai: Tertialrapport.")
    # Plan events are no deadlines.
    assert len(chart.figure["data"]) == 5
