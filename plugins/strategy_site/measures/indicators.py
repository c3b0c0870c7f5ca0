"""Indicator progress: how far an indicator has come from its baseline towards its target, and whether it is on track.

Pure functions on the `Indicator` model. Time is measured by the end date of each period, so a value for
2019-T2 sits between the values for 2019-T1 and 2019 on the same straight line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from strategy_site.core.models import Indicator, Measurement
from strategy_site.core.numbers import decimals_for, rounded
from strategy_site.core.periods import Period, parse_period


@dataclass(frozen=True)
class Point:
    """A value at a period."""

    period: Period
    value: float


@dataclass(frozen=True)
class IndicatorProgress:
    """Where an indicator stands: latest value against baseline, target and the straight path between them."""

    indicator: Indicator
    baseline: Point | None
    target: Point | None
    latest: Point | None
    planned: float | None
    """The value the straight path from baseline to target expects at the latest value's period."""

    @property
    def increase(self) -> bool:
        return self.indicator.direction == "increase"

    @property
    def attainment(self) -> float | None:
        """Share of the way from baseline to target (1.0 = target reached; negative = moved away from it)."""
        if self.baseline is None or self.target is None or self.latest is None:
            return None
        span = self.target.value - self.baseline.value
        if span == 0:
            return 1.0 if self.reached else 0.0
        return (self.latest.value - self.baseline.value) / span

    @property
    def reached(self) -> bool | None:
        """Whether the latest value is at or beyond the target, in the indicator's direction."""
        if self.target is None or self.latest is None:
            return None
        return self.at_least(self.latest.value, self.target.value)

    @property
    def on_track(self) -> bool | None:
        """Whether the latest value is at or beyond the straight path to the target, in the indicator's direction."""
        if self.planned is None or self.latest is None:
            return None
        # Against the path as shown: a reader who sees 3,7 beside a path of 3,7 must read «i rute».
        return self.at_least(self.latest.value, self.planned_shown)

    @property
    def decimals(self) -> int:
        """Places the indicator's figures are shown with: those of its most precise value, baseline or target."""
        return indicator_decimals(self.indicator)

    @property
    def planned_shown(self) -> float | int | None:
        """The path's value at the latest period as the pages show it (rounded half up to `decimals`)."""
        return rounded(self.planned, self.decimals)

    def at_least(self, value: float, reference: float) -> bool:
        """`value` is as good as `reference` or better, given the direction."""
        return value >= reference if self.increase else value <= reference


def _point(measurement: Measurement | None) -> Point | None:
    return None if measurement is None else Point(parse_period(measurement.period), measurement.value)


def _days(day: dt.date) -> int:
    return day.toordinal()


def path(indicator: Indicator) -> list[Point]:
    """The planned path: the baseline and every target, in time order (empty without a baseline or target)."""
    baseline = _point(indicator.baseline)
    targets = sorted((p for t in indicator.targets() if (p := _point(t))), key=lambda p: p.period)
    if baseline is None or not targets:
        return []
    return [baseline, *targets]


def planned_value(indicator: Indicator, period: Period) -> float | None:
    """The value the straight path from baseline through the targets expects at a period.

    None before the baseline or after the last target, and when the indicator has no baseline or target.
    """
    points = path(indicator)
    when = _days(period.end)
    for a, b in zip(points, points[1:], strict=False):
        start, end = _days(a.period.end), _days(b.period.end)
        if start <= when <= end:
            if end == start:
                return b.value
            return a.value + (b.value - a.value) * (when - start) / (end - start)
    return None


def values_in_order(indicator: Indicator) -> list[Point]:
    """The reported values, oldest first."""
    return sorted((Point(parse_period(k), v) for k, v in indicator.values.items()), key=lambda p: p.period)


def progress(indicator: Indicator) -> IndicatorProgress:
    """The indicator's progress: attainment against its last target, on track against the straight path."""
    values = values_in_order(indicator)
    latest = values[-1] if values else None
    targets = sorted((p for t in indicator.targets() if (p := _point(t))), key=lambda p: p.period)
    return IndicatorProgress(
        indicator=indicator,
        baseline=_point(indicator.baseline),
        target=targets[-1] if targets else None,
        latest=latest,
        planned=planned_value(indicator, latest.period) if latest else None,
    )


def indicator_decimals(indicator: Indicator) -> int:
    """Places an indicator's values, path and progress are shown with: as many as its most precise figure."""
    figures = [*indicator.values.values(), *(t.value for t in indicator.targets())]
    if indicator.baseline is not None:
        figures.append(indicator.baseline.value)
    return decimals_for(*figures)
