"""Material's search box on the served example site finds a word inside «» and an entity by its id."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

ACTION_PATH = "mh/formidling/tiltak/mh-tiltak-23-1/"
ACTION_TITLE = "Planlegge årlig «guttedag»"
GOAL_PATH = "vm/forskning/vm-forskning-2/"
GOAL_TITLE = "Øke internasjonalt samarbeid og gjennomslag på søknader om forskningsfinansiering"
# An action whose id differs from a sibling's only in its last part (mh-tiltak-12-1).
OTHER_ACTION_PATH = "mh/forskning/tiltak/mh-tiltak-12-2/"
OTHER_ACTION_TITLE = "Etablere systemer for sikker og effektiv lagring og håndtering av forskningsdata"
INDICATOR_PATH = "vm/indikatorer/publikumsbesok/"
INDICATOR_TITLE = "Publikumsbesøk per år"


def search_for(page, query: str):
    """Type `query` into the open search box as a reader does; the result items once Material has shown them."""
    search = page.get_by_role("textbox", name="Søk")
    results = page.locator(".md-search-result__item")
    # Empty the box with a key, so Material clears the previous query's results before the next is typed.
    search.press("Control+A")
    search.press("Backspace")
    expect(results).to_have_count(0)
    # Material searches on key-up; «» are typed as text without a key, so End sends one for the whole query.
    search.press_sequentially(query)
    search.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ treff$"), timeout=15000)
    return results


@pytest.mark.parametrize(
    ("query", "path", "title"),
    [
        pytest.param("guttedag", ACTION_PATH, ACTION_TITLE, id="word"),
        pytest.param("«guttedag»", ACTION_PATH, ACTION_TITLE, id="word in Norwegian quotes"),
        # The separator splits an id into its parts (vm, forskning, 2), which Material looks for one by one in
        # hundreds of sections; the entity's page carries its id as a tag, which weighs the most.
        pytest.param("vm-forskning-2", GOAL_PATH, GOAL_TITLE, id="goal id"),
        pytest.param("mh-tiltak-12-2", OTHER_ACTION_PATH, OTHER_ACTION_TITLE, id="action id"),
        pytest.param("vm-publikumsbesok", INDICATOR_PATH, INDICATOR_TITLE, id="indicator id"),
    ],
)
def test_search_box_finds_the_page(page, served_site, query, path, title):
    """The page is the first result."""
    page.goto(served_site.url)
    page.get_by_role("textbox", name="Søk").click()
    results = search_for(page, query)
    url = served_site.url_of(path)
    # Material adds the query (`?h=guttedag`) to the page's address.
    first = results.first.locator("a").first
    expect(first).to_have_attribute("href", re.compile("^" + re.escape(url) + r"(\?|$)"))
    expect(first).to_contain_text(title)


def test_a_second_query_in_the_same_box_finds_the_word_inside_quotes(page, served_site):
    page.goto(served_site.url)
    page.get_by_role("textbox", name="Søk").click()
    for query in ("guttedag", "«guttedag»"):
        results = search_for(page, query)
        expect(results.filter(has=page.locator(f'a[href^="{served_site.url_of(ACTION_PATH)}"]')).first).to_be_visible()
