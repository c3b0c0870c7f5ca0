"""Chart specifications: Plotly figures as plain data, each with a text summary and a data table.

Pure: takes the site model and gives `Chart` objects. The browser draws `Chart.figure` with the vendored
plotly.js; the summary and table are the text alternative for screen readers and print. Colours come from
the configured scales; every coloured mark also carries a pattern or a text label, so colour is never the
only carrier of meaning. Axes with period labels are categories, so "2019" is not read as a number.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from strategy_site.core.cache import Key
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Area, CycleEvent, Goal, Indicator, Strategy
from strategy_site.core.numbers import measured, number, percent
from strategy_site.core.periods import MONTH_NAMES, Period, parse_period
from strategy_site.core.scales import text_color_for
from strategy_site.measures.attainment import attainment_for, latest_rating
from strategy_site.measures.indicators import planned_value, progress, values_in_order
from strategy_site.measures.status import level_at, status_at

# Patterns repeat the colour's meaning for people who cannot tell the colours apart, and on grey print.
PATTERNS = ["", "/", "\\", "x", "-", "|", "+", ".", "//", "\\\\"]
UNRATED_COLOR = "#c8c8c8"
NEUTRAL_COLOR = "#9fa8da"
# A colour-blind safe qualitative palette (Okabe–Ito) for series that have no colour of their own.
SERIES_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
MONTHS = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]
DAY_MS = 24 * 3600 * 1000


@dataclass
class Chart:
    """One chart: the figure to draw, and the same data as text and as a table."""

    kind: str
    target: str
    title: str
    summary: str
    figure: dict[str, Any]
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def spec_json(self) -> str:
        """The figure as compact JSON (the template escapes it for the HTML attribute it goes in)."""
        return json.dumps(self.figure, ensure_ascii=False, separators=(",", ":"))


def _pattern(shape: str | list[str]) -> dict[str, Any]:
    """A pattern drawn over the fill colour (not instead of it), dark enough to see on every scale colour."""
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "rgba(0,0,0,0.4)", "fgopacity": 0.5, "size": 7}


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    """Layout shared by all charts; the browser adds the palette's colours and fonts."""
    layout = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
        "legend": {"orientation": "h", "y": -0.15, "yanchor": "top", "traceorder": "normal"},
        "hovermode": "closest",
    }
    layout.update(extra)
    return layout


def _label(model: SiteModel, ident: str) -> str:
    entity = model.get(ident)
    if isinstance(entity, Goal) and entity.number:
        return f"{entity.number}. {entity.title}"
    return entity.title if entity else ident


def _plain(text: str) -> str:
    """Editors' text for plotly, which reads a few HTML tags in labels: shown as written, never as markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text: str, width: int = 40) -> str:
    """A label for a chart, cut to a width, as plain text for plotly."""
    return _plain(text if len(text) <= width else text[: width - 1].rstrip() + "…")


def _areas(model: SiteModel, ident: str) -> list[str]:
    entity = model.get(ident)
    return [ident] if isinstance(entity, Area) else list(model.areas_of.get(ident, []))


def _stacked_bars(
    categories: list[str], series: list[tuple[str, str, list[int]]], orientation: str, hover: str
) -> list[dict[str, Any]]:
    """One bar trace per series (name, colour, counts), each with its own pattern and the count as text."""
    traces = []
    category, count = ("y", "x") if orientation == "h" else ("x", "y")
    for i, (name, color, counts) in enumerate(series):
        axis_values = {"y": categories, "x": counts} if orientation == "h" else {"x": categories, "y": counts}
        traces.append(
            {
                "type": "bar",
                "orientation": orientation,
                "name": name,
                **axis_values,
                "marker": {
                    "color": color,
                    "line": {"color": "rgba(0,0,0,0.45)", "width": 1},
                    "pattern": _pattern(PATTERNS[i % len(PATTERNS)]),
                },
                "text": [str(c) if c else "" for c in counts],
                "textposition": "inside",
                "textangle": 0,
                "insidetextanchor": "middle",
                "hovertemplate": f"%{{{category}}}<br>{name}: %{{{count}}} {hover}<extra></extra>",
            }
        )
    return traces


def rating_chart(model: SiteModel, ident: str) -> Chart | None:
    """How the goals of each area are rated (latest rating per goal), as stacked bars."""
    scale = model.scales.ratings
    areas = _areas(model, ident)
    if not areas:
        return None
    summaries = [attainment_for(model.goals_in(a), scale) for a in areas]
    # Without any rating the bars would only repeat the goal count in grey; the key figures already say it.
    if not any(s.rated for s in summaries):
        return None
    names = [_short(model.get(a).title) for a in areas]
    series = [
        (f"{lvl.key} – {lvl.label}", lvl.color, [s.distribution[lvl.key] for s in summaries]) for lvl in scale.levels
    ]
    series.append(("Ikke vurdert", UNRATED_COLOR, [s.unrated for s in summaries]))
    series = [s for s in series if any(s[2])]
    total = attainment_for(model.goals_in(ident), scale)
    title = f"Måloppnåelse – {model.get(ident).title}"
    figure = {
        "data": _stacked_bars(names, series, "h", "mål"),
        "layout": _layout(
            "Antall mål per vurdering",
            barmode="stack",
            height=max(260, 90 + 38 * len(areas)),
            xaxis={"dtick": 1 if total.goals <= 12 else None},
            yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        ),
    }
    common = max(((k, v) for k, v in total.distribution.items()), key=lambda kv: kv[1], default=None)
    share = percent(total.share_reached)
    summary = f"{total.goals} mål, {total.rated} vurdert, {total.reached} nådd ({share} av de vurderte)."
    if common and common[1]:
        summary += f" Flest mål har vurderingen {common[0]} ({common[1]})."
    columns = ["Område", *(name for name, _, _ in series)]
    rows = [[model.get(a).title, *(str(counts[i]) for _, _, counts in series)] for i, a in enumerate(areas)]
    return Chart("ratings", ident, title, summary, figure, columns, rows)


def _status_series(model: SiteModel, groups: list[list[Action]], until: list[Period | None]):
    """Counts of actions per status level (and unreported) for each group, as (name, colour, counts)."""
    statuses = model.scales.statuses
    levels = [[level_at(a, u, model.cache) for a in group] for group, u in zip(groups, until, strict=True)]
    series = [(f"{s.level} – {s.label}", s.color, [lv.count(s.level) for lv in levels]) for s in statuses.levels]
    series.append(("Ikke rapportert", UNRATED_COLOR, [lv.count(None) for lv in levels]))
    return [s for s in series if any(s[2])]


def status_chart(model: SiteModel, ident: str) -> Chart | None:
    """Actions of each area by their latest status level, as stacked bars."""
    areas = [a for a in _areas(model, ident) if model.actions_in(a)]
    if not areas:
        return None
    groups = [model.actions_in(a) for a in areas]
    series = _status_series(model, groups, [None] * len(groups))
    title = f"Tiltak etter status – {model.get(ident).title}"
    actions = model.actions_in(ident)
    statuses = model.scales.statuses
    levels = [lv for a in actions if (lv := level_at(a, cache=model.cache)) is not None]
    started = sum(1 for lv in levels if statuses.is_started(lv))
    done = sum(1 for lv in levels if statuses.is_done(lv))
    figure = {
        "data": _stacked_bars([_short(model.get(a).title) for a in areas], series, "h", "tiltak"),
        "layout": _layout(
            "Antall tiltak etter siste status",
            barmode="stack",
            height=max(260, 90 + 38 * len(areas)),
            xaxis={},
            yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        ),
    }
    summary = (
        f"{len(actions)} tiltak: {started} igangsatt, {done} gjennomført, {len(actions) - len(levels)} uten status."
    )
    columns = ["Område", *(name for name, _, _ in series)]
    rows = [[model.get(a).title, *(str(c[i]) for _, _, c in series)] for i, a in enumerate(areas)]
    return Chart("statuses", ident, title, summary, figure, columns, rows)


def status_progress_chart(model: SiteModel, ident: str) -> Chart | None:
    """How many actions were at each status level in each reporting period (the latest report up to it)."""
    actions = model.actions_in(ident)
    periods = sorted({parse_period(e.period) for a in actions for e in a.status})
    if not periods:
        return None
    series = _status_series(model, [actions] * len(periods), list(periods))
    labels = [p.label for p in periods]
    title = f"Status for tiltakene per rapporteringsperiode – {model.get(ident).title}"
    figure = {
        "data": _stacked_bars(labels, series, "v", "tiltak"),
        "layout": _layout(
            "Status for tiltakene per rapporteringsperiode",
            barmode="stack",
            height=360,
            xaxis={"type": "category"},
            yaxis={"title": {"text": "Antall tiltak"}, "automargin": True},
        ),
    }
    statuses = model.scales.statuses
    started = [
        sum(1 for a in actions if (lv := level_at(a, p, model.cache)) is not None and statuses.is_started(lv))
        for p in periods
    ]
    summary = (
        "Igangsatte tiltak per periode: "
        + "; ".join(f"{lab}: {n} av {len(actions)}" for lab, n in zip(labels, started, strict=True))
        + "."
    )
    columns = ["Periode", *(name for name, _, _ in series)]
    rows = [[lab, *(str(c[i]) for _, _, c in series)] for i, lab in enumerate(labels)]
    return Chart("status-progress", ident, title, summary, figure, columns, rows)


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
    unit = _plain(indicator.unit_of_measure or "")
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
                "text": [measured(p.value) for p in values],
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
        "layout": _layout(
            _plain(title),
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
            mark.append(f"utgangspunkt {measured(state.baseline.value)}")
        if p.key in target_values:
            mark.append(f"mål {measured(target_values[p.key])}")
        if p.key in by_key or mark:
            rows.append([p.label, measured(by_key.get(p.key)), number(planned_by_key.get(p.key), 0), ", ".join(mark)])
    return Chart("indicator", indicator.id, title, indicator_summary(indicator), figure, columns, rows)


def indicator_summary(indicator: Indicator) -> str:
    """One sentence on where the indicator stands, for the text alternative and the key figure cards."""
    state = progress(indicator)
    unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
    parts = []
    if state.baseline:
        parts.append(f"utgangspunkt {measured(state.baseline.value)}{unit} ({state.baseline.period.label})")
    if state.target:
        parts.append(f"mål {measured(state.target.value)}{unit} ({state.target.period.label})")
    if state.latest:
        parts.append(f"siste verdi {measured(state.latest.value)}{unit} ({state.latest.period.label})")
    text = indicator.title + ": " + (", ".join(parts) if parts else "ingen verdier ennå") + "."
    if state.attainment is not None:
        text += f" {percent(state.attainment)} av veien fra utgangspunkt til mål."
    if state.reached:
        text += " Målet er nådd."
    elif state.on_track is not None:
        verdict = "I rute" if state.on_track else "Ikke i rute"
        planned = number(state.planned, 0)
        text += f" {verdict}: den rette linjen mot målet gir {planned}{unit} i {state.latest.period.label}."
    if indicator.example_data:
        text += " Tallene er eksempeldata."
    return text


def goal_tree_chart(model: SiteModel, ident: str) -> Chart | None:
    """A sunburst of strategy → area → goal (→ sub-goal), each goal coloured and labelled by its latest rating."""
    root = model.get(ident)
    if not isinstance(root, Strategy | Area):
        return None
    scale = model.scales.ratings
    ids, parents, labels, colors, hover, patterns = [], [], [], [], [], []
    rows = []

    def add(node_id: str, parent: str, label: str, color: str, text: str, pattern: str = "") -> None:
        ids.append(node_id)
        parents.append(parent)
        labels.append(label)
        colors.append(color)
        hover.append(text)
        patterns.append(pattern)

    add(root.id, "", _short(root.title, 24), NEUTRAL_COLOR, _plain(root.title))
    keys = [lvl.key for lvl in scale.levels]

    def add_goal(goal_id: str, parent: str, area_title: str) -> None:
        goal = model.get(goal_id)
        rating = latest_rating(goal, scale)
        mark = rating.mark if rating else "–"
        color = rating.level.color if rating else UNRATED_COLOR
        pattern = PATTERNS[keys.index(rating.level.key) % len(PATTERNS)] if rating else "."
        state = f"{rating.mark} ({rating.level.label}, {rating.period.label})" if rating else "Ikke vurdert"
        add(
            goal_id,
            parent,
            _plain(f"{goal.number or ''} {mark}".strip()),
            color,
            f"{_plain(_label(model, goal_id))}<br>{_plain(state)}",
            pattern,
        )
        rows.append([area_title, _label(model, goal_id), state])
        for child in model.children.get(goal_id, []):
            add_goal(child, goal_id, area_title)

    for area_id in _areas(model, ident):
        area = model.get(area_id)
        if area_id != root.id:
            add(area_id, root.id, _short(area.title, 22), NEUTRAL_COLOR, _plain(area.title))
        for goal_id in model.goals_of_area.get(area_id, []):
            add_goal(goal_id, area_id, area.title)
    total = attainment_for(model.goals_in(ident), scale)
    if not rows or not total.rated:
        return None
    title = f"Mål og vurderinger – {root.title}"
    figure = {
        "data": [
            {
                "type": "sunburst",
                "ids": ids,
                "parents": parents,
                "labels": labels,
                "hovertext": hover,
                "hoverinfo": "text",
                "marker": {
                    "colors": colors,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {**_pattern(""), "shape": patterns},
                },
                # Black or white text, whichever reads best on each sector's colour, in both palettes.
                "insidetextfont": {"color": [text_color_for(c) for c in colors]},
                "insidetextorientation": "radial",
                "maxdepth": 3,
            }
        ],
        "layout": _layout("Mål og siste vurdering", height=560, margin={"l": 10, "r": 10, "t": 50, "b": 10}),
    }
    summary = (
        f"{total.goals} mål fordelt på {len(_areas(model, ident))} område(r); "
        f"{total.reached} av {total.rated} vurderte mål er nådd. Hvert mål er merket med nummer og vurdering."
    )
    return Chart("goal-tree", ident, title, summary, figure, ["Område", "Mål", "Siste vurdering"], rows)


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
    statuses = model.scales.statuses
    traces: list[dict[str, Any]] = []
    names = [_short(f"{a.number + '. ' if a.number else ''}{a.title}", 48) for a in actions]
    groups: dict[int | None, list[int]] = {}
    for i, action in enumerate(actions):
        groups.setdefault(level_at(action, cache=model.cache), []).append(i)
    order = [s.level for s in statuses.levels] + [None]
    for n, level in enumerate(lv for lv in order if lv in groups):
        idx = groups[level]
        status = statuses.get(level) if level is not None else None
        spans = [_span(actions[i]) for i in idx]
        label = f"{level} – {status.label}" if status else "Ikke rapportert"
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
                    "pattern": _pattern(PATTERNS[n % len(PATTERNS)]),
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
            "name": "Tiltak som pågår",
            "x": [f"{y}-07-01" for y in per_year],
            "y": list(per_year.values()),
            "width": [330 * DAY_MS for _ in per_year],
            "text": [str(v) for v in per_year.values()],
            "textposition": "outside",
            "marker": {"color": SERIES_COLORS[0], "pattern": {"shape": ""}},
            "hovertemplate": "%{x|%Y}: %{y} tiltak pågår<extra></extra>",
            "yaxis": "y2",
            "showlegend": False,
        }
    )
    height = max(380, 150 + 24 * len(actions))
    lower = min(0.3, 140 / height)
    title = f"Tidsplan for tiltakene – {model.get(ident).title}"
    figure = {
        "data": traces,
        "layout": _layout(
            "Tidsplan for tiltakene og antall som pågår per år",
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
            yaxis2={"domain": [0, lower], "title": {"text": "Pågår"}, "rangemode": "tozero"},
            legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
            margin={"l": 10, "r": 10, "t": 90, "b": 30},
        ),
    }
    busiest = max(per_year.items(), key=lambda kv: kv[1])
    first, last = min(per_year), max(per_year)
    summary = (
        f"{len(actions)} tiltak med tidsplan fra {first} til {last}. Flest tiltak pågår i {busiest[0]} ({busiest[1]}). "
        + "Tiltak som pågår per år: "
        + ", ".join(f"{y}: {n}" for y, n in per_year.items())
        + "."
    )
    rows = []
    for action in actions:
        s, e = _span(action)
        entry = status_at(action, cache=model.cache)
        status = statuses.get(entry.level) if entry else None
        rows.append(
            [
                _label(model, action.id) if not action.number else f"{action.number}. {action.title}",
                parse_period(action.start).label if action.start else "–",
                parse_period(action.end).label if action.end else "–",
                f"{entry.level} – {status.label}" if entry and status else "Ikke rapportert",
            ]
        )
    return Chart("timeline", ident, title, summary, figure, ["Tiltak", "Start", "Slutt", "Siste status"], rows)


def month_span(event: CycleEvent) -> list[int]:
    """The months an event covers, in order; an event from December to January wraps the year."""
    end = event.end or event.start
    count = (end - event.start) % 12 + 1
    return [(event.start - 1 + i) % 12 + 1 for i in range(count)]


def months_label(event: CycleEvent) -> str:
    months = month_span(event)
    if len(months) == 1:
        return MONTH_NAMES[months[0] - 1]
    return f"{MONTH_NAMES[months[0] - 1]}–{MONTH_NAMES[months[-1] - 1]}"


def annual_cycle_chart(model: SiteModel, strategy: Strategy) -> Chart | None:
    """The årshjul: each yearly event as an arc over its months, January at the top, clockwise."""
    events = strategy.annual_cycle
    if not events:
        return None
    kinds = list(dict.fromkeys(e.kind or "Hendelse" for e in events))
    traces = []
    for ring, event in enumerate(events):
        months = month_span(event)
        kind = event.kind or "Hendelse"
        k = kinds.index(kind)
        traces.append(
            {
                "type": "barpolar",
                "name": _plain(f"{ring + 1}. {months_label(event)}: {event.title} ({kind.lower()})"),
                "r": [1],
                "base": [ring + 1],
                "theta": [((months[0] - 1) + len(months) / 2) * 30],
                "width": [len(months) * 30 - 2],
                "text": [_plain(event.title)],
                "marker": {
                    "color": SERIES_COLORS[k % len(SERIES_COLORS)],
                    "line": {"color": "rgba(0,0,0,0.5)", "width": 1},
                    "pattern": _pattern(PATTERNS[(k + 1) % len(PATTERNS)]),
                },
                "hovertemplate": f"{_plain(event.title)}<br>{months_label(event)} ({_plain(kind)})<extra></extra>",
            }
        )
    title = f"Årshjul – {strategy.unit}"
    figure = {
        "data": traces,
        "layout": _layout(
            "Årshjul",
            height=560 + 22 * len(events),
            polar={
                "hole": 0.15,
                "angularaxis": {
                    "direction": "clockwise",
                    "rotation": 90,
                    "tickmode": "array",
                    "tickvals": [m * 30 + 15 for m in range(12)],
                    "ticktext": MONTHS,
                    "showgrid": True,
                },
                "radialaxis": {"visible": False, "range": [0, len(events) + 1]},
            },
            legend={
                "orientation": "v",
                "x": 0,
                "y": -0.02,
                "yanchor": "top",
                "title": {"text": "Ringer fra innerst til ytterst:"},
            },
            margin={"l": 30, "r": 30, "t": 60, "b": 30},
        ),
    }
    ordered = sorted(events, key=lambda e: e.start)
    summary = "Faste hendelser gjennom året: " + "; ".join(f"{months_label(e)}: {e.title}" for e in ordered) + "."
    rows = [[months_label(e), e.title, e.kind or "", e.note or ""] for e in ordered]
    return Chart("annual-cycle", strategy.id, title, summary, figure, ["Når", "Hendelse", "Slag", "Merknad"], rows)


CHART_KINDS = {
    "ratings": rating_chart,
    "goal-tree": goal_tree_chart,
    "statuses": status_chart,
    "status-progress": status_progress_chart,
    "timeline": timeline_chart,
}
"""Charts of a strategy or an area, by the name used in `<!-- strategy/chart type=... -->`."""


@dataclass(frozen=True)
class ChartKey(Key["Chart | None"]):
    """The chart of a kind for an entity, drawn once a build."""

    kind: str
    target: str


def charts_for(model: SiteModel, ident: str) -> list[Chart]:
    """Every chart that has data for an entity, in the order a dashboard shows them."""
    entity = model.get(ident)
    out: list[Chart | None] = []

    def indicator(ind: Indicator) -> Chart | None:
        return model.cache.get(ChartKey("indicator", ind.id), lambda: indicator_chart(model, ind))

    if isinstance(entity, Strategy | Area):
        out.extend(
            model.cache.get(ChartKey(kind, ident), lambda b=b: b(model, ident)) for kind, b in CHART_KINDS.items()
        )
        out.extend(indicator(i) for i in model.indicators_in(ident))
    elif isinstance(entity, Goal):
        out.extend(indicator(model.get(i)) for i in model.indicators_of.get(ident, []))
        if model.actions_in(ident):
            out.append(model.cache.get(ChartKey("timeline", ident), lambda: timeline_chart(model, ident)))
    elif isinstance(entity, Indicator):
        out.append(indicator(entity))
    return [c for c in out if c is not None]
