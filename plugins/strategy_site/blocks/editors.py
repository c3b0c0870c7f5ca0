"""Blocks of the editors' overview ("Redaktøroversikt", `pages.editor_overview_page`).

<!-- strategy/editor-overview -->   the worklist: every finding of the checks by kind, one line per shared cause
<!-- strategy/stale-pages -->       pages not changed for long

The plugin gives the blocks their data (`BlockRenderer.data`: `places`, `stale_pages`) on the overview page only.
"""

from __future__ import annotations

from strategy_site.blocks.renderer import BlockRenderer, block
from strategy_site.checks.worklist import by_unit, worklist


@block("editor-overview")
def editor_overview_block(r: BlockRenderer, args, page_entity) -> str:
    """The build's findings as a worklist: by kind with counts, linked to their pages, filterable by unit and owner."""
    places = r.data.get("places", {})
    kinds = worklist(r.problems, places)
    findings = [f for kind in kinds for f in kind.findings]
    units = sorted({f.place.unit for f in findings if f.place.unit}, key=lambda u: unit_name(r, u))
    owners = sorted({f.place.owner for f in findings if f.place.owner}, key=str.casefold)
    return r.render(
        "editor_overview",
        kinds=kinds,
        total=len(r.problems),
        files=len({p.path for p in r.problems}),
        units=units,
        owners=owners,
        by_unit=by_unit,
        unit_name=lambda unit: unit_name(r, unit),
        kind_name=lambda code: kind_name(r, code),
    )


def unit_name(r: BlockRenderer, unit: str | None) -> str:
    """The unit a strategy id stands for, as its strategy names it."""
    strategy = r.model.get(unit) if unit else None
    return getattr(strategy, "unit", None) or unit or r.label("worklist_no_unit")


def kind_name(r: BlockRenderer, code: str) -> str:
    """What a finding's kind is called on the worklist (labels `finding_<code>`); the code for an unknown kind."""
    try:
        return r.label("finding_" + code.replace("-", "_"))
    except KeyError:
        return code


@block("stale-pages")
def stale_pages_block(r: BlockRenderer, args, page_entity) -> str:
    """Pages not changed for longer than the site allows, oldest first, with their responsible editor."""
    return r.render("stale_pages", pages=r.data.get("stale_pages", []), days=r.data.get("stale_after_days", 0))
