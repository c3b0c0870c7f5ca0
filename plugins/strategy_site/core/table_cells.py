"""The cells of a table file, CSV or Excel (`.xlsx`), each record with the place it came from.

CSV: UTF-8 with or without a byte order mark, delimited by `,` or `;` as the first line shows; in a `;` file
numbers are written with a decimal comma. Excel: the sheets of a workbook, each cell as the type Excel stores
(number, text, date). This module only reads: what the columns mean, and which rows are wrong, is for the
caller (`core.indicator_data`, `exports.table_files`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path


class TableFileError(Exception):
    """The file cannot be read: its text is not UTF-8 (`line`, `byte`), or it is not a workbook (`workbook`)."""

    def __init__(self, *, line: int | None = None, byte: bytes = b"", utf16: bool = False, workbook: bool = False):
        super().__init__()
        self.line = line
        self.byte = byte
        self.utf16 = utf16
        self.workbook = workbook


def header_delimiter(known: Collection[str]) -> Callable[[str], str]:
    """How a CSV file with these column names (any case) is delimited, from its header line: `;` or `,`.

    A header with only one of the two characters is split by it (with neither: `,`). With both, by the one that
    splits it into more known column names, then into more cells, then `;` (Norwegian Excel's choice): a header
    `indicator,period,value,"kilde; SSB"` is read by commas, `indikator;år;verdi;merknad, kilde` by semicolons.
    `strategy import-status` and the `indicator_data` files use the same rule.
    """
    names = {name.casefold() for name in known}

    def choose(first_line: str) -> str:
        if ";" not in first_line:
            return ","
        if "," not in first_line:
            return ";"

        def score(delimiter: str) -> tuple[int, int]:
            cells = next(csv.reader([first_line], delimiter=delimiter), [])
            return sum(cell.strip().casefold() in names for cell in cells), len(cells)

        return "," if score(",") > score(";") else ";"

    return choose


@dataclass(frozen=True)
class Record:
    """One record of a table file: its values, and where it is."""

    # CSV: the line the record starts at (a quoted value may span lines); Excel: the row number.
    number: int
    values: tuple[object, ...]
    # The Excel sheet's title; None in a CSV file.
    sheet: str | None = None

    @property
    def blank(self) -> bool:
        """Whether every cell is empty or only spaces."""
        return not any(value is not None and str(value).strip() for value in self.values)

    def value(self, column: int) -> object:
        """The value in a column (counted from 0); None past the end of a short record."""
        return self.values[column] if column < len(self.values) else None

    def cell(self, column: int, *, quoted: bool = True) -> str | None:
        """The Excel reference of a cell (`Ark1!C4`, column counted from 0); None in a CSV file.

        `quoted` puts a sheet title that is not a single word in quotes, as Excel writes it (`'Mitt ark'!C4`).
        """
        if self.sheet is None:
            return None
        from openpyxl.utils import get_column_letter

        title = self.sheet
        if quoted and not re.fullmatch(r"\w+", title):
            title = "'" + title.replace("'", "''") + "'"
        return f"{title}!{get_column_letter(column + 1)}{self.number}"


@dataclass(frozen=True)
class Table:
    """The records of a CSV file or of one sheet, the header row first, blank records included."""

    records: list[Record]
    # True for a `;` CSV file (12,5), False for a `,` one (12.5), None for Excel, where a number cell is a number.
    decimal_comma: bool | None


def read_tables(
    path: Path, choose_delimiter: Callable[[str], str], *, first_sheet_only: bool = False
) -> list[Table]:
    """The tables of a `.xlsx` file (one per sheet) or of a CSV file (one); raises `TableFileError`."""
    if path.suffix.casefold() == ".xlsx":
        return _workbook_tables(path, first_sheet_only)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableFileError(
            line=data.count(b"\n", 0, exc.start) + 1,
            byte=data[exc.start : exc.start + 1],
            utf16=data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)),
        ) from exc
    delimiter = choose_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    line = 1
    for values in reader:
        records.append(Record(line, tuple(values)))
        line = reader.line_num + 1
    return [Table(records, decimal_comma=delimiter == ";")]


def _workbook_tables(path: Path, first_sheet_only: bool) -> list[Table]:
    # openpyxl is imported here: a site without Excel files never loads it.
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and key errors, for a file that is not a workbook
        raise TableFileError(workbook=True) from exc
    try:
        sheets = workbook.worksheets[:1] if first_sheet_only else workbook.worksheets
        return [
            Table(
                [
                    Record(number, tuple(values), sheet.title)
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ],
                decimal_comma=None,
            )
            for sheet in sheets
        ]
    finally:
        workbook.close()
