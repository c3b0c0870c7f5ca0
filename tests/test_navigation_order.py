"""«Forrige» and «Neste» and the menus follow the strategy's order, not the alphabet of folders and files."""

from __future__ import annotations

import html
import re


def _footer(page: str) -> dict[str, str]:
    """The titles that Material's footer links «Forrige» and «Neste» point to."""
    found = re.findall(r'md-footer__link--(prev|next)"[^>]*aria-label="(?:Forrige|Neste): ([^"]*)"', page)
    return {kind: html.unescape(title) for kind, title in found}


def test_previous_and_next_on_an_area_page_follow_the_areas_order(example_site):
    # Vår forskning (order 2) comes after Samlinger (order 1): its «Forrige» is Samlinger's last goal, not a goal
    # of «formidling», which the folders' alphabet put before «forskning».
    footer = _footer(example_site.html("vm/forskning/index.html"))
    assert footer["prev"].startswith("Videreutvikle en offensiv politikk for tilgjengeliggjøring")
    assert footer["next"].startswith("Styrke forskergrupper")


def test_previous_and_next_on_a_goal_page_follow_the_goals_numbers(example_site):
    footer = _footer(example_site.html("vm/forskning/vm-forskning-1/index.html"))
    assert footer == {
        "prev": "Vår forskning",
        "next": "Øke internasjonalt samarbeid og gjennomslag på søknader om forskningsfinansiering",
    }


def test_a_units_area_dashboards_are_listed_in_the_areas_order(example_site):
    page = example_site.html("mh/styringskort/index.html")
    nav = page[page.index("md-nav--primary") :]
    links = [m for m in re.findall(r'href="(mh-[a-z]+)/"', nav)]
    order = list(dict.fromkeys(links))
    assert order == [
        "mh-utdanning",
        "mh-forskning",
        "mh-innovasjon",
        "mh-formidling",
        "mh-tverrfaglig",
        "mh-internasjonalisering",
        "mh-organisasjon",
    ]
