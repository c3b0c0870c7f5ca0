"""Rows of a CSV or Excel file, each cell with where it is: `fil.csv:4` or `fil.xlsx:Ark!H5`.

CSV: UTF-8 with or without a byte order mark, delimited by `,` or `;` (whichever the header row uses).
Excel: every sheet whose header row has the required columns; other sheets (a scale, notes) are skipped.
Columns are found by name, without regard to case; a column may also go by one of its Norwegian names.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter


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


def read_csv(path: Path, label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]) -> list[TableRow]:
    """The data rows of a CSV file; `label` is how messages name the file."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TableError(f"{label}: filen er lagret som UTF-16; lagre den som CSV UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TableError(f"{label}:{line}: filen er ikke UTF-8; lagre den som CSV UTF-8") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise TableError(f"{label}: filen er tom")
    found = _columns(header, names)
    missing = _missing(found, required)
    if missing:
        raise TableError(f"{label}:1: kolonnen {', '.join(missing)} mangler i overskriftsraden")
    rows = []
    start = reader.line_num + 1
    for record in reader:
        where = f"{label}:{start}"
        start = reader.line_num + 1
        if not any(value.strip() for value in record):
            continue
        cells = {name: Cell(record[i] if i < len(record) else None, where) for name, i in found.items()}
        rows.append(TableRow(where, cells))
    return rows


def read_xlsx(path: Path, label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]) -> list[TableRow]:
    """The data rows of every sheet of a workbook that has the required columns."""
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(f"{label}: kan ikke leses som en Excel-fil (.xlsx): {exc}") from exc
    rows: list[TableRow] = []
    used = False
    for sheet in book.worksheets:
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        found = _columns(header or (), names)
        if header is None or _missing(found, required):
            continue
        used = True
        for number, values in enumerate(lines, start=2):
            if not any(v is not None and str(v).strip() for v in values):
                continue
            row = TableRow(f"{label}:{sheet.title}!A{number}")
            for name, i in found.items():
                where = f"{label}:{sheet.title}!{get_column_letter(i + 1)}{number}"
                row.cells[name] = Cell(values[i] if i < len(values) else None, where)
            rows.append(row)
    if not used:
        raise TableError(f"{label}: ingen ark har kolonnene {', '.join(required)} i første rad")
    return rows


def read_table(path: Path, label: str, names: Mapping[str, Sequence[str]], required: Sequence[str]) -> list[TableRow]:
    """The data rows of a `.csv` or `.xlsx` file."""
    if not path.is_file():
        raise TableError(f"{label}: finner ikke filen")
    suffix = path.suffix.casefold()
    if suffix == ".xlsx":
        return read_xlsx(path, label, names, required)
    if suffix == ".csv":
        return read_csv(path, label, names, required)
    raise TableError(f"{label}: bruk en .csv- eller .xlsx-fil")
