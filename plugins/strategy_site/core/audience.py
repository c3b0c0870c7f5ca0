"""Public and internal builds: what a public build leaves out.

A page with `visibility: internal` is left out, and so is everything that only hangs under it (the goals of
an internal area, the sub-goals of an internal goal, indicators and actions whose goals are all internal).
Fields listed in a page's `internal_fields` are cleared. The public model is built from what is left, so
every table, chart, short link, search entry and export of a public build is made without the internal parts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from strategy_site.core.graph import SiteModel, build_model
from strategy_site.core.hiding import without_internal_fields
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


def hidden_entities(model: SiteModel, broken: Iterable[str] = ()) -> set[str]:
    """Ids of internal entities and of everything that only hangs under them.

    References are resolved through aliases first, so a page that names an internal one by an old id hangs
    under it all the same. `broken` are ids of pages that failed to load: what hangs under them is left out
    too, since nobody can tell whether they were meant to be internal.
    """
    hidden = {ident for ident, record in model.records.items() if record.entity.visibility == "internal"}
    hidden |= set(broken)

    def resolved(ident: str | None) -> str | None:
        return model.aliases.get(ident, ident) if ident else None

    changed = True
    while changed:
        changed = False
        for ident, record in model.records.items():
            if ident in hidden:
                continue
            entity = record.entity
            if isinstance(entity, Area):
                under = model.strategy_of.get(ident) in hidden or resolved(entity.strategy) in hidden
            elif isinstance(entity, Goal):
                under = resolved(entity.area or entity.parent) in hidden
            elif isinstance(entity, Indicator | Action):
                under = bool(entity.goals) and all(resolved(g) in hidden for g in entity.goals)
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


def public_entity(entity: Entity, hidden: set[str]) -> Entity:
    """The entity as a public build shows it: internal fields cleared, links to hidden entities dropped.

    `hidden` holds the hidden ids and their aliases.
    """
    entity = without_internal_fields(entity)
    if isinstance(entity, Indicator | Action):
        entity = entity.model_copy(update={"goals": [g for g in entity.goals if g not in hidden]})
    return entity


def public_view(
    model: SiteModel, docs: Iterable[SourceDoc], broken_paths: Collection[str] = (), broken_ids: Iterable[str] = ()
) -> PublicView:
    """What a public build shows: the model without internal entities and fields, and the pages to leave out.

    Pages in `broken_paths` (their frontmatter has an error) are left out whatever they say.
    """
    hidden = hidden_entities(model, broken_ids)
    entity_paths = {record.path for record in model.records.values()}
    hidden_paths = {model.records[i].path for i in hidden if i in model.records} | set(broken_paths)
    hidden_paths |= {d.path for d in docs if d.path not in entity_paths and _plain_page_is_internal(d)}
    hidden |= {r.id for r in model.records.values() if r.path in hidden_paths}
    hidden |= {alias for alias, target in model.aliases.items() if target in hidden}
    records = [
        Record(public_entity(r.entity, hidden), r.path, r.lines, r.first_line)
        for ident, r in model.records.items()
        if ident not in hidden
    ]
    # Problems were reported for the whole content already; references to hidden ids are expected here.
    public, _ = build_model(records, model.scales, hidden)
    return PublicView(public, hidden, hidden_paths)
