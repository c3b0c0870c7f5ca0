"""A page's frontmatter (`page.meta`) as Material reads it: titles, page status and, for search, tags.

Material's search splits a query at the configured separator, hyphens included, so `vm-forskning-2` is looked
for as `vm`, `forskning` and `2`, words that hundreds of sections hold. It indexes a page's `meta.tags` with a
boost far above titles and text, and only its tags plugin shows them on the page (its search results show
them too). An entity page whose tags hold its id therefore comes first when a reader searches for the id.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from markupsafe import escape

from strategy_site.core.load import Record

# Material's tags plugin shows `meta.tags` on the page and lists them on tags pages, where ids do not belong;
# with it, the id stays findable only as text (the page's short link shows it).
TAGS_PLUGINS = frozenset({"tags", "material/tags"})


def meta_for_theme(meta: dict[str, Any], record: Record | None, plugins: Collection[str]) -> None:
    """Make `meta` say what the plugin means to Material; `plugins` are the names of the site's plugins.

    Titles are text: Material prints `page.meta.title` and navigation titles without escaping them.
    An action's `status` is its status history in our contract; Material would read it as a page status.
    An entity's page gets its id as its one tag (entity frontmatter has no `tags`), for search.
    """
    if record is not None:
        meta["title"] = escape(record.entity.title)
        meta.pop("status", None)
        if not TAGS_PLUGINS.intersection(plugins):
            meta["tags"] = [record.id]
    elif meta.get("title") is not None:
        meta["title"] = escape(str(meta["title"]))
