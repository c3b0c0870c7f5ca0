"""Status from a filled-in form or any table with the columns `action, period, level, note`, checked row by row.

`plan_import` checks every row against the site before anything is written and says what each row would do:
add an entry, replace one (`--replace`), or nothing (already reported as written). `apply_to_page` writes the
entries of one page and proves, by reading the page back with the loader, that exactly they were added.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.load import SourceDoc, load_document
from strategy_site.core.models import Action, StatusEntry
from strategy_site.core.periods import PeriodError, parse_period
from strategy_site.core.scales import StatusScale
from strategy_site.core.status_edit import EditError, NewStatus, add_status
from strategy_site.exports.table_files import TableRow

# Each column by its contract name, with the Norwegian names a hand-made table may use instead.
COLUMN_NAMES = {
    "action": ("tiltak", "tiltak-id", "id"),
    "period": ("periode",),
    "level": ("nivå", "nivaa", "statusnivå"),
    "note": ("merknad", "notat", "statustekst"),
}
REQUIRED = ("action", "period", "level")
# Control characters a spreadsheet cell may carry that are no part of a note (line breaks and tabs are kept).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)(?:[.,]0+)?(?!\d)")


@dataclass
class Change:
    """One row's entry for one action; `replace` is the index of the entry it takes the place of."""

    action: Action
    path: str
    entry: NewStatus
    where: str
    replace: int | None = None


@dataclass
class ImportPlan:
    """What a file would do: the changes, the rows already in place (with why), and the problems found."""

    changes: list[Change] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_level(value: Any, statuses: StatusScale) -> int | None:
    """A level as a form or a person writes it: 3, 3.0, "3", "3 – Under gjennomføring" or the label alone."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    number = _LEADING_NUMBER.match(text)
    if number:
        return int(number.group(1))
    wanted = " ".join(text.split()).casefold()
    return next((s.level for s in statuses.levels if " ".join(s.label.split()).casefold() == wanted), None)


def _period_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def clean_note(value: Any) -> str | None:
    """A note as it goes into the page: Windows line breaks as \\n, no control characters, no outer spaces."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return text or None


def _action(model: SiteModel, ident: str) -> tuple[Action | None, str | None]:
    entity = model.get(ident)
    if isinstance(entity, Action):
        return entity, None
    if entity is not None:
        return None, f"«{ident}» er en {entity.type}, ikke et tiltak"
    actions = [i for i, r in model.records.items() if isinstance(r.entity, Action)]
    close = difflib.get_close_matches(ident, actions, n=1)
    hint = f"; mente du «{close[0]}»?" if close else ""
    return None, f"ukjent tiltak «{ident}»{hint}"


def plan_import(rows: list[TableRow], model: SiteModel, replace: bool = False) -> ImportPlan:
    """Check every row and say what it would change. A plan with problems must change nothing."""
    plan = ImportPlan()
    seen: dict[tuple[str, str], tuple[str, NewStatus]] = {}
    for row in rows:
        level_text, note = row.text("level"), clean_note(row.cells["note"].value if "note" in row.cells else None)
        if not level_text and not note:
            continue  # a row of the form nobody filled in
        ident = row.text("action")
        problems_before = len(plan.problems)
        action, wrong = _action(model, ident) if ident else (None, "tiltak mangler")
        if wrong:
            plan.problems.append(f"{row.at('action')}: action: {wrong}")
        period_text = _period_text(row.cells["period"].value)
        try:
            period = parse_period(period_text) if period_text else None
            if period is None:
                plan.problems.append(f"{row.at('period')}: period: periode mangler")
        except PeriodError as exc:
            period = None
            plan.problems.append(f"{row.at('period')}: period: {exc}")
        # A level is read on the scale of the action's own strategy (the site's when the action is unknown).
        statuses = model.statuses_of(action.id) if action else model.scales.statuses
        level = parse_level(row.cells["level"].value, statuses) if level_text else None
        known = ", ".join(str(s.level) for s in statuses.levels)
        named = f" «{statuses.name}»" if statuses.name else ""
        if action and model.status_scale_for(action.id) is None:
            message = "strategien gir ikke tiltakene status (status_scale: none)"
            plan.problems.append(f"{row.at('action')}: action: {message}")
        elif not level_text:
            plan.problems.append(f"{row.at('level')}: level: nivå mangler (merknaden alene kan ikke tas inn)")
        elif level is None or statuses.get(level) is None:
            plan.problems.append(f"{row.at('level')}: level: «{level_text}» er ikke på statusskalaen{named} ({known})")
        if len(plan.problems) > problems_before or action is None or period is None or level is None:
            continue
        entry = NewStatus(period.key, level, note)
        key = (action.id, period.key)
        if key in seen:
            where, other = seen[key]
            if other != entry:
                plan.problems.append(f"{row.at('action')}: {action.id} {period.key} står også i {where}")
            continue
        seen[key] = (row.where, entry)
        _plan_row(plan, row, action, model.records[action.id].path, entry, replace)
    return plan


def _plan_row(plan: ImportPlan, row: TableRow, action: Action, path: str, entry: NewStatus, replace: bool) -> None:
    reported = [i for i, e in enumerate(action.status) if parse_period(e.period).key == entry.period]
    if not reported:
        plan.changes.append(Change(action, path, entry, row.where))
        return
    index = reported[0]  # of entries for the same period the first counts (measures.status)
    old = action.status[index]
    if old.level == entry.level and (old.note or None) == entry.note:
        plan.unchanged.append(f"{row.where}: {action.id} {entry.period}: allerede rapportert slik")
    elif replace:
        plan.changes.append(Change(action, path, entry, row.where, replace=index))
    elif old.level != entry.level:
        plan.problems.append(
            f"{row.at('level')}: level: {action.id} har allerede nivå {old.level} for {entry.period}; "
            "bruk --replace for å erstatte det"
        )
    else:
        plan.unchanged.append(
            f"{row.where}: {action.id} {entry.period}: samme nivå er rapportert med en annen merknad; "
            "bruk --replace for å ta inn merknaden"
        )


def apply_to_page(text: str, path: str, action: Action, changes: list[Change]) -> str:
    """The page's text with the changes made, checked by reading it back: nothing else may differ.

    Raises EditError naming what went wrong when the page cannot take the entries or reads back differently.
    """
    new_text = text
    expected = list(action.status)
    for change in changes:
        new_text = add_status(new_text, change.entry, change.replace)
        entry = StatusEntry(period=change.entry.period, level=change.entry.level, note=change.entry.note)
        if change.replace is None:
            expected.append(entry)
        else:
            expected[change.replace] = entry
    record, problems = load_document(SourceDoc(path, new_text))
    want = action.model_copy(update={"status": expected}).model_dump()
    if problems or record is None or isinstance(record, str) or record.entity.model_dump() != want:
        found = "; ".join(str(p) for p in problems) or "innholdet leses ikke tilbake som ventet"
        raise EditError(f"{path}: statusen kan ikke legges inn uten å endre noe annet ({found})")
    return new_text


def short_diff(old: str, new: str, path: str) -> str:
    """The change as a unified diff with one line of context."""
    lines = difflib.unified_diff(
        old.removeprefix("\ufeff").splitlines(), new.removeprefix("\ufeff").splitlines(), path, path, n=1, lineterm=""
    )
    return "\n".join(lines)
