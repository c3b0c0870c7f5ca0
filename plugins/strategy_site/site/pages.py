"""Pages the plugin generates from the model: a status report per period and unit, and the editors' overview.

Each page is plain Markdown with block directives, from a template in `templates/strategy/pages/`, so it is
rendered like an editor's page; a site changes its text by overriding the template
(`overrides/strategy/pages/report.md`) or replaces one page by writing a page at the same path.
"""

from __future__ import annotations

import jinja2

from strategy_site.core.graph import SiteModel
from strategy_site.measures.reports import reporting_periods
from strategy_site.site.layout import meetings_index, report_path, reports_index
from strategy_site.site.page_templates import markdown_environment, render_page


def report_pages(model: SiteModel, markdown: jinja2.Environment) -> dict[str, str]:
    """One status report page per reporting period of each unit, and an index of a unit's reports."""
    pages: dict[str, str] = {}
    for sid in model.strategies:
        strategy = model.get(sid)
        periods = reporting_periods(model, sid)
        if not periods:
            continue
        for period in periods:
            pages[report_path(model, sid, period)] = render_page(markdown, "report", strategy=strategy, period=period)
        pages[reports_index(model, sid)] = render_page(markdown, "reports", strategy=strategy)
    return pages


def meetings_pages(model: SiteModel, markdown: jinja2.Environment) -> dict[str, str]:
    """A list of each unit's meetings, newest first, for the units that have any."""
    return {
        meetings_index(model, sid): render_page(markdown, "meetings", strategy=model.get(sid))
        for sid in model.strategies
        if model.meetings_of.get(sid)
    }


def generated_pages(
    model: SiteModel, reports: bool, editor_overview: str | None, env: jinja2.Environment | None = None
) -> dict[str, str]:
    """Every generated page by source path; `env` is the site's template environment (its overrides first)."""
    markdown = markdown_environment(env)
    pages = report_pages(model, markdown) if reports else {}
    pages.update(meetings_pages(model, markdown))
    if editor_overview:
        pages[editor_overview] = render_page(markdown, "editor_overview")
    return pages
