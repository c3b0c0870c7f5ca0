"""Rows of a CSV or Excel file, each cell with where it is: `fil.csv:4` or `fil.xlsx:Ark!H5`.

CSV: UTF-8 with or without a byte order mark, delimited by `,` or `;` (whichever the header row uses).
Excel: every sheet whose header row has the required columns; other sheets (a scale, notes) are skipped.
Columns are found by name, without regard to case; a column may also go by one of its Norwegian names.
The cells themselves are read by `core.table_cells`; this module gives the columns their names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strategy_site.core.table_cells import Table, TableFileError, header_delimiter, read_tables


class TableError(Exception):
    """The file cannot be read as a table: not UTF-8, not a workbook, or without the required columns."""


@dataclass(frozen=True)
class Cell:
    value: Any
    where: str


@dataclass
class TableRow:
    """One row of data: its cells by column name, and where the row is."""

    where: str
    cells: dict[str, Cell] = field(default_factory=dict)

    def text(self, column: str) -> str:
        """The cell's value as stripped text ('' when empty or missing)."""
        cell = self.cells.get(column)
        return "" if cell is None or cell.value is None else str(cell.value).strip()

    def at(self, column: str) -> str:
        """Where the cell of a column is (the row, when the file has no such column)."""
        cell = self.cells.get(column)
        return cell.where if cell else self.where


def _columns(header: Sequence[Any], names: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """The index of each known column: its own name first, else one of its other names."""
    cells = [str(h).strip().casefold() if h is not None else "" for h in header]
    found: dict[str, int] = {}
    for name in names:
        if name.casefold() in cells:
            found[name] = cells.index(name.casefold())
    for name, others in names.items():
        if name in found:
            continue
        for other in others:
            if other.casefold() in cells and cells.index(other.casefold()) not in found.values():
                found[name] = cells.index(other.casefold())
                break
    return found


def _missing(found: Mapping[str, int], required: Sequence[str]) -> list[str]:
    return [name for name in required if name not in found]


def _rows(label: str, table: Table, found: Mapping[str, int]) -> list[TableRow]:
    """The data rows under a table's header; in Excel each cell is named, in CSV the row's line."""
    rows = []
    for record in table.records[1:]:
        if record.blank:
            continue
        if record.sheet is None:
            where = f"{label}:{record.number}"
            rows.append(TableRow(where, {name: Cell(record.value(i), where) for name, i in found.items()}))
            continue
        row = TableRow(f"{label}:{record.cell(0, quoted=False)}")
        for name, i in found.items():
            row.cells[name] = Cell(record.value(i), f"{label}:{record.cell(i, quoted=False)}")
        rows.append(row)
    return rows


def _read_csv(table: Table, label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]) -> list[TableRow]:
    if not table.records:
        raise TableError(f"{label}: filen er tom")
    found = _columns(table.records[0].values, names)
    missing = _missing(found, required)
    if missing:
        raise TableError(f"{label}:1: kolonnen {', '.join(missing)} mangler i overskriftsraden")
    return _rows(label, table, found)


def _read_xlsx(
    tables: list[Table], label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]
) -> list[TableRow]:
    """The data rows of every sheet of a workbook that has the required columns."""
    rows: list[TableRow] = []
    used = False
    for table in tables:
        found = _columns(table.records[0].values if table.records else (), names)
        if not table.records or _missing(found, required):
            continue
        used = True
        rows.extend(_rows(label, table, found))
    if not used:
        raise TableError(f"{label}: ingen ark har kolonnene {', '.join(required)} i første rad")
    return rows


def read_table(path: Path, label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]) -> list[TableRow]:
    """The data rows of a `.csv` or `.xlsx` file; `label` is how messages name the file."""
    if not path.is_file():
        raise TableError(f"{label}: finner ikke filen")
    if path.suffix.casefold() not in (".xlsx", ".csv"):
        raise TableError(f"{label}: bruk en .csv- eller .xlsx-fil")
    try:
        known = [*names, *(alias for aliases in names.values() for alias in aliases)]
        tables = read_tables(path, header_delimiter(known))
    except TableFileError as exc:
        if exc.workbook:
            raise TableError(f"{label}: kan ikke leses som en Excel-fil (.xlsx): {exc.__cause__}") from exc
        if exc.utf16:
            raise TableError(f"{label}: filen er lagret som UTF-16; lagre den som CSV UTF-8") from exc
        raise TableError(f"{label}:{exc.line}: filen er ikke UTF-8; lagre den som CSV UTF-8") from exc
    if path.suffix.casefold() == ".xlsx":
        return _read_xlsx(tables, label, names, required)
    return _read_csv(tables[0], label, names, required)
