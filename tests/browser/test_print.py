"""Handouts: a period report and a dashboard printed to A4 PDF keep every table caption whole, number their pages
and end without a near-empty last page.

Chromium draws no content in CSS @page margin boxes, so the page numbers come from the PDF command's footer
(Playwright's `footer_template`, the same as Chromium's own «Topp- og bunntekst» when printing from the
browser); the page's short link and the print date are a print-only footer the site adds (links.js, print.css).
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

PRINTED = [("perioderapport", "mh/rapporter/2019/"), ("styringskort", "vm/styringskort/")]
# Page numbers in the bottom margin, in Norwegian.
PAGE_NUMBERS = (
    '<div style="font-size:8pt;width:100%;text-align:right;margin-right:14mm">'
    'Side <span class="pageNumber"></span> av <span class="totalPages"></span></div>'
)
# Captions of the tables the printout shows (the wide tables folded on screen are left out of print).
CAPTIONS = """
() => [...document.querySelectorAll('.md-content table caption')]
  .filter(c => c.offsetParent !== null)
  .map(c => c.textContent.trim())
"""


def squeeze(text: str) -> str:
    """Text without white space: PDF text extraction breaks lines and words where the layout wrapped them."""
    return re.sub(r"\s+", "", text)


# print.css: the bottom page margin, where the PDF command writes the page numbers.
BOTTOM_MARGIN_PT = 16 / 25.4 * 72


def used_height(page) -> float:
    """The share of a PDF page's height from its top down to its lowest line of text, footers left out."""
    lows: list[float] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and "skrevet ut" not in text and y > BOTTOM_MARGIN_PT:
            lows.append(y)

    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    return (height - min(lows)) / height if lows else 0.0


@pytest.mark.parametrize(("kind", "path"), PRINTED, ids=[kind for kind, _ in PRINTED])
def test_printout_has_whole_captions_and_no_empty_last_page(page, served_site, artifacts, kind, path):
    page.goto(served_site.url_of(path))
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    captions = page.evaluate(CAPTIONS)
    assert captions, f"{path} shows no table when printed"
    pdf = artifacts / f"utskrift-{kind}.pdf"
    page.pdf(
        path=str(pdf),
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=PAGE_NUMBERS,
    )
    reader = PdfReader(pdf)
    text = squeeze(" ".join(p.extract_text() or "" for p in reader.pages))
    for caption in captions:
        assert squeeze(caption) in text, f"caption not whole in the PDF of {path}: {caption!r}"
    assert squeeze(f"Side 1 av {len(reader.pages)}") in text
    assert squeeze("skrevet ut") in text and squeeze(served_site.url) in text
    for number, pdf_page in enumerate(reader.pages, start=1):
        assert used_height(pdf_page) >= 0.1, f"page {number} of {len(reader.pages)} of {path} is nearly empty"
