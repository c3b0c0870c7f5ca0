"""The status form of a reporting round: one row per action that should report, to fill in and import back.

The columns `action`, `period`, `level` and `note` are the ones `strategy import-status` reads; the others
(title, owner, goals and the last reported status) are there for the person filling in the form. In Excel
the level column offers the scale's levels as a drop-down, each written «3 – Under gjennomføring».
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.models import Action
from strategy_site.core.periods import Period
from strategy_site.core.scales import StatusScale
from strategy_site.exports.safe_text import spreadsheet_cell
from strategy_site.exports.xlsx import Choice, Sheet, sheet_range, workbook
from strategy_site.measures.reporting import actions_to_report, last_reported, same_owner

# The columns import-status reads; their names are the import contract, not interface text.
IMPORT_COLUMNS = ("action", "period", "level", "note")
_FIXED_TIME = dt.datetime(2000, 1, 1)
# Excel's rules for a sheet name: at most 31 characters, none of these.
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def level_choice(level: int, label: str) -> str:
    """How a level is written in the form: «3 – Under gjennomføring» (import-status reads the number)."""
    return f"{level} – {label}"


@dataclass
class FormRow:
    """One action's row: what it is, what it last reported, and the empty cells for the new status."""

    action: Action
    owner: str | None
    values: list[Any]


def form_rows(
    model: SiteModel, period: Period, unit: str | None = None, owner: str | None = None
) -> list[FormRow]:
    """The rows of the form: every action that should report for the period, optionally of one owner."""
    rows = []
    for action in actions_to_report(model, period, unit):
        if owner is not None and not same_owner(action.owner, owner):
            continue
        goals = [g for gid in action.goals if (g := model.get(gid)) is not None]
        last = last_reported(action, period, model)
        level = model.statuses_of(action.id).get(last.level) if last else None
        values = [
            action.id,
            action.title,
            action.owner,
            "; ".join(f"{g.number} {g.title}" if g.number else g.title for g in goals),
            last.period if last else None,
            level_choice(level.level, level.label) if level else (last.level if last else None),
            last.note if last else None,
            period.key,
            None,
            None,
        ]
        rows.append(FormRow(action, action.owner, [spreadsheet_cell(v) for v in values]))
    return rows


def form_scale(model: SiteModel, rows: list[FormRow], unit: str | None) -> StatusScale | None:
    """The one status scale the form's level column offers: the unit's, or the one every row's strategy uses.

    None when the rows' strategies use different status scales (the form is then made per unit).
    """
    if unit is not None:
        return model.statuses_of(unit)
    scales = {id(scale): scale for scale in (model.statuses_of(row.action.id) for row in rows)}
    if len(scales) > 1:
        return None
    return next(iter(scales.values()), model.scales.statuses)


def form_header(labels: Labels = DEFAULT) -> list[str]:
    """The header row; the import columns keep their contract names."""
    return [
        "action",
        labels.text("form_title"),
        labels.text("form_owner"),
        labels.text("form_goals"),
        labels.text("form_last_period"),
        labels.text("form_last_level"),
        labels.text("form_last_note"),
        "period",
        "level",
        "note",
    ]


def form_csv(rows: list[FormRow], labels: Labels = DEFAULT) -> str:
    """The form as CSV: semicolon-separated with a byte order mark, as Norwegian Excel opens it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(form_header(labels))
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.values])
    return out.getvalue()


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _NOT_IN_SHEET_NAME.sub(" ", name).strip().strip("'")[:31] or "Ark"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def form_workbook(
    rows: list[FormRow], statuses: StatusScale, period: Period, per_owner: bool, labels: Labels = DEFAULT
) -> bytes:
    """The form as an Excel workbook: one sheet (or one per owner) and a sheet with the status scale."""
    header = form_header(labels)
    scale_title = labels.text("form_scale_sheet")
    taken = {scale_title.casefold()}
    source = sheet_range(scale_title, 0, 2, len(statuses.levels) + 1)
    prompt = labels.text("form_prompt", period=period.label)
    groups: list[tuple[str, list[FormRow]]] = []
    if per_owner:
        owners: dict[str, tuple[str | None, list[FormRow]]] = {}
        for row in rows:
            key = " ".join((row.owner or "").split()).casefold()
            owners.setdefault(key, (row.owner, []))[1].append(row)
        ordered = sorted(owners.values(), key=lambda o: (o[0] is None, (o[0] or "").casefold()))
        groups = [(owner or labels.text("form_no_owner"), group) for owner, group in ordered]
    if not groups:
        groups = [(labels.text("form_sheet"), rows)]
    sheets = []
    for name, group in groups:
        choice = Choice(header.index("level"), source, max(len(group), 1), prompt)
        sheets.append(Sheet(_sheet_name(name, taken), header, [r.values for r in group], (choice,)))
    scale_rows = [[level_choice(s.level, s.label), s.level, s.label] for s in statuses.levels]
    header_scale = [labels.text("form_choice"), labels.text("form_level"), labels.text("form_meaning")]
    sheets.append(Sheet(scale_title, header_scale, scale_rows))
    return workbook(sheets, f"{labels.text('form_sheet')} {period.label}", "Strategisiden", _FIXED_TIME)
