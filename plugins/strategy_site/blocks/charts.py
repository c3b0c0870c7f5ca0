"""Blocks for charts and dashboards: `chart`, `charts`, `key-figures` and `indicators`.

`<!-- strategy/chart type=ratings strategy=vm -->` places one chart; `<!-- strategy/charts id=vm-forskning -->`
places every chart that has data for an entity. Registered in the block registry when imported.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

from strategy_site.blocks.renderer import BlockRenderer, block
from strategy_site.charts import (
    CHART_KINDS,
    Chart,
    actions_without_timeline,
    annual_cycle_chart,
    chart_makers,
    indicator_chart,
)
from strategy_site.core.cache import Key
from strategy_site.core.models import Area, Entity, Goal, Indicator, Strategy
from strategy_site.core.numbers import percent
from strategy_site.measures.attainment import action_summary, attainment_for
from strategy_site.measures.indicators import progress

KINDS = [*CHART_KINDS, "indicator", "annual-cycle"]


@dataclass(frozen=True)
class ChartHtmlKey(Key[bytes | None]):
    """The HTML of the chart of a kind for an entity, compressed; None when it has no data."""

    kind: str
    target: str


def chart_html(r: BlockRenderer, kind: str, target: str, draw: Callable[[], Chart | None]) -> str | None:
    """The HTML of the chart of a kind for an entity; None when it has no data.

    A chart holds no links and is worked out from the model alone, so its HTML is the same on every page that
    shows it: drawn once a build, and only its HTML is kept, compressed (a figure as Python data takes several
    times the memory of its JSON; the HTML, whose attribute holds the JSON escaped, shrinks to a fifth).
    """
    if r.dry_run:
        return ""

    def html() -> bytes | None:
        chart = draw()
        if chart is None:
            return None
        height = chart.figure.get("layout", {}).get("height", 400)
        text = r.render("chart", chart=chart, spec=chart.spec_json(), height=height)
        return zlib.compress(text.encode("utf-8"), 1)

    kept = r.model.cache.get(ChartHtmlKey(kind, target), html)
    return None if kept is None else zlib.decompress(kept).decode("utf-8")


@block("chart")
def chart_block(r: BlockRenderer, args, page_entity) -> str:
    """One chart of a kind (`type=`) for an entity (`id=`, `strategy=`, `area=` or the page's own)."""
    kind = args.get("type")
    if kind not in KINDS:
        raise ValueError(f"type: skriv en av {', '.join(KINDS)}")
    target = r.target(args, page_entity, "id", "area", "strategy")
    model = r.model
    html = None
    if kind == "indicator":
        if not isinstance(target, Indicator):
            raise ValueError(f"«{target.id}» er ikke en indikator")
        html = chart_html(r, kind, target.id, lambda: indicator_chart(model, target))
    elif kind == "annual-cycle":
        strategy = target if isinstance(target, Strategy) else model.strategy_for(target.id)
        if strategy is not None:
            html = chart_html(r, kind, strategy.id, lambda: annual_cycle_chart(model, strategy))
    elif isinstance(target, Strategy | Area | Goal):
        html = chart_html(r, kind, target.id, lambda: CHART_KINDS[kind](model, target.id))
    return r.render("chart_empty", target=target) if html is None else html


@block("charts")
def charts_block(r: BlockRenderer, args, page_entity) -> str:
    """Every chart with data for an entity; nothing at all when there is none."""
    target = r.target(args, page_entity, "id", "area", "strategy")
    drawn = (chart_html(r, kind, ident, draw) for kind, ident, draw in chart_makers(r.model, target.id))
    html = [chart for chart in drawn if chart is not None]
    if isinstance(target, Strategy | Area):
        # A missing timeline is a gap in the plan a leader group should see, not a silently absent chart.
        untimed, actions = actions_without_timeline(r.model, target.id)
        if untimed:
            html.append(r.render("timeline_missing", untimed=untimed, actions=actions))
    return "\n".join(html)


@dataclass
class Card:
    key: str
    value: str
    label: str
    note: str = ""


def key_figures(r: BlockRenderer, target: Entity) -> list[Card]:
    """The headline figures of a strategy or area."""
    model = r.model
    goals = model.goals_in(target.id)
    ratings = model.rating_scale_for(target.id)
    if ratings is None:
        # A unit that rates no goals: its goals are counted, and no card speaks of ratings.
        cards = [Card("goals", str(len(goals)), "utviklingsmål")]
    else:
        summary = attainment_for(goals, ratings, cache=model.cache)
        cards = [
            Card("goals", str(summary.goals), "utviklingsmål", f"{summary.rated} vurdert"),
            Card(
                "reached",
                percent(summary.share_reached),
                "av de vurderte målene er nådd",
                f"{summary.reached} av {summary.rated} mål",
            ),
        ]
    actions = model.actions_in(target.id)
    if actions:
        figures = action_summary(goals, actions, model.actions_of, model.statuses_of(target.id), cache=model.cache)
        cards.append(
            Card(
                "actions-started",
                f"{figures.actions_started} av {figures.actions}",
                "tiltak er igangsatt",
                f"{figures.actions_done} gjennomført",
            )
        )
        cards.append(
            Card("goals-with-actions", f"{figures.goals_with_actions} av {figures.goals}", "mål følges opp av tiltak")
        )
    indicators = [progress(i) for i in model.indicators_in(target.id)]
    judged = [p for p in indicators if p.on_track is not None or p.reached]
    if indicators:
        on_track = sum(1 for p in judged if p.reached or p.on_track)
        cards.append(
            Card(
                "indicators-on-track",
                f"{on_track} av {len(judged)}",
                "indikatorer er i rute",
                f"{len(indicators)} indikatorer i alt"
                + (" (med eksempeldata)" if any(p.indicator.example_data for p in indicators) else ""),
            )
        )
    return cards


@block("key-figures")
def key_figures_block(r: BlockRenderer, args, page_entity) -> str:
    target = r.target(args, page_entity, "id", "area", "strategy")
    if not isinstance(target, Strategy | Area):
        raise ValueError("id: nøkkeltall vises for en strategi eller et område")
    return r.render("key_figures", target=target, cards=key_figures(r, target))


@block("indicators")
def indicators_block(r: BlockRenderer, args, page_entity) -> str:
    """The indicators of a strategy, area or goal with baseline, target, latest value and whether on track."""
    target = r.target(args, page_entity, "id", "area", "strategy")
    if isinstance(target, Goal):
        indicators = [r.model.get(i) for i in r.model.indicators_of.get(target.id, [])]
    else:
        indicators = r.model.indicators_in(target.id)
    return r.render("indicators", target=target, rows=[progress(i) for i in indicators])
