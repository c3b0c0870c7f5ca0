"""What a person does on the site, in Chromium: search, follow links between goals and areas, move between
pages with instant navigation, switch palette and print a report."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pypdf import PdfReader

from .pages import PRINTED_REPORT

GOAL_PATH = "vm/forskning/vm-forskning-2/"
GOAL_TITLE = "Øke internasjonalt samarbeid og gjennomslag på søknader om forskningsfinansiering"
AREA_PATH = "vm/forskning/"
AREA_TITLE = "Vår forskning"


def heading(page):
    return page.locator(".md-content h1")


def test_search_for_a_norwegian_word_lands_on_the_goal(page, served_site, screenshot):
    page.goto(served_site.url)
    search = page.get_by_role("textbox", name="Søk")
    search.click()
    # The search overlay is a dialog; a screen reader names it.
    expect(page.get_by_role("dialog", name="Søk")).to_be_visible()
    # Material searches on key-up (fill() sends none) and again when its web worker has built the index, so
    # type key by key and give the worker time to build the index before the results show.
    results = page.locator(".md-search-result__item")
    search.press_sequentially("søknader")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ treff$"), timeout=15000)
    screenshot(page, "sok-soknader")
    first = results.first
    expect(first).to_contain_text(GOAL_TITLE)
    first.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(served_site.url_of(GOAL_PATH))))
    expect(heading(page)).to_have_text(GOAL_TITLE)


def test_cross_links_from_goal_to_area_and_back(page, served_site, screenshot):
    page.goto(served_site.url_of(GOAL_PATH))
    page.locator(".strategy-facts").get_by_role("link", name=AREA_TITLE).click()
    expect(page).to_have_url(served_site.url_of(AREA_PATH))
    expect(heading(page)).to_have_text(AREA_TITLE)
    screenshot(page, "kryss-omrade")
    goals = page.locator("table[data-strategy-block=goals]")
    goals.get_by_role("link", name=GOAL_TITLE).click()
    expect(page).to_have_url(served_site.url_of(GOAL_PATH))
    expect(heading(page)).to_have_text(GOAL_TITLE)
    screenshot(page, "kryss-mal")


def test_instant_navigation_changes_page_without_reloading(page, served_site, screenshot):
    page.goto(served_site.url_of(AREA_PATH))
    # A full page load would start a new window object and lose this mark; instant navigation keeps it.
    page.evaluate("window.strategyTestMark = 'samme vindu'")
    page.locator("table[data-strategy-block=goals]").get_by_role("link", name=GOAL_TITLE).click()
    expect(heading(page)).to_have_text(GOAL_TITLE)
    assert page.url == served_site.url_of(GOAL_PATH)
    assert page.evaluate("window.strategyTestMark") == "samme vindu"
    assert page.title().startswith(GOAL_TITLE)
    page.go_back()
    expect(heading(page)).to_have_text(AREA_TITLE)
    assert page.evaluate("window.strategyTestMark") == "samme vindu"
    screenshot(page, "direkte-navigasjon")


def test_palette_switch_to_dark_and_it_is_remembered(page, served_site, screenshot):
    page.emulate_media(color_scheme="light")
    page.goto(served_site.url_of(GOAL_PATH))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Bytt til mørk modus").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    screenshot(page, "palett-mork")
    page.goto(served_site.url_of(AREA_PATH))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Bytt til lys modus").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_print_a_report_page_to_pdf(page, served_site, artifacts, screenshot):
    path, title, expected_text = PRINTED_REPORT
    page.goto(served_site.url_of(path))
    page.emulate_media(media="print")
    screenshot(page, "utskrift")
    pdf = artifacts / "utskrift.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(pdf)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert title in text
    for expected in expected_text:
        assert expected in text, f"{expected!r} missing from the printed PDF"
    # The print shows the report, not the site's navigation and search.
    assert "Hopp til innhold" not in text and "Søk" not in text.split(title)[0]
