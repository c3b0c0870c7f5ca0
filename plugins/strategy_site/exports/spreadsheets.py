"""A unit's actions and attainment as spreadsheets: `actions.csv` and an Excel workbook (the board's attachment).

Both are reproducible: the same content gives the same bytes, so a rebuild does not change the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Action
from strategy_site.core.numbers import rounded
from strategy_site.core.periods import parse_period
from strategy_site.exports.safe_text import spreadsheet_cell
from strategy_site.exports.xlsx import Sheet, workbook
from strategy_site.measures.attainment import latest_rating
from strategy_site.measures.reports import reporting_periods, summary_for
from strategy_site.measures.status import status_at

_FIXED_TIME = dt.datetime(2000, 1, 1)

ACTION_COLUMNS = [
    "Område",
    "Mål nr.",
    "Mål",
    "Tiltak-id",
    "Tiltak nr.",
    "Tiltak",
    "Eier",
    "Ansvarlig gruppe",
    "Start",
    "Slutt",
    "Budsjett timer",
    "Budsjett kr",
    "Finansiering",
    "Risiko",
    "Risikomerknad",
    "Periode",
    "Statusnivå",
    "Status",
    "Statustekst",
    "Nivå lest ut av teksten",
]


def action_rows(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    """One row per action of a unit with its latest status, ordered by area and goal number."""
    statuses = model.statuses_of(strategy_id)
    rows = []
    for area_id in model.areas_of.get(strategy_id, []):
        for action in model.actions_in(area_id):
            goals = [g for gid in action.goals if (g := model.get(gid)) is not None]
            status = status_at(action, cache=model.cache)
            level = statuses.get(status.level) if status else None
            rows.append(
                [
                    model.get(area_id).title,
                    ", ".join(g.number or "" for g in goals),
                    "; ".join(g.title for g in goals),
                    action.id,
                    action.number,
                    action.title,
                    action.owner,
                    action.responsible,
                    action.start,
                    action.end,
                    action.budget.hours if action.budget else None,
                    action.budget.nok if action.budget else None,
                    action.financing,
                    model.labels.risk(action.risk.level) if action.risk else None,
                    action.risk.note if action.risk else None,
                    status.period if status else None,
                    status.level if status else None,
                    level.label if level else None,
                    status.note if status else None,
                    ("ja" if status.inferred else "nei") if status else None,
                ]
            )
    return _unique(rows)


def _unique(rows: list[list[Any]]) -> list[list[Any]]:
    """An action following goals in two areas is listed once, under its first area."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row[3] not in seen:
            seen.add(row[3])
            out.append(row)
    return out


def actions_csv(model: SiteModel, strategy_id: str) -> str:
    """The unit's actions as CSV: semicolon-separated with a byte order mark, as Norwegian Excel opens it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(ACTION_COLUMNS)
    for row in action_rows(model, strategy_id):
        writer.writerow(["" if v is None else _csv_number(spreadsheet_cell(v)) for v in row])
    return out.getvalue()


def _csv_number(value: Any) -> Any:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return value


def _status_history(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    statuses = model.statuses_of(strategy_id)
    rows = []
    for action in _actions(model, strategy_id):
        for entry in sorted(action.status, key=lambda e: parse_period(e.period)):
            level = statuses.get(entry.level)
            rows.append(
                [
                    action.id,
                    action.title,
                    entry.period,
                    entry.level,
                    level.label if level else None,
                    entry.note,
                    "ja" if entry.inferred else "nei",
                ]
            )
    return rows


def _actions(model: SiteModel, strategy_id: str) -> list[Action]:
    ids = [row[3] for row in action_rows(model, strategy_id)]
    return [model.get(i) for i in ids]  # type: ignore[misc]


def _figures(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    rows = []
    for period in [None, *reporting_periods(model, strategy_id)]:
        for ident in [strategy_id, *model.areas_of.get(strategy_id, [])]:
            s = summary_for(model, ident, period)
            rows.append(
                [
                    period.key if period else "siste",
                    model.get(ident).title,
                    s.goals,
                    s.goals_with_actions,
                    s.actions,
                    s.actions_started,
                    s.actions_done,
                    rounded(s.mean_status, 1),  # as the pages show it: one decimal, half up
                ]
            )
    return rows


def _attainment(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    rows = []
    ratings = model.ratings_of(strategy_id)
    for area_id in model.areas_of.get(strategy_id, []):
        for goal in model.goals_in(area_id):
            rating = latest_rating(goal, ratings, cache=model.cache)
            rows.append(
                [
                    model.get(area_id).title,
                    goal.number,
                    goal.id,
                    goal.title,
                    rating.mark if rating else None,
                    rating.level.label if rating else "Ikke vurdert",
                    rating.period.key if rating else None,
                    len(model.actions_of.get(goal.id, [])),
                ]
            )
    return rows


def actions_workbook(model: SiteModel, strategy_id: str) -> bytes:
    """An Excel workbook of the unit's figures, actions, status history and goal attainment."""
    strategy = model.get(strategy_id)
    sheets = [
        Sheet(
            "Sammendrag",
            ["Periode", "Strategi/område", "Mål", "Mål med tiltak", "Tiltak", "Igangsatt", "Gjennomført", "Snitt"],
            _figures(model, strategy_id),
        ),
        Sheet("Tiltak", ACTION_COLUMNS, action_rows(model, strategy_id)),
        Sheet(
            "Statushistorikk",
            ["Tiltak-id", "Tiltak", "Periode", "Nivå", "Status", "Statustekst", "Nivå lest ut av teksten"],
            _status_history(model, strategy_id),
        ),
        Sheet(
            "Måloppnåelse",
            ["Område", "Mål nr.", "Mål-id", "Mål", "Vurdering", "Betydning", "Periode", "Antall tiltak"],
            _attainment(model, strategy_id),
        ),
    ]
    for sheet in sheets:
        sheet.rows = [[spreadsheet_cell(v) for v in row] for row in sheet.rows]
    cut = model.labels.text("spreadsheet_cut")
    return workbook(sheets, f"Handlingsplan – {strategy.unit}", "Strategisiden", _FIXED_TIME, cut)
