"""The navigation in the strategy's order: index page first, entities by `order` and number, reports newest
first; sections named after the entity on their index page."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from strategy_site.core.graph import natural_key
from strategy_site.core.load import Record


class NavOrder:
    """Orders and names the navigation of one build."""

    def __init__(
        self,
        records_by_path: dict[str, Record],
        section_titles: dict[str, str],
        rank: dict[str, int],
    ) -> None:
        self.records_by_path = records_by_path
        # Titles of the sections whose index page the plugin generates (e.g. the editors' overview).
        self.section_titles = section_titles
        # Place of generated pages in their section: a unit's reports newest first.
        self.rank = rank

    def apply(self, nav: Navigation) -> None:
        """Sort each level of the navigation, name sections after the entity on their index page, and have
        «Forrige» and «Neste» follow the sorted order (MkDocs links them before plugins see the navigation)."""
        _sort_sections(nav.items, self.key, self.title)
        nav.pages = list(_pages_in(nav.items))
        for before, page in zip([None, *nav.pages], nav.pages, strict=False):
            page.previous_page = before
            if before is not None:
                before.next_page = page
        if nav.pages:
            nav.pages[-1].next_page = None

    def title(self, src: str) -> str | None:
        """A section's title: the unit for a strategy, the title for other entities."""
        record = self.records_by_path.get(src)
        if record is None:
            return self.section_titles.get(src)
        return getattr(record.entity, "unit", None) or record.entity.title

    def key(self, item) -> tuple:
        """Index page first, entities by `order` and number, the rest as MkDocs had them; reports newest first."""
        file = getattr(item, "file", None)
        if file is None and isinstance(item, Section):
            index = _index_of(item)
            file = index.file if index else None
        record = self.records_by_path.get(file.src_uri) if file else None
        if getattr(item, "is_index", False):
            return (0,)
        if file is not None and file.src_uri in self.rank:
            return (3, self.rank[file.src_uri])
        if record is None:
            return (1,)
        entity = record.entity
        order = getattr(entity, "order", None)
        return (2, order is None, order or 0, natural_key(getattr(entity, "number", None)))


def _pages_in(items: list):
    """The pages of the navigation in reading order, depth first."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_in(item.children)


def _index_of(section: Section):
    return next((c for c in section.children if getattr(c, "is_index", False)), None)


def _sort_sections(items: list, key: Callable, title_of: Callable[[str], str | None]) -> None:
    items.sort(key=key)
    for item in items:
        if isinstance(item, Section):
            index = _index_of(item)
            title = title_of(index.file.src_uri) if index else None
            if title:
                item.title = escape(title)
            _sort_sections(item.children, key, title_of)
