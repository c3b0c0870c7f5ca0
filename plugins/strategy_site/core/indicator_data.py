"""Indicator values from data files: CSV (`,` with decimal points or `;` with decimal commas) and Excel (`.xlsx`).

Statistics arrive as spreadsheets; these are read here into plain rows, each with the place it came from
(`data/indikatorer.csv:4`, `data/ssb.xlsx:Ark1!C4`, as `strategy import-status` names them), so that every
message names the file and the line or the cell. Reading knows nothing of the site; `core.indicator_values`
checks the rows against the indicators and adds them to their histories.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from strategy_site.core.periods import PeriodError, parse_period
from strategy_site.core.problems import Problem
from strategy_site.core.table_cells import Record, Table, TableFileError, header_delimiter, read_tables

REQUIRED = ("indicator", "period", "value")
OPTIONAL = ("note", "source")
COLUMNS = REQUIRED + OPTIONAL
# Column names editors write in Norwegian, and the column they mean (for the did-you-mean).
_SYNONYMS = {
    "indikator": "indicator",
    "id": "indicator",
    "periode": "period",
    "år": "period",
    "verdi": "value",
    "tall": "value",
    "merknad": "note",
    "notat": "note",
    "kilde": "source",
}
# A number as a Norwegian spreadsheet writes it: spaces (also non-breaking and narrow ones) between thousands,
# a decimal comma, a minus sign that may be the typographic one.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+(?:,\d+)?$")
_DECIMAL_POINT = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


@dataclass(frozen=True)
class Place:
    """Where a cell is: the file (as the site names it) and its line (CSV) or sheet and cell (Excel)."""

    path: str
    line: int | None = None
    cell: str | None = None

    def problem(self, column: str | None, message: str) -> Problem:
        """A problem at this place, naming the column (`data/ssb.xlsx:Ark1!C4: value: …`)."""
        return Problem(self.path, message, line=self.line, field=column, outside_docs=True, cell=self.cell)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else f"{self.path}:{self.cell}"


@dataclass(frozen=True)
class DataRow:
    """One value of one indicator for one period, read from a data file."""

    indicator: str
    period: str
    value: float
    note: str | None
    source: str | None
    # Where the row's cells are, by column (the row's line in a CSV file, each cell in Excel).
    places: dict[str, Place] = field(hash=False)

    @property
    def place(self) -> Place:
        """Where the row is: its line, or the cell of its indicator."""
        return self.places["indicator"]


@dataclass
class IndicatorData:
    """Every readable row of the site's data files, and one problem for each thing wrong in them."""

    rows: list[DataRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_indicator_data(files: Iterable[tuple[str, Path]]) -> IndicatorData:
    """Read each data file, given as (the name messages use, its path on disk), into one list of rows."""
    data = IndicatorData()
    for name, path in files:
        rows, problems = read_file(name, path)
        data.rows.extend(rows)
        data.problems.extend(problems)
    return data


def read_file(name: str, path: Path) -> tuple[list[DataRow], list[Problem]]:
    """The rows of one CSV or Excel file, and every problem found in it (all at once)."""
    whole_file = Place(name, line=None, cell=None)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        return [], [whole_file.problem(None, "bruk en CSV-fil (.csv) eller en Excel-fil (.xlsx)")]
    if not path.is_file():
        return [], [whole_file.problem(None, "finner ikke filen (stien regnes fra mappen med mkdocs.yml)")]
    try:
        tables = read_tables(path, header_delimiter([*COLUMNS, *_SYNONYMS]), first_sheet_only=True)
    except TableFileError as exc:
        if exc.workbook:
            message = f"kan ikke leses som Excel-arbeidsbok (.xlsx): {type(exc.__cause__).__name__}"
            return [], [whole_file.problem(None, message)]
        message = f"filen er ikke UTF-8 (byte 0x{exc.byte.hex()}); lagre som «CSV UTF-8»"
        return [], [Place(name, line=exc.line).problem(None, message)]
    return _rows(name, tables[0])


Cells = list[tuple[object, Place]]


def _place(name: str, record: Record, column: int) -> Place:
    """Where a cell is: the record's line (CSV) or the cell (Excel, e.g. `Ark1!C4`)."""
    cell = record.cell(column)
    return Place(name, cell=cell) if cell else Place(name, line=record.number)


def _rows(name: str, table: Table) -> tuple[list[DataRow], list[Problem]]:
    """Rows from a table's records, the first that is not blank being the header."""
    problems: list[Problem] = []
    header: dict[str, int] | None = None
    rows: list[DataRow] = []
    for record in table.records:
        if record.blank:
            continue
        cells = [(value, _place(name, record, column)) for column, value in enumerate(record.values)]
        if header is None:
            header, header_problems = _header(cells, Place(name, line=1, cell=None))
            problems.extend(header_problems)
            if header_problems:
                return [], problems
            continue
        row, row_problems = _row(name, record, cells, header, table.decimal_comma)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if header is None:
        problems.append(Place(name, line=None).problem(None, "filen er tom; første rad skal være overskriftene"))
    return rows, problems


def _header(cells: Cells, first: Place) -> tuple[dict[str, int], list[Problem]]:
    """The column of each known name in the header row, and a problem for each unknown or missing one."""
    problems: list[Problem] = []
    columns: dict[str, int] = {}
    place = cells[0][1] if cells else first
    for index, (value, cell_place) in enumerate(cells):
        name = _text(value).lower()
        if not name:
            continue
        if name in COLUMNS and name not in columns:
            columns[name] = index
            continue
        if name in columns:
            message = f"kolonnen «{name}» står to ganger"
        else:
            close = _SYNONYMS.get(name) or next(iter(difflib.get_close_matches(name, COLUMNS, n=1)), None)
            message = f"ukjent kolonne «{_text(value)}»" + (
                f"; mente du «{close}»?" if close else f"; kjente kolonner: {', '.join(COLUMNS)}"
            )
        problems.append(cell_place.problem("overskrift", message))
    for name in REQUIRED:
        if name not in columns:
            wanted = f"{', '.join(REQUIRED)} (og gjerne {', '.join(OPTIONAL)})"
            message = f"kolonnen «{name}» mangler; overskriftsraden skal ha {wanted}"
            problems.append(place.problem("overskrift", message))
    return columns, problems


def _row(
    name: str, record: Record, cells: Cells, header: dict[str, int], decimal_comma: bool | None
) -> tuple[DataRow | None, list[Problem]]:
    """One data row, or the problems that keep it out. `decimal_comma` None: as each cell says (Excel)."""
    problems: list[Problem] = []

    def cell(column: str) -> tuple[object, Place]:
        index = header.get(column)
        if index is None or index >= len(cells):
            # A missing cell: at the row's line (CSV), where the cell would be (Excel), or the row's first cell.
            return None, _place(name, record, 0 if index is None else index)
        return cells[index]

    values: dict[str, object] = {}
    places: dict[str, Place] = {}
    for column in COLUMNS:
        values[column], places[column] = cell(column)
    indicator = _text(values["indicator"])
    if not indicator:
        problems.append(places["indicator"].problem("indicator", "mangler indikatorens id"))
    period = _period_text(values["period"])
    if not period:
        problems.append(places["period"].problem("period", "mangler periode"))
    else:
        try:
            period = parse_period(period).key
        except PeriodError as exc:
            problems.append(places["period"].problem("period", str(exc)))
    value, message = _number(values["value"], decimal_comma)
    if message:
        problems.append(places["value"].problem("value", message))
    if problems:
        return None, problems
    note, source = _text(values["note"]) or None, _text(values["source"]) or None
    return DataRow(indicator, period, value, note, source, places), []  # type: ignore[arg-type]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _period_text(value: object) -> str:
    """A period as text; a date cell in Excel is its day (2019-06-30), a number cell a year."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(value)


def _number(value: object, decimal_comma: bool | None) -> tuple[float, str | None]:
    """The value of a cell as a number, or a message saying why it is not one.

    `decimal_comma`: True in a `;` file (12,5 and 104 000), False in a `,` file (12.5), None for Excel, where a
    number cell is a number and a text cell may be written either way.
    """
    if isinstance(value, bool):
        return 0.0, f"«{value}» er ikke et tall"
    if isinstance(value, int | float):
        return (float(value), None) if math.isfinite(value) else (0.0, f"«{value}» er ikke et tall")
    text = _SPACES.sub("", _text(value)).replace("\u2212", "-")
    if not text:
        return 0.0, "mangler verdi"
    shown = _text(value)
    if decimal_comma is True or (decimal_comma is None and "," in text):
        if _DECIMAL_COMMA.match(text):
            return float(text.replace(",", ".")), None
        hint = "; filen er delt med semikolon, så desimaltegnet er komma (12,5) og tusenskille mellomrom (104 000)"
        return 0.0, f"«{shown}» er ikke et tall" + (hint if decimal_comma and "." in text else "")
    if _DECIMAL_POINT.match(text) and math.isfinite(float(text)):
        return float(text), None
    hint = "; filen er delt med komma, så desimaltegnet er punktum (12.5)" if "," in text else ""
    return 0.0, f"«{shown}» er ikke et tall{hint}"


@dataclass(frozen=True)
class ValueDetail:
    """What a data file says about one value besides the number: its note and source, and where it came from."""

    note: str | None
    source: str | None
    place: str
