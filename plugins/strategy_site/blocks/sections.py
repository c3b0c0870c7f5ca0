"""The blocks each page type shows without any directive: before the body, and after it under a heading.

Blocks after the body get a heading, so they appear in the table of contents. Charts: on area pages under
their own heading; on goal pages (only when a goal has indicators or actions, so plain goal pages stay
without charts) and indicator pages right after the key facts. The meetings that discussed an entity are
listed only on the pages of entities a meeting discussed.
"""

from __future__ import annotations

from collections.abc import Callable

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Entity

_DISCUSSED = ("section_discussed_in", "meetings")

# Page type -> (blocks before the body, [(label key of the heading, block) after it]); headings in labels.yml.
DEFAULT_SECTIONS: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "strategy": (
        ["facts"],
        [
            ("section_attainment_per_area", "attainment"),
            ("section_all_goals", "goals"),
            ("section_meetings", "meetings"),
        ],
    ),
    "area": (
        ["facts"],
        [("section_goals", "goals"), ("section_attainment", "attainment"), ("section_charts", "charts"), _DISCUSSED],
    ),
    "goal": (
        ["facts", "charts"],
        [("section_assessments", "history"), ("section_follow_up", "goal-links"), _DISCUSSED],
    ),
    "indicator": (["facts", "charts"], [("section_values", "values"), _DISCUSSED]),
    "action": (["facts"], [("section_status_history", "status-history"), _DISCUSSED]),
    "meeting": (["facts"], [("section_meeting_items", "meeting-items"), ("section_decisions", "decisions")]),
}

# Sections with a heading only where they have something to show: most pages were never discussed in a meeting.
SHOWN_WHEN: dict[str, Callable[[SiteModel, Entity], bool]] = {
    "meetings": lambda model, entity: bool(model.meetings_of.get(entity.id)),
}


def default_sections(entity: Entity, model: SiteModel | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """The default blocks of an entity's page: blocks before the body, (heading's label key, block) after it.

    With the model, only the sections that have something to show.
    """
    before, after = DEFAULT_SECTIONS.get(entity.type, ([], []))
    if model is not None:
        after = [(h, kind) for h, kind in after if kind not in SHOWN_WHEN or SHOWN_WHEN[kind](model, entity)]
    return before, after
