"""The machine-readable export of the computed model (`export/strategy.json`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import MODELS, Entity, Strategy
from strategy_site.core.numbers import rounded
from strategy_site.exports.computed import attainment_data, entity_figures
from strategy_site.exports.safe_text import json_for_html
from strategy_site.measures.attainment import action_summary, attainment_for

# 3: indicators' computed figures, goals' parts and sub-goals, figures rounded as the pages show them.
EXPORT_VERSION = 3

# Keys the site adds to each exported entity; everything else is the page's own validated fields.
COMPUTED_KEYS = ("url", "file", "placed_in", "attainment")


def figures(model: SiteModel, ident: str) -> dict[str, Any]:
    """Summary figures of a strategy or area: goals, actions, and the rating distribution (when it rates goals)."""
    goals = model.goals_in(ident)
    actions = model.actions_in(ident)
    summary = action_summary(goals, actions, model.actions_of, model.statuses_of(ident), cache=model.cache)
    out = summary.as_dict()
    # As the pages show it: one decimal, half up.
    out["mean_status"] = rounded(summary.mean_status, 1)
    scale = model.rating_scale_for(ident)
    out["rates_goals"] = scale is not None
    if scale is not None:
        out.update(attainment_data(attainment_for(goals, scale, cache=model.cache)))
    return out


def build_export(model: SiteModel, url_of: Callable[[str], str]) -> dict[str, Any]:
    """The whole computed model as plain data: strategies with figures per area, and every entity."""
    entities = [entity_data(model, ident, url_of) for ident in sorted(model.records)]
    return {"version": EXPORT_VERSION, "strategies": strategies_data(model), "entities": entities}


def strategies_data(model: SiteModel) -> list[dict[str, Any]]:
    """Each strategy with its figures, and each of its areas with theirs."""
    strategies = []
    for sid in model.strategies:
        strategy: Strategy = model.get(sid)  # type: ignore[assignment]
        entry = {
            "id": sid,
            "title": strategy.title,
            "unit": strategy.unit,
            "period": strategy.period.model_dump(),
            **figures(model, sid),
        }
        entry["areas"] = [
            {
                "id": aid,
                "title": model.get(aid).title,
                **figures(model, aid),
                "goal_ids": [g.id for g in model.goals_in(aid)],
            }
            for aid in model.areas_of.get(sid, [])
        ]
        strategies.append(entry)
    return strategies


def entity_data(model: SiteModel, ident: str, url_of: Callable[[str], str]) -> dict[str, Any]:
    """One entity: the page's fields as validated, then what the site computes under keys no page type uses (an
    indicator's `source` or a goal's `area` must not be overwritten), so the entity round-trips."""
    record = model.records[ident]
    data = record.entity.model_dump(mode="json", exclude_defaults=True)
    data.update(type=record.entity.type, id=ident, url=url_of(ident), file=record.path)
    data["placed_in"] = {"strategy": model.strategy_of.get(ident), "area": model.area_of.get(ident)}
    computed = entity_figures(model, ident)
    if computed is not None:
        data["attainment"] = computed
    return data


def entity_from_export(data: dict[str, Any]) -> Entity:
    """The validated entity an exported entity was made from (the export's computed keys left out)."""
    fields = {key: value for key, value in data.items() if key not in COMPUTED_KEYS}
    return MODELS[fields["type"]].model_validate(fields)


def export_json(
    model: SiteModel,
    url_of: Callable[[str], str],
    kept: dict[str, tuple[str, str]] | None = None,
    key_of: Callable[[str], str] | None = None,
) -> str:
    """The export as stable, readable JSON (same model, same bytes): the text of `build_export`.

    Written an entity at a time. `kept` (id → key and JSON) keeps each entity's JSON for the next build of
    `mkdocs serve --dirty`: an entity whose `key_of(id)` has not changed is not worked out again.
    """
    # Escaped for HTML as well, so a title with markup is inert even where the file is shown or embedded.
    head = json_for_html({"version": EXPORT_VERSION, "strategies": strategies_data(model)}, indent=2)

    def entity(ident: str) -> str:
        key = key_of(ident) if key_of is not None and kept is not None else None
        if key is not None and ident in kept and kept[ident][0] == key:
            return kept[ident][1]
        # As `json.dumps(..., indent=2)` writes an item of a list two levels down (JSON text holds no line
        # break inside a string, so every line break is one of the layout's).
        text = "    " + json_for_html(entity_data(model, ident, url_of), indent=2).replace("\n", "\n    ")
        if key is not None:
            kept[ident] = (key, text)
        return text

    entities = [entity(ident) for ident in sorted(model.records)]
    if kept is not None:
        for gone in kept.keys() - model.records.keys():
            del kept[gone]
    listed = "[\n" + ",\n".join(entities) + "\n  ]" if entities else "[]"
    return head[: -len("\n}")] + ',\n  "entities": ' + listed + "\n}\n"
