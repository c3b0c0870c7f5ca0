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
]
# The latest status, after the action's own columns; left out for a strategy without a status scale.
STATUS_COLUMNS = ["Periode", "Statusnivå", "Status", "Statustekst", "Nivå lest ut av teksten"]
SUMMARY_COLUMNS = ["Periode", "Strategi/område", "Mål", "Mål med tiltak", "Tiltak"]
SUMMARY_STATUS_COLUMNS = ["Igangsatt", "Gjennomført", "Snitt"]


def _gives_status(model: SiteModel, strategy_id: str) -> bool:
    """Whether the unit's actions report a status (`status_scale: none` says they do not)."""
    return model.status_scale_for(strategy_id) is not None


def _rates_goals(model: SiteModel, strategy_id: str) -> bool:
    """Whether the unit rates its goals (`rating_scale: none` says it does not)."""
    return model.rating_scale_for(strategy_id) is not None


def action_columns(model: SiteModel, strategy_id: str) -> list[str]:
    """The header of the unit's action rows: the latest status's columns only when its actions have a status."""
    return ACTION_COLUMNS + STATUS_COLUMNS if _gives_status(model, strategy_id) else list(ACTION_COLUMNS)


def action_rows(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    """One row per action of a unit with its latest status, ordered by area and goal number
    (the columns of `action_columns`)."""
    statuses = model.statuses_of(strategy_id)
    width = len(action_columns(model, strategy_id))
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
                ][:width]
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
    writer.writerow(action_columns(model, strategy_id))
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


def _summary_columns(model: SiteModel, strategy_id: str) -> list[str]:
    status = SUMMARY_STATUS_COLUMNS if _gives_status(model, strategy_id) else []
    return SUMMARY_COLUMNS + status


def _figures(model: SiteModel, strategy_id: str) -> list[list[Any]]:
    width = len(_summary_columns(model, strategy_id))
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
                ][:width]
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
    """An Excel workbook of the unit's figures, actions, status history and goal attainment.

    A unit whose actions have no status gets no status history or status columns, and one that does not rate
    its goals no attainment sheet; the summary sheet says so, one sentence each, below its figures.
    """
    strategy = model.get(strategy_id)
    summary = Sheet("Sammendrag", _summary_columns(model, strategy_id), _figures(model, strategy_id))
    sheets = [summary, Sheet("Tiltak", action_columns(model, strategy_id), action_rows(model, strategy_id))]
    notes = []
    if _gives_status(model, strategy_id):
        sheets.append(
            Sheet(
                "Statushistorikk",
                ["Tiltak-id", "Tiltak", "Periode", "Nivå", "Status", "Statustekst", "Nivå lest ut av teksten"],
                _status_history(model, strategy_id),
            )
        )
    else:
        notes.append(model.labels.text("workbook_no_status_scale", unit=strategy.unit))
    if _rates_goals(model, strategy_id):
        sheets.append(
            Sheet(
                "Måloppnåelse",
                ["Område", "Mål nr.", "Mål-id", "Mål", "Vurdering", "Betydning", "Periode", "Antall tiltak"],
                _attainment(model, strategy_id),
            )
        )
    else:
        notes.append(model.labels.text("workbook_no_rating_scale", unit=strategy.unit))
    summary.notes = notes
    for sheet in sheets:
        sheet.rows = [[spreadsheet_cell(v) for v in row] for row in sheet.rows]
        sheet.notes = [spreadsheet_cell(note) for note in sheet.notes]
    cut = model.labels.text("spreadsheet_cut")
    return workbook(sheets, f"Handlingsplan – {strategy.unit}", "Strategisiden", _FIXED_TIME, cut)


def workbook_link_text(model: SiteModel, strategy_id: str) -> str:
    """The words of a link to the unit's workbook, naming only what it holds («Tiltak og status som …»)."""
    kinds = {
        (True, True): "workbook_link",
        (True, False): "workbook_link_no_rating",
        (False, True): "workbook_link_no_status",
        (False, False): "workbook_link_actions",
    }
    return model.labels.text(kinds[_gives_status(model, strategy_id), _rates_goals(model, strategy_id)])
