"""Indicator values from CSV and Excel files: the same figures as frontmatter, and one message per bad row."""

from __future__ import annotations

import codecs
import textwrap
from pathlib import Path

import openpyxl
import pytest
from conftest import BASE_CONFIG, BASE_SITE, build_in_process

from strategy_site.checks.analysis import analyse
from strategy_site.cli.main import main
from strategy_site.core.indicator_data import read_indicator_data
from strategy_site.core.load import SourceDoc
from strategy_site.core.scales import Scales

# The small site's indicator without values: they come from the data files.
WITHOUT_VALUES = BASE_SITE["forskning/besok.md"].replace('values: {"2019": 104000, "2020": 61000}\n', "")
SEMICOLON_CSV = (
    "indicator;period;value;note\ns-publikum;2019;104\u00a0000;\ns-publikum;2020;61 000,0;Stengt i perioder\n"
)


def docs(files: dict[str, str]) -> list[SourceDoc]:
    return [SourceDoc(path, textwrap.dedent(text).lstrip("\n")) for path, text in files.items()]


def workbook(path: Path, rows: list[list[object]], title: str = "Ark1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def analysed(tmp_path: Path, files: dict[str, Path], pages: dict[str, str] | None = None):
    """The analysis of the small site (without the indicator's values) with these data files."""
    site = {**BASE_SITE, "forskning/besok.md": WITHOUT_VALUES} if pages is None else pages
    data = read_indicator_data(files.items())
    return analyse(docs(site), Scales.from_config(), lints=None, indicator_data=data)


def messages(analysis) -> list[str]:
    return [str(p) for p in analysis.problems if p.code == "content"]


def write(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return path


# Reading: every way a spreadsheet writes the same figures.


@pytest.mark.parametrize(
    "text",
    [
        SEMICOLON_CSV,
        "indicator,period,value\ns-publikum,2019,104000\ns-publikum,2020,61000.0\n",
        "Indicator ; Period ; Value\r\ns-publikum;2019;104 000\r\ns-publikum;2020;61000\r\n",
    ],
    ids=["semicolon-decimal-comma", "comma-decimal-point", "crlf-and-spaced-header"],
)
def test_csv_gives_the_values_frontmatter_gives(tmp_path, text):
    analysis = analysed(tmp_path, {"data/v.csv": write(tmp_path / "v.csv", text, bom=True)})
    assert messages(analysis) == []
    assert analysis.model.get("s-publikum").values == {"2019": 104000.0, "2020": 61000.0}


def test_excel_gives_the_values_frontmatter_gives(tmp_path):
    path = workbook(
        tmp_path / "v.xlsx",
        [["indicator", "period", "value"], ["s-publikum", 2019, 104000], ["s-publikum", "2020", "61 000"]],
    )
    analysis = analysed(tmp_path, {"data/v.xlsx": path})
    assert messages(analysis) == []
    assert analysis.model.get("s-publikum").values == {"2019": 104000.0, "2020": 61000.0}


def test_decimal_commas_and_negative_values(tmp_path):
    text = "indicator;period;value\ns-publikum;2019-T2;12,5\ns-publikum;2019-T3;\u22123,25\n"
    analysis = analysed(tmp_path, {"v.csv": write(tmp_path / "v.csv", text)})
    assert analysis.model.get("s-publikum").values == {"2019-T2": 12.5, "2019-T3": -3.25}


# One message per bad row, naming file and line (CSV) or sheet and cell (Excel) and the column.

BAD_ROWS = {
    "unknown indicator": (
        ["s-publikm", "2019", "1"],
        "indicator: ukjent indikator «s-publikm»; mente du «s-publikum»?",
        "A",
    ),
    "bad period": (["s-publikum", "2019-T4", "1"], "period: «2019-T4»: tertial må være 1–3", "B"),
    "not a number": (["s-publikum", "2019", "mange"], "value: «mange» er ikke et tall", "C"),
}


@pytest.mark.parametrize("kind", BAD_ROWS)
def test_a_bad_csv_row_names_file_line_and_column(tmp_path, kind):
    row, message, _ = BAD_ROWS[kind]
    text = "indicator;period;value\ns-publikum;2020;5\n" + ";".join(row) + "\n"
    analysis = analysed(tmp_path, {"data/v.csv": write(tmp_path / "v.csv", text)})
    assert messages(analysis) == [f"data/v.csv:3: {message}"]
    # The good row is kept.
    assert analysis.model.get("s-publikum").values == {"2020": 5.0}


@pytest.mark.parametrize("kind", BAD_ROWS)
def test_a_bad_excel_row_names_file_sheet_cell_and_column(tmp_path, kind):
    row, message, column = BAD_ROWS[kind]
    path = workbook(tmp_path / "v.xlsx", [["indicator", "period", "value"], ["s-publikum", 2020, 5], row], "SSB")
    analysis = analysed(tmp_path, {"data/ssb.xlsx": path})
    assert messages(analysis) == [f"data/ssb.xlsx:SSB!{column}3: {message}"]


def test_a_duplicate_row_names_the_first(tmp_path):
    first = write(tmp_path / "a.csv", "indicator;period;value\ns-publikum;2019;1\n")
    second = workbook(tmp_path / "b.xlsx", [["indicator", "period", "value"], ["s-publikum", "2019", 2]])
    analysis = analysed(tmp_path, {"data/a.csv": first, "data/b.xlsx": second})
    assert messages(analysis) == [
        "data/b.xlsx:Ark1!B2: period: s-publikum har allerede en verdi for 2019 i data/a.csv:2; "
        "en periode kan ha bare én verdi"
    ]
    assert analysis.model.get("s-publikum").values == {"2019": 1.0}


def test_a_value_in_a_file_and_in_frontmatter_names_both(tmp_path):
    path = write(tmp_path / "v.csv", "indicator,period,value\ns-publikum,2020,7\n")
    analysis = analysed(tmp_path, {"data/v.csv": path}, pages=BASE_SITE)
    assert messages(analysis) == [
        "data/v.csv:2: period: s-publikum har allerede en verdi for 2020 i forskning/besok.md:9; "
        "en periode kan ha bare én verdi"
    ]
    assert analysis.model.get("s-publikum").values == {"2019": 104000, "2020": 61000}


def test_a_missing_column_is_named_in_the_header(tmp_path):
    csv_file = write(tmp_path / "v.csv", "indicator;periode;value\ns-publikum;2019;1\n")
    xlsx_file = workbook(tmp_path / "v.xlsx", [["indicator", "period"], ["s-publikum", 2019]])
    analysis = analysed(tmp_path, {"data/v.csv": csv_file, "data/v.xlsx": xlsx_file})
    assert messages(analysis) == [
        "data/v.csv:1: overskrift: ukjent kolonne «periode»; mente du «period»?",
        "data/v.csv:1: overskrift: kolonnen «period» mangler; overskriftsraden skal ha indicator, period, value "
        "(og gjerne note, source)",
        "data/v.xlsx:Ark1!A1: overskrift: kolonnen «value» mangler; overskriftsraden skal ha indicator, period, "
        "value (og gjerne note, source)",
    ]


def test_a_comma_file_with_a_semicolon_in_its_header_is_read_by_commas(tmp_path):
    """The header has both characters: the delimiter is the one that finds the columns (as `strategy
    import-status` decides), so the message is about the one unknown column, not three missing ones."""
    csv_file = write(tmp_path / "v.csv", 'indicator,period,value,"kilde; SSB"\ns-publikum,2019,104000,x\n')
    assert messages(analysed(tmp_path, {"data/v.csv": csv_file})) == [
        "data/v.csv:1: overskrift: ukjent kolonne «kilde; SSB»; kjente kolonner: indicator, period, value, note, source"
    ]


def test_every_bad_row_is_reported_at_once(tmp_path):
    text = "indicator;period;value\nnei;2019;1\ns-publikum;20x;1\ns-publikum;2019;1.000\ns-forskning-1;2019;1\n"
    analysis = analysed(tmp_path, {"d.csv": write(tmp_path / "d.csv", text)})
    assert [m.split(": ")[0:2] for m in messages(analysis)] == [
        ["d.csv:2", "indicator"],
        ["d.csv:3", "period"],
        ["d.csv:4", "value"],
        ["d.csv:5", "indicator"],
    ]
    assert "«s-forskning-1» er en goal, ikke en indikator" in messages(analysis)[-1]
    assert "desimaltegnet er komma" in messages(analysis)[2]


def test_unreadable_files_are_one_message_each(tmp_path):
    latin1 = tmp_path / "l.csv"
    latin1.write_bytes("indicator;period;value\ns-publikum;2019;1 \xe5r\n".encode("latin-1"))
    broken = write(tmp_path / "b.xlsx", "not a workbook")
    ods = write(tmp_path / "x.ods", "")
    analysis = analysed(
        tmp_path, {"l.csv": latin1, "b.xlsx": broken, "mangler.csv": tmp_path / "mangler.csv", "x.ods": ods}
    )
    assert messages(analysis) == [
        "b.xlsx: kan ikke leses som Excel-arbeidsbok (.xlsx): BadZipFile",
        "l.csv:2: filen er ikke UTF-8 (byte 0xe5); lagre som «CSV UTF-8»",
        "mangler.csv: finner ikke filen (stien regnes fra mappen med mkdocs.yml)",
        "x.ods: bruk en CSV-fil (.csv) eller en Excel-fil (.xlsx)",
    ]


# Through MkDocs and the `strategy` command.


def site(root: Path, pages: dict[str, str], data: dict[str, str | Path] | None = None) -> Path:
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    options = ":\n      indicator_data: [" + ", ".join(data or {}) + "]" if data else ""
    for name, content in (data or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            path.write_bytes(content.read_bytes())
        else:
            write(path, content, bom=True)
    config = root / "mkdocs.yml"
    config.write_text(BASE_CONFIG.format(options=options), encoding="utf-8")
    return config


def indicator_figures(built) -> tuple[str, dict]:
    html = built.html("forskning/besok/index.html")
    table = html[html.index('<table data-strategy-block="values">') :]
    table = table[: table.index("</table>")]
    exported = next(i for i in built.export()["entities"] if i["id"] == "s-publikum")
    return table, exported


def test_built_site_shows_the_same_figures_from_frontmatter_csv_and_excel(tmp_path):
    front = build_in_process(site(tmp_path / "front", BASE_SITE), tmp_path / "front" / "site")
    assert front.ok, front.log
    xlsx = workbook(
        tmp_path / "v.xlsx",
        [["indicator", "period", "value"], ["s-publikum", 2019, 104000], ["s-publikum", 2020, 61000]],
    )
    figures = [indicator_figures(front)]
    for name, data in (
        ("csv", "indicator;period;value\ns-publikum;2019;104 000\ns-publikum;2020;61 000\n"),
        ("xlsx", xlsx),
    ):
        root = tmp_path / name
        pages = {**BASE_SITE, "forskning/besok.md": WITHOUT_VALUES}
        built = build_in_process(site(root, pages, {f"data/indikatorer.{name}": data}), root / "site")
        assert built.ok, built.log
        figures.append(indicator_figures(built))
    assert figures[1] == figures[0]
    assert figures[2] == figures[0]
    assert "104\u00a0000" in figures[0][0]


def test_notes_and_sources_from_a_file_show_in_the_values_table(tmp_path):
    text = (
        "indicator;period;value;note;source\ns-publikum;2019;104 000;;SSB\ns-publikum;2020;61 000;Stengt i perioder;\n"
    )
    pages = {**BASE_SITE, "forskning/besok.md": WITHOUT_VALUES}
    built = build_in_process(site(tmp_path, pages, {"data/v.csv": text}), tmp_path / "site")
    assert built.ok, built.log
    table, _ = indicator_figures(built)
    assert '<th scope="col">Merknad</th><th scope="col">Kilde</th>' in table
    assert "<td>Stengt i perioder</td><td></td>" in table
    assert "<td></td><td>SSB</td>" in table


def test_strict_build_and_check_fail_on_a_bad_row_naming_it(tmp_path, monkeypatch, capsys):
    pages = {**BASE_SITE, "forskning/besok.md": WITHOUT_VALUES}
    config = site(tmp_path, pages, {"data/v.csv": "indicator;period;value\ns-publikum;2019;1,2,3\n"})
    built = build_in_process(config, tmp_path / "site")
    assert not built.ok
    assert "data/v.csv:2: value: «1,2,3» er ikke et tall" in built.log
    assert not (tmp_path / "site").exists()
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    # Data files are named from the folder of mkdocs.yml, not the docs folder.
    assert "data/v.csv:2: feil: value: «1,2,3» er ikke et tall" in out.splitlines()[0]
    assert "docs/data" not in out


def test_ci_annotations_name_a_data_file_from_the_repository_and_its_cell(tmp_path):
    from strategy_site.checks.annotations import as_github, as_gitlab

    path = workbook(tmp_path / "v.xlsx", [["indicator", "period", "value"], ["s-publikum", 2020, "x"]])
    problems = analysed(tmp_path, {"data/ssb.xlsx": path}).problems
    problem = next(p for p in problems if p.cell)
    # The docs folder's prefix is for pages; a data file is named from the folder of mkdocs.yml.
    assert as_github([problem], "content/") == "::error file=data/ssb.xlsx,title=Ark1!C2 value::«x» er ikke et tall\n"
    assert '"description": "Ark1!C2 value: «x» er ikke et tall"' in as_gitlab([problem], "content/")
    assert '"path": "data/ssb.xlsx"' in as_gitlab([problem], "content/")


def test_a_strict_build_reads_the_pages_and_the_data_files_once(tmp_path, monkeypatch):
    """The strict pre-check reads and analyses the content; the build then uses what it read, unless a file
    changed on disk in between (compared by time and size)."""
    from strategy_site import plugin
    from strategy_site.glue import files

    calls = {"pages": 0, "data": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(plugin, "read_pages", counted("pages", plugin.read_pages))
    monkeypatch.setattr(files, "read_indicator_data", counted("data", files.read_indicator_data))
    pages = {**BASE_SITE, "forskning/besok.md": WITHOUT_VALUES}
    config = site(tmp_path, pages, {"data/v.csv": SEMICOLON_CSV})
    built = build_in_process(config, tmp_path / "site")
    assert built.ok, built.log
    assert calls == {"pages": 1, "data": 1}
    assert "61\u00a0000" in indicator_figures(built)[0]
    calls.update(pages=0, data=0)
    built = build_in_process(config, tmp_path / "site2", strict=False)
    assert built.ok and calls == {"pages": 1, "data": 1}, built.log
