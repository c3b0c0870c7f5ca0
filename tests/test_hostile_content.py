"""Issue 14, one test per finding: content that leaked, crashed, hung or fooled the check before.

Most run the core on in-memory pages; the ones only a build shows build a small site.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import textwrap
import zipfile

import pytest
from conftest import BASE_SITE, build_in_process, write_site

from strategy_site import plugin  # noqa: F401  (registers every block, as in a build)
from strategy_site.blocks.late import LateBlocks
from strategy_site.blocks.markup import prepare
from strategy_site.charts.ratings import goal_tree_chart
from strategy_site.checks.analysis import analyse
from strategy_site.checks.precheck import check_site
from strategy_site.cli.scaffold import ScaffoldError, new_page
from strategy_site.core.audience import public_view
from strategy_site.core.load import SourceDoc, load_document
from strategy_site.core.scales import Scales
from strategy_site.exports.xlsx import CELL_LIMIT, Sheet, workbook
from strategy_site.measures.reports import REPORT_LIMIT, reporting_periods

SCALES = Scales.from_config()


def docs_of(files: dict[str, str]) -> list[SourceDoc]:
    return [SourceDoc(path, textwrap.dedent(text).lstrip("\n")) for path, text in files.items()]


def messages(files: dict[str, str], audience: str = "internal") -> list[str]:
    """Every error and warning the check (the one a strict build runs) gives for these pages."""
    analysis = check_site(docs_of(files), SCALES, audience=audience)
    return [str(p) for p in analysis.errors]


def page(front: str, body: str = "") -> str:
    return f"---\n{textwrap.dedent(front).strip()}\n---\n{body}\n"


ACTION = """
    type: action
    id: s-tiltak-9
    goals: [s-forskning-1]
    title: Tiltak
    risk: {level: high, note: Risikonotat}
    milestones:
      - {period: "2020", title: Milepæl}
    status:
      - {period: 2019-T2, level: 1, note: Notat en}
      - {period: 2019-T3, level: 2, note: Notat to}
    """


# 1 and 7: internal_fields into lists, and paths that name nothing or a required field.
def test_internal_fields_reach_into_every_item_of_a_list():
    files = {**BASE_SITE, "t.md": page(ACTION + "internal_fields: [status.note, 'milestones[].done', risk.note]")}
    analysis = analyse(docs_of(files), SCALES)
    assert analysis.errors == []
    view = public_view(analysis.model, docs_of(files))
    action = view.model.get("s-tiltak-9")
    assert [e.note for e in action.status] == [None, None]
    assert action.risk.note is None and action.risk.level == "high"
    assert [m.title for m in action.milestones] == ["Milepæl"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("[risk.level]", "t.md:12: internal_fields[0]: «risk.level» kan ikke skjules: feltet er påkrevd; skjul «risk»"),
        ("[milestones.title]", "«milestones.title» kan ikke skjules: feltet er påkrevd; skjul «milestones»"),
        ("[status.notat]", "«status.notat» kan ikke skjules: status har ikke feltet «notat»; mente du «status.note»?"),
        ("[owner.name]", "«owner.name» kan ikke skjules: «owner» har ingen underfelt"),
    ],
)
def test_an_internal_field_that_names_nothing_or_a_required_field_is_an_error(fields, expected):
    found = messages({**BASE_SITE, "t.md": page(ACTION + f"internal_fields: {fields}")})
    assert any(expected in m for m in found), found


def test_hiding_a_required_sub_field_of_an_indicator_is_an_error_not_a_crash():
    indicator = """
        type: indicator
        id: s-ind
        goals: [s-forskning-1]
        title: I
        baseline: {period: "2018", value: 1}
        target: [{period: "2025", value: 2}]
        internal_fields: [baseline.value, target.value]
        """
    found = messages({**BASE_SITE, "i.md": page(indicator)})
    assert any("«baseline.value» kan ikke skjules: feltet er påkrevd" in m for m in found), found
    assert any("«target.value» kan ikke skjules: feltet er påkrevd" in m for m in found), found


# 2: aliases.
def test_a_page_under_an_internal_page_named_by_its_alias_is_hidden_with_it():
    files = {
        **BASE_SITE,
        "h.md": page("type: goal\nid: s-h\naliases: [gammel]\narea: s-forskning\ntitle: H\nvisibility: internal"),
        "d.md": page("type: goal\nid: s-d\nparent: gammel\ntitle: D"),
        "a.md": page("type: action\nid: s-a\ngoals: [s-forskning-1, gammel]\ntitle: A"),
    }
    analysis = analyse(docs_of(files), SCALES)
    view = public_view(analysis.model, docs_of(files))
    assert {"s-h", "s-d", "gammel"} <= view.hidden_ids
    assert "d.md" in view.hidden_paths
    assert view.model.get("s-a").goals == ["s-forskning-1"]


# 4 and 5: visibility on plain pages; pages that fail to load are left out of a public build.
@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("visibility: intern", "x.md:2: visibility: «intern» er ikke tillatt; bruk public eller internal"),
        ("visibility: Internal", "x.md:2: visibility: «Internal» er ikke tillatt; bruk public eller internal"),
        ("visibilty: internal", "x.md:2: visibilty: ukjent felt; mente du «visibility»?"),
    ],
)
def test_visibility_on_a_plain_page_is_checked(front, expected):
    _, problems = load_document(SourceDoc("x.md", page(front)))
    assert [str(p) for p in problems] == [expected]


def test_a_page_that_fails_to_load_is_left_out_of_a_public_build():
    files = {
        **BASE_SITE,
        "broken.md": page('type: action\nid: s-b\ngoals: [s-forskning-1]\ntitle: "uten slutt\nbudget: 1'),
        "wrong.md": page("type: goal\nid: s-w\narea: s-forskning\ntitle: W\nvisibility: Internal"),
        "plain.md": page("visibilty: internal"),
    }
    analysis = analyse(docs_of(files), SCALES)
    view = public_view(analysis.model, docs_of(files), analysis.broken_paths, analysis.broken_ids)
    assert {"broken.md", "wrong.md", "plain.md"} <= view.hidden_paths


def test_a_non_strict_public_build_leaves_out_a_page_with_a_yaml_error(tmp_path):
    files = {**BASE_SITE, "broken.md": page('type: action\nid: s-b\ntitle: "Budsjett 4242\nvisibility: internal')}
    config = write_site(tmp_path, files)
    env = {**os.environ, "STRATEGY_AUDIENCE": "public", "NO_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "site/broken/index.html").exists()
    assert "4242" not in (tmp_path / "site/search/search_index.json").read_text(encoding="utf-8")


# 6 and 8: comments, forged placeholders and markers.
@pytest.mark.parametrize(
    "body",
    [
        "<!-- strategy/todo: HEMMELIG -->",
        "<!-- strategy-slot:0 HEMMELIG -->",
        "<!-- strategy-slot:99 --> HEMMELIG-FRI",
        "<!-- strategy-late:7 --> HEMMELIG-FRI",
        '<!-- strategy/goals area="a>b" HEMMELIG -->',
        "Kode \\`<!-- HEMMELIG -->\\` her",
        "<!-- HEMMELIG\nover\nlinjer -->",
    ],
)
def test_no_comment_but_a_known_block_survives(body):
    analysis = analyse(docs_of(BASE_SITE), SCALES)
    prepared = prepare(body, "x.md", 1, None, analysis.model, lambda _: None, nonce="n0")
    assert "<!--" not in prepared.markdown
    assert "HEMMELIG " not in prepared.markdown and "HEMMELIG-" not in prepared.markdown.replace("HEMMELIG-FRI", "")


def test_an_unknown_or_malformed_block_is_an_error_naming_its_line():
    files = {
        **BASE_SITE,
        "x.md": "# X\n\n<!-- strategy/todo: skriv mer -->\n\n<!-- strategy/goals s-forskning -->\n",
    }
    found = messages(files)
    assert any(m.startswith("x.md:3: blokk: ukjent blokk «strategy/todo:»") for m in found), found
    assert any("x.md:5: blokk: ugyldig blokk: argumentet «s-forskning» mangler navn" in m for m in found), found


def test_markers_are_this_builds_own():
    late = LateBlocks("abc")
    marker = late.hold("<p>blokk</p>")
    forged = "<!-- strategy-late:0 --><!-- strategy-late:7 --><!-- strategy-late:xyz:0 -->"
    assert late.place(forged + marker) == forged + "<p>blokk</p>"


def test_forged_markers_in_a_body_and_in_frontmatter_build(tmp_path):
    files = {
        **BASE_SITE,
        "fri.md": '---\ndescription: "<!-- strategy-late:0 -->"\n---\n# Fri\n\n<!-- strategy-slot:99 -->\nTekst.\n',
    }
    built = build_in_process(write_site(tmp_path, files), tmp_path / "site")
    assert built.ok and "Traceback" not in built.log, built.log
    assert "strategy-slot" not in built.html("fri/index.html")


# 3: symlinks (the leak test builds with them; the check names them too).
def test_the_check_names_a_symlink_out_of_the_docs_folder(tmp_path):
    config = write_site(tmp_path, BASE_SITE)
    (tmp_path / "hemmelig.txt").write_text("TOKEN", encoding="utf-8")
    os.symlink(tmp_path / "hemmelig.txt", tmp_path / "docs/env.txt")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "strategy_site", "-f", str(config), "check"]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 1
    assert "docs/env.txt: feil: fil: symbolsk lenke ut av docs-mappen" in proc.stdout


# 9 and 12: depth and cycles.
def chain_site(length: int) -> dict[str, str]:
    files = dict(BASE_SITE)
    files["forskning/s-forskning-1.md"] = BASE_SITE["forskning/s-forskning-1.md"]
    for i in range(length):
        parent = "s-forskning-1" if i == 0 else f"k{i - 1}"
        files[f"k/{i}.md"] = page(f"type: goal\nid: k{i}\nparent: {parent}\ntitle: K{i}")
    return files


def test_a_parent_chain_deeper_than_pythons_stack_makes_a_goal_tree():
    analysis = analyse(docs_of(chain_site(1500)), SCALES)
    assert analysis.errors == []
    chart = goal_tree_chart(analysis.model, "s")
    assert chart is not None and len(chart.rows) == 2 + 1500


def test_a_goal_cycle_is_reported_and_every_walk_ends():
    files = {
        **BASE_SITE,
        "a.md": page("type: goal\nid: x-a\nparent: x-b\ntitle: A"),
        "b.md": page("type: goal\nid: x-b\nparent: x-a\ntitle: B"),
        "c.md": page("type: goal\nid: x-c\nparent: s-forskning-1\ntitle: C"),
        "x.md": "<!-- strategy/attainment strategy=s -->\n<!-- strategy/goals area=s-forskning -->\n",
    }
    files["forskning/s-forskning-2.md"] = files["forskning/s-forskning-2.md"]
    found = messages(files)
    assert any("a.md:4: parent: målhierarkiet går i ring: x-a → x-b → x-a" in m for m in found), found
    assert any("b.md:4: parent: målhierarkiet går i ring: x-b → x-a → x-b" in m for m in found), found


def test_a_cycle_below_an_area_ends_in_the_build_model():
    files = {**BASE_SITE, "a.md": page("type: goal\nid: x-a\nparent: x-b\ntitle: A")}
    files["b.md"] = page("type: goal\nid: x-b\nparent: x-a\ntitle: B")
    analysis = analyse(docs_of(files), SCALES)
    # Put the ring under an area's goal, as a non-strict build would keep it, and walk it.
    analysis.model.children["s-forskning-1"].append("x-a")
    assert [g.id for g in analysis.model.goals_in("s-forskning-1")] == ["x-a", "x-b"]


# 10: period reports.
def test_reports_are_capped_and_many_periods_are_a_lint():
    start = dt.date(2000, 1, 1)
    entries = "\n".join(f"  - {{period: {(start + dt.timedelta(days=i)).isoformat()}, level: 1}}" for i in range(3000))
    files = {
        **BASE_SITE,
        "t.md": page(f"type: action\nid: s-mange\ngoals: [s-forskning-1]\ntitle: T\nstatus:\n{entries}"),
    }
    analysis = analyse(docs_of(files), SCALES)
    # The latest REPORT_LIMIT periods get reports; those in earlier years fold into their years.
    assert [p.key for p in reporting_periods(analysis.model, "s")][:2] == ["2007", "2008"]
    analysis.model.fold_past_years, analysis.model.cache = False, type(analysis.model.cache)()
    assert len(reporting_periods(analysis.model, "s")) == REPORT_LIMIT
    found = [str(p) for p in analysis.errors]
    assert any("tiltakene rapporterer status for 3002 ulike perioder" in m for m in found), found


# 13: block arguments checked before the build.
@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("chart type=pie", "type: skriv en av"),
        ("period-report strategy=s period=2019-T4", "period:"),
        ("key-figures id=s-forskning-1", "nøkkeltall vises for en strategi eller et område"),
        ("statements strategy=s-forskning-1", "blokken viser målbildet til en strategi"),
        ("chart type=indicator id=s-forskning", "«s-forskning» er ikke en indikator"),
        ("values id=s-forskning", "blokken viser en indikator"),
        ("goals areaa=s-forskning", "ukjent argument «areaa»; mente du «area»?"),
    ],
)
def test_every_block_argument_is_checked_before_the_build(block, expected):
    found = messages({**BASE_SITE, "x.md": f"# X\n\n<!-- strategy/{block} -->\n"})
    assert any(m.startswith("x.md:3: blokk:") and expected in m for m in found), found


def test_huge_indicator_values_are_errors():
    indicator = 'type: indicator\nid: s-i\ngoals: [s-forskning-1]\ntitle: I\nvalues: {"2019": 1e308, "2020": -1e308}'
    found = messages({**BASE_SITE, "i.md": page(indicator)})
    assert sum("er for stort" in m or "er for lite" in m for m in found) == 2, found


def test_a_block_naming_an_internal_page_is_left_out_of_a_public_build_with_a_note():
    files = {
        **BASE_SITE,
        "h.md": page("type: area\nid: s-h\nstrategy: s\ntitle: H\nvisibility: internal"),
        "x.md": "# X\n\n<!-- strategy/goals area=s-h -->\n",
    }
    assert messages(files, "public") == []
    notes = [str(p) for p in check_site(docs_of(files), SCALES, audience="public").problems if p.severity == "info"]
    assert any("x.md:3: blokk: area: «s-h» er intern" in n for n in notes), notes


# Silent changes.
@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("number: 2.10", 'number: YAML leser 2.10 som tallet 2.1; skriv den i anførselstegn: "2.10"'),
        ("number: 010", 'number: YAML leser 010 som tallet 8; skriv den i anførselstegn: "010"'),
    ],
)
def test_a_number_yaml_would_change_is_an_error_with_a_hint(front, expected):
    found = messages({**BASE_SITE, "g.md": page(f"type: goal\nid: s-g\narea: s-forskning\ntitle: G\n{front}")})
    assert any(expected in m for m in found), found


def test_an_id_yaml_would_change_is_an_error():
    _, problems = load_document(SourceDoc("g.md", page("type: goal\nid: 010\narea: s-forskning\ntitle: G")))
    assert any("id: YAML leser 010 som tallet 8" in str(p) for p in problems)


@pytest.mark.parametrize(
    "link", ["[[S-forskning-1]]", "[[ s-forskning-1 ]]", "[[s-forskning-1#a]]", "[[s-forskning-1|]]"]
)
def test_a_malformed_double_bracket_link_is_a_warning(link):
    found = messages({**BASE_SITE, "x.md": f"# X\n\nSe {link}.\n"})
    assert any(m.startswith("x.md:3: lenke:") and "er ikke en lenke" in m for m in found), found


@pytest.mark.parametrize(("ident", "expected"), [("ny\nlinje", "er ikke en gyldig id"), ("a" * 300, "id: er for lang")])
def test_strategy_new_refuses_what_the_check_would_reject(tmp_path, ident, expected):
    analysis = analyse(docs_of(BASE_SITE), SCALES)
    with pytest.raises(ScaffoldError, match=expected):
        new_page(analysis.model, tmp_path, "goal", title="Nytt", area="s-forskning", ident=ident)
    assert not any(tmp_path.rglob("*.md"))


def test_strategy_new_quotes_an_id_yaml_would_misread(tmp_path):
    analysis = analyse(docs_of(BASE_SITE), SCALES)
    path = new_page(analysis.model, tmp_path, "goal", title="Nytt", area="s-forskning", ident="010")
    assert 'id: "010"' in path.read_text(encoding="utf-8")


def test_an_editors_file_where_the_build_makes_one_is_an_error_naming_both(tmp_path):
    files = {**BASE_SITE, "styringskort/s/index.md": "# Mitt\n", "export/strategy.json": "{}"}
    built = build_in_process(write_site(tmp_path, files), tmp_path / "site")
    assert not built.ok
    for src in ("styringskort/s/index.md", "export/strategy.json"):
        assert any(
            w.endswith(f"{src}: fil: nettstedet lager selv {src} " + w.split(src + " ")[-1]) for w in built.warnings()
        )


def test_a_text_longer_than_a_cell_is_cut_with_a_marker_in_the_workbook():
    book = workbook([Sheet("Ark", ["Notat"], [["x" * 40000]])], "T", "C", dt.datetime(2020, 1, 1), " [kuttet]")
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    cell = sheet.split("<t>")[-1].split("</t>")[0]
    assert len(cell) == CELL_LIMIT and cell.endswith(" [kuttet]")
