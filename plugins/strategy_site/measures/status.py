"""An action's status at a period: the one place that decides which reported status entry counts.

Reports, tables, charts, summaries and the lints all ask this. Of entries written for the same period the
first counts. Periods order as `Period` does: by end date, shorter periods first (2019-T3 before 2019).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from strategy_site.core.cache import Cache, Key
from strategy_site.core.models import Action, StatusEntry
from strategy_site.core.periods import Period, parse_period

# Which entry counts for a period:
#   "until"  the latest entry at or before the period: the status as it stood then (a table, a summary);
#   "within" the latest entry for the period itself or a part of it: what was reported in the period;
#   "before" the latest entry for a period that ended before this one began: the status it started from.
Rule = Literal["until", "within", "before"]


@dataclass(frozen=True)
class StatusTimeline:
    """An action's status entries in period order, one per period (the first written for it)."""

    periods: tuple[Period, ...]
    entries: tuple[StatusEntry, ...]
    # The periods' last days, in the same order (increasing: periods sort by their end first).
    ends: tuple[dt.date, ...]

    @classmethod
    def of(cls, action: Action) -> StatusTimeline:
        first: dict[Period, StatusEntry] = {}
        for entry in action.status:
            first.setdefault(parse_period(entry.period), entry)
        periods = tuple(sorted(first))
        return cls(periods, tuple(first[p] for p in periods), tuple(p.end for p in periods))

    def entry(self, period: Period | None, rule: Rule) -> StatusEntry | None:
        """The entry that counts for `period` by `rule`; without a period, the latest of all."""
        if period is None:
            return self.entries[-1] if self.entries else None
        if rule == "until":
            last = bisect.bisect_right(self.periods, period)
            return self.entries[last - 1] if last else None
        # The periods that end before the period begins are a prefix of the timeline.
        ended = bisect.bisect_left(self.ends, period.start)
        if rule == "before":
            return self.entries[ended - 1] if ended else None
        inside = bisect.bisect_right(self.ends, period.end)
        for i in range(inside - 1, ended - 1, -1):
            if self.periods[i].start >= period.start:
                return self.entries[i]
        return None


@dataclass(frozen=True)
class TimelineKey(Key[StatusTimeline]):
    """The status timeline of the action with this id."""

    action: str


def status_timeline(action: Action, cache: Cache | None = None) -> StatusTimeline:
    """The action's timeline, kept in `cache` (the action's model's) when one is given."""
    if cache is None:
        return StatusTimeline.of(action)
    return cache.get(TimelineKey(action.id), lambda: StatusTimeline.of(action))


def status_at(
    action: Action, period: Period | None = None, rule: Rule = "until", cache: Cache | None = None
) -> StatusEntry | None:
    """The action's status entry that counts for a period by `rule`; without a period, its latest."""
    return status_timeline(action, cache).entry(period, rule)


def level_at(action: Action, period: Period | None = None, cache: Cache | None = None) -> int | None:
    """The level of the action's status as it stood at a period (`status_at` by "until"), or None."""
    entry = status_at(action, period, "until", cache)
    return None if entry is None else entry.level
