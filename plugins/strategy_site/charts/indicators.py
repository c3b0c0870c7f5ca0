"""The indicator chart: values over time against baseline, targets and the straight path to the target."""

from __future__ import annotations

from typing import Any

from strategy_site.charts.base import SERIES_COLORS, Chart, fmt, layout, pct, plain
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Indicator
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.indicators import planned_value, progress, values_in_order


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
    traces: list[dict[str, Any]] = []
    planned = [(p, planned_value(indicator, p)) for p in axis]
    planned = [(p, v) for p, v in planned if v is not None]
    if planned:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": "Rett linje mot målet",
                "x": [p.key for p, _ in planned],
                "y": [round(v, 2) for _, v in planned],
                "line": {"dash": "dash", "color": "#7f7f7f", "width": 2},
                "hovertemplate": f"%{{x}}: %{{y:,.0f}} {unit} (planlagt)<extra></extra>",
            }
        )
    if values:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "name": "Verdi",
                "x": [p.period.key for p in values],
                "y": [p.value for p in values],
                "text": [fmt(p.value) for p in values],
                "textposition": "top center",
                "line": {"color": SERIES_COLORS[0], "width": 3},
                "marker": {"size": 9, "symbol": "circle"},
                "hovertemplate": f"%{{x}}: %{{y:,.0f}} {unit}<extra></extra>",
            }
        )
    if state.baseline:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Utgangspunkt",
                "x": [state.baseline.period.key],
                "y": [state.baseline.value],
                "marker": {"size": 13, "symbol": "square", "color": SERIES_COLORS[1], "line": {"width": 1}},
                "hovertemplate": f"Utgangspunkt %{{x}}: %{{y:,.0f}} {unit}<extra></extra>",
            }
        )
    targets = sorted(indicator.targets(), key=lambda t: parse_period(t.period))
    if targets:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Mål",
                "x": [t.period for t in targets],
                "y": [t.value for t in targets],
                "marker": {"size": 16, "symbol": "star", "color": SERIES_COLORS[2], "line": {"width": 1}},
                "hovertemplate": f"Mål %{{x}}: %{{y:,.0f}} {unit}<extra></extra>",
            }
        )
    title = indicator.title + (" (eksempeldata)" if indicator.example_data else "")
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
            yaxis={"title": {"text": unit or "Verdi"}, "rangemode": "tozero", "tickformat": ",.0f", "automargin": True},
        ),
    }
    columns = ["Periode", "Verdi", "Rett linje mot målet", "Utgangspunkt / mål"]
    baseline_key = state.baseline.period.key if state.baseline else None
    target_values = {t.period: t.value for t in targets}
    by_key = {p.period.key: p.value for p in values}
    planned_by_key = dict((p.key, v) for p, v in planned)
    rows = []
    for p in axis:
        mark = []
        if p.key == baseline_key:
            mark.append(f"utgangspunkt {fmt(state.baseline.value)}")
        if p.key in target_values:
            mark.append(f"mål {fmt(target_values[p.key])}")
        if p.key in by_key or mark:
            rows.append([p.label, fmt(by_key.get(p.key)), fmt(planned_by_key.get(p.key), 0), ", ".join(mark)])
    return Chart("indicator", indicator.id, title, indicator_summary(indicator), figure, columns, rows)


def indicator_summary(indicator: Indicator) -> str:
    """One sentence on where the indicator stands, for the text alternative and the key figure cards."""
    state = progress(indicator)
    unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
    parts = []
    if state.baseline:
        parts.append(f"utgangspunkt {fmt(state.baseline.value)}{unit} ({state.baseline.period.label})")
    if state.target:
        parts.append(f"mål {fmt(state.target.value)}{unit} ({state.target.period.label})")
    if state.latest:
        parts.append(f"siste verdi {fmt(state.latest.value)}{unit} ({state.latest.period.label})")
    text = indicator.title + ": " + (", ".join(parts) if parts else "ingen verdier ennå") + "."
    if state.attainment is not None:
        text += f" {pct(state.attainment)} av veien fra utgangspunkt til mål."
    if state.reached:
        text += " Målet er nådd."
    elif state.on_track is not None:
        verdict = "I rute" if state.on_track else "Ikke i rute"
        text += (
            f" {verdict}: den rette linjen mot målet gir {fmt(state.planned, 0)}{unit} i {state.latest.period.label}."
        )
    if indicator.example_data:
        text += " Tallene er eksempeldata."
    return text
