"""Real builds of fixture sites with action plans: period reports with changes, lints, exports, two units."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import BASE_SITE, Built, build_once

TWO_PERIODS = {
    **BASE_SITE,
    "forskning/tiltak-2.md": """
        ---
        type: action
        id: s-tiltak-2
        goals: [s-forskning-2]
        title: Styrke søknadsstøtten
        owner: Forskningsdirektør
        start: 2019-01
        end: 2019-12
        budget: {nok: 100000}
        risk: {level: low}
        milestones:
          - {period: 2019-06, title: Søknadsverksted holdt, done: true}
          - {period: 2019-T3, title: Ny rutine for budsjettstøtte}
        status:
          - {period: 2019-T2, level: 3, note: Godt i gang.}
          - {period: 2019-T3, level: 1, note: "=HYPERLINK(\\"http://x\\")"}
        ---
        """,
    "forskning/tiltak-3.md": """
        ---
        type: action
        id: s-tiltak-3
        goals: [s-forskning-2]
        title: Søke EU-midler
        status:
          - {period: 2019-T2, level: 2}
        ---
        """,
    "forskning/tiltak-4.md": """
        ---
        type: action
        id: s-tiltak-4
        goals: [s-forskning-1]
        title: Nytt tiltak
        status:
          - {period: 2019-T3, level: 0, note: Vedtatt i høst.}
        ---
        """,
}


@pytest.fixture(scope="module")
def two_periods(tmp_path_factory) -> Built:
    """TWO_PERIODS built once, for the tests that only read what it wrote."""
    return build_once(tmp_path_factory, TWO_PERIODS)


def change_marks(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr data-action="([^"]+)"[^>]*data-change="([^"]+)"', html)
    return dict(rows)


def test_period_reports_show_what_changed_since_the_previous_period(two_periods):
    built = two_periods
    first = built.html("rapporter/2019-T2/index.html")
    second = built.html("rapporter/2019-T3/index.html")
    assert change_marks(first) == {
        "s-tiltak-1": "new",
        "s-tiltak-3": "new",
        "s-tiltak-2": "new",
        "s-tiltak-4": "unreported",
    }
    assert change_marks(second) == {
        "s-tiltak-1": "up",
        "s-tiltak-3": "stale",
        "s-tiltak-2": "down",
        "s-tiltak-4": "new",
    }
    # Marks are signs and words, not colour alone; the previous level is named.
    assert "▲</span> Opp siden forrige periode" in second and "(fra 0 i 2. tertial 2019)" in second
    assert "▼</span> Ned siden forrige periode" in second
    assert "Ikke oppdatert i perioden" in second
    assert '<a href="../2019-T2/">2. tertial 2019</a>' in second
    # Figures for the period count each action's latest status at its end.
    assert "2 av de 2 målene i strategien følges opp med 4 tiltak" in second
    assert "igangsatt aktivitet på 2 av tiltakene" in second  # tiltak-1 (2) and the stale tiltak-3 (2)
    index = re.search(r'data-strategy-block="reports".*?</ul>', built.html("rapporter/index.html"), re.S).group(0)
    assert index.index("Statusrapport 3. tertial 2019") < index.index("Statusrapport 2. tertial 2019")
    # The navigation lists the reports newest first too.
    nav = built.html("rapporter/index.html").split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert nav.index('href="2019-T3/"') < nav.index('href="2019-T2/"')
    assert "Statusrapport 3. tertial 2019" in nav and "Testmuseet" not in nav.split('href="2019-T3/"', 1)[1][:200]


def test_lints_are_listed_for_editors_and_do_not_fail_the_build(two_periods):
    built = two_periods
    assert built.ok and not built.warnings(), built.log
    assert "forskning/tiltak-3.md:2: owner: tiltaket mangler eier" in built.log
    overview = built.html("redaktor/index.html")
    assert "<code>forskning/tiltak-3.md:2</code>" in overview
    assert '<a href="#funn-action-without-owner">Tiltak uten eier</a>: <span data-count>2</span>' in overview
    # The current period is the latest with data (2019-T3): tiltak-3 has not reported for it.
    assert "ingen status for gjeldende periode 3. tertial 2019 (siste: 2. tertial 2019)" in overview


def test_a_lint_set_to_warning_fails_the_strict_build(build_site):
    built = build_site(TWO_PERIODS, options="lints:\n  action_without_owner: warning\n  goal_without_indicator: off\n")
    built.assert_stopped_by_the_check(
        [
            "forskning/tiltak-3.md:2: owner: tiltaket mangler eier (owner): hvem har ansvaret?",
            "forskning/tiltak-4.md:2: owner: tiltaket mangler eier (owner): hvem har ansvaret?",
        ]
    )


def test_unknown_lint_setting_is_one_clear_message(build_site):
    built = build_site(TWO_PERIODS, options="lints:\n  action_without_owner: severe\n")
    assert not built.ok and "Traceback" not in built.log
    # MkDocs stops at the configuration, with this one message and no other.
    assert built.lines("ERROR", "WARNING") == [
        "strategy: ugyldige innstillinger i mkdocs.yml:\n"
        "  lints: action_without_owner: «severe» er ikke error, warning, info eller off"
    ], built.log


def test_csv_export_neutralises_formulas_and_is_linked(two_periods):
    built = two_periods
    text = (built.site / "export/s/actions.csv").read_text(encoding="utf-8-sig")
    rows = {r["Tiltak-id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["s-tiltak-2"]["Statustekst"] == '\'=HYPERLINK("http://x")'
    assert rows["s-tiltak-2"]["Budsjett kr"] == "100000"
    assert 'href="../../export/s/actions.csv"' in built.html("rapporter/2019-T3/index.html")


def test_workbook_is_reproducible(build_site, two_periods):
    data = (two_periods.site / "export/s/handlingsplan.xlsx").read_bytes()
    again = build_site(TWO_PERIODS)
    assert (again.site / "export/s/handlingsplan.xlsx").read_bytes() == data


def test_goal_and_action_pages_link_both_ways(two_periods):
    built = two_periods
    goal = built.html("forskning/s-forskning-2/index.html")
    assert '<a href="../tiltak-2/">Styrke søknadsstøtten</a>' in goal
    action = built.html("forskning/tiltak-2/index.html")
    assert '<a href="../s-forskning-2/">Øke internasjonalt samarbeid</a>' in action
    assert "Godt i gang." in action and "3. tertial 2019" in action and "100\u00a0000 kr" in action
    # The timeline: start and end, and each milestone with whether it is reached, in words.
    facts = re.search(r'<div class="strategy-facts".*?</dl>', action, re.S).group(0)
    assert "januar 2019 – desember 2019" in facts
    milestones = re.findall(r"<li>(.*?)</li>", re.search(r"<dt>Milepæler</dt> <dd>(.*?)</dd>", facts).group(1))
    assert [re.sub(r"<[^>]+>", "", m) for m in milestones] == [
        "juni 2019: Søknadsverksted holdt (nådd)",
        "3. tertial 2019: Ny rutine for budsjettstøtte (ikke nådd)",
    ]
    # An action without milestones shows none.
    assert "Milepæler" not in built.html("forskning/tiltak-3/index.html")


FOUR_LEVELS = """
statuses:
  - {level: 0, label: Ikke startet, color: "#6b6b6b"}
  - {level: 1, label: I gang, color: "#2b7bba"}
  - {level: 2, label: Levert, color: "#1e7b34"}
  - {level: 3, label: Evaluert, color: "#0b5d1e"}
status_started: 1
status_done: 2
"""


def test_a_site_sets_its_own_status_scale_and_what_counts_as_started_and_done(build_site, two_periods):
    built = build_site(TWO_PERIODS, options=FOUR_LEVELS)
    assert built.ok, built.log
    report = built.html("rapporter/2019-T3/index.html")
    # At the end of 2019-T3 the levels are 2, 1, 2 (stale) and 0: three started (≥ 1), two done (≥ 2).
    assert "igangsatt aktivitet på 3 av tiltakene, og 2 er gjennomført" in report
    assert "på skalaen 0–3" in report
    assert '<span class="strategy-badge__label">I gang</span>' in report
    assert "Tiltaksplan vedtatt" not in report  # the default scale's label for level 1
    # A done action need not report again: the stale tiltak-3 (level 2) is no longer asked for a status.
    overview = built.html("redaktor/index.html")
    assert "ingen status for gjeldende periode" not in overview
    default = two_periods
    assert "igangsatt aktivitet på 2 av tiltakene, og 0 er gjennomført" in default.html("rapporter/2019-T3/index.html")
    assert "ingen status for gjeldende periode" in default.html("redaktor/index.html")


def test_reports_of_past_years_are_one_page_per_year(build_site):
    # A unit that reports every tertial: this year's tertials each get a report, earlier years one each.
    files = {
        **TWO_PERIODS,
        "forskning/tiltak-5.md": """
        ---
        type: action
        id: s-tiltak-5
        goals: [s-forskning-1]
        title: Tiltak over to år
        status:
          - {period: 2019-T1, level: 1}
          - {period: 2019-T3, level: 2}
          - {period: 2020-T1, level: 4, note: Ferdig.}
        ---
        """,
        "moter/tertialmote.md": """
        ---
        type: meeting
        id: s-mote
        strategy: s
        title: Tertialmøte
        date: 2019-06-10
        period: 2019-T2
        items:
          - {ref: s-tiltak-5}
        ---
        """,
    }
    built = build_site(files)
    assert built.ok, built.log
    reports = sorted(p.parent.name for p in (built.site / "rapporter").glob("*/index.html"))
    assert reports == ["2019", "2020-T1"]
    year = built.html("rapporter/2019/index.html")
    # The year's report shows the status at the year's end; the next report changes from there.
    assert change_marks(year)["s-tiltak-5"] == "new" and change_marks(year)["s-tiltak-2"] == "new"
    assert change_marks(built.html("rapporter/2020-T1/index.html"))["s-tiltak-5"] == "up"
    # A meeting about a folded tertial points to its year's report.
    meeting = built.html("moter/tertialmote/index.html")
    assert re.search(r'<a href="[./]*rapporter/2019/">statusrapporten for 2019</a>', meeting), meeting
    unfolded = build_site(files, options="reports_fold_past_years: false")
    assert unfolded.ok, unfolded.log
    assert sorted(p.parent.name for p in (unfolded.site / "rapporter").glob("*/index.html")) == [
        "2019-T1",
        "2019-T2",
        "2019-T3",
        "2020-T1",
    ]
