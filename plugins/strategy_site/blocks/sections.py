"""The blocks each page type shows without any directive: before the body, and after it under a heading.

Blocks after the body get a heading, so they appear in the table of contents. Charts: on area pages under
their own heading; on goal pages (only when a goal has indicators or actions, so plain goal pages stay
without charts) and indicator pages right after the key facts.
"""

from __future__ import annotations

from strategy_site.core.models import Entity

DEFAULT_SECTIONS: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "strategy": (["facts"], [("Måloppnåelse per område", "attainment"), ("Alle utviklingsmål", "goals")]),
    "area": (["facts"], [("Utviklingsmål", "goals"), ("Måloppnåelse", "attainment"), ("Diagrammer", "charts")]),
    "goal": (["facts", "charts"], [("Vurderinger", "history"), ("Oppfølging", "goal-links")]),
    "indicator": (["facts", "charts"], [("Verdier", "values")]),
    "action": (["facts"], [("Statushistorikk", "status-history")]),
}


def default_sections(entity: Entity) -> tuple[list[str], list[tuple[str, str]]]:
    """The default blocks of an entity's page."""
    return DEFAULT_SECTIONS.get(entity.type, ([], []))
