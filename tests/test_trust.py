"""Trust in every number and every page (issue 15): nothing dropped silently, exact figures, the export says
what the pages say."""

from __future__ import annotations

import html
import json
import re
import shutil

import jinja2
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_site.blocks import BlockRenderer
from strategy_site.blocks.renderer import Directive
from strategy_site.charts.indicators import indicator_chart
from strategy_site.checks.analysis import analyse
from strategy_site.core.graph import SiteModel
from strategy_site.core.load import SourceDoc, load_documents
from strategy_site.core.models import Indicator
from strategy_site.core.numbers import decimals_for, measured, number
from strategy_site.core.scales import Scales
from strategy_site.measures.attainment import latest_rating
from strategy_site.measures.counts import count_lines
from strategy_site.measures.indicators import progress
from tests.conftest import BASE_SITE, ROOT, run_mkdocs, write_site

GOAL = """---
type: goal
id: g-1
area: a
title: Øke noe
assessments:
  - {period: "2021", rating: "NEI"}
---
Tekst.
"""
SITE = {
    "index.md": "---\ntype: strategy\nid: s\ntitle: S\nunit: Enhet\nperiod: {start: 2018, end: 2025}\n---\n",
    "a/index.md": "---\ntype: area\nid: a\ntitle: A\n---\n",
}


def problems_of(pages: dict[str, str], **kwargs) -> list[str]:
    docs = [SourceDoc(path, text) for path, text in {**SITE, **pages}.items()]
    return [str(p) for p in analyse(docs, Scales.from_config(), **kwargs).problems if p.severity != "info"]


# --- No page is lost silently -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOAL.replace("---", "--", 1), 1, "«--»"),
        (GOAL.replace("---", "----", 1), 1, "«----»"),
        ("\n" + GOAL, 2, "tom(me) linje"),
        ("\n\n" + GOAL, 3, "2 tom(me) linje"),
        ("\ufeff  " + GOAL, 1, "mellomrommene"),
        ("# Mål\n\ntype: goal\nid: g-1\n", 3, "«type:» står utenfor frontmatter"),
    ],
)
def test_near_frontmatter_is_an_error_naming_file_and_line(text, line, words):
    found = problems_of({"a/g-1.md": text})
    assert len(found) == 1 and found[0].startswith(f"a/g-1.md:{line}: frontmatter: ") and words in found[0]


def test_frontmatter_without_type_but_with_entity_fields_is_an_error():
    found = problems_of({"a/g-1.md": GOAL.replace("type: goal\nid: g-1\n", "")})
    assert found == ["a/g-1.md:2: type: feltet mangler (strategy, area, goal, indicator, action eller meeting)"]


def test_a_plain_page_with_a_title_stays_a_plain_page():
    assert problems_of({"om.md": "---\ntitle: Om oss\n---\nTekst.\n", "kontakt.md": "# Kontakt\n\n----\n"}) == []


def test_entity_folders_refuse_a_page_without_type():
    pages = {"a/notat.md": "# Notat\n"}
    assert problems_of(pages) == []
    found = problems_of(pages, entity_folders=["a"])
    assert found == [
        "a/notat.md:1: type: hver side i «a» skal være en strategiside (entity_folders), men denne har ingen type"
    ]


def test_check_prints_one_count_line_per_strategy(tmp_path, capsys):
    from strategy_site.cli.main import main

    config = write_site(tmp_path, BASE_SITE)
    main(["-f", str(config), "check"])
    err = capsys.readouterr().err
    assert "INFO: s (Testmuseet): 2 mål, 1 vurdert, 1 tiltak, 1 indikatorer" in err
    assert "INFO: b (Enhet B): 1 mål, 0 vurdert, 0 tiltak, 0 indikatorer" in err


def test_example_build_logs_each_units_counts(example_site):
    assert "mh (Fakultet for medisin og helsevitenskap (MH), NTNU): 42 mål, 0 vurdert, 32 tiltak, 0 indikatorer" in (
        example_site.log
    )
    assert "vm (NTNU Vitenskapsmuseet): 42 mål, 42 vurdert, 0 tiltak, 3 indikatorer" in example_site.log


@pytest.mark.parametrize(
    ("change", "line"),
    [(lambda text: text.replace("---", "--", 1), 1), (lambda text: "\n" + text, 2)],
    ids=["two-dashes", "blank-first-line"],
)
def test_example_copy_with_a_broken_goal_fails_strict_naming_it(tmp_path, change, line):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    goal = tmp_path / "content/vm/forskning/vm-forskning-3.md"
    goal.write_text(change(goal.read_text("utf-8")), "utf-8")
    built = run_mkdocs(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert not built.ok
    assert f"vm/forskning/vm-forskning-3.md:{line}: frontmatter:" in built.log


def _example_docs() -> dict[str, str]:
    docs = ROOT / "content"
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))}


EXAMPLE_DOCS = _example_docs()
EXAMPLE_GOALS = sorted(path for path, text in EXAMPLE_DOCS.items() if "\ntype: goal\n" in text)
EXAMPLE_SCALES = Scales.from_config(
    ratings=[
        {"key": k, "score": s, "reached": r}
        for k, s, r in [
            ("JA", 100, True),
            ("JA-", 85, True),
            ("JA--", 70, False),
            ("JA?", 65, False),
            ("JA/NEI", 55, False),
            ("TJA", 50, False),
            ("NEI/JA", 45, False),
            ("NEI+", 30, False),
            ("NEI", 0, False),
            ("Vet ikke", None, False),
        ]
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    goal=st.sampled_from(EXAMPLE_GOALS),
    where=st.integers(min_value=0, max_value=200),
    cut=st.integers(min_value=1, max_value=4),
    insert=st.sampled_from(["", "\n", "-", " ", "#", ":", '"', "x"]),
)
def test_an_unreadable_goal_fails_or_is_counted(goal, where, cut, insert):
    """Whatever happens to the top of a goal file, the goal is either still counted or the check fails."""
    text = EXAMPLE_DOCS[goal]
    where = min(where, len(text))
    broken = text[:where] + insert + text[where + cut :]
    docs = [SourceDoc(path, broken if path == goal else page) for path, page in EXAMPLE_DOCS.items()]
    analysis = analyse(docs, EXAMPLE_SCALES)
    goals = sum(1 for r in analysis.model.records.values() if r.entity.type == "goal")
    assert analysis.errors or goals == len(EXAMPLE_GOALS)


# --- Every YAML error at its real line, all problems of a file at once ------------------------------------


def test_unclosed_quote_is_reported_at_its_line_in_norwegian():
    text = (
        '---\ntype: goal\nid: g-1\narea: a\ntitle: "Øke noe\nassessments:\n  - {period: "2021", rating: "NEI"}\n---\n'
    )
    assert problems_of({"a/g-1.md": text}) == [
        "a/g-1.md:5: ugyldig YAML: anførselstegnet som åpnes her, lukkes ikke på samme linje"
    ]


def test_libyaml_problems_are_in_norwegian():
    found = problems_of({"a/g-1.md": "---\ntype: goal\nid: g-1\n  area: a\ntitle: x\n---\n"})
    assert found and "ugyldig YAML" in found[0] and not re.search(r"\b(expected|found|mapping)\b", found[0])


def test_a_misspelt_field_does_not_hide_a_bad_rating():
    text = GOAL.replace("title:", "titel:").replace('rating: "NEI"', 'rating: "KANSKJE"')
    found = problems_of({"a/g-1.md": text})
    assert any("titel: ukjent felt; mente du «title»?" in p for p in found)
    assert any("assessments[0].rating: «KANSKJE» er ikke på vurderingsskalaen" in p for p in found)


# --- Exact figures ------------------------------------------------------------------------------------------

FALLING = Indicator.model_validate(
    {
        "type": "indicator",
        "id": "ventetid",
        "title": "Ventetid",
        "direction": "decrease",
        "baseline": {"period": "2023", "value": 4.0},
        "target": {"period": "2029", "value": 3.0},
        "values": {"2024": 3.9, "2025": 3.7},
    }
)


def test_path_is_shown_with_the_precision_of_the_values():
    state = progress(FALLING)
    assert round(state.planned, 3) == 3.667  # 2025-12-31 on the line from 2023-12-31 to 2029-12-31
    assert state.decimals == 1 and state.planned_shown == 3.7
    assert state.on_track is True  # 3,7 beside a path of 3,7 reads «i rute»
    chart = indicator_chart(SiteModel(scales=Scales.from_config()), FALLING)
    rows = {row[0]: row for row in chart.rows}
    assert rows["2025"][1:3] == ["3,7", "3,7"] and rows["2024"][1:3] == ["3,9", "3,8"]
    assert "gir 3,7 i 2025" in chart.summary


def test_a_decimal_value_keeps_its_decimals():
    assert number(3.25, 2) == "3,25" and number(1.25, 1) == "1,3"
    assert decimals_for(4.0, 3.25) == 2 and measured(3.25) == "3,25"


# --- Goals rated in parts -----------------------------------------------------------------------------------


def test_a_goal_rated_in_parts_reads_as_parts_not_as_a_scale_mark():
    text = GOAL.replace(
        '  - {period: "2021", rating: "NEI"}',
        '  - {period: "2021", part: "A", rating: "JA"}\n  - {period: "2021", part: "B", rating: "NEI"}',
    )
    result = load_documents([SourceDoc("a/g-1.md", text)])
    rating = latest_rating(result.records[0].entity, Scales.from_config().ratings)
    assert rating.mark == "JA + NEI" and rating.in_parts


# --- Periods checked against the strategy -------------------------------------------------------------------


def test_an_assessment_outside_the_strategy_period_is_a_warning():
    found = problems_of({"a/g-1.md": GOAL.replace('"2021"', '"2032"')})
    assert found == ["a/g-1.md:7: assessments[0].period: perioden 2032 er utenfor strategiperioden 2018–2025"]


def test_an_assessment_after_the_current_period_is_a_note():
    site = {"index.md": SITE["index.md"].replace("period:", 'current_period: "2020"\nperiod:')}
    docs = [SourceDoc(path, text) for path, text in {**SITE, **site, "a/g-1.md": GOAL}.items()]
    found = [(str(p), p.severity) for p in analyse(docs, Scales.from_config()).problems if "perioden " in p.message]
    assert found == [
        ("a/g-1.md:7: assessments[0].period: perioden 2021 er etter strategiens gjeldende periode (2020)", "info")
    ]


# --- Scales per strategy ------------------------------------------------------------------------------------


def test_a_strategy_without_rating_scale_refuses_assessments_and_shows_no_ratings():
    site = {"index.md": SITE["index.md"].replace("period:", "rating_scale: none\nperiod:")}
    assert problems_of({**site, "a/g-1.md": GOAL}) == [
        "a/g-1.md:7: assessments[0]: strategien vurderer ikke målene (rating_scale: none); "
        "slett vurderingen eller feltet"
    ]
    unrated = GOAL.replace('assessments:\n  - {period: "2021", rating: "NEI"}\n', "")
    docs = [SourceDoc(p, t) for p, t in {**SITE, **site, "a/g-1.md": unrated}.items()]
    model = analyse(docs, Scales.from_config()).model
    assert count_lines(model) == ["s (Enhet): 1 mål, 0 vurdert, 0 tiltak, 0 indikatorer"]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "plugins/strategy_site/templates")), autoescape=True
    )
    r = BlockRenderer(model, env, link=lambda i: None, short=lambda i: "", url=lambda p: None, problems=[])
    attainment = r.block(_directive("attainment", strategy="s"), None)
    assert "vurderer ikke målene" in attainment and "<table" not in attainment
    goals = r.block(_directive("goals", strategy="s"), None)
    assert "Måloppnåelse" not in goals and "Ikke vurdert" not in goals
    figures = r.block(_directive("key-figures", id="s"), None)
    assert 'data-figure="reached"' not in figures and "vurdert" not in figures


def _directive(kind: str, **args) -> Directive:
    return Directive(kind=kind, args=args, line=1)


# --- The export carries every computed figure ---------------------------------------------------------------


def test_example_export_validates_against_its_published_schema(example_site):
    schema = json.loads((example_site.site / "export/strategy.schema.json").read_text("utf-8"))
    export = example_site.export()
    jsonschema.validate(export, schema)
    mh = next(s for s in export["strategies"] if s["id"] == "mh")
    assert mh["rates_goals"] is False and "rated" not in mh
    parts = next(e for e in export["entities"] if e["id"] == "vm-forskning-2")["attainment"]
    assert parts["rating"] == "JA + JA-" and parts["in_parts"] and len(parts["parts"]) == 2


def _page_figures(page: str) -> dict[str, str]:
    """The figures an indicator page's chart summary states."""
    text = html.unescape(page)
    summary = re.search(r'aria-label="([^"]*)"', text[text.index('class="strategy-chart__plot"') - 200 :]).group(1)
    out = {"latest": re.search(r"siste verdi ([\d\u00a0 ,]+)", summary).group(1).strip()}
    share = re.search(r"(-?[\d\u00a0 ]+)\u00a0% av veien", summary)
    out["share"] = share.group(1).strip() if share else None
    path = re.search(r"gir ([\d\u00a0 ,]+)", summary)
    out["path"] = path.group(1).strip() if path else None
    return out


def _shown(value, decimals: int) -> str | None:
    return None if value is None else number(value, decimals)


def _agree(page: str, exported: dict) -> None:
    figures = _page_figures(page)
    computed = exported["attainment"]
    places = computed["decimals"]
    assert figures["latest"] == _shown(computed["latest"]["value"], places)
    assert figures["share"] == _shown(computed["share_of_way_percent"], 0)
    assert figures["path"] == _shown(computed["path_value"], places)


def test_indicator_pages_and_export_agree_to_the_digit(example_site):
    indicators = [e for e in example_site.export()["entities"] if e["type"] == "indicator"]
    assert indicators
    for entity in indicators:
        _agree(example_site.html(entity["url"] + "index.html"), entity)


def test_a_decreasing_decimal_indicator_agrees_with_the_export(build_site):
    files = {
        **BASE_SITE,
        "forskning/ventetid.md": """
            ---
            type: indicator
            id: s-ventetid
            goals: [s-forskning-1]
            title: Ventetid i uker
            direction: decrease
            baseline: {period: "2023", value: 4.0}
            target: {period: "2029", value: 3.0}
            values: {"2024": 3.9, "2025": 3.7}
            ---
            """,
    }
    built = build_site(files)
    assert built.ok, built.log
    entity = next(e for e in built.export()["entities"] if e["id"] == "s-ventetid")
    assert entity["attainment"]["path_value"] == 3.7 and entity["attainment"]["on_track"] is True
    page = built.html(entity["url"] + "index.html")
    _agree(page, entity)
    assert "I rute: den rette linjen mot målet gir 3,7 i 2025" in html.unescape(page)
    assert re.search(r"<td[^>]*>3,9</td>", page)  # the values table with the indicator's one decimal
