"""Marks whose date is the site's, not the source's: the note each of them carries wherever its date is shown."""

from __future__ import annotations

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import DateNote
from strategy_site.core.periods import Period, parse_period


def date_note(model: SiteModel, ident: str, period: Period) -> DateNote | None:
    """The note on the date of a goal's assessment for a period, when its strategy says the site dated it."""
    strategy = model.strategy_for(ident)
    undated = strategy.undated_assessments if strategy else None
    if undated is None or all(parse_period(key) != period for key in undated.periods):
        return None
    return undated
