"""Real `mkdocs build --strict` runs on small fixture sites: pages, links, exports and editor mistakes."""

from __future__ import annotations

import re

from conftest import SMALL_SITE


def test_small_site_builds_strict_with_cross_links(build_site):
    built = build_site(SMALL_SITE)
    assert built.ok, built.log
    goal = built.html("forskning/s-forskning-1/index.html")
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


def test_area_page_lists_goals_with_ratings_and_attainment(build_site):
    built = build_site(SMALL_SITE)
    area = built.html("forskning/index.html")
    assert '<a href="s-forskning-1/">Styrke forskergrupper</a>' in area
    assert "Ikke vurdert" in area
    assert "Talenter" in area and "Kvalitet" in area
    row = re.search(r'<tr data-area="s-forskning"[^>]*>(.*?)</tr>', area, re.S).group(1)
    cells = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', row)
    assert cells[0] == "2"  # two goals
    assert cells[-1] == "100\u00a0%" and cells[-2] == "1"  # one rated and reached, one unrated


def test_links_by_id_in_body_text_resolve(build_site):
    built = build_site(SMALL_SITE)
    home = built.html("index.html")
    assert '<a href="forskning/s-forskning-1/">Styrke forskergrupper</a>' in home
    assert '<a href="forskning/">forskningsområdet</a>' in home


def test_links_by_id_survive_moving_the_target_file(build_site):
    files = dict(SMALL_SITE)
    files["nytt/sted/mal-1.md"] = files.pop("forskning/s-forskning-1.md")
    built = build_site(files)
    assert built.ok, built.log
    assert '<a href="nytt/sted/mal-1/">Styrke forskergrupper</a>' in built.html("index.html")
    assert "url=../../nytt/sted/mal-1/" in built.html("m/s-forskning-1/index.html")


def test_every_entity_has_a_short_url(build_site):
    built = build_site(SMALL_SITE)
    targets = [("s", "../../"), ("s-forskning", "../../forskning/"), ("s-tiltak-1", "../../forskning/tiltak-1/")]
    for ident, target in targets:
        assert f'url={target}"' in built.html(f"m/{ident}/index.html")
    assert 'href="../../m/s-forskning-1/"' in built.html("forskning/s-forskning-1/index.html")


def test_review_comments_never_reach_the_site(build_site):
    built = build_site(SMALL_SITE)
    for path in built.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert "Dette må skrives om" not in path.read_text(encoding="utf-8"), path


def test_export_has_figures_per_strategy_and_area_and_every_entity(build_site):
    data = build_site(SMALL_SITE).export()
    strategy = data["strategies"][0]
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
    assert set(entities) == {"s", "s-forskning", "s-forskning-1", "s-forskning-2", "s-publikum", "s-tiltak-1"}
    assert entities["s-forskning-1"]["attainment"] == {
        "rated": True,
        "period": "2022",
        "rating": "JA-",
        "level": "JA-",
        "label": "Nesten nådd",
        "score": 85,
        "reached": True,
    }
    assert entities["s-tiltak-1"]["attainment"]["level"] == 2
    assert entities["s-forskning-1"]["url"] == "forskning/s-forskning-1/"


def test_table_directive_places_a_table_in_any_page(build_site):
    files = dict(SMALL_SITE)
    files["oversikt.md"] = "# Oversikt\n\n<!-- strategy/goals area=s-forskning -->\n"
    built = build_site(files)
    assert built.ok, built.log
    assert 'data-strategy-block="goals" data-strategy-target="s-forskning"' in built.html("oversikt/index.html")


def test_plugin_can_be_switched_off(build_site):
    built = build_site(SMALL_SITE, options="enabled: false")
    assert not (built.site / "export").exists()
    assert "strategy-facts" not in built.html("forskning/s-forskning-1/index.html")


# One test per editor mistake: each is one line naming file, line and field; --strict fails; no traceback.
MISTAKES = {
    "malformed YAML": (
        "feil/a.md",
        '---\ntype: goal\nid: xa\ntitle: "uten slutt\narea: s-forskning\n---\n',
        "feil/a.md:4: ugyldig YAML",
    ),
    "tab indentation": (
        "feil/b.md",
        "---\ntype: goal\nid: xb\n\ttitle: T\n---\n",
        "feil/b.md:4: ugyldig YAML: tabulator i innrykk; bruk mellomrom",
    ),
    "duplicate key": (
        "feil/c.md",
        "---\ntype: goal\nid: xc\nid: y\ntitle: T\narea: s-forskning\n---\n",
        "feil/c.md:4: id: feltet står to ganger",
    ),
    "missing required field": (
        "feil/d.md",
        "---\ntype: goal\nid: xd\narea: s-forskning\n---\n",
        "feil/d.md:2: title: feltet mangler",
    ),
    "unknown field": (
        "feil/e.md",
        "---\ntype: goal\nid: xe\ntitle: T\narea: s-forskning\nfrist: 2025\n---\n",
        "feil/e.md:6: frist: ukjent felt",
    ),
    "wrong type": (
        "feil/f.md",
        "---\ntype: area\nid: xf\ntitle: T\norder: [1]\n---\n",
        "feil/f.md:5: order: skal være et heltall",
    ),
    "unknown rating": (
        "feil/g.md",
        "---\ntype: goal\nid: xg\ntitle: T\narea: s-forskning\nassessments:\n"
        '  - {period: "2022", rating: KANSKJE}\n---\n',
        "feil/g.md:7: assessments[0].rating: «KANSKJE» er ikke på vurderingsskalaen",
    ),
    "unknown id": (
        "feil/h.md",
        "---\ntype: goal\nid: xh\ntitle: T\narea: s-forsking\n---\n",
        "feil/h.md:5: area: ukjent id «s-forsking»; mente du «s-forskning»?",
    ),
    "duplicate id": (
        "feil/i.md",
        "---\ntype: goal\nid: s-forskning-1\ntitle: T\narea: s-forskning\n---\n",
        "id: id-en «s-forskning-1» brukes også i",
    ),
    "unknown id in body link": (
        "feil/j.md",
        "# Side\n\nSe [[finnes-ikke]].\n",
        "feil/j.md:3: lenke: lenke til ukjent id «finnes-ikke»",
    ),
}


def _check_mistake(build_site, name):
    path, text, expected = MISTAKES[name]
    built = build_site({**SMALL_SITE, path: text})
    assert not built.ok, f"{name}: strict build should fail"
    assert "Traceback" not in built.log
    assert any(expected in w for w in built.warnings()), built.log
    return built


def test_mistake_malformed_yaml(build_site):
    _check_mistake(build_site, "malformed YAML")


def test_mistake_tab_indentation(build_site):
    _check_mistake(build_site, "tab indentation")


def test_mistake_duplicate_key(build_site):
    _check_mistake(build_site, "duplicate key")


def test_mistake_missing_required_field(build_site):
    _check_mistake(build_site, "missing required field")


def test_mistake_unknown_field_suggests_the_right_one(build_site):
    built = _check_mistake(build_site, "unknown field")
    assert any("frist: ukjent felt; mente du «deadline»?" in w for w in built.warnings())


def test_mistake_wrong_type(build_site):
    _check_mistake(build_site, "wrong type")


def test_mistake_unknown_rating(build_site):
    _check_mistake(build_site, "unknown rating")


def test_mistake_unknown_id(build_site):
    _check_mistake(build_site, "unknown id")


def test_mistake_duplicate_id(build_site):
    _check_mistake(build_site, "duplicate id")


def test_mistake_unknown_id_in_body_link(build_site):
    _check_mistake(build_site, "unknown id in body link")


def test_all_mistakes_are_reported_in_one_build(build_site):
    files = dict(SMALL_SITE)
    for path, text, _ in MISTAKES.values():
        files[path] = text
    built = build_site(files)
    assert not built.ok and "Traceback" not in built.log
    warnings = built.warnings()
    for name, (_, _, expected) in MISTAKES.items():
        assert any(expected in w for w in warnings), f"{name} not reported:\n{built.log}"
