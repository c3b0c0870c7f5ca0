"""Blocks of the editors' overview ("Redaktøroversikt", `pages.editor_overview_page`): pages not changed for long.

The plugin gives the block its data (`BlockRenderer.data["stale_pages"]`) on the overview page only.
"""

from __future__ import annotations

from strategy_site.blocks.renderer import BlockRenderer, block


@block("stale-pages")
def stale_pages_block(r: BlockRenderer, args, page_entity) -> str:
    """Pages not changed for longer than the site allows, oldest first, with their responsible editor."""
    return r.render("stale_pages", pages=r.data.get("stale_pages", []), days=r.data.get("stale_after_days", 0))
