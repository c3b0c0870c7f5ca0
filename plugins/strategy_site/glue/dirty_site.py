"""What `mkdocs serve --dirty` compares between builds besides the entities: the navigation each page shows, the
site's settings and templates, and the theme's compiled templates (`glue.dirty` uses them)."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from strategy_site.core.graph import SiteModel


def digest(parts: Iterable[str]) -> str:
    """A SHA-256 of text parts (kept apart, so ["ab", "c"] is not ["a", "bc"])."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once and kept, in memory, for every later environment that loads them.

    MkDocs makes a new template environment for each build, so `mkdocs serve --dirty` compiled Material's
    templates again on every save. Jinja stores each template's code with a checksum of its source, so an edited
    template is compiled again.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_FRONTMATTER_TITLE = re.compile(r"\A---[ \t]*\r?\n(?:.*\n)*?title:(.*)$", re.M)
_FIRST_HEADING = re.compile(r"^#[ \t](.*)$", re.M)


def nav_entry(model: SiteModel, text: str, own_id: str | None) -> str:
    """What a page's entry in the navigation is made from: an entity's title, unit, `order` and number (its name
    and place); another page's frontmatter title and first heading (MkDocs takes its title from one of them)."""
    record = model.records.get(own_id) if own_id else None
    if record is not None:
        entity = record.entity
        return repr([getattr(entity, name, None) for name in ("title", "unit", "order", "number")])
    found = [_FRONTMATTER_TITLE.search(text), _FIRST_HEADING.search(text)]
    return repr([match.group(1) if match else None for match in found])


def _first_url(item) -> str:
    """The address a folded section links to: its first page, following first items down."""
    while isinstance(item, Section) and item.children:
        item = item.children[0]
    return getattr(item, "url", None) or ""


def navigation_views(nav: Navigation, files: Files, entry: Callable[[str], str]) -> dict[str, str]:
    """A digest of what each page's navigation shows, by source path: the top level and each level down to the
    page (Material expands the page's own path), and its «Forrige» and «Neste»."""
    levels: dict[int, str] = {}

    def level(items: list) -> str:
        if id(items) not in levels:
            # MkDocs has not read the pages yet: a page's entry is what its title will be made from. A folded section
            # shows its title and links its first page, and Material's markup depends on how many items it holds.
            levels[id(items)] = digest(
                f"{entry(item.file.src_uri)}|{item.url}"
                if isinstance(item, Page)
                else f"{type(item).__name__}|{item.title}|{len(getattr(item, 'children', None) or [])}|"
                f"{_first_url(item)}"
                for item in items
            )
        return levels[id(items)]

    top = level(nav.items)
    views = {file.src_uri: top for file in files.documentation_pages()}
    for page in nav.pages:
        parts = [top, *(level(section.children) for section in reversed(page.ancestors))]
        for near in (page.previous_page, page.next_page):
            parts.append(f"{near.url}|{entry(near.file.src_uri)}" if near is not None else "")
        views[page.file.src_uri] = digest(parts)
    return views


def site_key(config) -> str:
    """A digest of mkdocs.yml (with what it inherits) and of the name, time and size of every file in the theme's
    folders but their assets (the site's overrides, Material's templates, the plugin's): what MkDocs' dirty build does
    not look at."""
    parts = []
    path = Path(config.config_file_path) if config.config_file_path else None
    # mkdocs.yml, and the files it inherits from (`INHERIT:`).
    for _ in range(10):
        if path is None or not path.is_file():
            break
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        parent = re.search(r"^INHERIT:\s*['\"]?(.+?)['\"]?\s*$", text, re.M)
        path = path.parent / parent.group(1) if parent else None
    for folder in config.theme.dirs:
        for root, folders, names in os.walk(folder):
            # Scripts, styles and icons are copied as they are; no page changes with them.
            folders[:] = sorted(name for name in folders if name not in ("assets", ".icons", "__pycache__"))
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:  # gone while the folder was read, or a link to nothing
                    parts.append(f"{root}/{name}|-")
                else:
                    parts.append(f"{root}/{name}|{stat.st_mtime_ns}|{stat.st_size}")
    return digest(parts)


class DirtyBuildNote(logging.Filter):
    """Logs MkDocs' note on every dirty build («A 'dirty' build is being performed, this will likely lead to
    inaccurate navigation and other links») at INFO, so that `mkdocs serve --dirty --strict` can run.

    With the plugin, a dirty build renders again every page whose content or navigation shows a change, and every
    page after a change to mkdocs.yml or a template (`tests/test_dirty.py` compares such sites with full builds,
    byte for byte). What stays as MkDocs says: links in pages not rendered again are not checked again.
    """

    NAMES = ("mkdocs.commands.build", "properdocs.commands.build")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith("A 'dirty' build is being performed"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True

    def attach(self) -> None:
        for name in self.NAMES:
            logging.getLogger(name).addFilter(self)

    def detach(self) -> None:
        for name in self.NAMES:
            logging.getLogger(name).removeFilter(self)
