"""Blocks for action plans: summary figures, status tables per area, and period reports.

<!-- strategy/action-summary strategy=mh -->            figures of a unit (or area=...), per area
<!-- strategy/action-status strategy=mh -->             status table per area (or area=...), latest status
<!-- strategy/period-report strategy=mh period=2019 --> the report for one period, with changes
<!-- strategy/reports strategy=mh -->                   links to a unit's period reports

The editors' overview is in `blocks/editors.py`.
"""

from __future__ import annotations

from strategy_site.blocks.renderer import BlockRenderer, block
from strategy_site.core.models import Area, Strategy
from strategy_site.core.periods import PeriodError, parse_period
from strategy_site.exports.spreadsheets import workbook_link_text
from strategy_site.measures.reports import (
    change_labels,
    current_period,
    period_report,
    reporting_periods,
    rows_for,
    summary_for,
)
from strategy_site.site.layout import report_path, unit_exports


def _period(args: dict[str, str]):
    if "period" not in args:
        return None
    try:
        return parse_period(args["period"])
    except PeriodError as exc:
        raise ValueError(f"period: {exc}") from exc


def _exports(r: BlockRenderer, strategy: Strategy | None) -> dict[str, str]:
    """Relative URLs of the unit's exports that exist in this build, and the words of the workbook's link."""
    if strategy is None or r.url is None:
        return {}
    links = {kind: r.url(path) for kind, path in unit_exports(strategy.id).items()}
    found = {kind: url for kind, url in links.items() if url}
    if "xlsx" in found:
        found["xlsx_text"] = workbook_link_text(r.model, strategy.id)
    return found


@block("action-summary")
def action_summary_block(r: BlockRenderer, args, page_entity) -> str:
    """Summary figures of a unit's (or an area's) action plan, with one row per area."""
    target = r.target(args, page_entity, "area", "strategy")
    if not isinstance(target, Strategy | Area):
        raise ValueError("blokken gjelder en strategi eller et område")
    period = _period(args)
    areas = [target.id] if isinstance(target, Area) else r.model.areas_of.get(target.id, [])
    strategy = target if isinstance(target, Strategy) else r.model.strategy_for(target.id)
    return r.render(
        "action_summary",
        target=target,
        period=period,
        summary=summary_for(r.model, target.id, period),
        rows=[(a, summary_for(r.model, a, period)) for a in areas],
        levels=r.model.statuses_of(target.id).levels,
        statuses=r.model.statuses_of(target.id),
        exports=_exports(r, strategy),
        reports=_report_links(r, strategy),
    )


@block("action-status")
def action_status_block(r: BlockRenderer, args, page_entity) -> str:
    """Per area: goal number, action, status text and status level with its label (the board report's table)."""
    target = r.target(args, page_entity, "area", "strategy")
    if not isinstance(target, Strategy | Area):
        raise ValueError("blokken gjelder en strategi eller et område")
    areas = [target.id] if isinstance(target, Area) else r.model.areas_of.get(target.id, [])
    groups = [(a, None, rows_for(r.model, a, None)) for a in areas]
    return r.render("action_status", groups=groups, period=None, changes=None, labels=change_labels(r.model.labels))


@block("period-report")
def period_report_block(r: BlockRenderer, args, page_entity) -> str:
    """A unit's status report for one period: figures, what changed, and the status table per area."""
    target = r.target(args, page_entity, "strategy")
    if not isinstance(target, Strategy):
        raise ValueError("strategy: blokken viser rapporten for en strategi")
    period = _period(args) or current_period(r.model, target.id)
    if period is None:
        raise ValueError("period: strategien har ingen rapporteringsperioder")
    report = period_report(r.model, target.id, period)
    return r.render(
        "period_report",
        report=report,
        levels=r.model.statuses_of(target.id).levels,
        statuses=r.model.statuses_of(target.id),
        labels=change_labels(r.model.labels),
        exports=_exports(r, target),
        previous_url=r.url(report_path(r.model, target.id, report.previous)) if report.previous and r.url else None,
    )


def _report_links(r: BlockRenderer, strategy: Strategy | None) -> list[tuple[str, str]]:
    """(label, relative URL) of every period report of a unit, newest first."""
    if strategy is None or r.url is None:
        return []
    out = []
    for period in reversed(reporting_periods(r.model, strategy.id)):
        url = r.url(report_path(r.model, strategy.id, period))
        if url:
            out.append((period.label, url))
    return out


@block("reports")
def reports_block(r: BlockRenderer, args, page_entity) -> str:
    """Links to a unit's period reports, newest first."""
    target = r.target(args, page_entity, "strategy")
    if not isinstance(target, Strategy):
        raise ValueError("strategy: blokken lister rapportene til en strategi")
    current = current_period(r.model, target.id)
    return r.render("reports", strategy=target, reports=_report_links(r, target), current=current)
