"""A small Excel workbook writer: sheets of rows with a bold, frozen header row and fitted column widths.

openpyxl makes an object of every cell and serialises it through a general XML writer; for the action plans
of a site with fifty units that was several seconds of every build. The few parts a plain workbook needs
(ECMA-376 SpreadsheetML) are written here directly. The bytes are reproducible: fixed entry and document times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot hold at all; a cell drops them rather than making the workbook unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_MAX_WIDTH = 60
# The most characters (UTF-16 code units) a cell holds in Excel; a longer text makes the workbook unreadable.
CELL_LIMIT = 32767

_STYLES = (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


@dataclass(frozen=True)
class Choice:
    """A drop-down on a column's cells below the header: the values of a range, e.g. `'Statusskala'!$A$2:$A$7`.

    Excel refuses any other value typed into such a cell (data validation, ECMA-376 §18.3.1.32).
    """

    column: int
    source: str
    rows: int
    prompt: str = ""


@dataclass
class Sheet:
    """A sheet: a header row, data rows, and `notes`, sentences in column A below the data after an empty row
    (so Excel's table range, filters and sorting stop before them; they do not widen the column)."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    choices: Sequence[Choice] = field(default_factory=tuple)
    notes: Sequence[str] = field(default_factory=tuple)


def _column(index: int) -> str:
    """Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: Any) -> str:
    return escape(_NOT_XML.sub("", str(value)))


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cut_to_cell(text: str, marker: str) -> str:
    """The text as a cell can hold it: cut, with `marker` at the end, when longer than `CELL_LIMIT`."""
    if len(text) <= CELL_LIMIT // 2 or _utf16_length(text) <= CELL_LIMIT:
        return text
    room = CELL_LIMIT - _utf16_length(marker)
    kept = text.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore")
    return kept + marker


def _cell(ref: str, value: Any, style: str = "", cut: str = "…") -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    value = cut_to_cell(_NOT_XML.sub("", str(value)), cut)
    space = ' xml:space="preserve"' if str(value) != str(value).strip() or "\n" in str(value) else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'


def _sheet_xml(sheet: Sheet, cut: str) -> str:
    columns = [_column(i) for i in range(len(sheet.header))]
    widths = [
        min(_MAX_WIDTH, max([len(str(name)), *(len(str(r[i] if r[i] is not None else "")) for r in sheet.rows)]) + 2)
        for i, name in enumerate(sheet.header)
    ]
    out = [
        f'{_HEAD}<worksheet xmlns="{_MAIN}">',
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
        *(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, start=1)),
        '</cols><sheetData><row r="1">',
        *(_cell(f"{c}1", name, ' s="1"') for c, name in zip(columns, sheet.header, strict=True)),
        "</row>",
    ]
    for number, row in enumerate(sheet.rows, start=2):
        cells = "".join(_cell(f"{c}{number}", v, cut=cut) for c, v in zip(columns, row, strict=True))
        out.append(f'<row r="{number}">{cells}</row>')
    for number, note in enumerate(sheet.notes, start=len(sheet.rows) + 3):
        out.append(f'<row r="{number}">{_cell(f"A{number}", note, cut=cut)}</row>')
    out.append("</sheetData>")
    out.append(_choices_xml(sheet.choices))
    out.append("</worksheet>")
    return "".join(out)


def _choices_xml(choices: Sequence[Choice]) -> str:
    if not choices:
        return ""
    parts = [f'<dataValidations count="{len(choices)}">']
    for choice in choices:
        column = _column(choice.column)
        prompt = f' showInputMessage="1" prompt="{_text(choice.prompt)}"' if choice.prompt else ""
        parts.append(
            f'<dataValidation type="list" allowBlank="1" showErrorMessage="1"{prompt} '
            f'sqref="{column}2:{column}{choice.rows + 1}"><formula1>{_text(choice.source)}</formula1></dataValidation>'
        )
    parts.append("</dataValidations>")
    return "".join(parts)


def sheet_range(title: str, column: int, first_row: int, last_row: int) -> str:
    """An absolute reference to cells of one column of a sheet, e.g. `'Statusskala'!$A$2:$A$7`."""
    letters = _column(column)
    quoted = title.replace("'", "''")
    return f"'{quoted}'!${letters}${first_row}:${letters}${last_row}"


def workbook(sheets: Sequence[Sheet], title: str, creator: str, when: dt.datetime, cut: str = "…") -> bytes:
    """The workbook's bytes; the same sheets, title and time give the same bytes.

    A text longer than a cell holds is cut, ending with `cut`.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        "[Content_Types].xml": (
            f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"
        ),
        "docProps/core.xml": (
            f"{_HEAD}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator>{_text(creator)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
        ),
        "xl/workbook.xml": (
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            + "".join(
                f'<sheet name="{_text(s.title)}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _HEAD + _STYLES,
        **{f"xl/worksheets/sheet{i}.xml": _sheet_xml(s, cut) for i, s in enumerate(sheets, start=1)},
    }
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, text.encode("utf-8"))
    return raw.getvalue()
