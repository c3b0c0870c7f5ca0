"""Meetings: what each agenda item stands at in the meeting's period, and what changed since the period before
and since the previous meeting of the same strategy.

Pure functions over the site model. An item's standing is one comparable score (a goal's rating score, an
action's status level, an indicator's value turned so that higher is better, an area's share of rated goals
reached) with the period it was reported for; a change compares two standings.
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Area, Entity, Goal, Indicator, Meeting, Strategy
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.attainment import (
    ActionSummary,
    AttainmentSummary,
    action_summary,
    attainment_for,
    ratings_by_period,
)
from strategy_site.measures.indicators import values_in_order
from strategy_site.measures.reports import CHANGE_SIGNS, Change, current_period
from strategy_site.measures.status import status_at


@dataclass(frozen=True)
class Standing:
    """Where an item stood: the period its latest data is for and a score where higher is better."""

    period: Period | None
    score: float | None


@dataclass(frozen=True)
class AreaFigures:
    """An area's (or a strategy's) attainment and action figures at a period."""

    attainment: AttainmentSummary
    actions: ActionSummary | None


def meeting_period(model: SiteModel, meeting: Meeting) -> Period | None:
    """The period a meeting looks at: its own, else its strategy's current period."""
    if meeting.period:
        return parse_period(meeting.period)
    strategy_id = model.strategy_of.get(meeting.id)
    return current_period(model, strategy_id) if strategy_id else None


def previous_meeting(model: SiteModel, meeting: Meeting) -> Meeting | None:
    """The latest meeting of the same strategy held before this one, or None."""
    strategy_id = model.strategy_of.get(meeting.id)
    earlier = [
        m
        for mid in model.meetings_of.get(strategy_id or "", [])
        if isinstance(m := model.get(mid), Meeting) and m.date < meeting.date
    ]
    return max(earlier, key=lambda m: m.date, default=None)


def _data_periods(model: SiteModel, entity: Entity) -> list[Period]:
    """Every period an entity has data for, oldest first."""
    ratings = model.ratings_of(entity.id)
    if isinstance(entity, Goal):
        return [r.period for r in ratings_by_period(entity, ratings, model.cache)]
    if isinstance(entity, Action):
        return sorted({parse_period(e.period) for e in entity.status})
    if isinstance(entity, Indicator):
        return [p.period for p in values_in_order(entity)]
    if isinstance(entity, Strategy | Area):
        periods = {r.period for g in model.goals_in(entity.id) for r in ratings_by_period(g, ratings, model.cache)}
        periods |= {parse_period(e.period) for a in model.actions_in(entity.id) for e in a.status}
        return sorted(periods)
    return []


def area_figures(model: SiteModel, ident: str, until: Period | None) -> AreaFigures:
    """Attainment of an area's (strategy's) goals and progress of its actions at or before a period."""
    goals = model.goals_in(ident)
    actions = model.actions_in(ident)
    statuses = model.statuses_of(ident)
    figures = action_summary(goals, actions, model.actions_of, statuses, until, model.cache) if actions else None
    return AreaFigures(attainment_for(goals, model.ratings_of(ident), until, model.cache), figures)


def standing(model: SiteModel, entity: Entity, until: Period | None) -> Standing:
    """An item's latest data at or before a period (all of it without one) as one comparable score."""
    periods = [p for p in _data_periods(model, entity) if until is None or p <= until]
    if not periods:
        return Standing(None, None)
    period = periods[-1]
    if isinstance(entity, Goal):
        ratings = ratings_by_period(entity, model.ratings_of(entity.id), model.cache)
        rating = next(r for r in ratings if r.period == period)
        return Standing(period, rating.level.score)
    if isinstance(entity, Action):
        entry = status_at(entity, period, "until", model.cache)
        return Standing(period, None if entry is None else float(entry.level))
    if isinstance(entity, Indicator):
        value = next(p.value for p in values_in_order(entity) if p.period == period)
        return Standing(period, value if entity.direction == "increase" else -value)
    figures = area_figures(model, entity.id, period)
    if figures.attainment.rated:
        return Standing(period, figures.attainment.share_reached)
    actions = figures.actions
    return Standing(period, actions.actions_started / actions.actions if actions and actions.actions else None)


def previous_standing(model: SiteModel, entity: Entity, now: Standing) -> Standing:
    """The item's standing in the period with data before the one shown."""
    if now.period is None:
        return Standing(None, None)
    earlier = [p for p in _data_periods(model, entity) if p < now.period and p.end < now.period.start]
    return standing(model, entity, earlier[-1]) if earlier else Standing(None, None)


def change_between(before: Standing, now: Standing) -> Change:
    """How an item moved from one standing to another, in the words of the period reports."""
    if now.score is None:
        return "unreported"
    if before.score is None:
        return "new"
    if now.score > before.score:
        return "up"
    if now.score < before.score:
        return "down"
    return "same"


@dataclass(frozen=True)
class ItemChange:
    """A change with what it is measured against, e.g. («up», «2021»)."""

    change: Change
    since: str

    @property
    def sign(self) -> str:
        return CHANGE_SIGNS[self.change]


def changes(
    model: SiteModel, entity: Entity, period: Period | None, before: Meeting | None
) -> tuple[Standing, ItemChange | None, ItemChange | None]:
    """An item's standing in the meeting's period, its change since the period before, and since a meeting."""
    now = standing(model, entity, period)
    earlier = previous_standing(model, entity, now)
    since_period = ItemChange(change_between(earlier, now), earlier.period.label) if earlier.period else None
    since_meeting = None
    if before is not None:
        then = standing(model, entity, meeting_period(model, before))
        since_meeting = ItemChange(change_between(then, now), before.title)
    return now, since_period, since_meeting
