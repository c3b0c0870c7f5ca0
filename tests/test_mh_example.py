"""The MH faculty's action plan status 2019 in the example site, checked against the board report (seed 002)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

import openpyxl
import pytest
from conftest import SEEDS

MH_SEED = (SEEDS / "mh-handlingsplan-status-2019.txt").read_text(encoding="utf-8")
AREAS = {
    "Utdanning": "mh-utdanning",
    "Forskning": "mh-forskning",
    "Innovasjon": "mh-innovasjon",
    "Formidling": "mh-formidling",
    "Tverrfaglig samhandling": "mh-tverrfaglig",
    "Internasjonalisering": "mh-internasjonalisering",
    "Organisasjon": "mh-organisasjon",
}


def seed_tables() -> dict[str, tuple[list[int], list[int]]]:
    """Per area of the report: the goal number (HP nr.) of each action, and the status levels that survived
    extraction (a level is a lone digit 0–5 at the end of a line; three were lost)."""
    body = MH_SEED.split("Vedlegg:")[0]
    heads = list(re.finditer(r"^\s*(" + "|".join(AREAS) + r"):?\s*$", body, re.M))
    tables = {}
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        text = body[head.end() : following.start() if following else len(body)]
        numbers = [int(n) for n in re.findall(r"^(\d{1,2}) (?=[A-ZÆØÅ])", text, re.M)]
        levels = [int(n) for n in re.findall(r"(?:^|\s)([0-5])[ \t]*$", text, re.M)]
        tables[AREAS[head.group(1)]] = (numbers, levels)
    return tables


def stated(pattern: str) -> tuple[int, ...]:
    match = re.search(pattern, re.sub(r"\s+", " ", MH_SEED))
    return tuple(int(g) for g in match.groups())


@pytest.fixture(scope="module")
def mh(example_site):
    return next(s for s in example_site.export()["strategies"] if s["id"] == "mh")


@pytest.fixture(scope="module")
def mh_actions(example_site):
    return [
        e for e in example_site.export()["entities"] if e["type"] == "action" and e["placed_in"]["strategy"] == "mh"
    ]


def test_seed_tables_hold_32_actions_for_28_goals():
    tables = seed_tables()
    assert len(tables) == 7
    assert sum(len(n) for n, _ in tables.values()) == 32
    assert len({g for n, _ in tables.values() for g in n}) == 28


def test_mh_states_what_the_board_report_states(mh):
    goals_followed, actions = stated(r"(\d+) av målene i strategien følges opp med (\d+) tiltak")
    (started,) = stated(r"igangsatt aktivitet på (\d+) av tiltakene")
    (goals,) = stated(r"strategien (\d+) mål fordelt")
    assert (mh["goals"], mh["goals_with_actions"], mh["actions"], mh["actions_started"]) == (
        goals,
        goals_followed,
        actions,
        started,
    )
    assert (goals, goals_followed, actions, started) == (42, 28, 32, 19)


def test_per_area_figures_match_the_seed_tables(mh, mh_actions):
    tables = seed_tables()
    by_area = {a["id"]: a for a in mh["areas"]}
    assert list(by_area) == list(tables)
    for area_id, (numbers, levels) in tables.items():
        area = by_area[area_id]
        assert area["actions"] == len(numbers), area_id
        assert area["goals_with_actions"] == len(set(numbers)), area_id
        ours = [a for a in mh_actions if a["placed_in"]["area"] == area_id]
        assert sorted(int(a["number"].split(".")[0]) for a in ours) == sorted(numbers), area_id
        # Every level that survived in the seed is the level on the site; the rest are marked as inferred.
        written = Counter(s["level"] for a in ours for s in a["status"] if not s.get("inferred"))
        assert written == Counter(levels), area_id
        inferred = [a for a in ours if any(s.get("inferred") for s in a["status"])]
        assert len(inferred) == len(numbers) - len(levels), area_id
        started = sum(1 for a in ours if a["attainment"]["started"])
        assert area["actions_started"] == started


def test_all_42_goals_are_placed_and_inferred_places_say_so(example_site, mh):
    goals = [e for e in example_site.export()["entities"] if e["type"] == "goal" and e["placed_in"]["strategy"] == "mh"]
    assert sorted(int(g["number"]) for g in goals) == list(range(1, 43))
    for goal in goals:
        page = example_site.html(goal["url"] + "index.html")
        assert "strategidokumentet" in page or "fakultetets strategi 2018–2025" in page
        known = int(goal["number"]) not in {9, 14, 15, 25, 29, 33}
        assert ("er utledet av nummereringen" in page) is not known, goal["id"]


def test_front_page_lists_both_units_and_mh_report_is_linked(example_site):
    home = example_site.html("index.html")
    units = re.search(r'data-strategy-block="units".*?</div>', home, re.S).group(0)
    assert 'data-strategy="vm"' in units and 'data-strategy="mh"' in units
    assert "28 mål følges opp av 32 tiltak; 19 er igangsatt" in units
    mh_page = example_site.html("mh/index.html")
    assert 'href="rapporter/2019/"' in mh_page
    assert 'href="../export/mh/actions.csv"' in mh_page and 'href="../export/mh/handlingsplan.xlsx"' in mh_page


def test_period_report_has_the_board_report_shape(example_site):
    page = example_site.html("mh/rapporter/2019/index.html")
    assert "28 av de 42 målene i strategien følges opp med 32 tiltak" in page
    assert "igangsatt aktivitet på 19 av tiltakene" in page
    tables = re.findall(r'<table data-strategy-block="action-status" data-area="([^"]+)"', page)
    assert tables == list(AREAS.values())
    assert page.count("nivå lest ut av teksten") == 3


def test_csv_and_workbook_hold_every_action(example_site):
    text = (example_site.site / "export/mh/actions.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 32
    assert sum(1 for r in rows if int(r["Statusnivå"]) >= 2) == 19
    assert {r["Område"] for r in rows} == {"Utdanning", "Forskning", "Innovasjon", "Formidling"} | {
        "Tverrfaglig samhandling",
        "Internasjonalisering",
        "Organisasjon",
    }
    book = openpyxl.load_workbook(example_site.site / "export/mh/handlingsplan.xlsx")
    # MH does not rate its goals: no attainment sheet (tests/test_workbook_scales.py).
    assert book.sheetnames == ["Sammendrag", "Tiltak", "Statushistorikk"]
    assert book["Tiltak"].max_row == 33
    first = next(
        r for r in book["Sammendrag"].iter_rows(values_only=True) if r[0] == "siste" and r[1].startswith("Strategi for")
    )
    assert first[2:7] == (42, 28, 32, 19, 4)


def test_editor_overview_lists_what_the_action_plan_lacks(example_site):
    page = example_site.html("redaktor/index.html")
    for code in ("action-without-owner", "action-without-budget", "action-without-risk", "action-without-timeline"):
        assert re.search(f'<a href="#funn-{code}">[^<]+</a>: <span data-count>32</span>', page), code
    assert "mh/utdanning/tiltak/mh-tiltak-3-1.md" in page
