"""A unit that rates no goals (MH, `rating_scale: none`) shows no rating-scale table, card or column."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["mh/", "mh/styringskort/", "mh/utdanning/", "mh/styringskort/mh-utdanning/"])
def test_mh_pages_show_no_ratings(page, served_site, path):
    page.goto(served_site.url_of(path))
    assert page.locator('table[data-strategy-block="attainment"]').count() == 0
    assert page.locator('[data-figure="reached"]').count() == 0
    assert page.locator('table[data-strategy-block="goals"] th:text-is("Måloppnåelse")').count() == 0
    assert page.get_by_text("Ikke vurdert", exact=True).count() == 0
    assert page.locator('[data-strategy-block="no-rating-scale"]').first.is_visible()
