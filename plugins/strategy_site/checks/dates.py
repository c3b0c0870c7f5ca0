"""Dates checked against the strategy: an assessment, value or status outside the strategy's period is a warning
naming the file, line and field (so a strict build fails on it).

One after the current period (the strategy's `current_period`, else the site's) depends on the build day: for a
period that has begun (the one running now, say) it is a note to the editors, since a status round fills in the
period under way before `current_period` moves on; for a period that has not begun yet nobody can have reported
it, so it is the lint `period-after-current` (default: warning)."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Goal, Indicator, Strategy
from strategy_site.core.periods import Period, PeriodError, parse_period
from strategy_site.core.problems import Problem, field_path
from strategy_site.core.settings import LintSettings


def _dated(entity) -> Iterator[tuple[tuple, str]]:
    """(field path, period) of everything an entity reports for a period."""
    if isinstance(entity, Goal):
        for i, assessment in enumerate(entity.assessments):
            yield ("assessments", i, "period"), assessment.period
    elif isinstance(entity, Indicator):
        for key in entity.values:
            yield ("values", key), key
    elif isinstance(entity, Action):
        for i, entry in enumerate(entity.status):
            yield ("status", i, "period"), entry.period
    elif isinstance(entity, Strategy):
        for s, statement in enumerate(entity.statements):
            for i, assessment in enumerate(statement.assessments):
                yield ("statements", s, "assessments", i, "period"), assessment.period


def period_problems(model: SiteModel, settings: LintSettings) -> list[Problem]:
    """Every reported period outside its strategy's period, and a note for each after the current period that
    has begun by the build day (those not begun are the lint `period-after-current`)."""
    problems = []
    for ident, loc, period, first, last in _dated_in_strategies(model):
        if period.end.year < first or period.start.year > last:
            message = f"perioden {period.label} er utenfor strategiperioden {first}–{last}"
            severity = "warning"
        elif (current := _current(model, ident, settings)) is not None and period.start > current.end:
            if period.start > settings.build_day():
                continue
            message = f"perioden {period.label} er etter strategiens gjeldende periode ({current.label})"
            severity = "info"
        else:
            continue
        record = model.records[ident]
        problems.append(Problem(record.path, message, line=record.line(*loc), field=field_path(loc), severity=severity))
    return problems


def not_begun(model: SiteModel, settings: LintSettings) -> Iterator[tuple[str, tuple, str]]:
    """(id, field path, message) of each period after the current one that has not begun on the build day."""
    day = settings.build_day()
    for ident, loc, period, first, last in _dated_in_strategies(model):
        if period.end.year < first or period.start.year > last:
            continue  # outside the strategy: a warning of its own
        current = _current(model, ident, settings)
        if current is not None and period.start > current.end and period.start > day:
            yield (
                ident,
                loc,
                f"perioden {period.label} er etter strategiens gjeldende periode ({current.label}) og har ikke "
                f"begynt ennå (bygget {day.isoformat()}); skriv den perioden det gjelder",
            )


def _dated_in_strategies(model: SiteModel) -> Iterator[tuple[str, tuple, Period, int, int]]:
    """(id, field path, period, first and last year of its strategy) of every period an entity reports for."""
    for ident, record in model.records.items():
        strategy = model.strategy_for(ident)
        # Placed through an id two pages use (an error already): which strategy it belongs to is not known.
        if strategy is None or _through_duplicate(model, record.entity):
            continue
        for loc, key in _dated(record.entity):
            period = _period(key)
            if period is not None:
                yield ident, loc, period, strategy.period.start, strategy.period.end


def _current(model: SiteModel, ident: str, settings: LintSettings) -> Period | None:
    """The current period set for the entity's strategy: its own `current_period`, else the site's."""
    strategy = model.strategy_for(ident)
    return _period((strategy.current_period if strategy else None) or settings.current_period)


def _through_duplicate(model: SiteModel, entity) -> bool:
    """Whether the entity's id, or a goal it follows up, is used by more than one page."""
    goals = getattr(entity, "goals", []) if isinstance(entity, Indicator | Action) else []
    return entity.id in model.duplicate_ids or any(g in model.duplicate_ids for g in goals)


def _period(key: str | None) -> Period | None:
    try:
        return parse_period(key) if key else None
    except PeriodError:
        return None
