"""The reporting round: status form → filled in with Excel (openpyxl) → import-status → the built report.

Every test works on a copy of the example site (content/, mkdocs.yml, overrides/) or a fixture site in
tmp_path, never on the repository's content/.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, run_mkdocs

from strategy_site.cli.main import main

PERIOD = "2020"
HOSTILE = 'Ferdig: «ja» "sitat" # ikke kommentar\n- ikke liste\n* heller ikke: {x: [y]} \\ &amp; \u2028slutt'


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """A copy of the example site to change, as the working directory."""
    for name in ("content", "overrides", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted((root / "content").rglob("*"))
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files if p.is_file()}


def digest(files: dict[str, bytes]) -> str:
    return hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()


def fill(form: Path, out: Path, answers: dict[str, tuple[object, str | None]]) -> dict[str, str]:
    """Fill in the level (and note) of the given actions in the form's first sheet, as a person in Excel would."""
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) + 1 for name in ("action", "level", "note")}
    cells = {}
    for row in range(2, sheet.max_row + 1):
        ident = sheet.cell(row, column["action"]).value
        if ident in answers:
            level, note = answers[ident]
            sheet.cell(row, column["level"]).value = level
            sheet.cell(row, column["note"]).value = note
            cells[ident] = sheet.cell(row, column["level"]).coordinate
    book.save(out)
    return cells


def only_added_lines(old: bytes, new: bytes) -> list[str]:
    """The lines `new` adds to `old`; fails when anything else differs (line endings included)."""
    a, b = old.decode().splitlines(keepends=True), new.decode().splitlines(keepends=True)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
        added += b[j1:j2] if tag == "insert" else []
    return added


def report_levels(built, unit: str, period: str) -> dict[str, str]:
    html = built.html(f"{unit}/rapporter/{period}/index.html")
    return dict(re.findall(r'<tr data-action="([^"]+)" data-level="([^"]*)"', html))


def test_form_filled_in_excel_imports_and_shows_in_the_period_report(site, capsys):
    assert main(["status-form", "--period", PERIOD, "--unit", "mh", "-o", "skjema.xlsx"]) == 0
    book = openpyxl.load_workbook(site / "skjema.xlsx")
    sheet = book["Statusskjema"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "action" and header[-3:] == ["period", "level", "note"]
    # The level column offers the scale from the scale sheet as a drop-down.
    (choice,) = sheet.data_validations.dataValidation
    level_column = openpyxl.utils.get_column_letter(header.index("level") + 1)
    assert choice.type == "list" and str(choice.sqref).startswith(f"{level_column}2:")
    assert choice.formula1 == "'Statusskala'!$A$2:$A$7"
    assert [r[0] for r in book["Statusskala"].iter_rows(min_row=2, values_only=True)][:2] == [
        "0 – Ikke igangsatt",
        "1 – Tiltaksplan vedtatt",
    ]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    # The last reported status is shown; the action done in 2019 (level 4) does not report again.
    assert rows["mh-tiltak-3-1"][4:7] == ("2019", "3 – Under gjennomføring", "Under arbeid.")
    assert all(r[header.index("period")] == PERIOD for r in rows.values())
    assert "mh-tiltak-22-1" in rows and not any(r[5] and r[5].startswith("4") for r in rows.values())

    before = snapshot(site)
    answers = {
        "mh-tiltak-3-1": ("4 – Gjennomført", HOSTILE),  # chosen from the drop-down
        "mh-tiltak-22-1": (2, None),  # typed as a number
        "mh-tiltak-10-1": ("Under gjennomføring", "Godt i gang."),  # typed as the label
    }
    fill(site / "skjema.xlsx", site / "utfylt.xlsx", answers)
    capsys.readouterr()
    assert main(["import-status", "utfylt.xlsx"]) == 0
    printed = capsys.readouterr().out
    after = snapshot(site)

    changed = {p for p in after if after[p] != before[p]}
    areas = {"mh-tiltak-3-1": ("utdanning", 4), "mh-tiltak-22-1": ("formidling", 2), "mh-tiltak-10-1": ("forskning", 3)}
    paths = {f"content/mh/{area}/tiltak/{ident}.md": level for ident, (area, level) in areas.items()}
    assert changed == set(paths) and set(after) == set(before)
    for path, level in paths.items():
        (line,) = only_added_lines(before[path], after[path])
        assert line.startswith(f'  - {{period: "{PERIOD}", level: {level}') and f"+{line.rstrip()}" in printed

    built = run_mkdocs(site / "mkdocs.yml", site / "built")
    assert built.ok, built.log
    levels = report_levels(built, "mh", PERIOD)
    assert (levels["mh-tiltak-3-1"], levels["mh-tiltak-22-1"], levels["mh-tiltak-10-1"]) == ("4", "2", "3")
    # The hostile note is shown as written.
    page = built.html("mh/utdanning/tiltak/mh-tiltak-3-1/index.html")
    assert "Ferdig: «ja» &#34;sitat&#34; # ikke kommentar" in page or "Ferdig: «ja» &quot;sitat&quot;" in page

    # The same file again changes nothing.
    assert main(["import-status", "utfylt.xlsx"]) == 0
    assert digest(snapshot(site)) == digest(after)
    assert "ingen endringer" in capsys.readouterr().err


def test_a_form_with_one_bad_row_changes_no_file(site, capsys):
    main(["status-form", "--period", PERIOD, "--per-owner", "-o", "skjema.xlsx"])
    cells = fill(
        site / "skjema.xlsx",
        site / "utfylt.xlsx",
        {"mh-tiltak-3-1": (4, "Ferdig."), "mh-tiltak-22-1": (2, None), "mh-tiltak-10-1": ("9", None)},
    )
    before = digest(snapshot(site))
    capsys.readouterr()
    assert main(["import-status", "utfylt.xlsx"]) == 1
    err = capsys.readouterr().err
    # The examples' actions have no owner: one sheet «Uten eier», named with the cell in every message.
    assert f"utfylt.xlsx:Uten eier!{cells['mh-tiltak-10-1']}: level: «9» er ikke på statusskalaen" in err
    assert "ingen filer er endret" in err
    assert digest(snapshot(site)) == before


CSV_HEADER = "action;period;level;note\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("mh-tiltak-3-9;2020;2;", "skjema.csv:3: action: ukjent tiltak «mh-tiltak-3-9»; mente du «mh-tiltak-3-"),
        ("mh-mal-3;2020;2;", "skjema.csv:3: action: «mh-mal-3» er en goal, ikke et tiltak"),
        ("mh-tiltak-3-1;2020;7;", "skjema.csv:3: level: «7» er ikke på statusskalaen (0, 1, 2, 3, 4, 5)"),
        ("mh-tiltak-3-1;2020;ferdig;", "skjema.csv:3: level: «ferdig» er ikke på statusskalaen"),
        ("mh-tiltak-3-1;2020-T4;2;", "skjema.csv:3: period: «2020-T4»: tertial må være 1–3"),
        ("mh-tiltak-3-1;våren 2020;2;", "skjema.csv:3: period: «våren 2020» er ikke en periode"),
        ("mh-tiltak-3-1;;2;", "skjema.csv:3: period: periode mangler"),
        ("mh-tiltak-3-1;2020;;Bare merknad", "skjema.csv:3: level: nivå mangler"),
        ("mh-tiltak-3-1;2019;4;", "skjema.csv:3: level: mh-tiltak-3-1 har allerede nivå 3 for 2019; bruk --replace"),
        ("mh-tiltak-22-1;2020;3;", "skjema.csv:3: mh-tiltak-22-1 2020 står også i skjema.csv:2"),
    ],
)
def test_each_bad_row_is_named_by_file_line_and_column(site, capsys, row, message):
    form = site / "skjema.csv"
    form.write_text(CSV_HEADER + "mh-tiltak-22-1;2020;2;God rad\n" + row + "\n", encoding="utf-8")
    before = digest(snapshot(site))
    assert main(["import-status", "skjema.csv"]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert digest(snapshot(site)) == before


def test_a_bad_row_in_excel_is_named_by_sheet_and_cell(site, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ark1"
    sheet.append(["Tiltak", "Periode", "Nivå", "Merknad"])  # the Norwegian column names are read too
    sheet.append(["mh-tiltak-22-1", 2020, 2, None])
    sheet.append(["mh-tiltak-22-1x", "2020", 2, None])
    book.save(site / "egen.xlsx")
    assert main(["import-status", "egen.xlsx"]) == 1
    assert "egen.xlsx:Ark1!A3: action: ukjent tiltak «mh-tiltak-22-1x»; mente du «mh-tiltak-22-1»?" in (
        capsys.readouterr().err
    )


def test_replace_puts_the_new_level_in_place_of_the_old(site, capsys):
    path = site / "content/mh/utdanning/tiltak/mh-tiltak-3-1.md"
    old = path.read_text(encoding="utf-8")
    (site / "rettelse.csv").write_text('action,period,level,note\nmh-tiltak-3-1,2019,4,"Ferdig, likevel."\n')
    assert main(["import-status", "rettelse.csv", "--replace"]) == 0
    new = path.read_text(encoding="utf-8")
    assert new == old.replace(
        '{period: "2019", level: 3, note: "Under arbeid.", inferred: true}',
        '{period: "2019", level: 4, note: "Ferdig, likevel."}',
    )


def test_dry_run_prints_the_diff_and_writes_nothing(site, capsys):
    (site / "skjema.csv").write_bytes(("\ufeff" + CSV_HEADER + "mh-tiltak-22-1;2020;2;Startet\r\n").encode())
    before = digest(snapshot(site))
    assert main(["import-status", "skjema.csv", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert '+  - {period: "2020", level: 2, note: "Startet"}' in out
    assert "--- content/mh/formidling/tiltak/mh-tiltak-22-1.md" in out
    assert digest(snapshot(site)) == before


def test_csv_form_round_trip_keeps_crlf_and_bom_of_the_page(site):
    path = site / "content/mh/formidling/tiltak/mh-tiltak-22-1.md"
    original = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    assert main(["status-form", "--period", PERIOD, "-o", "skjema.csv"]) == 0
    text = (site / "skjema.csv").read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "action;Tittel;Eier;Mål;Sist rapportert;Nivå da;Merknad da;period;level;note"
    filled = [line[:-1] + "3 – Under gjennomføring;" if line.startswith("mh-tiltak-22-1;") else line for line in lines]
    (site / "skjema.csv").write_bytes(("\ufeff" + "\r\n".join(filled)).encode())
    assert main(["import-status", "skjema.csv"]) == 0
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf---\r\n")
    assert only_added_lines(original, new) == ['  - {period: "2020", level: 3}\r\n']
