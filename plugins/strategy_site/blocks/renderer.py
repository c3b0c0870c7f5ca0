"""Blocks of HTML for strategy pages: facts, attainment tables, goal lists, histories.

Pure: takes the model, a Jinja environment and a function that turns an id into a relative URL.
Templates live in `templates/strategy/` and can be overridden from a site's `overrides/strategy/`.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup, escape

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Entity, Goal, Indicator, Statement
from strategy_site.core.numbers import measured, number, percent
from strategy_site.core.periods import parse_period
from strategy_site.core.problems import Problem
from strategy_site.measures.attainment import latest_rating, ratings_by_period
from strategy_site.measures.dating import date_note
from strategy_site.measures.indicators import indicator_decimals
from strategy_site.measures.status import status_at

Linker = Callable[[str], str | None]

# Block arguments that name an entity by id (`BlockRenderer.target` looks them up), and the others.
ID_ARGUMENTS = ("id", "area", "strategy", "goal", "indicator", "action")
ARGUMENTS = (*ID_ARGUMENTS, "type", "period")


def slot(nonce: str, index: int) -> str:
    """The placeholder of a page's block number `index` until its HTML is ready.

    Plain letters and digits, so Markdown passes it through as text (a paragraph of its own when the block
    stands alone): an HTML comment costs Python-Markdown's raw-HTML parser about a fifth of a page's time.
    `nonce` is new for every build, so no page can write a placeholder of its own.
    """
    return f"strategyslot{nonce}x{index}x"


def slot_pattern(nonce: str) -> re.Pattern[str]:
    """A placeholder in the rendered HTML, with the paragraph Markdown put around it when it stood alone."""
    token = f"strategyslot{re.escape(nonce)}x(\\d+)x"
    return re.compile(f"<p>{token}</p>|{token}")


class HiddenTarget(ValueError):
    """A block names an entity a public build leaves out: the block is left out with it."""


def _badge(css: str, mark: object, label: str) -> Markup:
    """A badge: the mark as written and the level's label, so status is never shown by colour alone."""
    return Markup(
        f'<span class="strategy-badge {escape(css)}">{escape(mark)} '
        f'<span class="strategy-badge__label">{escape(label)}</span></span>'
    )


def _mark_badge(assessment, level) -> Markup:
    """The badge of one mark as written, coloured by its level (plain when it is on no scale)."""
    if level is None:
        return _no_badge(assessment.rating)
    return _badge(level.css, assessment.rating, level.label)


def _no_badge(text: str) -> Markup:
    """A grey badge with only words: nothing assessed or reported, or a rating the scale does not know."""
    return Markup(f'<span class="strategy-badge strategy-badge--none">{escape(text)}</span>')


BlockFunction = Callable[["BlockRenderer", dict[str, str], Entity | None], str]
BLOCKS: dict[str, BlockFunction] = {}


def block(name: str) -> Callable[[BlockFunction], BlockFunction]:
    """Register a block function under the name used in `<!-- strategy/<name> ... -->`."""

    def register(function: BlockFunction) -> BlockFunction:
        BLOCKS[name] = function
        return function

    return register


@dataclass
class Directive:
    """A `<!-- strategy/<kind> key=value -->` placed in a page, with the line it is on."""

    kind: str
    args: dict[str, str]
    line: int


def parse_directive(kind: str, arguments: str, line: int) -> Directive:
    """A directive from its kind and argument text; ValueError with a message when the arguments do not parse."""
    args: dict[str, str] = {}
    for token in shlex.split(arguments):
        key, equals, value = token.partition("=")
        key = key.strip()
        if not equals:
            raise ValueError(f"argumentet «{token}» mangler navn; skriv f.eks. id={token}")
        if key not in ARGUMENTS:
            close = difflib.get_close_matches(key, ARGUMENTS, n=1)
            hint = f"; mente du «{close[0]}»?" if close else f"; kjente: {', '.join(ARGUMENTS)}"
            raise ValueError(f"ukjent argument «{key}»{hint}")
        if key in args:
            raise ValueError(f"argumentet «{key}» står to ganger")
        args[key] = value.strip()
    return Directive(kind, args, line)


@dataclass
class BlockRenderer:
    """Renders the strategy blocks for one page; `link` gives URLs relative to that page."""

    model: SiteModel
    env: jinja2.Environment
    link: Linker
    short: Linker | None = None
    # URL of a file of the built site (by its source path) relative to this page, or None when it is absent.
    url: Callable[[str], str | None] | None = None
    # The build's content problems and lint findings, for the editors' overview.
    problems: list[Problem] = field(default_factory=list)
    # Facts about the site beyond the model that a block shows (e.g. stale pages on the editors' overview).
    data: dict[str, Any] = field(default_factory=dict)
    # Ids (and aliases) a public build leaves out: a block naming one is left out too.
    hidden: Collection[str] = ()
    # A check renders nothing: it only runs every block's own checks of its arguments.
    dry_run: bool = False

    def __post_init__(self) -> None:
        self.env.filters.setdefault("number", number)
        self.env.filters.setdefault("measured", measured)
        self.env.filters.setdefault("percent", percent)

    # Helpers the templates use through `r`.
    def label(self, key: str, **values: object) -> str:
        """The site's interface label `key` (templates have the labels as `t` too)."""
        return self.model.labels.text(key, **values)

    def ref(self, ident: str, text: str | None = None) -> Markup:
        """A link to an entity by id, with its title as text."""
        entity = self.model.get(ident)
        url = self.link(ident)
        label = text if text is not None else (entity.title if entity else ident)
        # f-strings with escape(): Markup.format() was a third of the time of rendering the blocks.
        if url is None:
            return Markup(f"<span>{escape(label)}</span>")
        return Markup(f'<a href="{escape(url)}">{escape(label)}</a>')

    def rating_badge(self, rating) -> Markup:
        if rating is None:
            return _no_badge(self.label("not_assessed"))
        if rating.in_parts:
            return self.parts_badge(rating)
        css, label, mark = escape(rating.level.css), escape(rating.level.label), escape(rating.mark)
        return Markup(
            f'<span class="strategy-badge {css}" title="{label}">{mark} '
            f'<span class="strategy-badge__label">{label}</span></span>'
        )

    def parts_badge(self, rating) -> Markup:
        """A goal rated in parts: each part's mark, joined by «+», and the rule that the weakest part counts,
        in an outlined box no scale mark has."""
        pairs = zip(rating.assessments, rating.part_levels, strict=True)
        parts = Markup(" + ").join(_mark_badge(a, level) for a, level in pairs)
        text = escape(self.label("rating_parts", parts="\x00")).replace("\x00", parts)
        label = escape(rating.level.label)
        return Markup(
            f'<span class="strategy-parts" data-rating-parts="{len(rating.assessments)}">{text} '
            f'<span class="strategy-parts__level">({label})</span></span>'
        )

    def rating_badge_for(self, assessment, ident: str) -> Markup:
        """The badge of one assessment as written (a part of a goal, say), on the scale of entity `ident`."""
        return _mark_badge(assessment, self.model.ratings_of(ident).resolve(assessment.rating))

    def date_note(self, ident: str, period) -> Markup:
        """A marker after the date of an assessment the site dated itself: the note as its title, a link to the
        section of the strategy page that explains it (nothing when the source gives the date). Kept out of search
        (`data-search-exclude`): a bare * in a hit's preview says nothing, and Material lost the text after it."""
        note = date_note(self.model, ident, period)
        if note is None:
            return Markup("")
        strategy = self.model.strategy_for(ident)
        url = self.link(strategy.id) if strategy else None
        text = escape(note.note)
        said = escape(self.label("date_note", note=note.note))
        sup = '<sup class="strategy-date-note" data-search-exclude'
        if url is None or not note.section:
            return Markup(f'{sup} title="{text}" aria-label="{said}">*</sup>')
        href = escape(f"{url}#{note.section}")
        return Markup(f'{sup}><a href="{href}" title="{text}" aria-label="{said}">*</a></sup>')

    def last_value(self, indicator: Indicator) -> str:
        period, value = max(indicator.values.items(), key=lambda kv: parse_period(kv[0]))
        unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
        return f"{measured(value, indicator_decimals(indicator))}{unit} ({parse_period(period).label})"

    def decimals(self, indicator: Indicator) -> int:
        """Places the indicator's figures are shown with."""
        return indicator_decimals(indicator)

    def status_badge(self, entry, ident: str) -> Markup:
        """The badge of a status entry of the action `ident`, on its strategy's status scale."""
        if entry is None:
            return _no_badge(self.label("not_reported"))
        level = self.model.statuses_of(ident).get(entry.level)
        label = level.label if level else self.label("unknown_status")
        css = level.css if level else "strategy-badge--none"
        return _badge(css, entry.level, label)

    def rates(self, ident: str) -> bool:
        """Whether the strategy of an entity rates its goals (`rating_scale: none` says it does not)."""
        return self.model.rating_scale_for(ident) is not None

    def latest(self, goal: Goal | Statement, strategy_id: str = ""):
        """The latest rating of a goal, or of a statement of the strategy `strategy_id`, on its own scale."""
        scale = self.model.rating_scale_for(goal.id) if isinstance(goal, Goal) else self.model.ratings_of(strategy_id)
        return None if scale is None else latest_rating(goal, scale, cache=self.model.cache)

    def history(self, goal):
        scale = self.model.rating_scale_for(goal.id)
        return [] if scale is None else ratings_by_period(goal, scale, self.model.cache)

    def status(self, action: Action):
        return status_at(action, cache=self.model.cache)

    def period_label(self, key: str | None) -> str:
        return parse_period(key).label if key else "–"

    def render(self, template: str, **context) -> str:
        if self.dry_run:
            return ""
        template_file = self.env.get_template(f"strategy/{template}.html")
        return template_file.render(r=self, model=self.model, t=self.model.labels, **context)

    def block(self, directive: Directive, page_entity: Entity | None) -> str:
        """Render one directive; raises ValueError with a message for the editor when it cannot."""
        function = BLOCKS.get(directive.kind)
        if function is None:
            raise ValueError(f"ukjent blokk «strategy/{directive.kind}»; kjente: {', '.join(sorted(BLOCKS))}")
        return function(self, directive.args, page_entity)

    def target(self, args: dict[str, str], page_entity: Entity | None, *keys: str) -> Entity:
        """The entity a block is about: named in its arguments, else the page's own, else the only strategy."""
        for key in keys:
            if key in args:
                if args[key] in self.hidden:
                    raise HiddenTarget(f"{key}: «{args[key]}» er intern; blokken er utelatt i det offentlige bygget")
                entity = self.model.get(args[key])
                if entity is None:
                    raise ValueError(f"{key}: ukjent id «{args[key]}»")
                return entity
        if page_entity is not None:
            return page_entity
        if len(self.model.strategies) == 1:
            return self.model.get(self.model.strategies[0])
        raise ValueError(f"angi {' eller '.join(keys)}=<id>")
