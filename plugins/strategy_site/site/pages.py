"""Pages the plugin generates from the model: a status report per period and unit, and the editors' overview.

Each page is plain Markdown with block directives, so it is rendered like an editor's page and a site can
replace it by writing a page at the same path.
"""

from __future__ import annotations

import json
import posixpath

from strategy_site.core.graph import SiteModel
from strategy_site.measures.reports import reporting_periods
from strategy_site.site.layout import report_path, reports_index
from strategy_site.exports.safe_text import markdown_literal


def _front(title: str) -> str:
    # JSON is valid YAML and quotes any title safely.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"


def report_pages(model: SiteModel) -> dict[str, str]:
    """One status report page per reporting period of each unit, and an index of a unit's reports."""
    pages: dict[str, str] = {}
    for sid in model.strategies:
        strategy = model.get(sid)
        unit = markdown_literal(strategy.unit)
        periods = reporting_periods(model, sid)
        if not periods:
            continue
        for period in periods:
            path = report_path(model, sid, period)
            pages[path] = (
                _front(f"Statusrapport {period.label} – {strategy.unit}")
                + f"# Statusrapport {period.label}: {unit}\n\n"
                + f"Status for tiltakene i handlingsplanen til [[{sid}]], med endringer siden forrige periode. "
                + "Siden lages av statusene som er registrert på tiltakenes sider.\n\n"
                + f"<!-- strategy/period-report strategy={sid} period={period.key} -->\n"
            )
        index = reports_index(model, sid)
        pages[index] = (
            _front(f"Statusrapporter – {strategy.unit}")
            + f"# Statusrapporter for {unit}\n\n"
            + f"Én rapport per rapporteringsperiode for handlingsplanen til [[{sid}]], nyeste først.\n\n"
            + f"<!-- strategy/reports strategy={sid} -->\n"
        )
    return pages


def editor_overview_page() -> str:
    """The editors' overview: every finding of the checks, by file."""
    return (
        _front("Redaktøroversikt")
        + "# Redaktøroversikt\n\n"
        + "Alt sjekkene fant i innholdet ved siste bygg, fil for fil: mål uten indikator eller frist, tiltak uten "
        + "eier, tidsplan, budsjett eller risikovurdering, status som ikke er rapportert for gjeldende periode, "
        + "og for mange tiltak som starter samtidig. Funn med alvorlighet «Merknad» stopper ikke bygget.\n\n"
        + "<!-- strategy/editor-overview -->\n\n"
        + "## Sider som ikke er oppdatert på lenge\n\n"
        + "Sider som ikke er endret på lengre tid enn nettstedet tillater (`stale_after_days`), eldste først.\n\n"
        + "<!-- strategy/stale-pages -->\n"
    )


def generated_pages(model: SiteModel, reports: bool, editor_overview: str | None) -> dict[str, str]:
    """Every generated page by source path."""
    pages = report_pages(model) if reports else {}
    if editor_overview:
        pages[editor_overview] = editor_overview_page()
    return pages
