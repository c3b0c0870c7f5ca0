"""The briefing book: the example meeting printed to PDF by Chromium and read back, and the build's PDF option."""

from __future__ import annotations

import re

import pytest
from conftest import BASE_SITE, ROOT
from pypdf import PdfReader
from test_meetings import MEETING

from strategy_site.core.models import Meeting
from strategy_site.exports.briefing import print_books
from strategy_site.glue.command import load_site

from .conftest import CHROMIUM

MEETING_ID = "vm-ledersamling-2022-09"


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


@pytest.fixture(scope="module")
def example_meeting():
    """The example meeting and the titles of its items, from the content."""
    model = load_site(str(ROOT / "mkdocs.yml")).analysis.model
    meeting = model.get(MEETING_ID)
    assert isinstance(meeting, Meeting)
    return meeting, [(item.ref, model.get(item.ref).title) for item in meeting.items]


def test_briefing_book_of_the_example_meeting(served_site, artifacts, example_meeting):
    meeting, items = example_meeting
    pdf = artifacts / f"{MEETING_ID}.pdf"
    print_books([(served_site.url_of("vm/moter/ledersamling-2022-09/"), pdf)], CHROMIUM)
    reader = PdfReader(pdf)
    pages = [_text(p) for p in reader.pages]
    # A cover, the contents, the minutes' own sections, then every item on a page of its own, and the decisions.
    assert len(pages) >= 2 + len(items) + 1
    assert pages[0].startswith(meeting.title) and "2. september 2022" in pages[0]
    assert "NTNU Vitenskapsmuseet" in pages[0]
    assert pages[1].startswith("Innhold")
    starts = []
    for number, (ref, title) in enumerate(items, start=1):
        heading = f"Sak {number}: {title}"
        assert heading in pages[1], f"{heading} missing from the contents"
        found = [
            i for i, text in enumerate(pages) if text.startswith(heading) or f"Saker Status per 2022. {heading}" in text
        ]
        assert len(found) == 1, f"{heading}: on pages {found}"
        assert f"{served_site.url}m/{ref}/" in pages[found[0]], f"short link of {ref} not printed"
        starts.append(found[0])
    assert starts == sorted(set(starts)), "each item starts a page of its own, in agenda order"
    assert meeting.decisions[0] in " ".join(pages[starts[-1] :])
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in text
    assert reader.metadata.title == meeting.title
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb"
    assert root["/MarkInfo"]["/Marked"]  # tagged PDF: headings, lists and tables as structure
    bookmarks = [b["/Title"] for b in reader.outline[1] if not isinstance(b, list)]
    assert "Saker" in bookmarks and "Vedtak" in bookmarks


def test_build_makes_the_meeting_pdfs_and_links_them(build_site):
    built = build_site({**BASE_SITE, "moter/2022-10.md": MEETING}, options="meeting_pdfs: true")
    assert built.ok, built.log
    pdf = built.site / "moter/2022-10/s-styremote-2022.pdf"
    assert pdf.is_file()
    assert '<a href="s-styremote-2022.pdf" class="strategy-pdf-link" download>Last ned som PDF</a>' in built.html(
        "moter/2022-10/index.html"
    )
    reader = PdfReader(pdf)
    assert reader.metadata.title == "Styremøte oktober 2022"
    assert "Forskergruppene må følges opp" in " ".join(_text(p) for p in reader.pages)
