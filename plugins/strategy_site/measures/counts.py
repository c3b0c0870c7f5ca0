"""One line of counts per strategy, printed by every build and check so a page that drops out shows as a change."""

from __future__ import annotations

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Goal
from strategy_site.measures.attainment import latest_rating


def count_lines(model: SiteModel) -> list[str]:
    """`vm (NTNU Vitenskapsmuseet): 42 mål, 42 vurdert, 0 tiltak, 4 indikatorer` for each strategy, in order."""
    lines = []
    for sid in model.strategies:
        goals: list[Goal] = model.goals_in(sid)
        scale = model.rating_scale_for(sid)
        rated = 0 if scale is None else sum(1 for g in goals if latest_rating(g, scale, cache=model.cache))
        unit = model.get(sid).unit
        lines.append(
            f"{sid} ({unit}): {len(goals)} mål, {rated} vurdert, {len(model.actions_in(sid))} tiltak, "
            f"{len(model.indicators_in(sid))} indikatorer"
        )
    return lines
