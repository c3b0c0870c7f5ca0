"""Dashboards (styringskort): one generated page per unit's strategy and per area, and a list of them all.

Pure: gives the Markdown of each page by its source path; the plugin adds them to the site as generated files.
The pages are made of blocks, so a site changes how a dashboard looks by overriding the block templates, and
what it says by overriding its page template (`strategy/pages/dashboard.md`, `dashboards.md`).
"""

from __future__ import annotations

import posixpath

import jinja2

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Strategy
from strategy_site.site.layout import dashboard_src
from strategy_site.site.page_templates import markdown_environment, render_page


def dashboard_page(model: SiteModel, ident: str, markdown: jinja2.Environment) -> str:
    """A dashboard's Markdown: key figures as cards, the charts, the attainment table and the indicators.

    From the template `strategy/pages/dashboard.md` in `markdown` (a `markdown_environment`).
    """
    entity = model.get(ident)
    is_strategy = isinstance(entity, Strategy)
    return render_page(
        markdown,
        "dashboard",
        entity=entity,
        name=entity.unit if is_strategy else entity.title,
        scope="strategy" if is_strategy else "area",
        indicators=bool(model.indicators_in(ident)),
        annual_cycle=is_strategy and bool(entity.annual_cycle),
        areas=[(model.get(a).title, f"{a}.md") for a in model.areas_of.get(ident, [])] if is_strategy else [],
    )


def dashboard_pages(model: SiteModel, folder: str, env: jinja2.Environment | None = None) -> dict[str, str]:
    """Every dashboard page by source path: an overview, then one per strategy and one per area.

    `env` is the site's template environment (its overrides first); without it, the package's templates.
    """
    markdown = markdown_environment(env)
    pages: dict[str, str] = {}
    units = []
    for sid in model.strategies:
        strategy = model.get(sid)
        unit_src = dashboard_src(model, folder, sid)
        area_srcs = {a: dashboard_src(model, folder, sid, a) for a in model.areas_of.get(sid, [])}
        areas = [(model.get(a).title, posixpath.relpath(src, folder)) for a, src in area_srcs.items()]
        units.append({"name": strategy.unit, "link": posixpath.relpath(unit_src, folder), "areas": areas})
        pages[unit_src] = dashboard_page(model, sid, markdown)
        for area_id, src in area_srcs.items():
            pages[src] = dashboard_page(model, area_id, markdown)
    if pages:
        pages[f"{folder}/index.md"] = render_page(markdown, "dashboards", units=units)
    return pages
