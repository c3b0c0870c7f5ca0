"""Period reports: which periods a unit reports for, its figures per period, and what changed since the last one.

Pure functions over the site model; the plugin turns them into one generated page per period and unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from strategy_site.core.cache import Cache, Key
from strategy_site.core.graph import SiteModel
from strategy_site.core.labels import Labels
from strategy_site.core.models import Action, StatusEntry, Strategy
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.attainment import ActionSummary, action_summary
from strategy_site.measures.status import status_at

Change = Literal["new", "up", "down", "same", "stale", "unreported"]

# How each change is marked in a report: a sign that does not rely on colour; its words are the label
# `change_<kind>` in labels.yml.
CHANGE_SIGNS: dict[str, str] = {"new": "+", "up": "▲", "down": "▼", "same": "=", "stale": "!", "unreported": "–"}


def change_labels(labels: Labels) -> dict[str, tuple[str, str]]:
    """Each change's sign and words, in report order."""
    return {kind: (sign, labels.text(f"change_{kind}")) for kind, sign in CHANGE_SIGNS.items()}


@dataclass(frozen=True)
class ReportingPeriodsKey(Key[list[Period]]):
    """The reporting periods of the unit with this strategy id."""

    strategy: str


@dataclass(frozen=True)
class SummaryKey(Key[ActionSummary]):
    """The action summary of a strategy or area at a period (None: the latest status)."""

    ident: str
    period: Period | None


# The most period reports one unit gets (its latest periods): each report lists every action of the unit,
# so reports for thousands of distinct periods would be a build of hours and gigabytes. The lint
# `too-many-periods` tells the editors when a unit has more.
REPORT_LIMIT = 100


def status_periods(model: SiteModel, strategy_id: str) -> set[Period]:
    """Every distinct period the unit's actions report status for."""
    return {parse_period(e.period) for a in model.actions_in(strategy_id) for e in a.status}


def reporting_periods(model: SiteModel, strategy_id: str) -> list[Period]:
    """The periods the unit reports in, oldest first: those its actions report status for, and its configured
    current period, at most the latest `REPORT_LIMIT` of them.

    Worked out once per build (every report page and the workbook ask); the list is not to be changed.
    """
    return model.cache.get(ReportingPeriodsKey(strategy_id), lambda: _reporting_periods(model, strategy_id))


def _reporting_periods(model: SiteModel, strategy_id: str) -> list[Period]:
    keys = status_periods(model, strategy_id)
    strategy = model.get(strategy_id)
    current = (
        parse_period(strategy.current_period) if isinstance(strategy, Strategy) and strategy.current_period else None
    )
    latest = sorted(keys)[-REPORT_LIMIT:]
    if current is not None and current not in latest:
        latest = sorted([*latest[1:], current] if len(latest) == REPORT_LIMIT else [*latest, current])
    return fold_past_years(latest) if model.fold_past_years else latest


def fold_past_years(periods: list[Period]) -> list[Period]:
    """The periods (in order) with each period within a year before the last period's year as that year:
    2019-T1, 2019-T2, 2019-T3, 2020-T1 → 2019, 2020-T1. Periods that span years stay as they are."""
    if not periods:
        return periods
    year = periods[-1].end.year
    folded = {parse_period(p.end.year) if p.end.year < year and p.start.year == p.end.year else p for p in periods}
    return sorted(folded)


def report_period_for(model: SiteModel, strategy_id: str, period: Period) -> Period | None:
    """The reporting period whose report covers a period: the period itself, or the year it is folded into."""
    return next(
        (p for p in reporting_periods(model, strategy_id) if p.start <= period.start <= period.end <= p.end), None
    )


def current_period(model: SiteModel, strategy_id: str, configured: str | None = None) -> Period | None:
    """The unit's current period: its own `current_period`, else the site's, else the latest with data.

    Data is the actions' status first: goal assessments and indicator values follow other cycles (the
    museum assesses its goals every few years), so they decide only for a unit without action status.
    """
    strategy = model.get(strategy_id)
    own = strategy.current_period if isinstance(strategy, Strategy) else None
    if own or configured:
        return parse_period(own or configured)
    status = [parse_period(e.period) for a in model.actions_in(strategy_id) for e in a.status]
    if status:
        return max(status)
    data = [parse_period(p) for i in model.indicators_in(strategy_id) for p in i.values]
    data += [parse_period(a.period) for g in model.goals_in(strategy_id) for a in g.assessments]
    return max(data) if data else None


def previous_period(periods: list[Period], period: Period) -> Period | None:
    """The reporting period before this one in the unit's list, or None for the first."""
    earlier = [p for p in periods if p < period and p.end < period.start]
    return max(earlier) if earlier else None


@dataclass(frozen=True)
class ReportRow:
    """One action in a period report: the status shown, the one before, and what changed."""

    action: Action
    goal_number: str
    shown: StatusEntry | None
    previous: StatusEntry | None
    change: Change


def change_of(
    action: Action, period: Period, cache: Cache | None = None
) -> tuple[StatusEntry | None, StatusEntry | None, Change]:
    """The status shown for a period, the status before it, and the change between them."""
    now = status_at(action, period, "within", cache)
    before = status_at(action, period, "before", cache)
    if now is None:
        return before, before, "stale" if before is not None else "unreported"
    if before is None:
        return now, None, "new"
    if now.level > before.level:
        return now, before, "up"
    if now.level < before.level:
        return now, before, "down"
    return now, before, "same"


@dataclass
class PeriodReport:
    """A unit's status report for one period: figures, figures per area, and rows per area with changes."""

    strategy: Strategy
    period: Period
    previous: Period | None
    summary: ActionSummary
    areas: list[tuple[str, ActionSummary, list[ReportRow]]]

    @property
    def changes(self) -> dict[str, int]:
        """How many actions had each kind of change, in the order of CHANGE_SIGNS."""
        counts = dict.fromkeys(CHANGE_SIGNS, 0)
        for _, _, rows in self.areas:
            for row in rows:
                counts[row.change] += 1
        return counts


def rows_for(model: SiteModel, ident: str, period: Period | None) -> list[ReportRow]:
    """The actions of a strategy or area, ordered by goal number, with their status for a period.

    Without a period, each action's latest status is shown and no change is computed.
    """
    rows = []
    for action in model.actions_in(ident):
        goal_numbers = [g.number for gid in action.goals if (g := model.get(gid)) is not None and g.number]
        number = goal_numbers[0] if goal_numbers else ""
        if period is None:
            latest = status_at(action, cache=model.cache)
            rows.append(ReportRow(action, number, latest, None, "same" if latest else "unreported"))
        else:
            shown, before, change = change_of(action, period, model.cache)
            rows.append(ReportRow(action, number, shown, before, change))
    return rows


def summary_for(model: SiteModel, ident: str, period: Period | None = None) -> ActionSummary:
    """Summary figures of a strategy or area, counting each action's latest status at or before a period.

    Worked out once per build: a period's report, the next period's report, the dashboards and the workbook
    all show the same figures.
    """
    return model.cache.get(
        SummaryKey(ident, period),
        lambda: action_summary(
            model.goals_in(ident),
            model.actions_in(ident),
            model.actions_of,
            model.statuses_of(ident),
            until=period,
            cache=model.cache,
        ),
    )


def period_report(model: SiteModel, strategy_id: str, period: Period) -> PeriodReport:
    """The status report of a unit for one period."""
    periods = reporting_periods(model, strategy_id)
    areas = [
        (area_id, summary_for(model, area_id, period), rows_for(model, area_id, period))
        for area_id in model.areas_of.get(strategy_id, [])
    ]
    return PeriodReport(
        strategy=model.get(strategy_id),  # type: ignore[arg-type]
        period=period,
        previous=previous_period(periods, period),
        summary=summary_for(model, strategy_id, period),
        areas=areas,
    )
