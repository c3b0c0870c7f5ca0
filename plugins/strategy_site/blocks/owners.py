"""The block of an owner's page («Hvem er ansvarlig», `site.owners`).

<!-- strategy/owner-items type=goals -->   the owner's goals (or `indicators`, `actions`) as a table

The tables only repeat what the items' own pages say, so they are HTML from the start and kept out of search:
Python-Markdown and the search index no longer work through a table row per item (an owner of many items had
a page of 60 kB Markdown at 5,000 pages). The plugin gives the block its owner (`BlockRenderer.data["owner"]`)
on the owners' pages only.
"""

from __future__ import annotations

from strategy_site.blocks.renderer import BlockRenderer, block

KINDS = ("goals", "indicators", "actions")


@block("owner-items")
def owner_items_block(r: BlockRenderer, args, page_entity) -> str:
    """An owner's items of one kind: what each owes for its unit's current period, when it changed, its edit link."""
    owner = r.data.get("owner")
    if owner is None:
        raise ValueError("blokken viser en ansvarligs mål, indikatorer eller tiltak og står bare på sidene deres")
    kind = args.get("type")
    if kind not in KINDS:
        raise ValueError(f"type: skriv en av {', '.join(KINDS)}")
    return r.render("owner_items", items=getattr(owner, kind), kind=kind)
