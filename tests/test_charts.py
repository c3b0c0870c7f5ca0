"""Indicator progress and chart specs on in-memory data: the figures carry exactly the model's numbers."""

from __future__ import annotations

import json
import re

import pytest

from strategy_site.charts import (
    actions_without_timeline,
    annual_cycle_chart,
    charts_for,
    goal_tree_chart,
    indicator_chart,
    month_span,
    rating_chart,
    running_per_year,
    status_chart,
    status_progress_chart,
    timeline_chart,
)
from strategy_site.checks.analysis import analyse
from strategy_site.core.load import SourceDoc
from strategy_site.core.models import CycleEvent, Indicator
from strategy_site.core.periods import parse_period
from strategy_site.core.scales import Scales
from strategy_site.measures.indicators import planned_value, progress
from strategy_site.site.dashboards import dashboard_pages


def indicator(**fields) -> Indicator:
    data = {"type": "indicator", "id": "i", "title": "Besøk", **fields}
    return Indicator.model_validate(data)


VISITS = {
    "baseline": {"period": "2018", "value": 100000},
    "target": {"period": "2025", "value": 170000},
}


class TestIndicatorProgress:
    def test_increase_on_track_when_above_the_straight_path(self):
        state = progress(indicator(**VISITS, values={"2019": 111000, "2020": 119000}))
        assert state.planned == pytest.approx(120000, abs=50)  # two of seven years: 100 000 + 2/7 · 70 000
        assert state.latest.value == 119000
        assert state.on_track is False
        assert state.attainment == pytest.approx(19000 / 70000)
        assert progress(indicator(**VISITS, values={"2020": 121000})).on_track is True

    def test_decrease_is_better_when_lower(self):
        fields = {
            "direction": "decrease",
            "baseline": {"period": "2018", "value": 60},
            "target": {"period": "2025", "value": 10},
        }
        good = progress(indicator(**fields, values={"2022": 30}))
        bad = progress(indicator(**fields, values={"2022": 50}))
        assert good.attainment == pytest.approx(0.6) and good.on_track is True
        assert bad.attainment == pytest.approx(0.2) and bad.on_track is False
        assert progress(indicator(**fields, values={"2024": 8})).reached is True

    def test_moving_away_from_the_target_is_negative_attainment(self):
        state = progress(indicator(**VISITS, values={"2020": 61000}))
        assert state.attainment == pytest.approx(-39000 / 70000)
        assert state.on_track is False and state.reached is False

    def test_several_targets_make_a_path_through_each(self):
        ind = indicator(
            baseline={"period": "2018", "value": 0},
            target=[{"period": "2020", "value": 100}, {"period": "2022", "value": 100}],
        )
        assert planned_value(ind, parse_period("2019")) == pytest.approx(50, abs=0.2)
        assert planned_value(ind, parse_period("2021")) == 100
        assert planned_value(ind, parse_period("2030")) is None

    def test_without_baseline_nothing_is_judged(self):
        state = progress(indicator(target={"period": "2025", "value": 5}, values={"2020": 6}))
        assert state.attainment is None and state.on_track is None and state.reached is True


SITE = {
    "index.md": """---
type: strategy
id: s
title: Strategi
unit: Testmuseet
period: {start: 2018, end: 2025}
annual_cycle:
  - {title: Plan godkjent, start: 1, end: 2, kind: Plan}
  - {title: Revidert plan, start: 12, end: 1, kind: Plan}
  - {title: Tertialrapport, start: 5, kind: Rapportering}
---
""",
    "a/index.md": "---\ntype: area\nid: a\ntitle: Forskning\norder: 1\n---\n",
    "b/index.md": "---\ntype: area\nid: b\ntitle: Formidling\norder: 2\n---\n",
    "a/1.md": '---\ntype: goal\nid: a-1\narea: a\nnumber: "1"\ntitle: Mål A1\n'
    'assessments: [{period: "2021", rating: NEI}, {period: "2022", rating: JA}]\n---\n',
    "a/2.md": '---\ntype: goal\nid: a-2\narea: a\nnumber: "2"\ntitle: Mål A2\n'
    'assessments: [{period: "2022", rating: TJA}]\n---\n',
    "a/3.md": '---\ntype: goal\nid: a-3\narea: a\nnumber: "3"\ntitle: Mål A3\n---\n',
    "b/1.md": '---\ntype: goal\nid: b-1\narea: b\nnumber: "1"\ntitle: Mål B1\n'
    'assessments: [{period: "2022", rating: JA}]\n---\n',
    "b/i.md": """---
type: indicator
id: b-besok
goals: [b-1]
title: Besøk
baseline: {period: "2018", value: 100}
target: {period: "2022", value: 200}
values: {"2020": 140, "2021": 180}
---
""",
    "a/t1.md": """---
type: action
id: t1
goals: [a-1]
title: Tiltak en
start: 2019-01
end: 2020-12
status: [{period: 2019-T2, level: 0}, {period: 2019-T3, level: 2}]
---
""",
    "a/t2.md": """---
type: action
id: t2
goals: [a-2]
title: Tiltak to
start: 2020-03
end: 2021-06
status: [{period: 2019-T3, level: 1}]
---
""",
    "b/t3.md": "---\ntype: action\nid: t3\ngoals: [b-1]\ntitle: Tiltak tre\nstart: 2021\n---\n",
}


def model_of(files: dict[str, str]):
    analysis = analyse([SourceDoc(p, t) for p, t in files.items()], Scales.from_config())
    assert not analysis.errors, [str(p) for p in analysis.errors]
    return analysis.model


@pytest.fixture(scope="module")
def model():
    return model_of(SITE)


def trace(chart, name):
    return next(t for t in chart.figure["data"] if t.get("name") == name)


class TestCharts:
    def test_rating_chart_counts_latest_rating_per_area(self, model):
        chart = rating_chart(model, "s")
        assert trace(chart, "JA – Nådd")["y"] == ["Forskning", "Formidling"]
        assert trace(chart, "JA – Nådd")["x"] == [1, 1]
        assert trace(chart, "TJA – Tja")["x"] == [1, 0]
        assert trace(chart, "Ikke vurdert")["x"] == [1, 0]
        assert "NEI – Ikke nådd" not in [t["name"] for t in chart.figure["data"]]  # a-1's NEI was superseded
        assert chart.rows == [["Forskning", "1", "1", "1"], ["Formidling", "1", "0", "0"]]
        # Colour is not the only carrier: every series has its own pattern and the counts as text.
        shapes = [t["marker"]["pattern"]["shape"] for t in chart.figure["data"]]
        assert len(set(shapes)) == len(shapes)
        assert trace(chart, "JA – Nådd")["text"] == ["1", "1"]
        assert "4 mål, 3 vurdert, 2 nådd" in chart.summary

    def test_status_charts_use_the_latest_status_up_to_each_period(self, model):
        chart = status_chart(model, "s")
        assert trace(chart, "2 – Tiltak igangsatt")["x"] == [1, 0]
        assert trace(chart, "1 – Tiltaksplan vedtatt")["x"] == [1, 0]
        assert trace(chart, "Ikke rapportert")["x"] == [0, 1]
        progress_chart = status_progress_chart(model, "s")
        assert trace(progress_chart, "0 – Ikke igangsatt")["x"] == ["2. tertial 2019", "3. tertial 2019"]
        assert trace(progress_chart, "0 – Ikke igangsatt")["y"] == [1, 0]
        assert trace(progress_chart, "Ikke rapportert")["y"] == [2, 1]
        assert trace(progress_chart, "2 – Tiltak igangsatt")["y"] == [0, 1]
        assert progress_chart.figure["layout"]["xaxis"]["type"] == "category"

    def test_timeline_spans_and_actions_running_per_year(self, model):
        actions = model.actions_in("s")
        assert running_per_year(actions) == {2019: 1, 2020: 2, 2021: 2}
        chart = timeline_chart(model, "s")
        started = trace(chart, "2 – Tiltak igangsatt")
        assert started["base"] == ["2019-01-01"] and started["customdata"] == [["2019-01-01", "2020-12-31"]]
        assert started["x"] == [731 * 24 * 3600 * 1000]
        count = trace(chart, "Tiltak som pågår")
        assert count["y"] == [1, 2, 2] and count["yaxis"] == "y2"
        assert "Flest tiltak pågår i 2020 (2)" in chart.summary

    def test_indicator_chart_has_values_baseline_target_and_straight_path(self, model):
        chart = indicator_chart(model, model.get("b-besok"))
        layout = chart.figure["layout"]
        assert layout["xaxis"]["type"] == "category"
        assert layout["xaxis"]["categoryarray"] == ["2018", "2019", "2020", "2021", "2022"]
        assert trace(chart, "Verdi")["x"] == ["2020", "2021"] and trace(chart, "Verdi")["y"] == [140, 180]
        assert trace(chart, "Utgangspunkt")["y"] == [100] and trace(chart, "Mål")["y"] == [200]
        path = trace(chart, "Rett linje mot målet")["y"]
        assert path[0] == 100 and path[-1] == 200
        steps = [b - a for a, b in zip(path, path[1:], strict=False)]
        assert max(steps) - min(steps) < 0.5  # straight, year by year
        assert "I rute" in chart.summary and "80\u00a0%" in chart.summary

    def test_goal_tree_labels_each_goal_with_number_and_mark(self, model):
        chart = goal_tree_chart(model, "s")
        sunburst = chart.figure["data"][0]
        assert sunburst["ids"] == ["s", "a", "a-1", "a-2", "a-3", "b", "b-1"]
        assert sunburst["parents"] == ["", "s", "a", "a", "a", "s", "b"]
        assert sunburst["labels"][2:5] == ["1 JA", "2 TJA", "3 –"]
        assert sunburst["marker"]["colors"][2] == model.scales.ratings.resolve("JA").color

    def test_annual_cycle_wraps_the_year_and_starts_january_at_the_top(self, model):
        assert month_span(CycleEvent(title="x", start=12, end=1)) == [12, 1]
        assert month_span(CycleEvent(title="x", start=5)) == [5]
        chart = annual_cycle_chart(model, model.get("s"))
        plan, revised, tertial = chart.figure["data"][:3]
        assert plan["type"] == "barpolar" and plan["theta"] == [30] and plan["width"] == [58]
        assert revised["theta"] == [360] and revised["width"] == [58]
        assert tertial["theta"] == [135]
        polar = chart.figure["layout"]["polar"]["angularaxis"]
        assert polar["rotation"] == 90 and polar["direction"] == "clockwise"
        assert chart.rows[0][:2] == ["januar–februar", "Plan godkjent"]
        assert chart.rows[-1][:2] == ["desember–januar", "Revidert plan"]

    def test_no_rating_charts_where_no_goal_is_rated_and_untimed_actions_are_counted(self):
        files = {k: re.sub(r"assessments: \[.*\]\n", "", v) for k, v in SITE.items() if k != "b/t3.md"}
        files["a/t4.md"] = "---\ntype: action\nid: t4\ngoals: [a-1]\ntitle: Uten tidsplan\n---\n"
        unrated = model_of(files)
        assert rating_chart(unrated, "s") is None and goal_tree_chart(unrated, "s") is None
        assert [c.kind for c in charts_for(unrated, "s")][:3] == ["statuses", "status-progress", "timeline"]
        assert actions_without_timeline(unrated, "s") == (1, 3)
        assert actions_without_timeline(model_of(SITE), "s") == (0, 3)

    def test_spec_is_json_of_the_figure(self, model):
        chart = rating_chart(model, "s")
        assert json.loads(chart.spec_json()) == chart.figure

    def test_which_charts_each_page_gets(self, model):
        assert [c.kind for c in charts_for(model, "s")] == [
            "ratings",
            "goal-tree",
            "statuses",
            "status-progress",
            "timeline",
            "indicator",
        ]
        assert [c.kind for c in charts_for(model, "b-1")] == ["indicator", "timeline"]
        assert charts_for(model, "a-3") == []
        assert [c.kind for c in charts_for(model, "b-besok")] == ["indicator"]


def test_dashboards_one_per_strategy_and_area(model):
    pages = dashboard_pages(model, "styringskort")
    assert sorted(pages) == [
        "styringskort/index.md",
        "styringskort/s/a.md",
        "styringskort/s/b.md",
        "styringskort/s/index.md",
    ]
    unit = pages["styringskort/s/index.md"]
    assert 'title: "Styringskort: Testmuseet"' in unit
    order = ["strategy/key-figures id=s", "strategy/charts id=s", "strategy/attainment strategy=s"]
    assert [unit.index(d) for d in order] == sorted(unit.index(d) for d in order)
    assert "strategy/chart type=annual-cycle id=s" in unit
    assert "strategy/indicators id=s" in unit
    assert "strategy/indicators" not in pages["styringskort/s/a.md"]  # area a has no indicators


def test_a_units_dashboards_sit_in_its_folder_and_the_overview_links_there():
    """Each unit's dashboards are a section of its own: a dashboard lists its unit's areas, not every unit's."""
    site = {f"fak/inst/{path}": text for path, text in SITE.items()}
    pages = dashboard_pages(model_of(site), "styringskort")
    assert sorted(pages) == [
        "fak/inst/styringskort/a.md",
        "fak/inst/styringskort/b.md",
        "fak/inst/styringskort/index.md",
        "styringskort/index.md",
    ]
    assert "(../fak/inst/styringskort/a.md)" in pages["styringskort/index.md"]
    assert "(a.md)" in pages["fak/inst/styringskort/index.md"]
