"""Attainment (måloppnåelse): ratings of goals, their distribution, and action progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from strategy_site.core.cache import Cache, Key
from strategy_site.core.models import Action, Assessment, Goal, Statement
from strategy_site.core.numbers import rounded
from strategy_site.core.periods import Period, parse_period
from strategy_site.core.scales import RatingLevel, RatingScale, StatusScale
from strategy_site.measures.status import level_at


@dataclass(frozen=True)
class GoalRating:
    """A goal's rating for one period. A goal rated in parts takes its weakest part's level."""

    period: Period
    level: RatingLevel
    assessments: tuple[Assessment, ...]
    # The level of each assessment as written, on the goal's scale (None: not on it).
    part_levels: tuple[RatingLevel | None, ...]

    @property
    def in_parts(self) -> bool:
        """Whether the goal was rated in parts for this period (its level is then its weakest part's)."""
        return len(self.assessments) > 1

    @property
    def mark(self) -> str:
        """The mark as written; parts joined with « + » (never «/», which marks like «JA/NEI» use)."""
        return " + ".join(a.rating for a in self.assessments)


@dataclass(frozen=True)
class RatingsKey(Key[list[GoalRating]]):
    """The ratings per period of the goal with this id."""

    goal: str


def ratings_by_period(holder: Goal | Statement, scale: RatingScale, cache: Cache | None = None) -> list[GoalRating]:
    """A goal's (or statement's) combined rating per period, oldest first.

    With the cache of the goal's model (whose scale `scale` must be), a goal's ratings are worked out once a
    build: the blocks of many pages ask for them. A statement has no id and is worked out each time.
    """
    if cache is None or not isinstance(holder, Goal):
        return _ratings_by_period(holder, scale)
    return cache.get(RatingsKey(holder.id), lambda: _ratings_by_period(holder, scale))


def _ratings_by_period(holder: Goal | Statement, scale: RatingScale) -> list[GoalRating]:
    grouped: dict[Period, list[Assessment]] = {}
    for assessment in holder.assessments:
        grouped.setdefault(parse_period(assessment.period), []).append(assessment)
    out = []
    for period in sorted(grouped):
        entries = grouped[period]
        parts = tuple(scale.resolve(a.rating) for a in entries)
        levels = [lvl for lvl in parts if lvl is not None]
        if not levels:
            continue
        scored = [lvl for lvl in levels if lvl.score is not None]
        weakest = min(scored, key=lambda lvl: lvl.score) if scored else levels[0]
        out.append(GoalRating(period, weakest, tuple(entries), parts))
    return out


def latest_rating(
    holder: Goal | Statement, scale: RatingScale, until: Period | None = None, cache: Cache | None = None
) -> GoalRating | None:
    """The most recent rating, optionally at or before a period."""
    history = [r for r in ratings_by_period(holder, scale, cache) if until is None or r.period <= until]
    return history[-1] if history else None


@dataclass
class AttainmentSummary:
    """Counts for a set of goals: how many, how rated, how many reached."""

    goals: int
    rated: int
    reached: int
    distribution: dict[str, int]
    mean_score: float | None

    @property
    def unrated(self) -> int:
        return self.goals - self.rated

    @property
    def share_reached(self) -> float | None:
        """Reached goals as a share of rated goals."""
        return self.reached / self.rated if self.rated else None

    def as_dict(self) -> dict:
        return {
            "goals": self.goals,
            "rated": self.rated,
            "unrated": self.unrated,
            "reached": self.reached,
            "share_reached": rounded(self.share_reached, 4),
            "rating_distribution": self.distribution,
            "mean_score": rounded(self.mean_score, 2),
        }


def attainment_for(
    goals: list[Goal] | list[Statement], scale: RatingScale, until: Period | None = None, cache: Cache | None = None
) -> AttainmentSummary:
    """Summarise the latest rating of each goal; the distribution lists every level of the scale, in order."""
    latest = [latest_rating(g, scale, until, cache) for g in goals]
    rated = [r for r in latest if r is not None]
    counts = Counter(r.level.key for r in rated)
    scores = [r.level.score for r in rated if r.level.score is not None]
    return AttainmentSummary(
        goals=len(goals),
        rated=len(rated),
        reached=sum(1 for r in rated if r.level.reached),
        distribution={lvl.key: counts.get(lvl.key, 0) for lvl in scale.levels},
        mean_score=sum(scores) / len(scores) if scores else None,
    )


@dataclass
class ActionSummary:
    """Summary figures of an action plan, computed from the actions' status."""

    goals: int
    goals_with_actions: int
    actions: int
    actions_started: int
    actions_done: int
    actions_unreported: int
    mean_status: float | None
    status_distribution: dict[int, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "goals": self.goals,
            "goals_with_actions": self.goals_with_actions,
            "actions": self.actions,
            "actions_started": self.actions_started,
            "actions_done": self.actions_done,
            "actions_unreported": self.actions_unreported,
            "mean_status": rounded(self.mean_status, 2),
            "status_distribution": {str(k): v for k, v in self.status_distribution.items()},
        }


def action_summary(
    goals: list[Goal],
    actions: list[Action],
    actions_of: dict[str, list[str]],
    scale: StatusScale,
    until: Period | None = None,
    cache: Cache | None = None,
) -> ActionSummary:
    """Goals followed up by at least one action, actions started and done, by the status scale."""
    levels = [level for a in actions if (level := level_at(a, until, cache)) is not None]
    counts = Counter(levels)
    action_ids = {a.id for a in actions}
    return ActionSummary(
        goals=len(goals),
        goals_with_actions=sum(1 for g in goals if any(a in action_ids for a in actions_of.get(g.id, ()))),
        actions=len(actions),
        actions_started=sum(1 for lvl in levels if scale.is_started(lvl)),
        actions_done=sum(1 for lvl in levels if scale.is_done(lvl)),
        actions_unreported=len(actions) - len(levels),
        mean_status=sum(levels) / len(levels) if levels else None,
        status_distribution={s.level: counts.get(s.level, 0) for s in scale.levels},
    )
