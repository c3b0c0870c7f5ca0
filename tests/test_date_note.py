"""Marks the site dated itself (the museum's: the strategy document gives no date) carry a short note wherever
their date is shown: a marker with the note as title and spoken label, linking to the section that explains it."""

from __future__ import annotations

import re

import pytest
from conftest import BASE_SITE, build_once

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
    '<sup class="strategy-date-note"><a href="{href}#nar-vurderingene-ble-gjort" title="{note}" '
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
