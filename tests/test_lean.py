"""Lean pages: the search index holds what a page says, not the tables that repeat other pages."""

from __future__ import annotations

import json

from conftest import BASE_SITE


def _index(built) -> dict[str, str]:
    docs = json.loads(built.html("search/search_index.json"))["docs"]
    text: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return text


def test_search_finds_a_goal_on_its_own_page_not_in_every_table_that_lists_it(base_site):
    built = base_site
    index = _index(built)
    # The goal's page is found by its title and by the facts it states (owner, assessment note).
    assert "Styrke forskergrupper" in index["forskning/s-forskning-1/"]
    assert "Forskningsdirektør" in index["forskning/s-forskning-1/"]
    # The area page lists the goal in its tables, but search does not send people there for it.
    assert "Styrke forskergrupper" not in index["forskning/"]
    # The tables are still on the pages, in place, with no marker left behind.
    area = built.html("forskning/index.html")
    assert "Styrke forskergrupper" in area and "strategy-late" not in area
    article = area[area.index("<article") :]
    assert article.index('id="utviklingsmal"') < article.index("Styrke forskergrupper")


def test_search_blocks_are_configurable(build_site):
    built = build_site(BASE_SITE, options="search_blocks: [facts, statements, goals]")
    assert built.ok, built.log
    assert "Styrke forskergrupper" in _index(built)["forskning/"]
