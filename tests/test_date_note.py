"""Marks the site dated itself (the museum's: the strategy document gives no date) carry a short note wherever
their date is shown: a marker with the note as title and spoken label, linking to the section that explains it."""

from __future__ import annotations

import re

import pytest
from conftest import BASE_SITE, build_once

from strategy_site.checks.anchors import missing_section
from strategy_site.core.load import Record
from strategy_site.core.models import DateNote, Strategy

NOTE = "Kilden oppgir ingen dato; nettstedet bruker 2022."
FILES = {
    **BASE_SITE,
    "index.md": BASE_SITE["index.md"]
    .replace(
        "period:",
        f'undated_assessments: {{periods: ["2022"], note: "{NOTE}", section: nar-vurderingene-ble-gjort}}\nperiod:',
    )
    .replace("Innledning.", "Innledning.\n\n## Når vurderingene ble gjort\n\nForklaringen."),
}
MARKER = (
    '<sup class="strategy-date-note" data-search-exclude><a href="{href}#nar-vurderingene-ble-gjort" title="{note}" '
    'aria-label="Om datoen: {note}">*</a></sup>'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, FILES)


def test_a_mark_the_site_dated_carries_the_note_where_its_date_is_shown(site):
    page = site.html("forskning/s-forskning-1/index.html")
    marker = MARKER.format(href="../../", note=NOTE)
    # The goal's facts (latest rating, 2022) and the 2022 row of its history; the 2021 mark has its own date.
    assert f'<span class="strategy-muted">(2022{marker})</span>' in page
    assert re.search(r'id="vurdering-2022">\s*<th scope="row" rowspan="1">2022' + re.escape(marker), page)
    assert re.search(r'id="vurdering-2021">\s*<th scope="row" rowspan="1">2021</th>', page)
    assert page.count('class="strategy-date-note"') == 2
    assert 'id="nar-vurderingene-ble-gjort"' in site.html("index.html")
    goal = next(e for e in site.export()["entities"] if e["id"] == "s-forskning-1")
    assert goal["attainment"]["period"] == "2022" and goal["attainment"]["period_note"] == NOTE


def test_a_mark_with_its_own_date_carries_no_note(base_site):
    assert 'class="strategy-date-note"' not in base_site.html("forskning/s-forskning-1/index.html")
    goal = next(e for e in base_site.export()["entities"] if e["id"] == "s-forskning-1")
    assert "period_note" not in goal["attainment"]


def test_every_museum_mark_carries_the_note_in_the_example_site(example_site):
    goals = [e for e in example_site.export()["entities"] if e["type"] == "goal" and e["id"].startswith("vm-")]
    assert len(goals) == 42
    notes = {g["attainment"].get("period_note") for g in goals}
    assert len(notes) == 1 and "ingen dato" in notes.pop()
    page = example_site.html("vm/forskning/vm-forskning-2/index.html")
    assert '<a href="../../#nar-vurderingene-ble-gjort"' in page


def test_a_section_the_strategy_page_does_not_have_fails_the_build_naming_file_line_and_field(build_site):
    files = {**FILES, "index.md": FILES["index.md"].replace("section: nar-vurderingene-ble-gjort", "section: nar")}
    built = build_site(files)
    built.assert_failed_after_rendering(
        [
            "index.md:6: undated_assessments.section: strategisiden har ikke ankeret «nar»; "
            # The page's own heading and the headings of its blocks: the ids a link reaches on the finished page.
            "overskriftene har ankrene nar-vurderingene-ble-gjort, maloppnaelse-per-omrade, alle-utviklingsmal"
        ]
    )


def _strategy(section: str, line: int = 7) -> Record:
    note = DateNote(periods=["2022"], note=NOTE, section=section)
    entity = Strategy(type="strategy", id="s", title="S", unit="U", period={"start": 2018, "end": 2025})
    entity.undated_assessments = note
    return Record(entity, "s/index.md", {("undated_assessments", "section"): line})


PAGE = (
    '<h1>Strategi</h1><h2 id="nar-vurderingene-ble-gjort">Når vurderingene ble gjort</h2>'
    '<p id="forklaring">…</p><h2 id="arshjul">Årshjul</h2><h3 id="a&amp;b">A og B</h3>'
)


@pytest.mark.parametrize("section", ["nar-vurderingene-ble-gjort", "forklaring", "a&b"])
def test_any_id_on_the_finished_page_is_a_section_a_note_can_link_to(section):
    assert missing_section(_strategy(section), PAGE) is None


@pytest.mark.parametrize(
    ("section", "says"),
    [
        ("nar-vurderingen-ble-gjort", "; mente du «nar-vurderingene-ble-gjort»?"),
        ("#arshjul", "; mente du «arshjul»?"),
        ("når-vurderingene-ble-gjort", "; mente du «nar-vurderingene-ble-gjort»?"),
        ("dato", "; overskriftene har ankrene nar-vurderingene-ble-gjort, arshjul, a&b"),
    ],
)
def test_a_missing_section_names_the_field_its_line_and_what_the_page_has(section, says):
    problem = missing_section(_strategy(section, line=9), PAGE)
    where = "s/index.md:9: undated_assessments.section"
    assert str(problem) == f"{where}: strategisiden har ikke ankeret «{section}»{says}"


def test_a_page_without_headings_says_so():
    problem = missing_section(_strategy("dato"), "<p>Bare tekst.</p>")
    assert problem.message == "strategisiden har ikke ankeret «dato»; siden har ingen overskrifter å lenke til"
