"""The workbook writer: what Excel (here openpyxl) reads back is what was written."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from strategy_site.exports.xlsx import Sheet, _column, workbook

WHEN = dt.datetime(2000, 1, 1)


def read(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_column_letters():
    assert [_column(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


def test_cells_read_back_as_written():
    rows = [
        ["Tekst med <tegn> & «sitater»", 3, 2.5, None, "  mellomrom  "],
        ["linje\nto", -5, 0, "'=1+1", "kontroll\x0btegn"],
    ]
    book = read(workbook([Sheet("Tiltak", ["A", "B", "C", "D", "E"], rows)], "Tittel", "Strategisiden", WHEN))
    sheet = book["Tiltak"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("A", "B", "C", "D", "E")
    assert values[1] == ("Tekst med <tegn> & «sitater»", 3, 2.5, None, "  mellomrom  ")
    # A character XML cannot hold is dropped; the rest of the text stays.
    assert values[2] == ("linje\nto", -5, 0, "'=1+1", "kontrolltegn")
    assert all(cell.font.b for cell in sheet[1]) and not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == len("Tekst med <tegn> & «sitater»") + 2
    assert book.properties.title == "Tittel" and book.properties.creator == "Strategisiden"


def test_several_sheets_in_order_and_the_same_bytes_each_time():
    sheets = [Sheet(f"Ark {i}", ["x"], [[i]]) for i in range(1, 5)]
    data = workbook(sheets, "T", "S", WHEN)
    assert read(data).sheetnames == ["Ark 1", "Ark 2", "Ark 3", "Ark 4"]
    assert workbook(sheets, "T", "S", WHEN) == data
