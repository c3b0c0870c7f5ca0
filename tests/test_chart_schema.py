"""Every chart spec the sites produce is a figure plotly accepts.

plotly.js skips an attribute it does not know and a value it cannot use, so a misspelt key or a wrong value in
a spec only shows as a chart that quietly lacks something (a pattern, an axis title). Plotly's Python figure
classes check each attribute against the same schema and raise: the specs are checked with them here.
"""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import pytest
from conftest import BASE_SITE, ROOT
from test_charts import SITE, model_of

from strategy_site.charts import CHART_KINDS, Chart, annual_cycle_chart, charts_for, indicator_chart, rating_chart
from strategy_site.checks.analysis import analyse
from strategy_site.cli.main import load_site
from strategy_site.core.graph import SiteModel
from strategy_site.core.load import SourceDoc
from strategy_site.core.models import Area, Goal, Indicator, Strategy


def every_chart(model: SiteModel) -> list[Chart]:
    """Every chart a page of the site can place: each kind for each strategy, area and goal (what
    `strategy/chart type=...` draws), what `strategy/charts` draws for each entity, each indicator and årshjul."""
    charts: list[Chart | None] = []
    for entity in model.of_type(Strategy | Area | Goal):
        charts.extend(build(model, entity.id) for build in CHART_KINDS.values())
        charts.extend(charts_for(model, entity.id))
    charts.extend(indicator_chart(model, indicator) for indicator in model.of_type(Indicator))
    charts.extend(annual_cycle_chart(model, strategy) for strategy in model.of_type(Strategy))
    return [c for c in charts if c is not None]


def plotly_problems(charts: list[Chart]) -> list[str]:
    """What plotly's figure schema rejects, one line per chart."""
    problems = []
    for chart in charts:
        try:
            go.Figure(chart.figure)
        except ValueError as exc:
            first = next(line.strip() for line in str(exc).splitlines() if line.strip())
            problems.append(f"{chart.kind} {chart.target}: {first}")
    return problems


@pytest.fixture(scope="module")
def example_model() -> SiteModel:
    return load_site(str(ROOT / "mkdocs.yml")).analysis.model


def every_rating_site(model: SiteModel) -> dict[str, str]:
    """One area with a goal at each level of the example's rating scale and one unrated: the most series a
    rating chart can have, and every pattern."""
    files = {
        "index.md": "---\ntype: strategy\nid: s\ntitle: S\nunit: U\nperiod: {start: 2018, end: 2025}\n---\n",
        "a/index.md": "---\ntype: area\nid: a\ntitle: A\n---\n",
        "a/unrated.md": "---\ntype: goal\nid: a-0\narea: a\ntitle: Uvurdert\n---\n",
    }
    for n, level in enumerate(model.scales.ratings.levels, start=1):
        files[f"a/{n}.md"] = (
            f'---\ntype: goal\nid: a-{n}\narea: a\nnumber: "{n}"\ntitle: Mål {n}\n'
            f'assessments: [{{period: "2022", rating: "{level.key}"}}]\n---\n'
        )
    return files


@pytest.fixture(scope="module")
def test_models(example_model) -> dict[str, SiteModel]:
    """The small sites the other tests build from, and one that uses every rating of the example's scale."""
    every_rating = analyse([SourceDoc(p, t) for p, t in every_rating_site(example_model).items()], example_model.scales)
    assert not every_rating.errors, [str(p) for p in every_rating.errors]
    return {
        "test_charts.SITE": model_of(SITE),
        "conftest.BASE_SITE (tests/fixtures/base)": model_of(BASE_SITE),
        "every rating": every_rating.model,
    }


def test_every_chart_of_the_example_site_is_a_valid_plotly_figure(example_model):
    charts = every_chart(example_model)
    assert len(charts) > 50
    problems = plotly_problems(charts)
    assert not problems, "\n".join(problems)


def test_every_chart_of_the_test_sites_is_a_valid_plotly_figure(test_models):
    for name, model in test_models.items():
        charts = every_chart(model)
        assert charts, name
        problems = plotly_problems(charts)
        assert not problems, "\n".join([name, *problems])


def test_the_sites_between_them_check_every_kind_of_chart(example_model, test_models):
    models = [example_model, *test_models.values()]
    assert {c.kind for model in models for c in every_chart(model)} == {*CHART_KINDS, "indicator", "annual-cycle"}
    # A bar for each of the scale's ten levels and the unrated, each with a pattern of its own: the patterns
    # past plotly's eight shapes are checked above too.
    bars = rating_chart(test_models["every rating"], "s").figure["data"]
    assert len(bars) == len(example_model.scales.ratings.levels) + 1 == 11
    assert len({(b["marker"]["pattern"]["shape"], b["marker"]["pattern"]["size"]) for b in bars}) == 11


def test_the_example_site_draws_only_charts_checked_here(example_site, example_model):
    """The model's charts above are all the built site draws: each chart container's figure is one of them."""
    checked = {chart.spec_json() for chart in every_chart(example_model)}
    plot = re.compile(r'<div class="strategy-chart__plot"[^>]* data-figure="([^"]*)"')
    drawn = set()
    for page in example_site.site.rglob("*.html"):
        drawn.update(html.unescape(spec) for spec in plot.findall(page.read_text(encoding="utf-8")))
    assert drawn and drawn <= checked
