"""The strategy blocks: facts, attainment tables, goal lists, histories and the units overview.

Each block is a function registered under the name a page uses in `<!-- strategy/<name> key=id -->`.
"""

from __future__ import annotations

from strategy_site.blocks.meetings import day_label
from strategy_site.blocks.renderer import BlockRenderer, block
from strategy_site.core.indicator_values import value_details
from strategy_site.core.models import Action, Area, Goal, Indicator, Meeting, Strategy
from strategy_site.core.periods import parse_period
from strategy_site.core.scales import RatingScale
from strategy_site.measures.attainment import action_summary, attainment_for
from strategy_site.measures.indicators import indicator_decimals
from strategy_site.measures.meetings import meeting_period
from strategy_site.measures.reporting import reporting_progress
from strategy_site.measures.reports import current_period


def _of_kind(entity, kind: type, what: str):
    """The entity when it is of the kind a block shows; ValueError naming what it is otherwise."""
    if not isinstance(entity, kind):
        raise ValueError(f"id: «{entity.id}» er en {entity.type}; blokken viser {what}")
    return entity


@block("facts")
def facts_block(r: BlockRenderer, args, page_entity) -> str:
    entity = r.target(args, page_entity, "id")
    strategy = r.model.strategy_for(entity.id)
    deadline = None
    if isinstance(entity, Goal):
        deadline = entity.deadline or (str(strategy.period.end) if strategy else None)
    meeting = {}
    if isinstance(entity, Meeting):
        meeting = {"meeting_day": day_label(entity.date), "meeting_period": meeting_period(r.model, entity)}
    return r.render(
        "facts",
        entity=entity,
        strategy=strategy,
        deadline=deadline,
        area_id=r.model.area_of.get(entity.id),
        **meeting,
        open_period=open_period(r, entity) if isinstance(entity, Strategy) else None,
    )


def open_period(r: BlockRenderer, strategy: Strategy) -> str | None:
    """Which period is open for reporting on a unit's page, and how many actions have reported for it.

    The unit's current period (its own `current_period`, else its latest with status); none for a unit
    without actions, which has nothing to report.
    """
    period = current_period(r.model, strategy.id)
    if period is None or not r.model.actions_in(strategy.id):
        return None
    reported, expected = reporting_progress(r.model, strategy.id, period)
    if not expected:
        return r.label("open_period_none", period=period.label)
    return r.label("open_period", period=period.label, reported=reported, expected=expected)


@block("attainment")
def attainment_block(r: BlockRenderer, args, page_entity) -> str:
    """Attainment per area of a strategy (or for one area), with a total row."""
    target = r.target(args, page_entity, "area", "strategy")
    ratings, cache = r.model.rating_scale_for(target.id), r.model.cache
    if ratings is None:
        return no_rating_scale(r, target)
    areas = [target.id] if isinstance(target, Area) else r.model.areas_of.get(target.id, [])
    rows = [(a, attainment_for(r.model.goals_in(a), ratings, cache=cache)) for a in areas]
    total = attainment_for(r.model.goals_in(target.id), ratings, cache=cache)
    return r.render("attainment", target=target, rows=rows, total=total, levels=ratings.levels)


def no_rating_scale(r: BlockRenderer, target) -> str:
    """The one sentence shown where ratings would be, for a strategy that rates no goals."""
    strategy = r.model.strategy_for(target.id)
    unit = strategy.unit if strategy else target.title
    return r.render("no_rating_scale", target=target, sentence=r.label("no_rating_scale", unit=unit))


@block("goals")
def goals_block(r: BlockRenderer, args, page_entity) -> str:
    """Every goal of a strategy or area with its latest rating, grouped by area."""
    target = r.target(args, page_entity, "area", "strategy")
    areas = [target.id] if isinstance(target, Area) else r.model.areas_of.get(target.id, [])
    groups = [(a, r.model.goals_in(a)) for a in areas]
    return r.render(
        "goals",
        target=target,
        groups=groups,
        grouped=not isinstance(target, Area),
        total=sum(len(g) for _, g in groups),
        rated=r.rates(target.id),
    )


@block("statements")
def statements_block(r: BlockRenderer, args, page_entity) -> str:
    target = r.target(args, page_entity, "strategy")
    if not isinstance(target, Strategy):
        raise ValueError("strategy: blokken viser målbildet til en strategi")
    ratings = r.model.ratings_of(target.id)
    summary = attainment_for(target.statements, ratings)
    return r.render("statements", target=target, summary=summary, levels=ratings.levels)


@block("history")
def history_block(r: BlockRenderer, args, page_entity) -> str:
    return r.render("history", goal=_of_kind(r.target(args, page_entity, "id"), Goal, "et mål"))


@block("goal-links")
def goal_links_block(r: BlockRenderer, args, page_entity) -> str:
    """A goal's indicators, actions and sub-goals."""
    goal = _of_kind(r.target(args, page_entity, "id"), Goal, "et mål")
    return r.render(
        "goal_links",
        goal=goal,
        indicators=[r.model.get(i) for i in r.model.indicators_of.get(goal.id, [])],
        actions=[r.model.get(a) for a in r.model.actions_of.get(goal.id, [])],
        children=[r.model.get(c) for c in r.model.children.get(goal.id, [])],
    )


@block("values")
def values_block(r: BlockRenderer, args, page_entity) -> str:
    indicator = _of_kind(r.target(args, page_entity, "id"), Indicator, "en indikator")
    rows = sorted(indicator.values.items(), key=lambda kv: parse_period(kv[0]))
    # Notes and sources of values from data files; the columns appear only when a value has one.
    details = value_details(r.model, indicator)
    notes = any(d.note for d in details.values())
    sources = any(d.source for d in details.values())
    decimals = indicator_decimals(indicator)
    return r.render(
        "values", indicator=indicator, rows=rows, details=details, notes=notes, sources=sources, decimals=decimals
    )


@block("status-history")
def status_history_block(r: BlockRenderer, args, page_entity) -> str:
    action = _of_kind(r.target(args, page_entity, "id"), Action, "et tiltak")
    rows = sorted(action.status, key=lambda e: parse_period(e.period), reverse=True)
    return r.render("status_history", action=action, rows=rows)


@block("units")
def units_block(r: BlockRenderer, args, page_entity) -> str:
    """The site's strategies with their unit, period and headline figures."""
    units = []
    for sid in r.model.strategies:
        goals = r.model.goals_in(sid)
        actions = r.model.actions_in(sid)
        ratings = r.model.rating_scale_for(sid) or RatingScale([])
        units.append(
            (
                r.model.get(sid),
                attainment_for(goals, ratings, cache=r.model.cache),
                action_summary(goals, actions, r.model.actions_of, r.model.statuses_of(sid), cache=r.model.cache),
            )
        )
    return r.render("units", units=units)
