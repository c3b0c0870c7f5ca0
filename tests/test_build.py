"""Real `mkdocs build --strict` runs of the base fixture site and small changes to it: pages, links and exports.

The editor mistakes are in test_mistakes.py."""

from __future__ import annotations

import re

from conftest import BASE_SITE


def test_small_site_builds_strict_with_cross_links(base_site):
    assert base_site.ok, base_site.log
    goal = base_site.html("forskning/s-forskning-1/index.html")
    # Area, owner, deadline and the latest rating as a labelled badge.
    assert '<a href="../">Vår forskning</a>' in goal
    assert "Forskningsdirektør" in goal
    assert "2025" in goal and "strategiperiodens slutt" in goal
    badge = r'class="strategy-badge rating-ja-minus"[^>]*>JA- <span class="strategy-badge__label">Nesten nådd'
    assert re.search(badge, goal)
    # History: both periods, the note; the indicator and the action are linked.
    assert "Godt i gang." in goal and ">2021<" in goal
    assert '<a href="../besok/">Publikumsbesøk per år</a>' in goal
    assert '<a href="../tiltak-1/">Etablere forskerskole</a>' in goal
    assert "Tiltak igangsatt" in goal


def test_area_page_lists_goals_with_ratings_and_attainment(base_site):
    area = base_site.html("forskning/index.html")
    assert '<a href="s-forskning-1/">Styrke forskergrupper</a>' in area
    assert "Ikke vurdert" in area
    assert "Talenter" in area and "Kvalitet" in area
    row = re.search(r'<tr data-area="s-forskning"[^>]*>(.*?)</tr>', area, re.S).group(1)
    cells = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', row)
    assert cells[0] == "2"  # two goals
    assert cells[-1] == "100\u00a0%" and cells[-2] == "1"  # one rated and reached, one unrated


def test_links_by_id_in_body_text_resolve(base_site):
    home = base_site.html("index.html")
    assert '<a href="forskning/s-forskning-1/">Styrke forskergrupper</a>' in home
    assert '<a href="forskning/">forskningsområdet</a>' in home


def test_links_by_id_survive_moving_the_target_file(build_site):
    files = dict(BASE_SITE)
    files["nytt/sted/mal-1.md"] = files.pop("forskning/s-forskning-1.md")
    built = build_site(files)
    assert built.ok, built.log
    assert '<a href="nytt/sted/mal-1/">Styrke forskergrupper</a>' in built.html("index.html")
    assert "url=../../nytt/sted/mal-1/" in built.html("m/s-forskning-1/index.html")


def test_every_entity_has_a_short_url(base_site):
    targets = [("s", "../../"), ("s-forskning", "../../forskning/"), ("s-tiltak-1", "../../forskning/tiltak-1/")]
    for ident, target in targets:
        assert f'url={target}"' in base_site.html(f"m/{ident}/index.html")
    assert 'href="../../m/s-forskning-1/"' in base_site.html("forskning/s-forskning-1/index.html")


def test_review_comments_never_reach_the_site(base_site):
    for path in base_site.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert "Dette må skrives om" not in path.read_text(encoding="utf-8"), path


def test_export_has_figures_per_strategy_and_area_and_every_entity(base_site):
    data = base_site.export()
    strategy = next(s for s in data["strategies"] if s["id"] == "s")
    assert {k: strategy[k] for k in ("goals", "goals_with_actions", "actions", "actions_started", "actions_done")} == {
        "goals": 2,
        "goals_with_actions": 2,
        "actions": 1,
        "actions_started": 1,
        "actions_done": 0,
    }
    assert strategy["rating_distribution"]["JA-"] == 1
    assert strategy["areas"][0]["id"] == "s-forskning" and strategy["areas"][0]["goals"] == 2
    entities = {e["id"]: e for e in data["entities"]}
    assert set(entities) == {"s", "s-forskning", "s-forskning-1", "s-forskning-2", "s-publikum", "s-tiltak-1"} | {
        "b",
        "b-drift",
        "b-drift-1",
    }
    assert entities["s-forskning-1"]["attainment"] == {
        "rated": True,
        "period": "2022",
        "rating": "JA-",
        "level": "JA-",
        "label": "Nesten nådd",
        "score": 85,
        "reached": True,
        "in_parts": False,
    }
    assert entities["s-tiltak-1"]["attainment"]["level"] == 2
    assert entities["s-forskning-1"]["url"] == "forskning/s-forskning-1/"


def test_table_directive_places_a_table_in_any_page(build_site):
    files = dict(BASE_SITE)
    files["oversikt.md"] = "# Oversikt\n\n<!-- strategy/goals area=s-forskning -->\n"
    built = build_site(files)
    assert built.ok, built.log
    assert 'data-strategy-block="goals" data-strategy-target="s-forskning"' in built.html("oversikt/index.html")


def test_plugin_can_be_switched_off(build_site):
    built = build_site(BASE_SITE, options="enabled: false")
    assert not (built.site / "export").exists()
    assert "strategy-facts" not in built.html("forskning/s-forskning-1/index.html")
