"""Indicator values from data files joined with the values in frontmatter into one history per indicator.

Each row is checked against the site: its indicator must exist (did-you-mean when it does not), and no
indicator may have two values for one period, whether both are in data files or one is in frontmatter. Every
such row is one problem naming both places; the other rows are added to their indicator's `values`, so
every table, chart and export shows them as if they had been written in the page.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from strategy_site.core.graph import SiteModel
from strategy_site.core.indicator_data import DataRow, ValueDetail
from strategy_site.core.models import Indicator
from strategy_site.core.periods import Period, parse_period
from strategy_site.core.problems import Problem


def add_indicator_data(model: SiteModel, rows: list[DataRow]) -> list[Problem]:
    """Add each row's value to its indicator in `model`, and return a problem for each row that cannot be added."""
    problems: list[Problem] = []
    indicators = sorted(r.id for r in model.records.values() if isinstance(r.entity, Indicator))
    # Where each (indicator, period) already has a value: a line of a page, or of a data file.
    taken: dict[tuple[str, Period], str] = {}
    for ident in indicators:
        record = model.records[ident]
        for key in record.entity.values:
            taken[(ident, parse_period(key))] = f"{record.path}:{record.line('values', key)}"
    added: dict[str, dict[str, float]] = defaultdict(dict)
    for row in rows:
        ident = model.aliases.get(row.indicator, row.indicator)
        record = model.records.get(ident)
        if record is None or not isinstance(record.entity, Indicator):
            problems.append(row.places["indicator"].problem("indicator", _not_an_indicator(model, row, indicators)))
            continue
        key = (ident, parse_period(row.period))
        if key in taken:
            message = f"{ident} har allerede en verdi for {row.period} i {taken[key]}; en periode kan ha bare én verdi"
            problems.append(row.places["period"].problem("period", message))
            continue
        taken[key] = str(row.place)
        added[ident][row.period] = row.value
        if row.note or row.source:
            model.value_details.setdefault(ident, {})[row.period] = ValueDetail(row.note, row.source, str(row.place))
    for ident, values in added.items():
        record = model.records[ident]
        record.entity = record.entity.model_copy(update={"values": {**record.entity.values, **values}})
    return problems


def _not_an_indicator(model: SiteModel, row: DataRow, indicators: list[str]) -> str:
    entity = model.get(row.indicator)
    if entity is not None:
        return f"«{row.indicator}» er en {entity.type}, ikke en indikator"
    close = difflib.get_close_matches(row.indicator, indicators, n=1)
    return f"ukjent indikator «{row.indicator}»" + (f"; mente du «{close[0]}»?" if close else "")


def value_details(model: SiteModel, indicator: Indicator) -> dict[str, ValueDetail]:
    """The note, source and place of each of the indicator's values that came from a data file, by period."""
    details = model.value_details.get(indicator.id, {})
    # A public build may have cleared the values (`internal_fields: [values]`); their notes go with them.
    return {period: detail for period, detail in details.items() if period in indicator.values}
