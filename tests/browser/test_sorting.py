"""The all-goals table sorts by a column in the browser and returns to its grouping by area."""

from __future__ import annotations


def test_goal_table_sorts_by_rating_and_restores_groups(page, served_site, screenshot):
    page.goto(served_site.url_of("vm/"))
    table = page.locator('table[data-strategy-block="goals"]')
    rows = table.locator("tbody tr[data-goal]")
    grouped = rows.evaluate_all("rows => rows.map(r => r.dataset.goal)")
    assert len(grouped) == 42

    rating = table.locator("thead th").nth(3)
    rating.locator("button").click()
    assert rating.get_attribute("aria-sort") == "ascending"
    ascending = rows.evaluate_all("rows => rows.map(r => r.dataset.rating)")
    assert ascending[0] == "NEI" and ascending[-1] == "JA"
    assert table.locator("tr.strategy-group:visible").count() == 0

    rating.locator("button").click()
    assert rating.get_attribute("aria-sort") == "descending"
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.rating)")[0] == "JA"
    assert "synkende" in page.locator(".strategy-sort-status").text_content()
    screenshot(page, "vm-goals-sorted")

    page.locator(".strategy-sort-reset").click()
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.goal)") == grouped
    assert table.locator("tr.strategy-group:visible").count() == 10
