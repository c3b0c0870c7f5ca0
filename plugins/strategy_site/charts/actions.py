"""Charts of the actions: their latest status, the status in each reporting period, and their timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from strategy_site.charts.base import (
    PATTERNS,
    SERIES_COLORS,
    UNRATED_COLOR,
    Chart,
    areas_under,
    entity_label,
    layout,
    pattern,
    short,
    stacked_bars,
)
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.status import level_at, status_at

DAY_MS = 24 * 3600 * 1000


def _status_series(model: SiteModel, ident: str, groups: list[list[Action]], until: list[Period | None]):
    """Counts of a unit's (area's) actions per status level (and unreported) for each group, as (name, colour,
    counts), on the status scale of `ident`'s strategy."""
    statuses = model.statuses_of(ident)
    levels = [[level_at(a, u, model.cache) for a in group] for group, u in zip(groups, until, strict=True)]
    series = [(f"{s.level} – {s.label}", s.color, [lv.count(s.level) for lv in levels]) for s in statuses.levels]
    series.append((model.labels.text("chart_unreported"), UNRATED_COLOR, [lv.count(None) for lv in levels]))
    return [s for s in series if any(s[2])]


def status_chart(model: SiteModel, ident: str) -> Chart | None:
    """Actions of each area by their latest status level, as stacked bars."""
    areas = [a for a in areas_under(model, ident) if model.actions_in(a)]
    if not areas:
        return None
    groups = [model.actions_in(a) for a in areas]
    series = _status_series(model, ident, groups, [None] * len(groups))
    title = model.labels.text("chart_statuses_title", title=model.get(ident).title)
    actions = model.actions_in(ident)
    statuses = model.statuses_of(ident)
    levels = [lv for a in actions if (lv := level_at(a, cache=model.cache)) is not None]
    started = sum(1 for lv in levels if statuses.is_started(lv))
    done = sum(1 for lv in levels if statuses.is_done(lv))
    figure = {
        "data": stacked_bars(
            [short(model.get(a).title) for a in areas], series, "h", model.labels.text("chart_actions_unit")
        ),
        "layout": layout(
            model.labels.text("chart_statuses_heading"),
            barmode="stack",
            height=max(260, 90 + 38 * len(areas)),
            xaxis={},
            yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        ),
    }
    summary = model.labels.text(
        "chart_statuses_summary",
        actions=len(actions),
        started=started,
        done=done,
        unreported=len(actions) - len(levels),
    )
    columns = [model.labels.text("chart_column_area"), *(name for name, _, _ in series)]
    rows = [[model.get(a).title, *(str(c[i]) for _, _, c in series)] for i, a in enumerate(areas)]
    return Chart("statuses", ident, title, summary, figure, columns, rows)


def status_progress_chart(model: SiteModel, ident: str) -> Chart | None:
    """How many actions were at each status level in each reporting period (the latest report up to it)."""
    actions = model.actions_in(ident)
    periods = sorted({parse_period(e.period) for a in actions for e in a.status})
    if not periods:
        return None
    series = _status_series(model, ident, [actions] * len(periods), list(periods))
    labels = [p.label for p in periods]
    title = model.labels.text("chart_status_progress_title", title=model.get(ident).title)
    figure = {
        "data": stacked_bars(labels, series, "v", model.labels.text("chart_actions_unit")),
        "layout": layout(
            model.labels.text("chart_status_progress_heading"),
            barmode="stack",
            height=360,
            xaxis={"type": "category"},
            yaxis={"title": {"text": model.labels.text("chart_status_progress_axis")}, "automargin": True},
        ),
    }
    statuses = model.statuses_of(ident)
    started = [
        sum(1 for a in actions if (lv := level_at(a, p, model.cache)) is not None and statuses.is_started(lv))
        for p in periods
    ]
    counts = [
        model.labels.text("chart_status_progress_period", period=lab, started=n, actions=len(actions))
        for lab, n in zip(labels, started, strict=True)
    ]
    summary = model.labels.text("chart_status_progress_summary", periods="; ".join(counts))
    columns = [model.labels.text("chart_column_period"), *(name for name, _, _ in series)]
    rows = [[lab, *(str(c[i]) for _, _, c in series)] for i, lab in enumerate(labels)]
    return Chart("status-progress", ident, title, summary, figure, columns, rows)


def _span(action: Action) -> tuple[dt.date, dt.date] | None:
    """An action's first and last day, from its start and end periods."""
    if not action.start and not action.end:
        return None
    start = parse_period(action.start or action.end)
    end = parse_period(action.end or action.start)
    return start.start, end.end


def _iso(day: dt.date) -> str:
    return day.isoformat()


def running_per_year(actions: list[Action]) -> dict[int, int]:
    """How many actions run (at least one day) in each year from the first start to the last end."""
    spans = [s for a in actions if (s := _span(a))]
    if not spans:
        return {}
    first, last = min(s[0] for s in spans).year, max(s[1] for s in spans).year
    return {y: sum(1 for s, e in spans if s.year <= y <= e.year) for y in range(first, last + 1)}


def actions_without_timeline(model: SiteModel, ident: str) -> tuple[int, int]:
    """(actions without start or end, all actions) of a strategy, area or goal."""
    actions = model.actions_in(ident)
    return sum(1 for a in actions if _span(a) is None), len(actions)


def timeline_chart(model: SiteModel, ident: str) -> Chart | None:
    """A Gantt chart of the actions' timelines, coloured by latest status, and the number running each year."""
    actions = [a for a in model.actions_in(ident) if _span(a)]
    if not actions:
        return None
    statuses = model.statuses_of(ident)
    traces: list[dict[str, Any]] = []
    names = [short(f"{a.number + '. ' if a.number else ''}{a.title}", 48) for a in actions]
    groups: dict[int | None, list[int]] = {}
    for i, action in enumerate(actions):
        groups.setdefault(level_at(action, cache=model.cache), []).append(i)
    order = [s.level for s in statuses.levels] + [None]
    for n, level in enumerate(lv for lv in order if lv in groups):
        idx = groups[level]
        status = statuses.get(level) if level is not None else None
        spans = [_span(actions[i]) for i in idx]
        label = f"{level} – {status.label}" if status else model.labels.text("chart_unreported")
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label,
                "y": [names[i] for i in idx],
                "base": [_iso(s) for s, _ in spans],
                "x": [((e - s).days + 1) * DAY_MS for s, e in spans],
                "text": [str(level) if level is not None else "–" for _ in idx],
                "textposition": "inside",
                "textangle": 0,
                "marker": {
                    "color": status.color if status else UNRATED_COLOR,
                    "line": {"color": "rgba(0,0,0,0.45)", "width": 1},
                    "pattern": pattern(PATTERNS[n % len(PATTERNS)]),
                },
                "customdata": [[_iso(s), _iso(e)] for s, e in spans],
                "hovertemplate": "%{y}<br>%{customdata[0]} – %{customdata[1]}<br>" + label + "<extra></extra>",
                "yaxis": "y",
            }
        )
    per_year = running_per_year(actions)
    traces.append(
        {
            "type": "bar",
            "name": model.labels.text("chart_timeline_running"),
            "x": [f"{y}-07-01" for y in per_year],
            "y": list(per_year.values()),
            "width": [330 * DAY_MS for _ in per_year],
            "text": [str(v) for v in per_year.values()],
            "textposition": "outside",
            "marker": {"color": SERIES_COLORS[0], "pattern": {"shape": ""}},
            "hovertemplate": "%{x|%Y}: %{y} " + model.labels.text("chart_timeline_running_hover") + "<extra></extra>",
            "yaxis": "y2",
            "showlegend": False,
        }
    )
    height = max(380, 150 + 24 * len(actions))
    lower = min(0.3, 140 / height)
    title = model.labels.text("chart_timeline_title", title=model.get(ident).title)
    figure = {
        "data": traces,
        "layout": layout(
            model.labels.text("chart_timeline_heading"),
            height=height,
            barmode="overlay",
            xaxis={"type": "date", "anchor": "y2", "dtick": "M12", "tickformat": "%Y", "showgrid": True},
            yaxis={
                "type": "category",
                "domain": [lower + 0.06, 1],
                "autorange": "reversed",
                "automargin": True,
                "categoryorder": "array",
                "categoryarray": names,
            },
            yaxis2={
                "domain": [0, lower],
                "title": {"text": model.labels.text("chart_timeline_running_axis")},
                "rangemode": "tozero",
            },
            legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
            margin={"l": 10, "r": 10, "t": 90, "b": 30},
        ),
    }
    busiest = max(per_year.items(), key=lambda kv: kv[1])
    first, last = min(per_year), max(per_year)
    summary = model.labels.text(
        "chart_timeline_summary",
        actions=len(actions),
        first=first,
        last=last,
        busiest_year=busiest[0],
        busiest=busiest[1],
        years=", ".join(f"{y}: {n}" for y, n in per_year.items()),
    )
    rows = []
    for action in actions:
        s, e = _span(action)
        entry = status_at(action, cache=model.cache)
        status = statuses.get(entry.level) if entry else None
        rows.append(
            [
                entity_label(model, action.id) if not action.number else f"{action.number}. {action.title}",
                parse_period(action.start).label if action.start else "–",
                parse_period(action.end).label if action.end else "–",
                f"{entry.level} – {status.label}" if entry and status else model.labels.text("chart_unreported"),
            ]
        )
    columns = [
        model.labels.text(key)
        for key in ("chart_column_action", "chart_column_start", "chart_column_end", "chart_column_latest_status")
    ]
    return Chart("timeline", ident, title, summary, figure, columns, rows)
