"""The reporting round for one period: which actions should report, what each owner still owes.

Pure functions over the site model. The status form (`strategy status-form`) lists the actions that should
report; the reminders (`strategy remind`) list, per owner, the actions and indicators still missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action, Indicator, StatusEntry
from strategy_site.core.periods import Period, parse_period
from strategy_site.measures.status import status_at


def expected_to_report(action: Action, period: Period, model: SiteModel) -> bool:
    """Whether an action should report for a period: its strategy gives actions a status, it has begun, has not
    ended, and was not done before it."""
    if model.status_scale_for(action.id) is None:
        return False
    if action.start and parse_period(action.start).start > period.end:
        return False
    if action.end and parse_period(action.end).end < period.start:
        return False
    last = status_at(action, period, "before", model.cache)
    return last is None or not model.statuses_of(action.id).is_done(last.level)


def last_reported(action: Action, period: Period, model: SiteModel) -> StatusEntry | None:
    """The status as it stood at the end of the period (the period's own status included)."""
    return status_at(action, period, "until", model.cache)


def reporting_progress(model: SiteModel, strategy_id: str, period: Period) -> tuple[int, int]:
    """How many of the unit's actions that should report for the period have reported, and how many should."""
    expected = [a for a in model.actions_in(strategy_id) if expected_to_report(a, period, model)]
    reported = [a for a in expected if status_at(a, period, "within", model.cache) is not None]
    return len(reported), len(expected)


def units(model: SiteModel, unit: str | None) -> list[str]:
    """The strategies a command covers: the one named (by id), or all of them."""
    if unit is None:
        return list(model.strategies)
    return [unit] if unit in model.strategies else []


def actions_to_report(model: SiteModel, period: Period, unit: str | None = None) -> list[Action]:
    """Every action of the unit (or site) that should report for the period, each once, in reading order."""
    seen: dict[str, Action] = {}
    for strategy_id in units(model, unit):
        for action in model.actions_in(strategy_id):
            if expected_to_report(action, period, model):
                seen.setdefault(action.id, action)
    return list(seen.values())


def same_owner(a: str | None, b: str | None) -> bool:
    """Owners are the text editors wrote; case and spacing do not make two owners."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def _period_of_kind(kind: str, day: dt.date) -> Period:
    """The period of a kind (year, tertial, quarter, half, month) that contains a day."""
    keys = {
        "year": f"{day.year}",
        "tertial": f"{day.year}-T{(day.month - 1) // 4 + 1}",
        "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        "half": f"{day.year}-H{(day.month - 1) // 6 + 1}",
        "month": f"{day.year}-{day.month:02d}",
    }
    return parse_period(keys[kind])


def indicator_due(indicator: Indicator, period: Period) -> Period | None:
    """The period an indicator's value is due for when reporting `period`, or None when none falls due in it.

    An indicator reports at the rhythm of its values (the kind of its latest value; yearly when it has none):
    the value due is the one whose period ends inside the reporting period. A yearly figure is due when
    the year's last tertial is reported; a tertial figure is due in a yearly report for the year's last tertial.
    """
    known = sorted(parse_period(p) for p in indicator.values)
    kind = known[-1].kind if known else (parse_period(indicator.baseline.period).kind if indicator.baseline else "year")
    if kind == "date":
        return None if any(period.start <= p.start and p.end <= period.end for p in known) else period
    due = _period_of_kind(kind, period.end)
    if due.end > period.end:
        due = _period_of_kind(kind, due.start - dt.timedelta(days=1))
    if not period.start <= due.end <= period.end:
        return None
    return None if any(p.key == due.key for p in known) else due


@dataclass
class StalePage:
    """A page not changed for longer than the site allows."""

    path: str
    title: str
    changed: dt.date


@dataclass
class OwnerReminder:
    """What one owner still owes for a period. `owner` None collects what has no owner."""

    owner: str | None
    actions: list[tuple[Action, StatusEntry | None]] = field(default_factory=list)
    indicators: list[tuple[Indicator, Period]] = field(default_factory=list)
    stale_pages: list[StalePage] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.actions or self.indicators or self.stale_pages)


def reminders(
    model: SiteModel,
    period: Period,
    unit: str | None = None,
    stale: Iterable[tuple[str | None, StalePage]] = (),
) -> list[OwnerReminder]:
    """Per owner, the actions without a status for the period, the indicators without their due value, and the
    stale pages (given with their responsible editor); owners in alphabetical order, the ownerless last."""
    by_owner: dict[str, OwnerReminder] = {}

    def of(owner: str | None) -> OwnerReminder:
        key = " ".join((owner or "").split()).casefold()
        if key not in by_owner:
            by_owner[key] = OwnerReminder(" ".join(owner.split()) if owner and owner.strip() else None)
        return by_owner[key]

    for action in actions_to_report(model, period, unit):
        if status_at(action, period, "within", model.cache) is None:
            of(action.owner).actions.append((action, last_reported(action, period, model)))
    seen: set[str] = set()
    for strategy_id in units(model, unit):
        for indicator in model.indicators_in(strategy_id):
            if indicator.id in seen:
                continue
            seen.add(indicator.id)
            due = indicator_due(indicator, period)
            if due is not None:
                of(indicator.owner).indicators.append((indicator, due))
    for owner, page in stale:
        of(owner).stale_pages.append(page)
    found = [r for r in by_owner.values() if not r.empty]
    return sorted(found, key=lambda r: (r.owner is None, (r.owner or "").casefold()))
