"""Material's search box on the served example site finds a word inside «» and an entity by its id."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

ACTION_PATH = "mh/formidling/tiltak/mh-tiltak-23-1/"
ACTION_TITLE = "Planlegge årlig «guttedag»"
GOAL_PATH = "vm/forskning/vm-forskning-2/"
GOAL_TITLE = "Øke internasjonalt samarbeid og gjennomslag på søknader om forskningsfinansiering"


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
        pytest.param(
            "vm-forskning-2",
            GOAL_PATH,
            GOAL_TITLE,
            id="id",
            # The separator splits the id into vm, forskning and 2, which Material looks for one by one: 152 hits,
            # and the goal is not among the first shown. Strict: the test fails once the id finds the goal.
            marks=pytest.mark.xfail(strict=True, reason="an id is not found as a whole (issue 17)"),
        ),
    ],
)
def test_search_box_finds_the_page(page, served_site, query, path, title):
    """The page is among the results shown first (Material shows ten and more on scrolling)."""
    page.goto(served_site.url)
    page.get_by_role("textbox", name="Søk").click()
    results = search_for(page, query)
    url = served_site.url_of(path)
    # Material adds the query (`?h=guttedag`) to the page's address.
    hit = results.filter(has=page.locator(f'a[href^="{url}"]'))
    expect(hit.first).to_be_visible()
    expect(hit.first).to_contain_text(title)


def test_a_second_query_in_the_same_box_finds_the_word_inside_quotes(page, served_site):
    page.goto(served_site.url)
    page.get_by_role("textbox", name="Søk").click()
    for query in ("guttedag", "«guttedag»"):
        results = search_for(page, query)
        expect(results.filter(has=page.locator(f'a[href^="{served_site.url_of(ACTION_PATH)}"]')).first).to_be_visible()
