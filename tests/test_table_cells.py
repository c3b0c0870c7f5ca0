"""The shared reader of table files: records with their places, delimiter rules, decimal comma, Excel cells."""

from __future__ import annotations

import codecs

import openpyxl
import pytest

from strategy_site.core.table_cells import TableFileError, header_delimiter, read_tables

# The rule for a file whose columns are a and b.
AB = header_delimiter(["a", "b"])


def test_csv_records_keep_their_first_line_and_blank_records(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('\ufeffa;b\n"x\ny";12,5\n\n;\nz\n', encoding="utf-8")
    (table,) = read_tables(path, AB)
    assert table.decimal_comma is True
    assert [(r.number, r.values, r.blank) for r in table.records] == [
        (1, ("a", "b"), False),
        (2, ("x\ny", "12,5"), False),
        (4, (), True),
        (5, ("", ""), True),
        (6, ("z",), False),
    ]
    assert table.records[4].value(1) is None
    assert table.records[1].cell(0) is None


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("indicator;period;value", ";"),
        ("indicator,period,value", ","),
        ("indicator", ","),
        # Both characters: the one that finds more known columns.
        ('indicator,period,value,"kilde; SSB"', ","),
        ("Indikator;År;Verdi;merknad, kilde", ";"),
        ("indicator,period,value;x", ","),
        ("indicator;period;value,x", ";"),
        # Nothing known: the one that splits into more cells, then `;`.
        ("x;y;z,w", ";"),
        ("x,y,z;w", ","),
        ("x;y,z", ";"),
    ],
)
def test_the_delimiter_is_the_one_that_finds_the_columns(header, delimiter):
    assert header_delimiter(["indicator", "period", "value", "indikator", "år", "verdi"])(header) == delimiter


def test_text_that_is_not_utf8_names_its_line_and_byte(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("a,b\nx,1\næ,2\n".encode("latin-1"))
    with pytest.raises(TableFileError) as caught:
        read_tables(path, AB)
    assert (caught.value.line, caught.value.byte, caught.value.utf16) == (3, b"\xe6", False)
    path.write_bytes(codecs.BOM_UTF16_LE + "a,b".encode("utf-16-le"))
    with pytest.raises(TableFileError) as caught:
        read_tables(path, AB)
    assert caught.value.utf16


def test_excel_sheets_keep_cell_types_and_name_cells(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Mitt ark"
    book.active.append(["a", "b"])
    book.active.append([2024, 12.5])
    book.create_sheet("Ark2").append(["c"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    first, second = read_tables(path, AB)
    assert first.decimal_comma is None
    assert first.records[1].values == (2024, 12.5)
    assert first.records[1].cell(1) == "'Mitt ark'!B2"
    assert first.records[1].cell(1, quoted=False) == "Mitt ark!B2"
    assert second.records[0].cell(0) == "Ark2!A1"
    assert len(read_tables(path, AB, first_sheet_only=True)) == 1


def test_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(TableFileError) as caught:
        read_tables(path, AB)
    assert caught.value.workbook
