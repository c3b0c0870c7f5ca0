"""Hostile text is text: HTML, scripts, quotes and Markdown tricks in every field are escaped in every output.

One fixture site puts the same hostile string into every text field of every page type. The build must pass,
show the text as written, and no output file (pages, short-link pages, search index, export) may contain a
single element, attribute or link that came from it.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from strategy_site.exports.safe_text import json_for_html, markdown_literal, spreadsheet_cell

HOSTILE = (
    "X<script>alert(1)</script></script><img src=x onerror=alert(2)>\"'><b>fet</b> "
    "[lenke](javascript:alert(3)) *kursiv* `kode` &amp; {{ jinja }} {% raw %} <!-- k --> ${x} =1+2"
)
LONG = "Lang tekst " * 2000


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


H = quoted(HOSTILE)
HOSTILE_SITE = {
    "index.md": f"""---
type: strategy
id: s
title: {quoted("Strategi " + HOSTILE)}
unit: {quoted("Enhet " + HOSTILE)}
owner: {H}
editor: {H}
period: {{start: 2018, end: 2025}}
statements:
  - text: {H}
    assessments:
      - {{period: "2022", rating: JA, note: {H}, part: {H}}}
---
Se [[s-mal]], [[s-omrade]] og [[s-tiltak]].

<!-- strategy/statements strategy=s -->
<!-- strategy/units -->
<!-- strategy/charts strategy=s -->
<!-- strategy/key-figures strategy=s -->
<!-- strategy/indicators strategy=s -->
""",
    "omrade.md": f"---\ntype: area\nid: s-omrade\ntitle: {quoted('Område ' + HOSTILE)}\ngroup: {H}\nowner: {H}\n"
    f"pillars: [{H}]\n---\n",
    "mal.md": f"---\ntype: goal\nid: s-mal\narea: s-omrade\ntitle: {quoted('Mål ' + HOSTILE)}\nnumber: {H}\n"
    f"level: {H}\nowner: {H}\neditor: {H}\ndeadline: 2024\nassessments:\n"
    f'  - {{period: "2022", rating: JA-, note: {H}, part: {H}}}\n---\n',
    "delmal.md": f"---\ntype: goal\nid: s-delmal\nparent: s-mal\ntitle: {quoted('Delmål ' + HOSTILE)}\n"
    f'assessments:\n  - {{period: "2023", rating: NEI, note: {quoted(LONG)}}}\n---\n',
    "indikator.md": f"---\ntype: indicator\nid: s-indikator\ngoals: [s-mal]\n"
    f"title: {quoted('Indikator ' + HOSTILE)}\nunit_of_measure: {H}\nsource: {H}\n"
    "baseline: {period: '2018', value: 1}\ntarget: {period: '2025', value: 2}\nvalues: {'2019': 1.5}\n---\n",
    "tiltak.md": f"---\ntype: action\nid: s-tiltak\ngoals: [s-mal]\ntitle: {quoted('Tiltak ' + HOSTILE)}\n"
    # Values a spreadsheet would run as formulas: the CSV and Excel exports must neutralise them.
    f"plan: {H}\nnumber: {H}\nresponsible: {quoted('@SUM(A1) ' + HOSTILE)}\nowner: {quoted('=1+2 ' + HOSTILE)}\n"
    f"financing: {quoted('+47 ' + HOSTILE)}\nstart: 2019-01\nend: 2020-12\n"
    f"budget: {{hours: 1, nok: 2}}\nrisk: {{level: high, note: {H}}}\n"
    f"milestones:\n  - {{period: 2019-T3, title: {H}}}\n"
    f"status:\n  - {{period: 2019-T2, level: 2, note: {quoted('-1 ' + HOSTILE)}}}\n---\n",
}


class MarkupFinder(HTMLParser):
    """Collects every element, attribute and link in an HTML text that the hostile string could have made."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        if tag in ("b", "script"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self._in and self._in[-1] == "b" and "fet" in data:
            self.found.append("<b>fet</b>")
        if self._in and self._in[-1] == "script" and "alert(" in data:
            self.found.append("<script>alert(…)</script>")


def markup_in(html: str) -> tuple[list[str], str]:
    """The elements made from hostile text, and the page's text as a reader sees it."""
    finder = MarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.found, "".join(finder.text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from conftest import build_once

    return build_once(tmp_path_factory, HOSTILE_SITE)


def output_files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


def test_no_page_contains_markup_from_hostile_text(hostile):
    pages = output_files(hostile.site, ".html")
    assert len(pages) >= 12  # entity pages, short-link pages, 404
    for page in pages:
        found, _ = markup_in(page.read_text(encoding="utf-8"))
        assert found == [], f"{page.relative_to(hostile.site)}: {found}"


@pytest.mark.parametrize("page", ["index.html", "mal/index.html", "tiltak/index.html", "indikator/index.html"])
def test_hostile_text_is_shown_as_written(hostile, page):
    html = hostile.html(page)
    _, text = markup_in(html)
    assert text.count(HOSTILE) >= 2  # the title or the link text, and the fields of the page
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "&lt;script&gt;" in title


def test_body_links_by_id_show_the_title_as_text(hostile):
    found, text = markup_in(hostile.html("index.html"))
    assert found == []
    assert f"Se Mål {HOSTILE}, Område {HOSTILE} og Tiltak {HOSTILE}." in text


def test_navigation_titles_are_escaped(hostile):
    html = hostile.html("omrade/index.html")
    assert "Tiltak X&lt;script&gt;alert(1)&lt;/script&gt;" in html  # in the navigation of another page
    assert "<script>alert(1)" not in html


def test_the_search_index_holds_no_markup_from_hostile_text(hostile):
    # Material's search shows titles and text as HTML, so they must be escaped inside the JSON strings.
    index = json.loads((hostile.site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert any("&lt;script&gt;" in t for t in titles)
    for doc in index["docs"]:
        for field in ("title", "text"):
            found, _ = markup_in(doc[field])
            assert found == [], f"{doc['location']} {field}: {found}"


def test_the_export_keeps_hostile_text_as_data_and_holds_no_markup(hostile):
    raw = (hostile.site / "export/strategy.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    entities = {e["id"]: e for e in json.loads(raw)["entities"]}
    assert entities["s-mal"]["title"] == "Mål " + HOSTILE
    assert entities["s-tiltak"]["risk"]["note"] == HOSTILE
    assert entities["s-delmal"]["assessments"][0]["note"] == LONG.strip()


def strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [s for item in items for s in strings_in(item)]


def test_chart_figures_show_hostile_text_as_text(hostile):
    # Plotly reads a few HTML tags in labels, titles and hover texts (<b>, <a href>, <br>): editors' text in a
    # figure must reach it with < > & as entities, leaving only the line breaks and hover boxes we write.
    figures = []
    for page in output_files(hostile.site, ".html"):
        for spec in re.findall(r'data-figure="(\{[^"]*)"', page.read_text(encoding="utf-8")):
            figures.append((page.relative_to(hostile.site), json.loads(html.unescape(spec))))
    assert len(figures) >= 3
    shown = [text for _, figure in figures for text in strings_in(figure)]
    assert any("&lt;script&gt;alert(1)" in text for text in shown)
    for page, figure in figures:
        for text in strings_in(figure):
            assert "<" not in re.sub(r"</?(br|extra)>", "", text), f"{page}: {text[:120]}"


def test_every_output_file_is_free_of_raw_hostile_markup(hostile):
    """A blunt check over everything the build wrote that a browser may read as markup or script.

    CSV is data for a spreadsheet, which shows `<b>` as the text it is; there the danger is a formula
    (see `test_spreadsheets_hold_no_formula`)."""
    for path in output_files(hostile.site, ".html", ".json", ".js", ".xml", ".txt"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for raw in ("<script>alert(1)", "<img src=x onerror", "<b>fet</b>", 'href="javascript:'):
            assert raw not in text, f"{path.relative_to(hostile.site)} contains {raw!r}"


def test_spreadsheets_hold_no_formula(hostile):
    import csv
    import io

    import openpyxl

    for path in output_files(hostile.site, ".csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        assert rows and all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row), path
    books = output_files(hostile.site, ".xlsx")
    assert books
    for path in books:
        for sheet in openpyxl.load_workbook(path):
            for row in sheet.iter_rows(values_only=True):
                assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in row), path


class TestHelpers:
    def test_markdown_literal_renders_as_written(self):
        import markdown

        html = markdown.markdown(markdown_literal(HOSTILE))
        found, text = markup_in(html)
        assert found == [] and text == HOSTILE

    def test_json_for_html_round_trips_and_cannot_close_a_script(self):
        data = {"t": HOSTILE + "\u2028</script><!--"}
        text = json_for_html(data)
        assert json.loads(text) == data
        assert not any(c in text for c in "<>&\u2028")

    @pytest.mark.parametrize("value", ["=1+2", "+47 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
    def test_spreadsheet_formulas_are_neutralised(self, value):
        assert spreadsheet_cell(value) == "'" + value

    @pytest.mark.parametrize("value", ["Tekst", "", -5, 3.5, None, "1-2"])
    def test_other_cells_stay_as_they_are(self, value):
        assert spreadsheet_cell(value) == value


def test_an_actions_status_is_not_read_as_materials_page_status(hostile):
    # Material prints `page.meta.status` as a class name in the navigation; ours is the status history.
    for page in output_files(hostile.site, ".html"):
        assert "md-status--" not in page.read_text(encoding="utf-8"), page
