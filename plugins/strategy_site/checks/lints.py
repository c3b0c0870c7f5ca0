"""Lints: what a reviewer of a strategy and its action plans would point out, each with its own severity.

A lint finding is a `Problem` with a `code` naming the lint. The content is valid without them; they say
where a goal is not measurable or an action is not ready (seeds 000 and 003). Severities are settings, so a
site decides which findings fail its strict build; every finding is listed on the editors' overview.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from strategy_site.checks.dates import not_begun
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Goal
from strategy_site.core.periods import parse_period
from strategy_site.core.problems import Problem, field_path
from strategy_site.core.settings import DEFAULT_SEVERITIES, LintSettings
from strategy_site.measures.reporting import expected_to_report
from strategy_site.measures.reports import REPORT_LIMIT, current_period, status_periods
from strategy_site.measures.status import status_at

Finder = Callable[[SiteModel, "LintSettings"], Iterator[tuple[str, tuple, str]]]
LINTS: dict[str, Finder] = {}


def lint(code: str) -> Callable[[Finder], Finder]:
    """Register a lint. It yields (entity id, field path, message) for each finding."""

    def register(function: Finder) -> Finder:
        LINTS[code] = function
        return function

    return register


def _actions(model: SiteModel) -> list[Action]:
    return model.of_type(Action)  # type: ignore[return-value]


def _goals(model: SiteModel) -> list[Goal]:
    return model.of_type(Goal)  # type: ignore[return-value]


@lint("action-without-goal")
def _action_without_goal(model, settings):
    for action in _actions(model):
        if not action.goals:
            yield action.id, ("goals",), "tiltaket følger ikke opp noe mål; legg til goals: [<mål-id>]"


@lint("action-without-owner")
def _action_without_owner(model, settings):
    for action in _actions(model):
        if not action.owner:
            yield action.id, ("owner",), "tiltaket mangler eier (owner): hvem har ansvaret?"


@lint("action-without-timeline")
def _action_without_timeline(model, settings):
    for action in _actions(model):
        missing = [name for name in ("start", "end") if getattr(action, name) is None]
        if missing:
            what = " og ".join(missing)
            yield action.id, (missing[0],), f"tiltaket mangler tidsplan ({what})"


@lint("action-without-budget")
def _action_without_budget(model, settings):
    for action in _actions(model):
        if action.budget is None or (action.budget.hours is None and action.budget.nok is None):
            yield action.id, ("budget",), "tiltaket mangler ressurser: budsjett i timer (hours) og/eller kroner (nok)"


@lint("action-without-risk")
def _action_without_risk(model, settings):
    for action in _actions(model):
        if action.risk is None:
            yield action.id, ("risk",), "tiltaket mangler risikovurdering (risk: {level: low|medium|high, note: …})"


@lint("goal-without-indicator")
def _goal_without_indicator(model, settings):
    for goal in _goals(model):
        if not model.indicators_of.get(goal.id) and not model.children.get(goal.id):
            yield goal.id, ("id",), f"ingen indikator måler målet; legg til en indikator med goals: [{goal.id}]"


@lint("goal-without-deadline")
def _goal_without_deadline(model, settings):
    for goal in _goals(model):
        if goal.deadline is None:
            strategy = model.strategy_for(goal.id)
            fallback = f"; strategiperiodens slutt ({strategy.period.end}) brukes" if strategy else ""
            yield goal.id, ("deadline",), f"målet har ingen frist (deadline){fallback}"


@lint("status-not-reported")
def _status_not_reported(model, settings):
    for strategy_id in model.strategies:
        period = current_period(model, strategy_id, settings.current_period)
        if period is None:
            continue
        for action in model.actions_in(strategy_id):
            if not expected_to_report(action, period, model):
                continue
            if status_at(action, period, "within", model.cache) is not None:
                continue
            reported = sorted((parse_period(e.period) for e in action.status), reverse=True)
            last = f" (siste: {reported[0].label})" if reported else ""
            yield action.id, ("status",), f"ingen status for gjeldende periode {period.label}{last}"


@lint("too-many-starts")
def _too_many_starts(model, settings):
    starts: dict[tuple[str | None, str], list[Action]] = defaultdict(list)
    for action in _actions(model):
        if action.start:
            starts[(model.strategy_of.get(action.id), parse_period(action.start).key)].append(action)
    for (_, key), actions in sorted(starts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if len(actions) > settings.start_limit:
            label = parse_period(key).label
            for action in actions:
                yield (
                    action.id,
                    ("start",),
                    f"{len(actions)} tiltak starter i {label}, flere enn grensen på {settings.start_limit}; "
                    "en nøktern tidsplan sprer oppstarten",
                )


@lint("too-many-periods")
def _too_many_periods(model, settings):
    for strategy_id in model.strategies:
        periods = status_periods(model, strategy_id)
        if len(periods) > REPORT_LIMIT:
            yield (
                strategy_id,
                ("id",),
                f"tiltakene rapporterer status for {len(periods)} ulike perioder; rapporter lages bare for de "
                f"{REPORT_LIMIT} siste (skriv perioder som 2019-T2, ikke en dato per status)",
            )


@lint("period-after-current")
def _period_after_current(model, settings):
    yield from not_begun(model, settings)


def run_lints(model: SiteModel, settings: LintSettings | None = None) -> list[Problem]:
    """Every lint finding in the model, each with the severity its lint is set to."""
    settings = settings or LintSettings()
    problems: list[Problem] = []
    for code, finder in LINTS.items():
        severity = settings.severities.get(code, DEFAULT_SEVERITIES[code])
        if severity == "off":
            continue
        for ident, loc, message in finder(model, settings):
            # A page whose id is taken twice already has an error; which copy a note would belong to is unclear.
            if ident in model.duplicate_ids:
                continue
            record = model.records[ident]
            problems.append(
                Problem(
                    record.path,
                    message,
                    line=record.line(*loc),
                    field=field_path(loc),
                    severity=severity,  # type: ignore[arg-type]
                    code=code,
                )
            )
    return problems
