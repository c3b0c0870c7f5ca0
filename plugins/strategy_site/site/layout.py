"""Where everything goes: the one place for the path rules of generated pages, short links and exports.

Pure: source paths (relative to the docs folder, as MkDocs names files) and URLs, from the model and options.
"""

from __future__ import annotations

import posixpath

from strategy_site.core.graph import SiteModel
from strategy_site.core.periods import Period

# The machine-readable export of the whole model.
EXPORT_JSON = "export/strategy.json"
# The JSON Schema of the export, beside it.
EXPORT_SCHEMA = "export/strategy.schema.json"
# A unit's action plan as spreadsheets, by kind.
UNIT_EXPORTS = {"csv": "export/{id}/actions.csv", "xlsx": "export/{id}/handlingsplan.xlsx"}
REPORTS_FOLDER = "rapporter"
MEETINGS_FOLDER = "moter"


def unit_folder(path: str) -> str:
    """The folder of a strategy's page, where its generated pages go ('' for the docs root)."""
    return path.rsplit("/", 1)[0] if "/" in path else ""


def report_path(model: SiteModel, strategy_id: str, period: Period) -> str:
    """Source path of a unit's generated report page for a period, e.g. `mh/rapporter/2019.md`."""
    folder = unit_folder(model.records[strategy_id].path)
    return posixpath.join(folder, REPORTS_FOLDER, f"{period.key}.md")


def reports_index(model: SiteModel, strategy_id: str) -> str:
    """Source path of a unit's list of reports, e.g. `mh/rapporter/index.md`."""
    return posixpath.join(unit_folder(model.records[strategy_id].path), REPORTS_FOLDER, "index.md")


def meetings_index(model: SiteModel, strategy_id: str) -> str:
    """Source path of a unit's list of meetings, e.g. `vm/moter/index.md` (editors put meeting pages beside it)."""
    return posixpath.join(unit_folder(model.records[strategy_id].path), MEETINGS_FOLDER, "index.md")


def meeting_pdf(page_url: str, ident: str) -> str:
    """Site path of a meeting's briefing book, beside its page: `vm/moter/x/` gives `vm/moter/x/<id>.pdf`."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.join(folder, f"{ident}.pdf")


def dashboard_src(model: SiteModel, folder: str, strategy: str, area: str | None = None) -> str:
    """Source path of a unit's dashboard (`vm/styringskort/index.md`) or an area's (`vm/styringskort/vm-forskning.md`).

    A unit's dashboards sit in the unit's folder next to its reports, so a dashboard page's navigation lists
    its own unit's areas and not every area of every unit; a unit at the docs root gets `styringskort/<id>/`.
    """
    unit = unit_folder(model.records[strategy].path)
    base = posixpath.join(unit, folder) if unit else posixpath.join(folder, strategy)
    return posixpath.join(base, f"{area}.md" if area else "index.md")


def owners_index(folder: str) -> str:
    """Source path of the index of owners («Hvem er ansvarlig»), e.g. `ansvarlige/index.md`."""
    return posixpath.join(folder, "index.md")


def owner_src(folder: str, owner_slug: str) -> str:
    """Source path of one owner's page, e.g. `ansvarlige/prodekan-forskning.md`."""
    return posixpath.join(folder, f"{owner_slug}.md")


def unit_exports(strategy_id: str) -> dict[str, str]:
    """Paths of a unit's action-plan exports by kind (`csv`, `xlsx`)."""
    return {kind: path.format(id=strategy_id) for kind, path in UNIT_EXPORTS.items()}


def short_src(prefix: str, ident: str) -> str:
    """Path of the page at an entity's short link, e.g. `m/vm-forskning-2/index.html`."""
    return f"{prefix}/{ident}/index.html"


def short_url(prefix: str, ident: str, from_url: str, directory_urls: bool) -> str:
    """An entity's short URL relative to the page at `from_url` (a site URL such as `vm/forskning/`)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    target = short_src(prefix, ident)
    rel = posixpath.relpath(posixpath.dirname(target) if directory_urls else target, base or ".")
    return rel + "/" if directory_urls else rel


def redirect_target(prefix: str, ident: str, page_url: str) -> str:
    """The entity's page URL relative to its short-link page."""
    rel = posixpath.relpath(page_url or ".", posixpath.dirname(short_src(prefix, ident)))
    return rel + "/" if page_url.endswith("/") and not rel.endswith("/") else rel


def relative_url(target: str, from_url: str) -> str:
    """A site path (such as a PDF) relative to the page at `from_url`."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    return posixpath.relpath(target, base or ".")


def generated_sources(model: SiteModel, dashboards_dir: str | None, export: bool, short_prefix: str) -> dict[str, str]:
    """The files a build makes that no editor's file may stand in for, by source path, each with what it is.

    Period reports and the editors' guide are not here: an editor's page at their place replaces them.
    """
    made: dict[str, str] = {}
    if dashboards_dir:
        for sid in model.strategies:
            made[dashboard_src(model, dashboards_dir, sid)] = "styringskort"
            for area in model.areas_of.get(sid, []):
                made[dashboard_src(model, dashboards_dir, sid, area)] = "styringskort"
        if model.strategies:
            made[f"{dashboards_dir}/index.md"] = "styringskort"
    for ident in [*model.records, *model.aliases]:
        made[short_src(short_prefix, ident)] = "kort lenke"
    if export:
        made[EXPORT_JSON] = "eksport"
        for sid in model.strategies:
            made.update(dict.fromkeys(unit_exports(sid).values(), "eksport"))
    return made
