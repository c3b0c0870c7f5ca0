"""Who and when on every page: the responsible editor, the last change, stale flags, copy and edit links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from strategy_site.core.models import Entity
from strategy_site.site.history import Changed, History


def responsible(entity: Entity | None, meta: dict[str, Any]) -> str | None:
    """The page's responsible editor: `editor`, else `owner` (frontmatter of an entity or a plain page)."""
    if entity is not None:
        return entity.editor or entity.owner
    value = meta.get("editor") or meta.get("owner")
    return str(value) if value else None


@dataclass
class PageMeta:
    """What the footer of one page says."""

    owner: str | None
    changed: Changed | None
    stale: bool
    stale_days: int
    link: str
    short: bool
    edit_url: str | None

    def wrap(self, html: str, env: jinja2.Environment, hold: Callable[[str], str] = str) -> str:
        """The page's HTML with the stale notice above it and the footer below.

        `hold` may put them in after the search index has read the page (see `late`): they describe the page
        and would only make every search result say "Ansvarlig redaktør" and "Sist endret".
        """
        context = vars(self)
        head = hold(env.get_template("strategy/stale.html").render(**context)) if self.stale else ""
        return head + html + hold(env.get_template("strategy/page_meta.html").render(**context))


def page_meta(
    path: str,
    entity: Entity | None,
    meta: dict[str, Any],
    history: History | None,
    stale_days: int,
    link: str,
    short: bool,
    edit_url: str | None,
) -> PageMeta:
    """The footer facts of the page at `path`."""
    changed = history.changed.get(path) if history else None
    stale = history.stale(path, stale_days) if history else False
    return PageMeta(responsible(entity, meta), changed, stale, stale_days, link, short, edit_url)


def stale_pages(history: History, paths: list[str], stale_days: int) -> list[tuple[str, Changed]]:
    """Pages not changed for more than `stale_days`, oldest first."""
    out = [(p, history.changed[p]) for p in paths if history.stale(p, stale_days)]
    return sorted(out, key=lambda item: (item[1].date, item[0]))
