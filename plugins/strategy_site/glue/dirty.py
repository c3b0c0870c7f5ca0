"""`mkdocs serve --dirty`: render again only the pages that show what an editor changed.

MkDocs' dirty build renders a page only when its file is newer than the page it wrote last time, and renders
every generated page every time (their content lives in memory). That leaves the goal's area and dashboard
showing the old title, and a preview of one edited goal costs a good part of a full build. Here every entity
has a fingerprint of its page's text, and every page the set of entities it shows (`shown_by`: a goal's page
shows its actions, indicators, area and parent; an area's page all its goals; a strategy's page its whole
unit). A page is rendered again when the fingerprint of one of those entities changed:

- an editor's page is marked as changed (in memory only: the editors' files are read, never written);
- a generated page (dashboard, report) is kept as a file in a folder of its own, written again only when its
  text or what it shows has changed, so MkDocs renders just those again.

The pages' records are kept between builds too, so a rebuild reads the frontmatter of the edited pages only.
MkDocs' own dirty build leaves the navigation of the pages it does not render as it was. Here a page is also
rendered again when what its navigation or «Forrige»/«Neste» shows has changed (a new title shows in the navigation
of every page in its section and below: `render_changed_navigation`), and the pages MkDocs does not read again
keep the title they had when they were last rendered (`name_unread_pages`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from strategy_site.blocks.markup import ids_in_blocks, ids_linked
from strategy_site.core.cache import Key
from strategy_site.core.graph import SiteModel
from strategy_site.core.load import SourceDoc
from strategy_site.core.models import Action, Area, Goal, Indicator, Meeting, Strategy
from strategy_site.glue.dirty_site import (
    CompiledTemplates,
    DirtyBuildNote,
    digest,
    nav_entry,
    navigation_views,
)

# The fingerprint of the whole site, for pages that show every unit (overviews, lists) and the site's exports.
WHOLE_SITE = ""


def strategies_of(model: SiteModel, ident: str) -> set[str]:
    """The units an entity belongs to: its own, and for an action those of every goal it follows up."""
    ident = model.aliases.get(ident, ident)
    found = {model.strategy_of[ident]} if ident in model.strategy_of else set()
    entity = model.get(ident)
    if isinstance(entity, Action):
        found |= {model.strategy_of[g] for g in entity.goals if g in model.strategy_of}
    return found


@dataclass(frozen=True)
class UnitKey(Key[tuple[str, ...]]):
    """The ids of every entity of a unit."""

    strategy: str


def _members(model: SiteModel, sid: str) -> tuple[str, ...]:
    return tuple(i for i in model.records if sid in strategies_of(model, i))


def shown_by(model: SiteModel, ident: str) -> set[str]:
    """The entities whose content the page of `ident`, or a block about it, shows (itself among them).

    Wider than strictly needed rather than narrower: a page left out here would show stale content. A strategy
    shows its whole unit (attainment of every goal); an area its goals with their actions and indicators; a
    goal its area, parent, sub-goals, actions, indicators and meetings; the others what they link to.
    """
    ident = model.aliases.get(ident, ident)
    entity = model.get(ident)
    if entity is None:
        return set()
    shown = {ident} | strategies_of(model, ident)
    if isinstance(entity, Strategy):
        members = model.cache.get(UnitKey(ident), lambda: _members(model, ident))
        return shown | set(members) | set(model.meetings_of[ident])
    if isinstance(entity, Area | Goal):
        goals = [entity, *model.goals_in(ident)] if isinstance(entity, Goal) else model.goals_in(ident)
        shown |= {g.id for g in goals} | {ident}
        for goal in goals:
            shown |= set(model.actions_of[goal.id]) | set(model.indicators_of[goal.id])
        if isinstance(entity, Goal):
            shown |= {i for i in (entity.area, entity.parent, model.area_of.get(ident)) if i}
        shown |= set(model.meetings_of[ident])
        return shown
    if isinstance(entity, Action | Indicator):
        for goal_id in entity.goals:
            shown |= {goal_id, model.area_of.get(goal_id) or ""}
        return (shown | set(model.meetings_of[ident])) - {""}
    if isinstance(entity, Meeting):
        for item in entity.items:
            shown |= shown_by(model, item.ref) or {item.ref}
    return shown


def shown_on_page(model: SiteModel, markdown: str, own_id: str | None = None) -> set[str]:
    """What a page shows: what its own entity's page shows, what its blocks are about and the entities it links
    to; `{WHOLE_SITE}` for a page with blocks that name no entity (a list of every unit)."""
    about = ids_in_blocks(markdown)
    if own_id is None and not about and "<!-- strategy/" in markdown:
        return {WHOLE_SITE}
    shown = shown_by(model, own_id) if own_id else set()
    for ident in about:
        shown |= shown_by(model, ident) or {ident}
    # A link shows its target's title only.
    return shown | {model.aliases.get(i, i) for i in ids_linked(markdown)}


@dataclass
class DirtyBuilds:
    """What one `mkdocs serve --dirty` remembers from one build to the next."""

    folder: Path
    # Fingerprint of each entity's page text, by id.
    fingerprints: dict[str, str] = field(default_factory=dict)
    # Fingerprint of each unit's pages (by the strategy's id) and of the whole site (`WHOLE_SITE`), for exports.
    units: dict[str, str] = field(default_factory=dict)
    # The key of each page as last rendered: its text and the fingerprints of what it shows.
    rendered: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    # The records read from each page, by (path, text): a rebuild reads only the edited pages' frontmatter.
    loaded: dict = field(default_factory=dict)
    # Each page's findings of the offline check, with the text they were found in (`glue.offline`).
    offline: dict = field(default_factory=dict)
    # Each entity's part of the JSON export, with the key it was made for (`exports.json_export.export_json`).
    export_pieces: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The blocks' template environment with its compiled templates, by the theme's template folders.
    envs: dict[tuple[str, ...], jinja2.Environment] = field(default_factory=dict)
    # The theme's templates, compiled (`on_env`).
    theme_code: CompiledTemplates = field(default_factory=CompiledTemplates)
    # Each page's title as MkDocs worked it out when it last rendered the page, by source path.
    titles: dict[str, str | None] = field(default_factory=dict)
    # What each page's entry in the navigation is made from (its title, or what MkDocs takes it from, and its
    # place among its siblings), by source path; and a digest of what each page's navigation shows, as last built.
    entries: dict[str, str] = field(default_factory=dict)
    nav_views: dict[str, str] = field(default_factory=dict)
    # Each page's entries in the search index, by the page's address; the addresses of the pages this build rendered.
    search: dict[str, list] = field(default_factory=dict)
    rendered_now: list[str] = field(default_factory=list)
    # mkdocs.yml and the theme's files as the last build found them (`site_key`).
    site: str = ""
    note: DirtyBuildNote = field(default_factory=DirtyBuildNote)

    def __post_init__(self) -> None:
        self.note.attach()

    def close(self) -> None:
        """End the `serve --dirty`: MkDocs' note at its own level again, the kept files removed."""
        self.note.detach()
        shutil.rmtree(self.folder, ignore_errors=True)

    def render_changed_navigation(self, nav: Navigation, files: Files, labels: dict[str, str]) -> None:
        """Have MkDocs render again every page whose navigation or «Forrige»/«Neste» now shows something else: a
        page's new title is shown by every page in its section and below it, and by its neighbours.

        `labels`: the short titles the build gives generated pages in the navigation.
        """
        views = navigation_views(nav, files, lambda src: labels.get(src) or self.entries.get(src, src))
        if self.nav_views:
            for src, view in views.items():
                if self.nav_views.get(src) != view and (file := files.get_file_from_path(src)) is not None:
                    file.content_bytes = file.content_bytes
        self.nav_views = views

    def remember_title(self, page: Page) -> None:
        """Note a page MkDocs rendered: its title, and that its search entries are new."""
        self.titles[page.file.src_uri] = page.title
        self.rendered_now.append(page.url)

    def complete_search_index(self, site_dir: str, files: Files) -> None:
        """Put the entries of the pages not rendered again back into the search index, in the pages' order.

        Material's search plugin keeps its index between dirty builds by assuming that one page was rendered again:
        it drops the old entries of the first page it indexed and adds the new ones. Here many pages are rendered,
        the front page among them, whose address ("") begins every other, so every other page dropped out of search.
        Material adds this build's entries at the end, in the order the pages were rendered; they start at the
        last entry of the first rendered page that has any.
        """
        path = Path(site_dir) / "search" / "search_index.json"
        rendered, self.rendered_now = self.rendered_now, []
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        last = {entry["location"]: n for n, entry in enumerate(index["docs"])}
        start = next((last[url] for url in rendered if url in last), len(index["docs"]))
        fresh: dict[str, list] = {}
        for entry in index["docs"][start:]:
            fresh.setdefault(entry["location"].partition("#")[0], []).append(entry)
        shown = set(rendered)
        search: dict[str, list] = {}
        for url in (file.page.url for file in files.documentation_pages() if file.page is not None):
            search[url] = fresh.get(url, []) if url in shown else self.search.get(url, [])
        self.search = search
        index["docs"] = [entry for entries in search.values() for entry in entries]
        # As Material writes it, so the file is the one a full build writes.
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")

    def name_unread_pages(self, files: Files) -> None:
        """Give each page MkDocs did not read again its title from the build that rendered it.

        MkDocs' dirty build reads only the pages it renders again, and a page it has not read has no title: the
        navigation and «Forrige»/«Neste» of every page it renders would name the others «None». An unread page's
        file has not changed, so its title is the one it had.
        """
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.src_uri in self.titles:
                page.title = self.titles[file.src_uri]

    def update(self, model: SiteModel, docs: list[SourceDoc], settings: str, site: str = "") -> None:
        """Take this build's fingerprints: `settings` (the plugin's configuration) is part of each, since another
        scale changes every figure. `site` (`site_key`) changes with mkdocs.yml and the theme's files: then every
        page is rendered and every file made again."""
        if site != self.site:
            self.site = site
            self.rendered.clear()
            self.written.clear()
        text = {d.path: d.text for d in docs}
        prints = {i: digest([settings, r.path, text.get(r.path, "")]) for i, r in model.records.items()}
        members: dict[str, list[str]] = {}
        for ident in model.records:
            for sid in strategies_of(model, ident):
                members.setdefault(sid, []).append(prints[ident])
        self.units = {sid: digest(sorted(p)) for sid, p in members.items()}
        self.units[WHOLE_SITE] = digest([settings, *(p for path in sorted(text) for p in (path, text[path]))])
        prints[WHOLE_SITE] = self.units[WHOLE_SITE]
        self.fingerprints = prints

    def key(self, text: str, shown: set[str]) -> str:
        """The key of a page: its text and the fingerprints of the entities it shows."""
        return digest([text, *sorted(f"{i}={self.fingerprints.get(i, '')}" for i in shown)])

    def mark_changed(self, files: Files, model: SiteModel, docs: list[SourceDoc]) -> None:
        """Have MkDocs render again the editors' pages that show an edited entity, as if their files had been
        saved; every page at the first build."""
        own = {r.path: r.id for r in model.records.values()}
        for doc in docs:
            self.entries[doc.path] = nav_entry(model, doc.text, own.get(doc.path))
            if doc.path in own or "<!-- strategy/" in doc.text or "id:" in doc.text or "[[" in doc.text:
                key = self.key(doc.text, shown_on_page(model, doc.text, own.get(doc.path)))
            else:
                key = digest([doc.text])
            if self.rendered.get(doc.path) == key:
                continue
            self.rendered[doc.path] = key
            file = files.get_file_from_path(doc.path)
            if file is not None and file.abs_src_path is not None:
                file.content_bytes = file.content_bytes

    def page(
        self, config, model: SiteModel, src: str, markdown: str, shows: Collection[str] | None = None, data: str = ""
    ) -> File:
        """A generated page, written again only when its text, `data` or an entity it shows has changed
        (`shows`, or what its text names)."""
        shown = set(shows) if shows is not None else shown_on_page(model, markdown)
        self.entries[src] = nav_entry(model, markdown, None)
        return self.kept(config, src, [self.key(markdown, shown), data], lambda: markdown)

    def kept(self, config, src: str, key: list[str], make: Callable[[], str | bytes]) -> File:
        """A generated file kept in the folder; `make` is called only when `key` differs from the last build's."""
        key_digest = digest(key)
        path = self.folder / src
        if self.written.get(src) != key_digest or not path.is_file():
            content = make()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            self.written[src] = key_digest
        return File.generated(config, src, abs_src_path=str(path))
