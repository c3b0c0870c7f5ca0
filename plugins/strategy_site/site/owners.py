"""Owners' pages («Hvem er ansvarlig»): one page per owner with their goals, indicators and actions, and an index.

An owner is the `owner` text of a goal, an indicator or an action (case and spacing do not make two owners);
the site may give each owner's e-mail and unit in the `owners` option. Each item says what is due for its
unit's current period (an action's status, an indicator's value, as `strategy remind` counts them), whether
its page is stale, and links to edit it. Pure: the build passes when each page changed and its edit link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Entity, Goal, Indicator, Text
from strategy_site.core.periods import Period, parse_period
from strategy_site.core.scales import slug
from strategy_site.measures.reporting import expected_to_report, indicator_due, last_reported
from strategy_site.measures.reports import current_period
from strategy_site.measures.status import status_at
from strategy_site.site.history import Changed
from strategy_site.site.layout import owner_src, owners_index
from strategy_site.site.page_templates import render_page

KINDS = (Goal, Indicator, Action)


class OwnerContact(BaseModel):
    """One owner's contact details in the `owners` option."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    email: Text | None = Field(default=None, pattern=r"^[^@\s<>]+@[^@\s<>]+$")
    unit: Text | None = None


def owner_contacts(option: Mapping[str, Any]) -> dict[str, OwnerContact]:
    """The `owners` option by owner name; raises ValueError naming every owner and key that is wrong."""
    contacts, problems = {}, []
    for name, value in option.items():
        try:
            contacts[_key(str(name))] = OwnerContact.model_validate(value or {})
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"])
                what = {
                    "extra_forbidden": "ukjent felt; bruk email og unit",
                    "string_pattern_mismatch": (f"«{err['input']}» er ikke en e-postadresse"),
                }.get(err["type"], err["msg"])
                problems.append(f"owners: «{name}»{': ' + where if where else ''}: {what}")
    if problems:
        raise ValueError("\n".join(problems))
    return contacts


def _key(owner: str) -> str:
    return " ".join(owner.split()).casefold()


@dataclass
class OwnerItem:
    """A goal, indicator or action of an owner, with what is due for its period and when its page changed."""

    entity: Entity
    due: str | None
    changed: Changed | None
    stale: bool
    edit_url: str | None


@dataclass
class Owner:
    """An owner, their contact details and their items by kind."""

    name: str
    slug: str
    contact: OwnerContact
    goals: list[OwnerItem] = field(default_factory=list)
    indicators: list[OwnerItem] = field(default_factory=list)
    actions: list[OwnerItem] = field(default_factory=list)

    @property
    def items(self) -> list[OwnerItem]:
        return self.goals + self.indicators + self.actions

    @property
    def due(self) -> int:
        return sum(1 for item in self.items if item.due)

    @property
    def stale(self) -> int:
        return sum(1 for item in self.items if item.stale)

    def shown(self) -> tuple[list[str], str]:
        """The ids of the owner's items and the rest of what their page's tables show, for `serve --dirty`."""
        rows = [(item.due, item.changed, item.stale, item.edit_url) for item in self.items]
        return [item.entity.id for item in self.items], repr(rows)


def due_for(model: SiteModel, entity: Entity, period: Period | None) -> str | None:
    """What an item owes for its unit's current period, in words, or None."""
    if period is None:
        return None
    labels = model.labels
    if isinstance(entity, Action):
        if expected_to_report(entity, period, model) and status_at(entity, period, "within", model.cache) is None:
            last = last_reported(entity, period, model)
            since = labels.text("owner_last_status", period=parse_period(last.period).label) if last else ""
            return labels.text("owner_status_due", period=period.label) + since
    elif isinstance(entity, Indicator):
        due = indicator_due(entity, period)
        if due is not None:
            return labels.text("owner_value_due", period=due.label)
    return None


def owners(
    model: SiteModel,
    contacts: Mapping[str, OwnerContact],
    configured_period: str | None,
    changed: Callable[[str], tuple[Changed | None, bool]],
    edit_url: Callable[[str], str | None],
) -> list[Owner]:
    """Every owner named in the content, in alphabetical order, with their items in reading order.

    `changed(path)` gives when a page last changed and whether it is stale; `edit_url(path)` its edit link.
    """
    found: dict[str, Owner] = {}
    taken: set[str] = set()
    periods = {sid: current_period(model, sid, configured_period) for sid in model.strategies}
    for record in sorted(model.records.values(), key=lambda r: r.path):
        entity = record.entity
        if not isinstance(entity, KINDS) or not entity.owner or not entity.owner.strip():
            continue
        key = _key(entity.owner)
        if key not in found:
            name = " ".join(entity.owner.split())
            page = slug(name)
            while page in taken:
                page += "-2"
            taken.add(page)
            found[key] = Owner(name, page, contacts.get(key, OwnerContact()))
        period = periods.get(model.strategy_of.get(entity.id, ""))
        when, stale = changed(record.path)
        item = OwnerItem(entity, due_for(model, entity, period), when, stale, edit_url(record.path))
        kind = {Goal: "goals", Indicator: "indicators", Action: "actions"}[type(entity)]
        getattr(found[key], kind).append(item)
    return sorted(found.values(), key=lambda o: o.name.casefold())


def owner_pages(owner_list: list[Owner], folder: str, markdown: jinja2.Environment) -> dict[str, str]:
    """The index of owners and one page per owner, by source path (none when no page names an owner)."""
    if not owner_list:
        return {}
    pages = {owners_index(folder): render_page(markdown, "owners", owners=owner_list)}
    for owner in owner_list:
        pages[owner_src(folder, owner.slug)] = render_page(markdown, "owner", owner=owner)
    return pages
