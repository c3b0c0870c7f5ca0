"""Reporting periods: year, tertial, quarter, half-year, month and date, and their order."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(r"^(\d{4})$")),
    ("tertial", re.compile(r"^(\d{4})-T(\d)$", re.IGNORECASE)),
    ("quarter", re.compile(r"^(\d{4})-Q(\d)$", re.IGNORECASE)),
    ("half", re.compile(r"^(\d{4})-H(\d)$", re.IGNORECASE)),
    ("month", re.compile(r"^(\d{4})-(\d{1,2})$")),
    ("date", re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")),
]

# How many parts of a year each kind has, and the label used in Norwegian text.
_PARTS = {"tertial": 3, "quarter": 4, "half": 2, "month": 12}
_LABELS = {"tertial": "{n}. tertial {y}", "quarter": "{n}. kvartal {y}", "half": "{n}. halvår {y}"}
# Norwegian month names, January first; used wherever a month is written out.
MONTH_NAMES = [
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
]  # fmt: skip


class PeriodError(ValueError):
    """A period value that is not one of the accepted forms or names an impossible period."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period. Periods sort by end date, then shorter periods first (2019-T3 before 2019)."""

    end: dt.date
    start_desc: int = field(repr=False)
    start: dt.date = field(compare=False)
    kind: str = field(compare=False)
    key: str = field(compare=False)

    @property
    def label(self) -> str:
        """The period as Norwegian text, e.g. '2. tertial 2019'."""
        y = self.start.year
        if self.kind == "year":
            return str(y)
        if self.kind in _LABELS:
            n = int(self.key.split("-")[1][1:])
            return _LABELS[self.kind].format(n=n, y=y)
        if self.kind == "month":
            return f"{MONTH_NAMES[self.start.month - 1]} {y}"
        return self.start.strftime("%d.%m.%Y")

    def __str__(self) -> str:
        return self.key


def _make(kind: str, key: str, start: dt.date, end: dt.date) -> Period:
    return Period(end=end, start_desc=-start.toordinal(), start=start, kind=kind, key=key)


def parse_period(value: object) -> Period:
    """Parse a period written as 2019, "2019-T2", "2019-Q3", "2019-H1", "2019-06" or "2019-06-30"."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    return _parse_text(str(value).strip())


# A site has a few dozen distinct periods and the blocks ask for them hundreds of thousands of times.
@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> Period:
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group(1))
        if kind == "year":
            return _make(kind, text, dt.date(year, 1, 1), dt.date(year, 12, 31))
        if kind == "date":
            try:
                day = dt.date(year, int(m.group(2)), int(m.group(3)))
            except ValueError as exc:
                raise PeriodError(f"«{text}» er ikke en gyldig dato") from exc
            return _make(kind, day.isoformat(), day, day)
        n, parts = int(m.group(2)), _PARTS[kind]
        if not 1 <= n <= parts:
            raise PeriodError(f"«{text}»: {kind_name(kind)} må være 1–{parts}")
        months = 12 // parts
        first = (n - 1) * months + 1
        last = first + months - 1
        start = dt.date(year, first, 1)
        end = dt.date(year, last, calendar.monthrange(year, last)[1])
        key = f"{year}-{n:02d}" if kind == "month" else f"{year}-{kind[0].upper()}{n}"
        return _make(kind, key, start, end)
    raise PeriodError(
        f"«{text}» er ikke en periode; skriv år (2019), tertial (2019-T2), kvartal (2019-Q3), "
        "halvår (2019-H1), måned (2019-06) eller dato (2019-06-30)"
    )


def kind_name(kind: str) -> str:
    """Norwegian name of a period kind."""
    return {"tertial": "tertial", "quarter": "kvartal", "half": "halvår", "month": "måned"}.get(kind, kind)


def latest(periods: list[Period]) -> Period | None:
    """The latest of the given periods, or None when there are none."""
    return max(periods) if periods else None
