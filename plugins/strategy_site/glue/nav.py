"""The navigation in the strategy's order: index page first, entities by `order` and number, reports newest
first; sections named from the content, never from a bare folder name or an id.

A section is named after the entity on its index page; without one, after the area or strategy among its pages
(an area folder gets the area's title), else after the one kind of page it holds («Mål», «Tiltak»,
«Indikatorer»). A folder holding no strategy page keeps the name MkDocs gives it. With a `nav` in mkdocs.yml
the editors name the sections themselves, and the titles are left alone.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from strategy_site.core.graph import natural_key
from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.load import Record


class NavOrder:
    """Orders and names the navigation of one build."""

    def __init__(
        self,
        records_by_path: dict[str, Record],
        section_titles: dict[str, str],
        rank: dict[str, int],
        labels: Labels = DEFAULT,
    ) -> None:
        self.records_by_path = records_by_path
        # Titles of the sections whose index page the plugin generates (e.g. the editors' overview).
        self.section_titles = section_titles
        # Place of generated pages in their section: a unit's reports newest first.
        self.rank = rank
        self.labels = labels

    def apply(self, nav: Navigation, *, titles: bool = True) -> None:
        """Sort each level of the navigation, name its sections from the content unless `titles` is off, and have
        «Forrige» and «Neste» follow the sorted order (MkDocs links them before plugins see the navigation)."""
        self._sort(nav.items, titles)
        nav.pages = list(_pages_in(nav.items))
        for before, page in zip([None, *nav.pages], nav.pages, strict=False):
            page.previous_page = before
            if before is not None:
                before.next_page = page
        if nav.pages:
            nav.pages[-1].next_page = None

    def _sort(self, items: list, titles: bool) -> None:
        items.sort(key=self.key)
        for item in items:
            if isinstance(item, Section):
                title = self.section_title(item) if titles else None
                if title:
                    item.title = escape(title)
                self._sort(item.children, titles)

    def section_title(self, section: Section) -> str | None:
        """The section's name from its index page or the strategy pages it holds; None keeps MkDocs' name."""
        index = _index_of(section)
        title = self.title(index.file.src_uri) if index else None
        if title:
            return title
        pages = [self.records_by_path.get(c.file.src_uri) for c in section.children if getattr(c, "file", None)]
        entities = [r.entity for r in pages if r is not None]
        for kind, name in (("area", "title"), ("strategy", "unit")):
            held = [e for e in entities if e.type == kind]
            if len(held) == 1:
                return getattr(held[0], name)
        kinds = {record.entity.type for record in self._records_under(section)}
        key = f"nav_folder_{kinds.pop()}" if len(kinds) == 1 else None
        return self.labels.text(key) if key in self.labels else None

    def _records_under(self, section: Section) -> list[Record]:
        found = []
        for child in section.children:
            if isinstance(child, Section):
                found += self._records_under(child)
            elif getattr(child, "file", None) and child.file.src_uri in self.records_by_path:
                found.append(self.records_by_path[child.file.src_uri])
        return found

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
