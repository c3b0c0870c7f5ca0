"""A mean status of 1.25 reads 1,3 (half up) on the page, 1.3 in the export and 1.3 in the workbook."""

from __future__ import annotations

import io
import re

import openpyxl
from conftest import BASE_SITE, build_once

ACTION = """\
---
type: action
id: s-tiltak-{n}
goals: [s-forskning-1]
title: Tiltak {n}
status:
  - {{period: 2019-T3, level: {level}, note: Rapportert.}}
---
"""
# Levels 1, 1, 1 and 2: a mean of exactly 1.25, which round() and format() make 1.2 (half to even).
FILES = {
    **{k: v for k, v in BASE_SITE.items() if k != "forskning/tiltak-1.md"},
    **{f"forskning/tiltak-{n}.md": ACTION.format(n=n, level=level) for n, level in enumerate((1, 1, 1, 2), 1)},
}


def test_mean_status_rounds_half_up_alike_on_the_page_in_the_export_and_in_the_workbook(tmp_path_factory):
    built = build_once(tmp_path_factory, FILES)
    page = built.html("rapporter/2019-T3/index.html")
    assert re.search(r"Gjennomsnittlig status er 1,3 på skalaen", page), page
    unit = next(s for s in built.export()["strategies"] if s["id"] == "s")
    assert unit["mean_status"] == 1.3
    book = openpyxl.load_workbook(io.BytesIO((built.site / "export/s/handlingsplan.xlsx").read_bytes()))
    sheet = book["Sammendrag"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    # The unit's figures, latest and for the period 2019-T3: the mean as the page shows it.
    unit_rows = [row for row in rows if row["Strategi/område"] == "Strategi for Testmuseet"]
    assert [(row["Periode"], row["Snitt"]) for row in unit_rows] == [("siste", 1.3), ("2019-T3", 1.3)]
