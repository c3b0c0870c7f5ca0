"""The indicator chart: values over time against baseline, targets and the straight path to the target."""

from __future__ import annotations

from typing import Any

from strategy_site.charts.base import SERIES_COLORS, Chart, layout, plain
from strategy_site.core.graph import SiteModel
from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.models import Indicator
from strategy_site.core.numbers import measured, number, percent, rounded
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.indicators import indicator_decimals, planned_value, progress, values_in_order


def _axis_periods(periods: list[Period]) -> list[Period]:
    """The periods of an x axis: every year in the range when all are years (so a straight path looks straight)."""
    if periods and all(p.kind == "year" for p in periods):
        first, last = periods[0].start.year, periods[-1].start.year
        return [parse_period(str(y)) for y in range(first, last + 1)]
    return sorted(set(periods))


def indicator_chart(model: SiteModel, indicator: Indicator) -> Chart | None:
    """An indicator's values over time against its baseline and target, with the straight path to the target."""
    values = values_in_order(indicator)
    state = progress(indicator)
    marks = [p.period for p in values]
    if state.baseline:
        marks.append(state.baseline.period)
    marks.extend(parse_period(t.period) for t in indicator.targets())
    if not marks:
        return None
    axis = _axis_periods(sorted(marks))
    unit = plain(indicator.unit_of_measure or "")
    path_name, value_name = model.labels.text("chart_indicator_path"), model.labels.text("chart_indicator_value")
    baseline_name, target_name = (
        model.labels.text("chart_indicator_baseline"),
        model.labels.text("chart_indicator_target"),
    )
    traces: list[dict[str, Any]] = []
    places = indicator_decimals(indicator)
    shown = f",.{places}f"

    def shown_value(value: float | None) -> str:
        return measured(value, places)

    planned = [(p, planned_value(indicator, p)) for p in axis]
    planned = [(p, v) for p, v in planned if v is not None]
    if planned:
        planned_note = model.labels.text("chart_indicator_planned_note")
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": path_name,
                "x": [p.key for p, _ in planned],
                "y": [rounded(v, places) for _, v in planned],
                "line": {"dash": "dash", "color": "#7f7f7f", "width": 2},
                "hovertemplate": f"%{{x}}: %{{y:{shown}}} {unit} {planned_note}<extra></extra>",
            }
        )
    if values:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "name": value_name,
                "x": [p.period.key for p in values],
                "y": [p.value for p in values],
                "text": [shown_value(p.value) for p in values],
                "textposition": "top center",
                "line": {"color": SERIES_COLORS[0], "width": 3},
                "marker": {"size": 9, "symbol": "circle"},
                "hovertemplate": f"%{{x}}: %{{y:{shown}}} {unit}<extra></extra>",
            }
        )
    if state.baseline:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": baseline_name,
                "x": [state.baseline.period.key],
                "y": [state.baseline.value],
                "marker": {"size": 13, "symbol": "square", "color": SERIES_COLORS[1], "line": {"width": 1}},
                "hovertemplate": f"{baseline_name} %{{x}}: %{{y:{shown}}} {unit}<extra></extra>",
            }
        )
    targets = sorted(indicator.targets(), key=lambda t: parse_period(t.period))
    if targets:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": target_name,
                "x": [t.period for t in targets],
                "y": [t.value for t in targets],
                "marker": {"size": 16, "symbol": "star", "color": SERIES_COLORS[2], "line": {"width": 1}},
                "hovertemplate": f"{target_name} %{{x}}: %{{y:{shown}}} {unit}<extra></extra>",
            }
        )
    title = indicator.title
    if indicator.example_data:
        title = model.labels.text("chart_indicator_example_title", title=title)
    figure = {
        "data": traces,
        "layout": layout(
            plain(title),
            height=380,
            xaxis={
                "type": "category",
                "categoryorder": "array",
                "categoryarray": [p.key for p in axis],
            },
            yaxis={
                "title": {"text": unit or value_name},
                "rangemode": "tozero",
                "tickformat": shown,
                "automargin": True,
            },
        ),
    }
    columns = [
        model.labels.text("chart_column_period"),
        value_name,
        path_name,
        model.labels.text("chart_indicator_marks_column"),
    ]
    baseline_key = state.baseline.period.key if state.baseline else None
    target_values = {t.period: t.value for t in targets}
    by_key = {p.period.key: p.value for p in values}
    planned_by_key = dict((p.key, v) for p, v in planned)
    rows = []
    for p in axis:
        mark = []
        if p.key == baseline_key:
            mark.append(model.labels.text("chart_indicator_baseline_mark", value=shown_value(state.baseline.value)))
        if p.key in target_values:
            mark.append(model.labels.text("chart_indicator_target_mark", value=shown_value(target_values[p.key])))
        if p.key in by_key or mark:
            rows.append(
                [p.label, shown_value(by_key.get(p.key)), shown_value(planned_by_key.get(p.key)), ", ".join(mark)]
            )
    return Chart("indicator", indicator.id, title, indicator_summary(indicator, model.labels), figure, columns, rows)


def indicator_summary(indicator: Indicator, labels: Labels = DEFAULT) -> str:
    """One sentence on where the indicator stands, for the text alternative and the key figure cards."""
    state = progress(indicator)
    unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
    places = state.decimals
    points = {
        "chart_indicator_baseline_part": state.baseline,
        "chart_indicator_target_part": state.target,
        "chart_indicator_latest_part": state.latest,
    }
    parts = [
        labels.text(key, amount=f"{measured(point.value, places)}{unit}", period=point.period.label)
        for key, point in points.items()
        if point
    ]
    sentences = [
        labels.text(
            "chart_indicator_summary",
            title=indicator.title,
            parts=", ".join(parts) if parts else labels.text("chart_indicator_no_values"),
        )
    ]
    if state.attainment is not None:
        sentences.append(labels.text("chart_indicator_attainment", share=percent(state.attainment)))
    if state.reached:
        sentences.append(labels.text("chart_indicator_reached"))
    elif state.on_track is not None:
        verdict = "chart_indicator_on_track" if state.on_track else "chart_indicator_off_track"
        sentences.append(
            labels.text(verdict, planned=f"{number(state.planned, places)}{unit}", period=state.latest.period.label)
        )
    if indicator.example_data:
        sentences.append(labels.text("chart_indicator_example_note"))
    return " ".join(sentences)
