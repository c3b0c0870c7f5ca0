"""Blocks of HTML for strategy pages: facts, attainment tables, goal lists, histories.

Pure: takes the model, a Jinja environment and a function that turns an id into a relative URL.
Templates live in `templates/strategy/` and can be overridden from a site's `overrides/strategy/`.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .attainment import action_summary, attainment_for, latest_rating, latest_status, ratings_by_period
from .graph import SiteModel
from .models import Action, Area, Entity, Goal, Indicator, Strategy
from .periods import parse_period

Linker = Callable[[str], str | None]

DIRECTIVE = re.compile(r"<!--\s*strategy/([a-z-]+)((?:\s+[^>]*?)?)\s*-->")
SLOT = "<!-- strategy-slot:{} -->"
SLOT_RE = re.compile(r"<!-- strategy-slot:(\d+) -->")


def number(value: float | int | None, decimals: int = 0) -> str:
    """Norwegian number format: thin space between thousands, decimal comma."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}\u00a0%"


@dataclass
class Directive:
    """A `<!-- strategy/<kind> key=value -->` placed in a page, with the line it is on."""

    kind: str
    args: dict[str, str]
    line: int


def parse_directive(match: re.Match[str], line: int) -> Directive:
    args: dict[str, str] = {}
    for token in shlex.split(match.group(2) or ""):
        key, _, value = token.partition("=")
        args[key.strip()] = value.strip()
    return Directive(match.group(1), args, line)


@dataclass
class BlockRenderer:
    """Renders the strategy blocks for one page; `link` gives URLs relative to that page."""

    model: SiteModel
    env: jinja2.Environment
    link: Linker
    short: Linker | None = None

    def __post_init__(self) -> None:
        self.env.filters.setdefault("number", number)
        self.env.filters.setdefault("percent", percent)

    # Helpers the templates use through `r`.
    def ref(self, ident: str, text: str | None = None) -> Markup:
        """A link to an entity by id, with its title as text."""
        entity = self.model.get(ident)
        url = self.link(ident)
        label = text if text is not None else (entity.title if entity else ident)
        if url is None:
            return Markup("<span>{}</span>").format(label)
        return Markup('<a href="{}">{}</a>').format(url, label)

    def rating_badge(self, rating) -> Markup:
        if rating is None:
            return Markup('<span class="strategy-badge strategy-badge--none">Ikke vurdert</span>')
        html = '<span class="strategy-badge {}" title="{}">{} <span class="strategy-badge__label">{}</span></span>'
        return Markup(html).format(rating.level.css, rating.level.label, rating.mark, rating.level.label)

    def rating_badge_for(self, assessment) -> Markup:
        """The badge of one assessment as written (a part of a goal, say)."""
        level = self.model.scales.ratings.resolve(assessment.rating)
        if level is None:
            return Markup('<span class="strategy-badge strategy-badge--none">{}</span>').format(assessment.rating)
        return Markup('<span class="strategy-badge {}">{} <span class="strategy-badge__label">{}</span></span>').format(
            level.css, assessment.rating, level.label
        )

    def decimals(self, value: float) -> int:
        return 0 if float(value).is_integer() else 1

    def last_value(self, indicator: Indicator) -> str:
        period, value = max(indicator.values.items(), key=lambda kv: parse_period(kv[0]))
        unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
        return f"{number(value, self.decimals(value))}{unit} ({parse_period(period).label})"

    def status_badge(self, entry) -> Markup:
        if entry is None:
            return Markup('<span class="strategy-badge strategy-badge--none">Ikke rapportert</span>')
        level = self.model.scales.statuses.get(entry.level)
        label = level.label if level else "ukjent"
        css = level.css if level else "strategy-badge--none"
        return Markup('<span class="strategy-badge {}">{} <span class="strategy-badge__label">{}</span></span>').format(
            css, entry.level, label
        )

    def latest(self, goal: Goal):
        return latest_rating(goal, self.model.scales.ratings)

    def history(self, goal):
        return ratings_by_period(goal, self.model.scales.ratings)

    def status(self, action: Action):
        return latest_status(action)

    def period_label(self, key: str | None) -> str:
        return parse_period(key).label if key else "–"

    def render(self, template: str, **context) -> str:
        return self.env.get_template(f"strategy/{template}.html").render(r=self, model=self.model, **context)

    # Blocks.
    def block(self, directive: Directive, page_entity: Entity | None) -> str:
        """Render one directive; unknown kinds and missing ids come back as a problem message."""
        handler = getattr(self, "block_" + directive.kind.replace("-", "_"), None)
        if handler is None:
            known = ", ".join(n[6:].replace("_", "-") for n in dir(self) if n.startswith("block_"))
            raise ValueError(f"ukjent blokk «strategy/{directive.kind}»; kjente: {known}")
        return handler(directive.args, page_entity)

    def _target(self, args: dict[str, str], page_entity: Entity | None, *keys: str) -> Entity:
        for key in keys:
            if key in args:
                entity = self.model.get(args[key])
                if entity is None:
                    raise ValueError(f"{key}: ukjent id «{args[key]}»")
                return entity
        if page_entity is not None:
            return page_entity
        if len(self.model.strategies) == 1:
            return self.model.get(self.model.strategies[0])
        raise ValueError(f"angi {' eller '.join(keys)}=<id>")

    def block_facts(self, args, page_entity) -> str:
        entity = self._target(args, page_entity, "id")
        strategy = self.model.get(self.model.strategy_of.get(entity.id, ""))
        deadline = None
        if isinstance(entity, Goal):
            deadline = entity.deadline or (str(strategy.period.end) if strategy else None)
        return self.render("facts", entity=entity, strategy=strategy, deadline=deadline,
                           area_id=self.model.area_of.get(entity.id))

    def block_attainment(self, args, page_entity) -> str:
        """Attainment per area of a strategy (or for one area), with a total row."""
        target = self._target(args, page_entity, "area", "strategy")
        ratings = self.model.scales.ratings
        areas = [target.id] if isinstance(target, Area) else self.model.areas_of.get(target.id, [])
        rows = [(a, attainment_for(self.model.goals_in(a), ratings)) for a in areas]
        total = attainment_for(self.model.goals_in(target.id), ratings)
        return self.render("attainment", target=target, rows=rows, total=total, levels=ratings.levels)

    def block_goals(self, args, page_entity) -> str:
        """Every goal of a strategy or area with its latest rating, grouped by area."""
        target = self._target(args, page_entity, "area", "strategy")
        areas = [target.id] if isinstance(target, Area) else self.model.areas_of.get(target.id, [])
        groups = [(a, self.model.goals_in(a)) for a in areas]
        return self.render("goals", target=target, groups=groups, grouped=not isinstance(target, Area),
                           total=sum(len(g) for _, g in groups))

    def block_statements(self, args, page_entity) -> str:
        target = self._target(args, page_entity, "strategy")
        if not isinstance(target, Strategy):
            raise ValueError("strategy: blokken viser målbildet til en strategi")
        summary = attainment_for(target.statements, self.model.scales.ratings)  # type: ignore[arg-type]
        return self.render("statements", target=target, summary=summary, levels=self.model.scales.ratings.levels)

    def block_history(self, args, page_entity) -> str:
        return self.render("history", goal=self._target(args, page_entity, "id"))

    def block_goal_links(self, args, page_entity) -> str:
        """A goal's indicators, actions and sub-goals."""
        goal = self._target(args, page_entity, "id")
        return self.render(
            "goal_links", goal=goal,
            indicators=[self.model.get(i) for i in self.model.indicators_of.get(goal.id, [])],
            actions=[self.model.get(a) for a in self.model.actions_of.get(goal.id, [])],
            children=[self.model.get(c) for c in self.model.children.get(goal.id, [])],
        )

    def block_values(self, args, page_entity) -> str:
        indicator = self._target(args, page_entity, "id")
        rows = sorted(indicator.values.items(), key=lambda kv: parse_period(kv[0]))
        return self.render("values", indicator=indicator, rows=rows)

    def block_status_history(self, args, page_entity) -> str:
        action = self._target(args, page_entity, "id")
        rows = sorted(action.status, key=lambda e: parse_period(e.period), reverse=True)
        return self.render("status_history", action=action, rows=rows)

    def block_units(self, args, page_entity) -> str:
        """The site's strategies with their unit, period and headline figures."""
        ratings = self.model.scales.ratings
        units = []
        for sid in self.model.strategies:
            goals = self.model.goals_in(sid)
            actions = self.model.actions_in(sid)
            units.append((self.model.get(sid), attainment_for(goals, ratings),
                          action_summary(goals, actions, self.model.actions_of, self.model.scales.statuses)))
        return self.render("units", units=units)


def default_sections(entity: Entity, model: SiteModel) -> tuple[list[str], list[tuple[str | None, str]]]:
    """The blocks a page of this type shows without any directive: (before the body, after the body).

    After-body blocks come with the heading they are placed under, so they appear in the table of contents.
    """
    if isinstance(entity, Strategy):
        return ["facts"], [("Måloppnåelse per område", "attainment"), ("Alle utviklingsmål", "goals")]
    if isinstance(entity, Area):
        return ["facts"], [("Utviklingsmål", "goals"), ("Måloppnåelse", "attainment")]
    if isinstance(entity, Goal):
        return ["facts"], [("Vurderinger", "history"), ("Oppfølging", "goal-links")]
    if isinstance(entity, Indicator):
        return ["facts"], [("Verdier", "values")]
    if isinstance(entity, Action):
        return ["facts"], [("Statushistorikk", "status-history")]
    return [], []
