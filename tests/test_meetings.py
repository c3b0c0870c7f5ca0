"""Meetings (`type: meeting`): agenda cards with live status and changes, the checks of a meeting page, the
lists of meetings on unit and entity pages and in the navigation, and the PDF option without a Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BASE_SITE

from strategy_site.cli.pdf import page_path
from strategy_site.core.graph import build_model
from strategy_site.core.load import SourceDoc, load_documents
from strategy_site.core.scales import Scales
from strategy_site.glue.command import SiteError
from strategy_site.measures.meetings import Standing, change_between, previous_meeting, standing

EARLIER = """
    ---
    type: meeting
    id: s-mote-2020
    title: Ledermøte juni 2020
    date: 2020-06-01
    strategy: s
    period: 2019-T2
    items:
      - {ref: s-tiltak-1}
    ---
    """

MEETING = """
    ---
    type: meeting
    id: s-styremote-2022
    title: Styremøte oktober 2022
    date: 2022-10-01
    strategy: s
    period: "2022"
    items:
      - {ref: s, note: Hele strategien under ett}
      - {ref: s-forskning, note: Området samlet}
      - {ref: s-forskning-1, note: Forskergruppene må følges opp}
      - {ref: s-publikum}
      - {ref: s-tiltak-1, note: Forskerskolen}
    decisions:
      - Direktøren legger fram forslag til prioriteringer.
      - Saken tas opp igjen i desember.
    ---
    Møtet drøftet forskningen.
    """


def _site(**extra: str) -> dict[str, str]:
    return {**BASE_SITE, "moter/2020-06.md": EARLIER, "moter/2022-10.md": MEETING, **extra}


def _card(html: str, ref: str) -> str:
    match = re.search(rf'<section class="strategy-meeting-item"[^>]*data-ref="{ref}".*?</section>', html, re.S)
    assert match, f"no card for {ref}"
    return re.sub(r"\s+", " ", match.group(0))


def test_meeting_page_shows_each_item_with_latest_status_and_change(build_site):
    built = build_site(_site())
    assert built.ok, built.log
    page = built.html("moter/2022-10/index.html")
    facts = re.sub(r"\s+", " ", page[page.find('class="strategy-facts"') :][:1500])
    assert "1. oktober 2022" in facts and "Testmuseet" in facts and "<dd>2022</dd>" in facts

    goal = _card(page, "s-forskning-1")
    assert "Sak 3:" in goal and '<a href="../../forskning/s-forskning-1/">Styrke forskergrupper</a>' in goal
    assert "<code>m/s-forskning-1/</code>" in goal and "http://127.0.0.1:8000/m/s-forskning-1/" in goal
    assert "Forskningsdirektør" in goal and "Forskergruppene må følges opp" in goal
    assert re.search(r"JA- <span class=\"strategy-badge__label\">Nesten nådd", goal) and "Godt i gang." in goal
    assert re.search(r"Endring siden forrige periode</dt> <dd>.*?Bedre .*?\(2021\)", goal)
    # The goal had no rating in the period the previous meeting looked at.
    assert re.search(r"Endring siden forrige møte</dt> <dd>.*?Ny siden da .*?\(Ledermøte juni 2020\)", goal)
    assert 'data-strategy-chart="indicator"' in goal  # the goal's indicator

    action = _card(page, "s-tiltak-1")
    assert "Prodekan forskning" in action and "Igangsatt." in action and "3. tertial 2019" in action
    assert re.search(r"Endring siden forrige periode</dt> <dd>.*?Bedre .*?\(2\. tertial 2019\)", action)
    assert re.search(r"Endring siden forrige møte</dt> <dd>.*?Bedre", action)

    indicator = _card(page, "s-publikum")
    assert "61 000 besøk (2020)" in indicator  # (the card's spaces made plain)
    assert re.search(r"Endring siden forrige periode</dt> <dd>.*?Dårligere .*?\(2019\)", indicator)
    assert 'data-strategy-chart="indicator"' in indicator

    area = _card(page, "s-forskning")
    assert "1 av 1 vurderte mål er nådd (100 %)" in area and "1 av 1 igangsatt" in area
    assert 'data-strategy-block="meeting-figures"' in area and 'data-strategy-chart="ratings"' in area
    strategy = _card(page, "s")
    assert "Hele strategien under ett" in strategy and "vurderte mål er nådd" in strategy

    decisions = page[page.find('data-strategy-block="decisions"') :]
    assert decisions.find("Direktøren legger fram") < decisions.find("Saken tas opp igjen")


def test_entity_pages_and_the_unit_list_the_meetings_that_discussed_them_newest_first(build_site):
    built = build_site(_site())
    assert built.ok, built.log
    action = built.html("forskning/tiltak-1/index.html")
    assert 'id="behandlet-i-mter"' in action
    listed = re.findall(r'<a href="[^"]*moter/(2022-10|2020-06)/">', action)
    assert listed == ["2022-10", "2020-06"]
    assert "Forskerskolen" in action  # what the meeting said of it
    # A goal no meeting discussed has no such section.
    assert "Behandlet i møter" not in built.html("forskning/s-forskning-2/index.html")
    unit = built.html("index.html")
    assert re.findall(r'<a href="moter/(2022-10|2020-06)/">', unit) == ["2022-10", "2020-06"]
    # The unit's list of meetings is generated beside them, and the navigation lists them newest first.
    assert "Møter – Testmuseet" in built.html("moter/index.html")
    nav = built.html("moter/2020-06/index.html")
    nav = nav[nav.find("md-nav--primary") :]
    assert nav.find("Styremøte oktober 2022") < nav.find("Ledermøte juni 2020")


def test_an_unknown_id_in_items_fails_strict_naming_file_line_and_field(build_site):
    wrong = MEETING.replace("{ref: s-publikum}", "{ref: s-publikum-x}")
    built = build_site(_site(**{"moter/2022-10.md": wrong}))
    assert not built.ok
    assert "moter/2022-10.md:12: items[3].ref: ukjent id «s-publikum-x»; mente du «s-publikum»?" in built.log


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("date: 2022-02-30", "moter/2022-10.md:5: date: «2022-02-30» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD"),
        ('period: "2022-T4"', "moter/2022-10.md:7: period: «2022-T4»: tertial må være 1–3"),
    ],
)
def test_a_bad_date_or_period_fails_strict(build_site, line, message):
    key = line.split(":")[0]
    wrong = re.sub(rf"^    {key}: .*$", f"    {line}", MEETING, count=1, flags=re.M)
    built = build_site(_site(**{"moter/2022-10.md": wrong}))
    assert not built.ok
    assert message in built.log


def test_pdf_option_without_chromium_builds_and_says_so_once(build_site, monkeypatch):
    monkeypatch.setenv("STRATEGY_CHROMIUM", "/nonexistent/chromium")
    built = build_site(
        _site(**{"moter/2023-01.md": MEETING.replace("s-styremote-2022", "s-mote-2023")}), options="meeting_pdfs: true"
    )
    assert built.ok, built.log
    assert built.log.count("PDF-hefter for møtene ble ikke laget") == 1
    assert "Last ned som PDF" not in built.html("moter/2022-10/index.html")
    assert not list(built.site.rglob("*.pdf"))


def _model(*pages: tuple[str, str]):
    docs = [SourceDoc(path, text) for path, text in pages]
    loaded = load_documents(docs)
    assert not loaded.problems, loaded.problems
    model, problems = build_model(loaded.records, Scales.from_config())
    assert not problems, problems
    return model


def test_standing_and_change_follow_an_indicators_direction():
    strategy = "---\ntype: strategy\nid: s\ntitle: S\nunit: U\nperiod: {start: 2018, end: 2025}\n---\n"
    area = "---\ntype: area\nid: a\ntitle: A\n---\n"
    goal = "---\ntype: goal\nid: g\narea: a\ntitle: G\n---\n"
    falling = (
        "---\ntype: indicator\nid: i\ngoals: [g]\ntitle: I\ndirection: decrease\n"
        'values: {"2020": 50, "2021": 40, "2022": 45}\n---\n'
    )
    meetings = [
        (
            f"m{n}.md",
            f"---\ntype: meeting\nid: m{n}\ntitle: M{n}\ndate: {day}\nperiod: '{period}'\nitems: [{{ref: i}}]\n---\n",
        )
        for n, day, period in [(1, "2021-03-01", "2020"), (2, "2022-03-01", "2021"), (3, "2023-03-01", "2022")]
    ]
    model = _model(("s.md", strategy), ("a.md", area), ("g.md", goal), ("i.md", falling), *meetings)
    indicator = model.get("i")
    from strategy_site.core.periods import parse_period

    now = standing(model, indicator, parse_period("2021"))
    then = standing(model, indicator, parse_period("2020"))
    assert change_between(then, now) == "up"  # 50 → 40 on a falling indicator is better
    assert change_between(now, standing(model, indicator, parse_period("2022"))) == "down"
    assert change_between(Standing(None, None), now) == "new"
    assert previous_meeting(model, model.get("m3")).id == "m2"
    assert previous_meeting(model, model.get("m1")) is None
    assert model.meetings_of["i"] == ["m3", "m2", "m1"]


def test_pdf_command_finds_a_page_by_id_or_path(tmp_path: Path):
    site = tmp_path / "site"
    (site / "m" / "x").mkdir(parents=True)
    (site / "vm" / "moter" / "x").mkdir(parents=True)
    (site / "vm" / "moter" / "x" / "index.html").write_text("<h1>X</h1>", encoding="utf-8")
    (site / "m" / "x" / "index.html").write_text('<link rel="canonical" href="../../vm/moter/x/">', encoding="utf-8")
    assert page_path(site, "x", "m") == "vm/moter/x/"
    assert page_path(site, "vm/moter/x/", "m") == "vm/moter/x/"
    assert page_path(site, str(site / "vm" / "moter" / "x" / "index.html"), "m") == "vm/moter/x/index.html"
    with pytest.raises(SiteError, match="bygg det først"):
        page_path(site, "vm/finnes-ikke/", "m")


def test_ci_templates_make_the_meeting_pdfs_when_publishing():
    import yaml

    root = Path(__file__).resolve().parents[1] / "plugins/strategy_site/starter"
    gitlab = yaml.safe_load((root / "ci/gitlab/gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert gitlab["variables"]["STRATEGY_MEETING_PDFS"] == "true"
    assert any("chromium" in line for line in gitlab["script"])
    github = yaml.safe_load((root / "ci/github/strategy.yml").read_text(encoding="utf-8"))["jobs"]["publish"]
    build = next(s for s in github["steps"] if "mkdocs build" in s.get("run", ""))
    assert build["env"]["STRATEGY_MEETING_PDFS"] == "true"
    # A new site reads the variable.
    assert "meeting_pdfs: !ENV [STRATEGY_MEETING_PDFS, false]" in (root / "site/mkdocs.yml").read_text(encoding="utf-8")
