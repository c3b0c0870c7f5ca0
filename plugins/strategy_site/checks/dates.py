"""Dates checked against the strategy: an assessment, value or status outside the strategy's period is a warning
naming the file, line and field (so a strict build fails on it); one after the strategy's current period is a
note to the editors."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Goal, Indicator, Strategy
from strategy_site.core.periods import Period, PeriodError, parse_period
from strategy_site.core.problems import Problem, field_path


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


def period_problems(model: SiteModel) -> list[Problem]:
    """Every reported period outside its strategy's period or after the strategy's current period."""
    problems = []
    for ident, record in model.records.items():
        strategy = model.strategy_for(ident)
        # Placed through an id two pages use (an error already): which strategy it belongs to is not known.
        if strategy is None or _through_duplicate(model, record.entity):
            continue
        first, last = strategy.period.start, strategy.period.end
        current = _period(strategy.current_period)
        for loc, key in _dated(record.entity):
            period = _period(key)
            if period is None:
                continue
            if period.end.year < first or period.start.year > last:
                message = f"perioden {period.label} er utenfor strategiperioden {first}–{last}"
                severity = "warning"
            elif current is not None and period.start > current.end:
                # A status round fills in the next period before `current_period` moves on: a note to the
                # editors, listed with the others, that does not stop the build.
                message = f"perioden {period.label} er etter strategiens gjeldende periode ({current.label})"
                severity = "info"
            else:
                continue
            problems.append(
                Problem(record.path, message, line=record.line(*loc), field=field_path(loc), severity=severity)
            )
    return problems


def _through_duplicate(model: SiteModel, entity) -> bool:
    """Whether the entity's id, or a goal it follows up, is used by more than one page."""
    goals = getattr(entity, "goals", []) if isinstance(entity, Indicator | Action) else []
    return entity.id in model.duplicate_ids or any(g in model.duplicate_ids for g in goals)


def _period(key: str | None) -> Period | None:
    try:
        return parse_period(key) if key else None
    except PeriodError:
        return None
