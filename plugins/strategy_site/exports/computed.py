"""What the site computes for each entity, as the export gives it: the figures its pages show, rounded as shown.

A figure the pages show as «3,7» is 3.7 here and a share shown as «30 %» is 30 in `…_percent`, so the export
and the pages agree to the digit; the unrounded share is there too for those who compute on.
"""

from __future__ import annotations

from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Goal, Indicator
from strategy_site.core.numbers import rounded
from strategy_site.measures.attainment import GoalRating, attainment_for, latest_rating
from strategy_site.measures.dating import date_note
from strategy_site.measures.indicators import progress
from strategy_site.measures.status import status_at

# Places of a share (0.3012) in the export; the pages show it as a whole percentage.
SHARE_DECIMALS = 4


def percent_shown(share: float | None) -> int | None:
    """A share as the whole percentage the pages show (half up): 0.125 -> 13."""
    return None if share is None else rounded(share * 100, 0)


def rating_data(rating: GoalRating) -> dict[str, Any]:
    """A goal's rating for a period: its mark, level and, for a goal rated in parts, each part."""
    data: dict[str, Any] = {
        "rated": True,
        "period": rating.period.key,
        "rating": rating.mark,
        "level": rating.level.key,
        "label": rating.level.label,
        "score": rating.level.score,
        "reached": rating.level.reached,
        "in_parts": rating.in_parts,
    }
    if rating.in_parts:
        # The level is the weakest part's; the parts say what was rated.
        data["parts"] = [{"part": a.part, "rating": a.rating} for a in rating.assessments]
        data["combined_by"] = "weakest_part"
    return data


def goal_figures(model: SiteModel, goal: Goal) -> dict[str, Any]:
    """A goal's latest rating and, when it has sub-goals, the attainment of its sub-goals rolled up."""
    scale = model.rating_scale_for(goal.id)
    if scale is None:
        return {"rated": False, "rates_goals": False}
    rating = latest_rating(goal, scale, cache=model.cache)
    data = rating_data(rating) if rating else {"rated": False}
    # A date the site gave the mark carries the page's note on it.
    note = date_note(model, goal.id, rating.period) if rating else None
    if note is not None:
        data["period_note"] = note.note
    below = model.goals_in(goal.id)
    if below:
        data["sub_goals"] = attainment_data(attainment_for(below, scale, cache=model.cache))
    return data


def attainment_data(summary) -> dict[str, Any]:
    """Counts of a set of goals with the share reached as computed and as shown."""
    data = summary.as_dict()
    data["share_reached"] = rounded(summary.share_reached, SHARE_DECIMALS)
    data["share_reached_percent"] = percent_shown(summary.share_reached)
    data["mean_score"] = rounded(summary.mean_score, 1)
    return data


def indicator_figures(indicator: Indicator) -> dict[str, Any]:
    """An indicator's latest value, share of the way, on-track verdict and path value, as its page shows them."""
    state = progress(indicator)
    places = state.decimals
    latest = state.latest
    return {
        "decimals": places,
        "latest": None if latest is None else {"period": latest.period.key, "value": rounded(latest.value, places)},
        "share_of_way": rounded(state.attainment, SHARE_DECIMALS),
        "share_of_way_percent": percent_shown(state.attainment),
        "reached": state.reached,
        "on_track": state.on_track,
        "path_value": state.planned_shown,
        "path_period": None if state.planned is None else latest.period.key,
    }


def action_figures(model: SiteModel, action: Action) -> dict[str, Any]:
    """An action's latest status: level, label, and whether that counts as started and done."""
    status = status_at(action, cache=model.cache)
    if status is None:
        return {"reported": False}
    statuses = model.statuses_of(action.id)
    level = statuses.get(status.level)
    return {
        "reported": True,
        "period": status.period,
        "level": status.level,
        "label": level.label if level else None,
        "started": statuses.is_started(status.level),
        "done": statuses.is_done(status.level),
    }


def entity_figures(model: SiteModel, ident: str) -> dict[str, Any] | None:
    """What the site computes for one entity, or None for a type it computes nothing for."""
    entity = model.get(ident)
    if isinstance(entity, Goal):
        return goal_figures(model, entity)
    if isinstance(entity, Indicator):
        return indicator_figures(entity)
    if isinstance(entity, Action):
        return action_figures(model, entity)
    return None
