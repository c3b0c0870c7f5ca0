"""Public and internal builds: what a public build leaves out.

A page with `visibility: internal` is left out, and so is everything that only hangs under it (the goals of
an internal area, the sub-goals of an internal goal, indicators and actions whose goals are all internal).
Fields listed in a page's `internal_fields` are cleared. The public model is built from what is left, so
every table, chart, short link, search entry and export of a public build is made without the internal parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from strategy_site.core.graph import SiteModel, build_model
from strategy_site.core.load import Record, SourceDoc, normalise, split_frontmatter
from strategy_site.core.models import Action, Area, Entity, Goal, Indicator
from strategy_site.core.yamlread import parse_yaml

AUDIENCES = ("internal", "public")


@dataclass
class PublicView:
    """The model of a public build and the pages it leaves out."""

    model: SiteModel
    # Ids and aliases of the entities left out.
    hidden_ids: set[str] = field(default_factory=set)
    hidden_paths: set[str] = field(default_factory=set)


def hidden_entities(model: SiteModel) -> set[str]:
    """Ids of internal entities and of everything that only hangs under them."""
    hidden = {ident for ident, record in model.records.items() if record.entity.visibility == "internal"}
    changed = True
    while changed:
        changed = False
        for ident, record in model.records.items():
            if ident in hidden:
                continue
            entity = record.entity
            if isinstance(entity, Area):
                under = model.strategy_of.get(ident) in hidden
            elif isinstance(entity, Goal):
                under = (entity.area or entity.parent) in hidden
            elif isinstance(entity, Indicator | Action):
                under = bool(entity.goals) and all(model.aliases.get(g, g) in hidden for g in entity.goals)
            else:
                under = False
            if under:
                hidden.add(ident)
                changed = True
    return hidden


def _plain_page_is_internal(doc: SourceDoc) -> bool:
    """Whether a page without `type` says `visibility: internal`, its frontmatter read as every page's is.

    A page whose frontmatter cannot be read is an error of the build already, reported with its line.
    """
    front, first_line = split_frontmatter(normalise(doc.text))
    if not front:
        return False
    data, _, _ = parse_yaml(front, doc.path, first_line)
    return isinstance(data, dict) and data.get("visibility") == "internal"


def _without(value: Any, path: list[str]) -> Any:
    """`value` (a model) with the field at `path` set back to its default."""
    if not isinstance(value, BaseModel):
        return value
    name, rest = path[0], path[1:]
    if name not in type(value).model_fields:
        return value
    if rest:
        return value.model_copy(update={name: _without(getattr(value, name), rest)})
    info = type(value).model_fields[name]
    return value.model_copy(update={name: info.get_default(call_default_factory=True)})


def public_entity(entity: Entity, hidden: set[str]) -> Entity:
    """The entity as a public build shows it: internal fields cleared, links to hidden entities dropped."""
    for name in entity.internal_fields:
        entity = _without(entity, name.split("."))
    update: dict[str, Any] = {"internal_fields": []}
    if isinstance(entity, Indicator | Action):
        update["goals"] = [g for g in entity.goals if g not in hidden]
    return entity.model_copy(update=update)


def public_view(model: SiteModel, docs: Iterable[SourceDoc]) -> PublicView:
    """What a public build shows: the model without internal entities and fields, and the pages to leave out."""
    hidden = hidden_entities(model)
    entity_paths = {record.path for record in model.records.values()}
    hidden_paths = {model.records[i].path for i in hidden}
    hidden_paths |= {d.path for d in docs if d.path not in entity_paths and _plain_page_is_internal(d)}
    records = [
        Record(public_entity(r.entity, hidden), r.path, r.lines, r.first_line)
        for ident, r in model.records.items()
        if ident not in hidden
    ]
    hidden |= {alias for alias, target in model.aliases.items() if target in hidden}
    # Problems were reported for the whole content already; references to hidden ids are expected here.
    public, _ = build_model(records, model.scales, hidden)
    return PublicView(public, hidden, hidden_paths)
