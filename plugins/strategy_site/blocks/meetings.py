"""Blocks for meetings: the agenda items as cards with live status, the decisions, and lists of meetings.

<!-- strategy/meeting-items id=vm-ledersamling-2022-09 -->   one card per item: status, changes, chart
<!-- strategy/decisions id=vm-ledersamling-2022-09 -->       the meeting's decisions, in order
<!-- strategy/meetings id=vm -->                             a unit's meetings, or the meetings that discussed an entity
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from strategy_site.blocks.charts import chart_html
from strategy_site.blocks.renderer import BlockRenderer, block
from strategy_site.charts import CHART_KINDS, indicator_chart
from strategy_site.core.models import Action, Area, Entity, Goal, Indicator, Meeting, Strategy
from strategy_site.core.periods import MONTH_NAMES, Period, parse_period
from strategy_site.measures.attainment import latest_rating
from strategy_site.measures.indicators import progress
from strategy_site.measures.meetings import (
    AreaFigures,
    ItemChange,
    Standing,
    area_figures,
    changes,
    meeting_period,
    previous_meeting,
    previous_standing,
)
from strategy_site.measures.reports import report_period_for
from strategy_site.measures.status import status_at
from strategy_site.site.layout import report_path


def day_label(day: str) -> str:
    """A date as Norwegian text: «2. september 2022»."""
    date = parse_period(day).start
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


# The changes of an item a card words (label `meeting_change_<change>`): «up» is better, whatever the direction
# of an indicator.
CHANGES = ("new", "up", "down", "same", "unreported")


@dataclass
class Card:
    """One agenda item as the meeting page shows it."""

    entity: Entity
    kind: str
    note: str | None
    now: Standing
    since_period: ItemChange | None
    since_meeting: ItemChange | None
    rating: object = None
    status: object = None
    progress: object = None
    figures: AreaFigures | None = None
    figures_before: AreaFigures | None = None
    period_before: Period | None = None
    charts: tuple[Markup, ...] = ()


def _meeting(r: BlockRenderer, args, page_entity) -> Meeting:
    meeting = r.target(args, page_entity, "id")
    if not isinstance(meeting, Meeting):
        raise ValueError(f"id: «{meeting.id}» er ikke et møte")
    return meeting


def _charts(r: BlockRenderer, entity: Entity) -> list[str]:
    """The chart a leader needs beside an item: an area's ratings, a goal's or an indicator's indicators."""
    model = r.model
    if isinstance(entity, Strategy | Area):
        drawn = [chart_html(r, "ratings", entity.id, lambda: CHART_KINDS["ratings"](model, entity.id))]
    else:
        indicators = [entity] if isinstance(entity, Indicator) else []
        if isinstance(entity, Goal):
            indicators = [model.get(i) for i in model.indicators_of.get(entity.id, [])]
        drawn = [chart_html(r, "indicator", i.id, lambda i=i: indicator_chart(model, i)) for i in indicators]
    return [html for html in drawn if html is not None]


def card(r: BlockRenderer, entity: Entity, note: str | None, period: Period | None, before: Meeting | None) -> Card:
    """An item's card: its standing in the meeting's period and what changed."""
    now, since_period, since_meeting = changes(r.model, entity, period, before)
    out = Card(entity, r.label(f"meeting_kind_{entity.type}"), note, now, since_period, since_meeting)
    if isinstance(entity, Goal):
        out.rating = latest_rating(entity, r.model.ratings_of(entity.id), period, r.model.cache)
    elif isinstance(entity, Action):
        out.status = status_at(entity, period, "until", r.model.cache)
    elif isinstance(entity, Indicator):
        out.progress = progress(entity)
    else:
        out.figures = area_figures(r.model, entity.id, period)
        out.period_before = previous_standing(r.model, entity, now).period
        if out.period_before is not None:
            out.figures_before = area_figures(r.model, entity.id, out.period_before)
    out.charts = tuple(Markup(html) for html in _charts(r, entity))
    return out


@block("meeting-items")
def meeting_items_block(r: BlockRenderer, args, page_entity) -> str:
    """Every item of a meeting as a card with its latest status, changes and chart."""
    meeting = _meeting(r, args, page_entity)
    period = meeting_period(r.model, meeting)
    before = previous_meeting(r.model, meeting)
    cards = [
        card(r, entity, item.note, period, before)
        for item in meeting.items
        # An item whose page a public build leaves out is left out here too.
        if (entity := r.model.get(item.ref)) is not None
    ]
    strategy_id = r.model.strategy_of.get(meeting.id)
    report = report_period = None
    if strategy_id and r.url and (report_period := report_period_for(r.model, strategy_id, period)) is not None:
        report = r.url(report_path(r.model, strategy_id, report_period))
    return r.render(
        "meeting_items",
        meeting=meeting,
        cards=cards,
        period=period,
        before=before,
        report=report,
        report_period=report_period,
        labels={change: r.label(f"meeting_change_{change}") for change in CHANGES},
        site_url=r.data.get("site_url"),
        short_prefix=r.model.short_url_prefix,
    )


@block("decisions")
def decisions_block(r: BlockRenderer, args, page_entity) -> str:
    return r.render("meeting_decisions", meeting=_meeting(r, args, page_entity))


@block("meetings")
def meetings_block(r: BlockRenderer, args, page_entity) -> str:
    """A unit's meetings, or the meetings that discussed an entity (with what each said of it), newest first."""
    target = r.target(args, page_entity, "id", "strategy")
    rows = []
    for mid in r.model.meetings_of.get(target.id, []):
        meeting: Meeting = r.model.get(mid)  # type: ignore[assignment]
        notes = [item.note for item in meeting.items if r.model.aliases.get(item.ref, item.ref) == target.id]
        # A unit's list says which meetings it had; an entity's says what each meeting said of it.
        note = None if isinstance(target, Strategy) else next((n for n in notes if n), None)
        rows.append((meeting, day_label(meeting.date), note))
    return r.render("meetings", target=target, rows=rows)
