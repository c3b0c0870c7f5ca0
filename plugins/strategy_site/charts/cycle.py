"""The årshjul: a strategy's yearly events as arcs over their months."""

from __future__ import annotations

from strategy_site.charts.base import PATTERNS, SERIES_COLORS, Chart, layout, pattern, plain
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import CycleEvent, Strategy
from strategy_site.core.periods import MONTH_NAMES


def month_span(event: CycleEvent) -> list[int]:
    """The months an event covers, in order; an event from December to January wraps the year."""
    end = event.end or event.start
    count = (end - event.start) % 12 + 1
    return [(event.start - 1 + i) % 12 + 1 for i in range(count)]


def months_label(event: CycleEvent) -> str:
    """The months of an event in words: «mai», or «desember–januar» for a span."""
    months = month_span(event)
    if len(months) == 1:
        return MONTH_NAMES[months[0] - 1]
    return f"{MONTH_NAMES[months[0] - 1]}–{MONTH_NAMES[months[-1] - 1]}"


# Kinds of event that are reporting deadlines (compared without case): drawn as a deadline at the end of the event.
REPORTING_KINDS = frozenset({"rapportering", "reporting", "rapport"})


def reporting_deadlines(events: list[CycleEvent]) -> list[CycleEvent]:
    """The events that are reporting deadlines, in the order of their last month."""
    deadlines = [e for e in events if (e.kind or "").strip().casefold() in REPORTING_KINDS]
    return sorted(deadlines, key=lambda e: month_span(e)[-1])


def _deadline_trace(model: SiteModel, deadlines: list[CycleEvent], ring: int) -> dict:
    """A marker outside the rings at the last month of each reporting event."""
    texts = [
        plain(model.labels.text("chart_cycle_deadline", title=e.title, month=MONTH_NAMES[month_span(e)[-1] - 1]))
        for e in deadlines
    ]
    return {
        "type": "scatterpolar",
        "mode": "markers",
        "name": plain(model.labels.text("chart_cycle_deadlines")),
        "r": [ring] * len(deadlines),
        "theta": [(month_span(e)[-1] - 1) * 30 + 15 for e in deadlines],
        "text": texts,
        "marker": {"symbol": "triangle-down", "size": 14, "color": "#b3261e", "line": {"color": "#000", "width": 1}},
        "hovertemplate": "%{text}<extra></extra>",
    }


def annual_cycle_chart(model: SiteModel, strategy: Strategy) -> Chart | None:
    """The årshjul: each yearly event as an arc over its months, January at the top, clockwise."""
    events = strategy.annual_cycle
    if not events:
        return None
    default_kind = model.labels.text("chart_cycle_default_kind")
    kinds = list(dict.fromkeys(e.kind or default_kind for e in events))
    traces = []
    for ring, event in enumerate(events):
        months = month_span(event)
        kind = event.kind or default_kind
        k = kinds.index(kind)
        traces.append(
            {
                "type": "barpolar",
                "name": plain(f"{ring + 1}. {months_label(event)}: {event.title} ({kind.lower()})"),
                "r": [1],
                "base": [ring + 1],
                "theta": [((months[0] - 1) + len(months) / 2) * 30],
                "width": [len(months) * 30 - 2],
                "text": [plain(event.title)],
                "marker": {
                    "color": SERIES_COLORS[k % len(SERIES_COLORS)],
                    "line": {"color": "rgba(0,0,0,0.5)", "width": 1},
                    "pattern": pattern(PATTERNS[(k + 1) % len(PATTERNS)]),
                },
                "hovertemplate": f"{plain(event.title)}<br>{months_label(event)} ({plain(kind)})<extra></extra>",
            }
        )
    deadlines = reporting_deadlines(events)
    if deadlines:
        traces.append(_deadline_trace(model, deadlines, len(events) + 1))
    title = model.labels.text("chart_cycle_title", unit=strategy.unit)
    figure = {
        "data": traces,
        "layout": layout(
            model.labels.text("chart_cycle_heading"),
            height=560 + 22 * len(events),
            polar={
                "hole": 0.15,
                "angularaxis": {
                    "direction": "clockwise",
                    "rotation": 90,
                    "tickmode": "array",
                    "tickvals": [m * 30 + 15 for m in range(12)],
                    "ticktext": model.labels.text("chart_months").split(),
                    "showgrid": True,
                },
                "radialaxis": {"visible": False, "range": [0, len(events) + (2 if deadlines else 1)]},
            },
            legend={
                "orientation": "v",
                "x": 0,
                "y": -0.02,
                "yanchor": "top",
                "title": {"text": model.labels.text("chart_cycle_legend")},
            },
            margin={"l": 30, "r": 30, "t": 60, "b": 30},
        ),
    }
    ordered = sorted(events, key=lambda e: e.start)
    events_text = "; ".join(f"{months_label(e)}: {e.title}" for e in ordered)
    summary = model.labels.text("chart_cycle_summary", events=events_text)
    if deadlines:
        listed = "; ".join(f"{MONTH_NAMES[month_span(e)[-1] - 1]}: {e.title}" for e in deadlines)
        summary += " " + model.labels.text("chart_cycle_deadlines_summary", deadlines=listed)
    rows = [[months_label(e), e.title, e.kind or "", e.note or ""] for e in ordered]
    columns = [
        model.labels.text(key)
        for key in ("chart_column_when", "chart_column_event", "chart_column_kind", "chart_column_note")
    ]
    return Chart("annual-cycle", strategy.id, title, summary, figure, columns, rows)
