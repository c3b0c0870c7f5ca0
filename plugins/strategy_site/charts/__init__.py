"""Chart specifications: Plotly figures as plain data, each with a text summary and a data table.

Pure: takes the site model and gives `Chart` objects. The browser draws `Chart.figure` with the vendored
plotly.js; the summary and table are the text alternative for screen readers and print. Axes with period
labels are categories, so "2019" is not read as a number. One module per family of charts: `ratings`
(goals' ratings), `actions` (status and timeline), `indicators`, `cycle` (the årshjul); `base` holds what
they share.
"""

from __future__ import annotations

from collections.abc import Callable

from strategy_site.charts.actions import (
    actions_without_timeline,
    running_per_year,
    status_chart,
    status_progress_chart,
    timeline_chart,
)
from strategy_site.charts.base import Chart
from strategy_site.charts.cycle import annual_cycle_chart, month_span, months_label
from strategy_site.charts.indicators import indicator_chart, indicator_summary
from strategy_site.charts.ratings import goal_tree_chart, rating_chart
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Area, Goal, Indicator, Strategy

CHART_KINDS = {
    "ratings": rating_chart,
    "goal-tree": goal_tree_chart,
    "statuses": status_chart,
    "status-progress": status_progress_chart,
    "timeline": timeline_chart,
}
"""Charts of a strategy or an area, by the name used in `<!-- strategy/chart type=... -->`."""


ChartMaker = tuple[str, str, Callable[[], "Chart | None"]]
"""A chart not drawn yet: its kind, the entity it is about, and the function that draws it (None: no data)."""


def chart_makers(model: SiteModel, ident: str) -> list[ChartMaker]:
    """Every chart an entity's page or dashboard may show, in the order shown, none of them drawn yet."""
    entity = model.get(ident)

    def indicator(ind: Indicator) -> ChartMaker:
        return ("indicator", ind.id, lambda: indicator_chart(model, ind))

    out: list[ChartMaker] = []
    if isinstance(entity, Strategy | Area):
        out.extend((kind, ident, lambda b=b: b(model, ident)) for kind, b in CHART_KINDS.items())
        out.extend(indicator(i) for i in model.indicators_in(ident))
    elif isinstance(entity, Goal):
        out.extend(indicator(model.get(i)) for i in model.indicators_of.get(ident, []))
        if model.actions_in(ident):
            out.append(("timeline", ident, lambda: timeline_chart(model, ident)))
    elif isinstance(entity, Indicator):
        out.append(indicator(entity))
    return out


def charts_for(model: SiteModel, ident: str) -> list[Chart]:
    """Every chart that has data for an entity, in the order a dashboard shows them."""
    return [chart for _, _, make in chart_makers(model, ident) if (chart := make()) is not None]


__all__ = [
    "ChartMaker",
    "CHART_KINDS",
    "Chart",
    "actions_without_timeline",
    "annual_cycle_chart",
    "chart_makers",
    "charts_for",
    "goal_tree_chart",
    "indicator_chart",
    "indicator_summary",
    "month_span",
    "months_label",
    "rating_chart",
    "running_per_year",
    "status_chart",
    "status_progress_chart",
    "timeline_chart",
]
