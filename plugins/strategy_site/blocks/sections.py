"""The blocks each page type shows without any directive: before the body, and after it under a heading.

Blocks after the body get a heading, so they appear in the table of contents. Charts: on area pages under
their own heading; on goal pages (only when a goal has indicators or actions, so plain goal pages stay
without charts) and indicator pages right after the key facts.
"""

from __future__ import annotations

from strategy_site.core.models import Entity

# Page type -> (blocks before the body, [(label key of the heading, block) after it]); headings in labels.yml.
DEFAULT_SECTIONS: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "strategy": (["facts"], [("section_attainment_per_area", "attainment"), ("section_all_goals", "goals")]),
    "area": (
        ["facts"],
        [("section_goals", "goals"), ("section_attainment", "attainment"), ("section_charts", "charts")],
    ),
    "goal": (["facts", "charts"], [("section_assessments", "history"), ("section_follow_up", "goal-links")]),
    "indicator": (["facts", "charts"], [("section_values", "values")]),
    "action": (["facts"], [("section_status_history", "status-history")]),
}


def default_sections(entity: Entity) -> tuple[list[str], list[tuple[str, str]]]:
    """The default blocks of an entity's page: blocks before the body, (heading's label key, block) after it."""
    return DEFAULT_SECTIONS.get(entity.type, ([], []))
