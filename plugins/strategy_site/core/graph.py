"""The link graph: every entity indexed by id, references resolved and checked, trees built."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from strategy_site.core.cache import Cache
from strategy_site.core.indicator_data import ValueDetail
from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.load import Record
from strategy_site.core.models import Action, Area, Entity, Goal, Indicator, Meeting, Strategy
from strategy_site.core.periods import parse_period
from strategy_site.core.problems import Problem, field_path
from strategy_site.core.scale_settings import NO_SCALE, SITE_SCALE
from strategy_site.core.scales import RatingScale, Scales, StatusScale


def natural_key(text: str | None) -> tuple:
    """Sort '2' before '10' and '3a' after '3'."""
    parts = re.split(r"(\d+)", text or "")
    return tuple((0, int(p)) if p.isdecimal() else (1, p) for p in parts if p)


@dataclass
class SiteModel:
    """All entities of a site and the links between them. Built once per build; lookups are by id."""

    scales: Scales
    records: dict[str, Record] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    strategies: list[str] = field(default_factory=list)
    areas_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    goals_of_area: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    indicators_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    actions_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    strategy_of: dict[str, str] = field(default_factory=dict)
    # Meetings by the id of what they discussed (and of their strategy), newest first.
    meetings_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    area_of: dict[str, str] = field(default_factory=dict)
    # Ids used by more than one page (each page is reported); the model holds the first of them.
    duplicate_ids: set[str] = field(default_factory=set)
    # How the site speaks to readers: its interface labels and the folder of its short links (`/m/<id>/`).
    # Site settings like `scales`; the plugin sets them from mkdocs.yml.
    labels: Labels = field(default_factory=lambda: DEFAULT, repr=False, compare=False)
    short_url_prefix: str = "m"
    # Whether the periods of earlier years are reported as their year (the option `reports_fold_past_years`).
    fold_past_years: bool = True
    # The note, source and place of indicator values read from data files, by indicator id and period.
    value_details: dict[str, dict[str, ValueDetail]] = field(default_factory=dict, repr=False)
    # What the build works out from the model for many pages (a chart, an action's status timeline), by key.
    cache: Cache = field(default_factory=Cache, repr=False, compare=False)

    def get(self, ident: str) -> Entity | None:
        """The entity with this id (or with this id among its aliases)."""
        record = self.records.get(ident) or self.records.get(self.aliases.get(ident, ""))
        return record.entity if record else None

    def strategy_for(self, ident: str) -> Strategy | None:
        """The strategy an entity belongs to (a strategy belongs to itself), or None when it is not placed."""
        strategy = self.get(self.strategy_of.get(ident, ""))
        return strategy if isinstance(strategy, Strategy) else None

    def rating_scale_for(self, ident: str) -> RatingScale | None:
        """The rating scale of the strategy an entity belongs to; None when that strategy rates nothing.

        The one place that decides: the scale named in the strategy's `rating_scale` (`rating_scales` in
        mkdocs.yml), none for `none`, else the site's `ratings` (an unknown name is reported by the check).
        """
        strategy = self.strategy_for(ident)
        chosen = None if strategy is None else strategy.rating_scale
        if chosen == NO_SCALE:
            return None
        return self.scales.rating_scales.get(chosen or SITE_SCALE, self.scales.ratings)

    def status_scale_for(self, ident: str) -> StatusScale | None:
        """The status scale of the strategy an entity belongs to; None when its actions get no status."""
        strategy = self.strategy_for(ident)
        chosen = None if strategy is None else strategy.status_scale
        if chosen == NO_SCALE:
            return None
        return self.scales.status_scales.get(chosen or SITE_SCALE, self.scales.statuses)

    def ratings_of(self, ident: str) -> RatingScale:
        """The scale an entity's marks are read with: its strategy's, or the site's when that strategy has none
        (its goals have no marks then; the check reports any)."""
        return self.rating_scale_for(ident) or self.scales.ratings

    def statuses_of(self, ident: str) -> StatusScale:
        """The scale an action's (or a unit's actions') statuses are counted with: its strategy's, or the site's
        when that strategy has none (its actions have no status then; the check reports any)."""
        return self.status_scale_for(ident) or self.scales.statuses

    def record(self, ident: str) -> Record:
        return self.records[ident]

    def of_type(self, kind: type[Entity]) -> list[Entity]:
        return [r.entity for r in self.records.values() if isinstance(r.entity, kind)]

    def goals_in(self, ident: str) -> list[Goal]:
        """Every goal of a strategy, an area or a goal's subtree, in reading order, depth first."""
        entity = self.get(ident)
        if isinstance(entity, Strategy):
            roots = [g for a in self.areas_of[ident] for g in self.goals_of_area[a]]
        elif isinstance(entity, Area):
            roots = list(self.goals_of_area[ident])
        elif isinstance(entity, Goal):
            roots = list(self.children[ident])
        else:
            return []
        out: list[Goal] = []
        # A cycle in the goal tree is reported by the check; the walk visits each goal once all the same.
        seen: set[str] = set()
        stack = list(reversed(roots))
        while stack:
            goal_id = stack.pop()
            if goal_id in seen:
                continue
            seen.add(goal_id)
            out.append(self.get(goal_id))  # type: ignore[arg-type]
            stack.extend(reversed(self.children[goal_id]))
        return out

    def actions_in(self, ident: str) -> list[Action]:
        """Actions following up at least one goal of a strategy or area, each once, in order."""
        seen: dict[str, Action] = {}
        for goal in self.goals_in(ident) if not isinstance(self.get(ident), Goal) else [self.get(ident)]:
            for action_id in self.actions_of[goal.id]:
                seen.setdefault(action_id, self.get(action_id))  # type: ignore[arg-type]
        return list(seen.values())

    def indicators_in(self, ident: str) -> list[Indicator]:
        seen: dict[str, Indicator] = {}
        for goal in self.goals_in(ident):
            for ind in self.indicators_of[goal.id]:
                seen.setdefault(ind, self.get(ind))  # type: ignore[arg-type]
        return list(seen.values())


class _Checker:
    def __init__(self, model: SiteModel, broken: set[str]) -> None:
        self.model = model
        self.broken = broken
        self.problems: list[Problem] = []

    def add(self, record: Record, field_loc: tuple, message: str) -> None:
        self.problems.append(Problem(record.path, message, line=record.line(*field_loc), field=field_path(field_loc)))

    def ref(self, record: Record, field_loc: tuple, ident: str, kinds: tuple[type[Entity], ...]) -> str | None:
        """Resolve a reference; report it when it names no entity of the expected kind."""
        if ident in self.broken:
            return None
        target_id = ident if ident in self.model.records else self.model.aliases.get(ident)
        if target_id is None:
            close = difflib.get_close_matches(ident, self.model.records, n=1)
            hint = f"; mente du «{close[0]}»?" if close else ""
            self.add(record, field_loc, f"ukjent id «{ident}»{hint}")
            return None
        target = self.model.records[target_id].entity
        if not isinstance(target, kinds):
            names = " eller ".join(k.__name__.lower() for k in kinds)
            self.add(record, field_loc, f"«{ident}» er en {target.type}, ikke en {names}")
            return None
        return target_id


def build_model(
    records: list[Record], scales: Scales, broken: set[str] | None = None
) -> tuple[SiteModel, list[Problem]]:
    """Index, resolve and check all records; returns the model and every problem found."""
    model = SiteModel(scales=scales)
    check = _Checker(model, broken or set())
    paths_of: dict[str, list[str]] = defaultdict(list)
    for record in records:
        paths_of[record.id].append(record.path)
    for record in records:
        # Every page that uses a taken id is named, not only the later ones: which is "the copy" is not ours to say.
        others = [p for p in paths_of[record.id] if p != record.path]
        if others:
            check.add(record, ("id",), f"id-en «{record.id}» brukes også i {', '.join(others)}")
            model.duplicate_ids.add(record.id)
        model.records.setdefault(record.id, record)
    for record in model.records.values():
        for i, alias in enumerate(record.entity.aliases):
            if alias in model.records or alias in model.aliases:
                check.add(record, ("aliases", i), f"«{alias}» er allerede en id eller et alias")
            else:
                model.aliases[alias] = record.id

    by_type: dict[str, list[Record]] = defaultdict(list)
    for record in model.records.values():
        by_type[record.entity.type].append(record)

    model.strategies = [r.id for r in by_type["strategy"]]
    for record in by_type["strategy"]:
        model.strategy_of[record.id] = record.id
        for name, named in (("rating_scale", scales.rating_scales), ("status_scale", scales.status_scales)):
            chosen = getattr(record.entity, name)
            if chosen is not None and chosen not in (NO_SCALE, SITE_SCALE, *named):
                check.add(record, (name,), _unknown_scale(chosen, name, list(named)))
        _check_assessments(check, record, ("statements",), record.entity.statements)

    for record in by_type["area"]:
        area: Area = record.entity  # type: ignore[assignment]
        strategy_id = _strategy_named(model, check, record, area.strategy)
        if strategy_id:
            model.strategy_of[area.id] = strategy_id
            model.areas_of[strategy_id].append(area.id)
    for areas in model.areas_of.values():
        areas.sort(key=lambda a: (model.get(a).order is None, model.get(a).order or 0, model.get(a).title))

    for record in by_type["goal"]:
        goal: Goal = record.entity  # type: ignore[assignment]
        if goal.area and goal.parent:
            check.add(record, ("parent",), "bruk enten «area» eller «parent», ikke begge")
        elif goal.parent:
            parent = check.ref(record, ("parent",), goal.parent, (Goal,))
            if parent:
                model.children[parent].append(goal.id)
        elif goal.area:
            area_id = check.ref(record, ("area",), goal.area, (Area,))
            if area_id:
                model.goals_of_area[area_id].append(goal.id)
        else:
            check.add(record, ("area",), "feltet mangler: et mål trenger «area» eller «parent»")
    _place_goals(model, check, by_type["goal"])
    for record in by_type["goal"]:
        if model.rating_scale_for(record.id) is None:
            for i, _ in enumerate(record.entity.assessments):
                message = "strategien vurderer ikke målene (rating_scale: none); slett vurderingen eller feltet"
                check.add(record, ("assessments", i), message)
        else:
            _check_assessments(check, record, (), [record.entity])

    for record in by_type["indicator"]:
        for i, goal_id in enumerate(record.entity.goals):
            target = check.ref(record, ("goals", i), goal_id, (Goal,))
            if target:
                model.indicators_of[target].append(record.id)
                _inherit_place(model, record.id, target)
    for record in by_type["action"]:
        action: Action = record.entity  # type: ignore[assignment]
        for i, goal_id in enumerate(action.goals):
            target = check.ref(record, ("goals", i), goal_id, (Goal,))
            if target:
                model.actions_of[target].append(record.id)
                _inherit_place(model, record.id, target)
    for record in by_type["action"]:
        action = record.entity  # type: ignore[assignment]
        for i, entry in enumerate(action.status):
            if model.status_scale_for(record.id) is None:
                message = "strategien gir ikke tiltakene status (status_scale: none); slett statusen eller feltet"
                check.add(record, ("status", i), message)
            elif (statuses := model.statuses_of(record.id)).get(entry.level) is None:
                levels = ", ".join(str(s.level) for s in statuses.levels)
                named = f" «{statuses.name}»" if statuses.name else ""
                message = f"nivå {entry.level} finnes ikke på statusskalaen{named} ({levels})"
                check.add(record, ("status", i, "level"), message)
        if action.start and action.end and parse_period(action.end).end < parse_period(action.start).start:
            check.add(record, ("end",), f"slutt ({action.end}) er før start ({action.start})")
    _link_meetings(model, check, by_type["meeting"])
    for lists in (model.goals_of_area, model.children):
        for ids in lists.values():
            ids.sort(key=lambda g: (natural_key(model.get(g).number), model.records[g].path))
    return model, sorted(check.problems, key=lambda p: p.sort_key)


# What a meeting can discuss: every entity but another meeting.
MEETING_ITEM_KINDS = (Strategy, Area, Goal, Indicator, Action)


def _strategy_named(model: SiteModel, check: _Checker, record: Record, named: str | None) -> str | None:
    """The strategy a page belongs to: the one it names, else the site's only strategy (reported when ambiguous)."""
    if named:
        return check.ref(record, ("strategy",), named, (Strategy,))
    if len(model.strategies) == 1:
        return model.strategies[0]
    if model.strategies:
        check.add(record, ("strategy",), "feltet mangler: nettstedet har flere strategier")
    return None


def _link_meetings(model: SiteModel, check: _Checker, meetings: list[Record]) -> None:
    """Place each meeting in its strategy and list it under every entity it discussed, newest first."""
    for record in meetings:
        meeting: Meeting = record.entity  # type: ignore[assignment]
        strategy_id = _strategy_named(model, check, record, meeting.strategy)
        if strategy_id:
            model.strategy_of[meeting.id] = strategy_id
            model.meetings_of[strategy_id].append(meeting.id)
        for i, item in enumerate(meeting.items):
            target = check.ref(record, ("items", i, "ref"), item.ref, MEETING_ITEM_KINDS)
            if target and meeting.id not in model.meetings_of[target]:
                model.meetings_of[target].append(meeting.id)
    for ids in model.meetings_of.values():
        ids.sort(key=lambda m: (model.get(m).date, m), reverse=True)


def _unknown_scale(chosen: str, field_name: str, named: list[str]) -> str:
    """'ukjent skala «skolle»; mente du «skole»? kjente: none, default, skole' (the names from mkdocs.yml)."""
    known = [NO_SCALE, SITE_SCALE, *named]
    close = difflib.get_close_matches(chosen, known, n=1)
    hint = f"mente du «{close[0]}»? " if close else ""
    option = "rating_scales" if field_name == "rating_scale" else "status_scales"
    return f"ukjent skala «{chosen}»; {hint}kjente: {', '.join(known)} (skalaer navngis under {option} i mkdocs.yml)"


def _check_assessments(check: _Checker, record: Record, base: tuple, holders: list) -> None:
    """Each mark is on the rating scale of the page's own strategy."""
    scale = check.model.ratings_of(record.id)
    for h, holder in enumerate(holders):
        prefix = (*base, h) if base else ()
        for i, assessment in enumerate(holder.assessments):
            if scale.resolve(assessment.rating) is None:
                names = ", ".join(scale.names())
                named = f" «{scale.name}»" if scale.name else ""
                check.add(
                    record,
                    (*prefix, "assessments", i, "rating"),
                    f"«{assessment.rating}» er ikke på vurderingsskalaen{named} ({names})",
                )


def _inherit_place(model: SiteModel, ident: str, goal_id: str) -> None:
    """Indicators and actions belong to the area and strategy of their first goal."""
    if goal_id in model.area_of:
        model.area_of.setdefault(ident, model.area_of[goal_id])
    if goal_id in model.strategy_of:
        model.strategy_of.setdefault(ident, model.strategy_of[goal_id])


def _place_goals(model: SiteModel, check: _Checker, goals: list[Record]) -> None:
    """Give every goal its area and strategy from its root; report cycles in the goal tree."""
    # The root area of each goal, worked out once per goal (a long parent chain is walked once, not per goal).
    root_area: dict[str, str | None] = {}
    for record in goals:
        chain = [record.id]
        on_chain = {record.id}
        current: Goal = record.entity  # type: ignore[assignment]
        area: str | None = None
        while True:
            if current.area or not current.parent or current.parent not in model.records:
                area = current.area if current.area in model.records else None
                break
            if current.parent in root_area:
                area = root_area[current.parent]
                break
            if current.parent in on_chain:
                # Each goal on the ring is named, with the ring read from it.
                cycle = chain[chain.index(current.parent) :]
                for i, member in enumerate(cycle):
                    ring = " → ".join([*cycle[i:], *cycle[:i], member])
                    check.add(model.records[member], ("parent",), f"målhierarkiet går i ring: {ring}")
                break
            chain.append(current.parent)
            on_chain.add(current.parent)
            current = model.get(current.parent)  # type: ignore[assignment]
        for goal_id in chain:
            root_area[goal_id] = area
        if area:
            model.area_of[record.id] = area
            if area in model.strategy_of:
                model.strategy_of[record.id] = model.strategy_of[area]
