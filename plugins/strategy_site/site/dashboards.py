"""Dashboards (styringskort): one generated page per unit's strategy and per area, and a list of them all.

Pure: gives the Markdown of each page by its source path; the plugin adds them to the site as generated files.
The pages are made of blocks, so a site changes how a dashboard looks by overriding the block templates.
"""

from __future__ import annotations

import json
import posixpath

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Strategy
from strategy_site.site.layout import dashboard_src
from strategy_site.exports.safe_text import markdown_literal as md


def _page(title: str, body: list[str]) -> str:
    # JSON is valid YAML and quotes any colon or quote in the title safely.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n" + "\n\n".join(body) + "\n"


def dashboard_page(model: SiteModel, ident: str) -> str:
    """A dashboard's Markdown: key figures as cards, the charts, the attainment table and the indicators."""
    entity = model.get(ident)
    is_strategy = isinstance(entity, Strategy)
    name = entity.unit if is_strategy else entity.title
    scope = "strategy" if is_strategy else "area"
    body = [
        f"# Styringskort: {md(name)}",
        "Nøkkeltall, diagrammer og måloppnåelse, regnet ut fra innholdet på nettstedet.",
        f"<!-- strategy/key-figures id={ident} -->",
        "## Diagrammer",
        f"<!-- strategy/charts id={ident} -->",
        "## Måloppnåelse",
        f"<!-- strategy/attainment {scope}={ident} -->",
    ]
    if model.indicators_in(ident):
        body += ["## Indikatorer", f"<!-- strategy/indicators id={ident} -->"]
    if is_strategy and entity.annual_cycle:
        body += ["## Årshjul", f"<!-- strategy/chart type=annual-cycle id={ident} -->"]
    if is_strategy and len(model.areas_of.get(ident, [])) > 0:
        links = [f"- [{md(model.get(a).title)}]({a}.md)" for a in model.areas_of[ident]]
        body += ["## Styringskort per område", "\n".join(links)]
    # Links stand alone in list items: links inside running text would need more than colour to stand out.
    body += ["## Se også", f"- [[{ident}]]"]
    return _page(f"Styringskort: {name}", body)


def dashboard_pages(model: SiteModel, folder: str) -> dict[str, str]:
    """Every dashboard page by source path: an overview, then one per strategy and one per area."""
    pages: dict[str, str] = {}
    overview = ["# Styringskort", "Ett styringskort per enhet og per område, til bruk i møter og rapportering."]
    for sid in model.strategies:
        strategy = model.get(sid)
        overview.append(f"## {md(strategy.unit)}")
        unit_src = dashboard_src(model, folder, sid)
        area_srcs = {a: dashboard_src(model, folder, sid, a) for a in model.areas_of.get(sid, [])}
        lines = [f"- [Hele {md(strategy.unit)}]({posixpath.relpath(unit_src, folder)})"]
        lines += [f"- [{md(model.get(a).title)}]({posixpath.relpath(src, folder)})" for a, src in area_srcs.items()]
        overview.append("\n".join(lines))
        pages[unit_src] = dashboard_page(model, sid)
        for area_id, src in area_srcs.items():
            pages[src] = dashboard_page(model, area_id)
    if pages:
        pages[f"{folder}/index.md"] = _page("Styringskort", overview)
    return pages
