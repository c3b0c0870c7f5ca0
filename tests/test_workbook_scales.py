"""A unit's CSV and workbook hold only what its scales give: no attainment sheet for a unit that does not rate
its goals (`rating_scale: none`), no status sheet or columns for one whose actions get no status
(`status_scale: none`); the summary sheet says why, one sentence each, and the page's link names what is there."""

from __future__ import annotations

import csv
import io

import openpyxl
from conftest import BASE_SITE

from strategy_site.checks.analysis import analyse
from strategy_site.core.load import SourceDoc
from strategy_site.core.scales import Scales
from strategy_site.exports.spreadsheets import actions_csv, actions_workbook, workbook_link_text

NO_RATINGS = "rating_scale: none\n"
NO_STATUS = "status_scale: none\n"
# Testmuseet's action without its status entries (a strategy without a status scale refuses them).
ACTION_WITHOUT_STATUS = BASE_SITE["forskning/tiltak-1.md"].split("status:\n")[0] + "---\n"
# Testmuseet's goal without its marks (a strategy without a rating scale refuses them).
GOAL_WITHOUT_MARKS = BASE_SITE["forskning/s-forskning-1.md"].split("assessments:\n")[0] + "---\n"
RATING_NOTE = "Testmuseet vurderer ikke målene på en skala, så arbeidsboka har ikke noe ark for måloppnåelse."
STATUS_NOTE = "Testmuseet gir ikke tiltakene status, så arbeidsboka har ingen statushistorikk og ingen statuskolonner."


def model_with(*changes: str, files: dict[str, str] | None = None):
    """BASE_SITE's model with Testmuseet's strategy page given these lines before its period."""
    pages = {**BASE_SITE, **(files or {})}
    pages["index.md"] = pages["index.md"].replace("period:", "".join(changes) + "period:")
    analysis = analyse([SourceDoc(path, text) for path, text in pages.items()], Scales.from_config())
    assert [str(p) for p in analysis.problems if p.severity == "error"] == []
    return analysis.model


def book_of(model):
    return openpyxl.load_workbook(io.BytesIO(actions_workbook(model, "s")))


def rows_of(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def csv_header(model) -> list[str]:
    return next(csv.reader(io.StringIO(actions_csv(model, "s").lstrip("\ufeff")), delimiter=";"))


def test_a_unit_that_rates_and_reports_gets_every_sheet_and_no_note():
    model = model_with()
    book = book_of(model)
    assert book.sheetnames == ["Sammendrag", "Tiltak", "Statushistorikk", "Måloppnåelse"]
    summary = rows_of(book["Sammendrag"])
    assert summary[0][-3:] == ("Igangsatt", "Gjennomført", "Snitt")
    assert all(row[0] for row in summary), "no note below the figures"
    assert csv_header(model)[-5:] == ["Periode", "Statusnivå", "Status", "Statustekst", "Nivå lest ut av teksten"]
    assert workbook_link_text(model, "s") == "Tiltak, status og måloppnåelse som Excel-arbeidsbok"


def test_a_unit_without_a_rating_scale_gets_no_attainment_sheet_and_the_summary_says_why():
    model = model_with(NO_RATINGS, files={"forskning/s-forskning-1.md": GOAL_WITHOUT_MARKS})
    book = book_of(model)
    assert book.sheetnames == ["Sammendrag", "Tiltak", "Statushistorikk"]
    summary = rows_of(book["Sammendrag"])
    # The figures, one empty row, then the sentence in column A.
    figures = [row for row in summary[1:] if row[0] in ("siste", "2019-T2", "2019-T3")]
    assert summary[len(figures) + 1] == (None,) * len(summary[0])
    assert summary[len(figures) + 2][0] == RATING_NOTE
    assert len(summary) == len(figures) + 3
    assert book["Sammendrag"].column_dimensions["A"].width < 20, "the sentence does not widen the column"
    assert workbook_link_text(model, "s") == "Tiltak og status som Excel-arbeidsbok"


def test_a_unit_without_a_status_scale_gets_no_status_sheet_or_columns_and_the_summary_says_why():
    model = model_with(NO_STATUS, files={"forskning/tiltak-1.md": ACTION_WITHOUT_STATUS})
    book = book_of(model)
    assert book.sheetnames == ["Sammendrag", "Tiltak", "Måloppnåelse"]
    summary = rows_of(book["Sammendrag"])
    assert summary[0] == ("Periode", "Strategi/område", "Mål", "Mål med tiltak", "Tiltak")
    assert summary[1:3] == [
        ("siste", "Strategi for Testmuseet", 2, 2, 1),
        ("siste", "Vår forskning", 2, 2, 1),
    ]
    assert summary[3:] == [(None,) * 5, (STATUS_NOTE, None, None, None, None)]
    actions = rows_of(book["Tiltak"])
    assert actions[0][-2:] == ("Risiko", "Risikomerknad") and len(actions[1]) == len(actions[0])
    header = csv_header(model)
    assert header[-1] == "Risikomerknad" and not {"Periode", "Statusnivå", "Status"} & set(header)
    records = list(csv.reader(io.StringIO(actions_csv(model, "s").lstrip("\ufeff")), delimiter=";"))
    assert [len(record) for record in records] == [15, 15]
    assert workbook_link_text(model, "s") == "Tiltak og måloppnåelse som Excel-arbeidsbok"


def test_a_unit_with_neither_scale_gets_both_sentences():
    files = {"forskning/tiltak-1.md": ACTION_WITHOUT_STATUS, "forskning/s-forskning-1.md": GOAL_WITHOUT_MARKS}
    model = model_with(NO_RATINGS, NO_STATUS, files=files)
    book = book_of(model)
    assert book.sheetnames == ["Sammendrag", "Tiltak"]
    notes = [row[0] for row in rows_of(book["Sammendrag"])[-2:]]
    assert notes == [STATUS_NOTE, RATING_NOTE]
    assert workbook_link_text(model, "s") == "Tiltak som Excel-arbeidsbok"


def test_the_example_sites_mh_workbook_has_no_attainment_sheet_and_its_page_links_what_it_holds(example_site):
    book = openpyxl.load_workbook(example_site.site / "export/mh/handlingsplan.xlsx")
    assert book.sheetnames == ["Sammendrag", "Tiltak", "Statushistorikk"]
    last = rows_of(book["Sammendrag"])[-1]
    assert last[0] == (
        "Fakultet for medisin og helsevitenskap (MH), NTNU vurderer ikke målene på en skala, "
        "så arbeidsboka har ikke noe ark for måloppnåelse."
    )
    page = example_site.html("mh/index.html")
    assert "download>Tiltak og status som Excel-arbeidsbok</a>" in page
    assert "måloppnåelse som Excel" not in page
