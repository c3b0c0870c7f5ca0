"""The editors' overview as a worklist: findings by kind, one line per shared cause, every finding reachable."""

from __future__ import annotations

import re

from conftest import BASE_CONFIG, BASE_SITE

from strategy_site.checks.worklist import Place, worklist
from strategy_site.core.problems import Problem

STARTS = "3 tiltak starter i januar 2022, flere enn grensen på 2"


def test_one_cause_shared_by_many_findings_is_one_line_and_errors_come_first():
    problems = [Problem(f"t-{n}.md", STARTS, line=5, severity="info", code="too-many-starts") for n in range(3)]
    problems += [Problem("g-1.md", "ingen indikator måler g-1", severity="info", code="goal-without-indicator")]
    problems += [Problem("feil.md", "ugyldig YAML", line=2, code="content")]
    places = {"t-1.md": Place(title="Tiltak 1", unit="vm", owner="Ola")}

    kinds = worklist(problems, places)

    assert [k.code for k in kinds] == ["content", "too-many-starts", "goal-without-indicator"]
    starts = kinds[1]
    assert [(c.message, len(c.findings)) for c in starts.causes] == [(STARTS, 3)] and starts.singles == []
    assert starts.count == 3
    assert starts.causes[0].findings[1].place == Place(title="Tiltak 1", unit="vm", owner="Ola")
    assert [f.problem.path for f in kinds[2].singles] == ["g-1.md"]


def _worklist_html(html: str) -> str:
    start = html.index('data-strategy-block="editor-overview"')
    return html[start : html.index("</div>\n", html.index("<script", start))]


def test_the_example_sites_overview_is_short_and_lists_every_finding_once(example_site):
    page = example_site.html("redaktor/index.html")
    overview = _worklist_html(page)
    notes = re.findall(r"strategy_site: ([^:\s]+\.md):(\d+): ", example_site.log)
    assert len(notes) > 250
    # Once one table per file (116) with a row per finding; now no table and one line per kind or shared cause.
    assert "<table" not in overview
    assert len(re.findall(r'<li class="strategy-worklist__cause"', overview)) <= 12
    # 84 goals without a deadline: one line with the count, the goals folded under it.
    assert re.search(
        r"målet har ingen frist \(deadline\); strategiperiodens slutt \(2025\) brukes: "
        r"<span data-count>\d+</span> sider\n<details>",
        overview,
    )
    # Every finding is still there, linked to its page, in the unit it belongs to.
    findings = re.findall(
        r'<li class="strategy-worklist__finding" data-unit="(\w*)"[^>]*><a href="([^"]+)">[^<]*</a>\n'
        r" <code>([^<]+)</code>",
        overview,
    )
    assert sorted(f"{path}" for _, _, path in findings) == sorted(f"{path}:{line}" for path, line in notes)
    for unit, url, path in findings:
        assert unit == path.split("/")[0] and url == "../" + path.split(":")[0].removesuffix(".md") + "/"
    assert '<option value="vm">NTNU Vitenskapsmuseet</option>' in overview
    assert '<script src="../assets/strategy/worklist.js" defer></script>' in overview
    assert (example_site.site / "assets/strategy/worklist.js").is_file()


def test_each_finding_links_to_the_edit_page_of_its_file_and_names_its_owner(build_site):
    files = {
        **BASE_SITE,
        "forskning/tiltak-2.md": """
            ---
            type: action
            id: s-tiltak-2
            goals: [s-forskning-1]
            title: Styrke søknadsstøtten
            start: 2019-01
            end: 2019-12
            budget: {nok: 1000}
            risk: {level: low}
            ---
            """,
    }
    config = "repo_url: https://git.example.org/strategi\nedit_uri: edit/main/docs/\n" + BASE_CONFIG.format(
        options=":\n      lints: {start_limit: 1}"
    )
    built = build_site(files, config=config)
    assert built.ok, built.log
    overview = _worklist_html(built.html("redaktor/index.html"))
    line = re.search(r'<section [^>]*data-code="too-many-starts">.*?</section>', overview, re.S).group(0)
    assert line.count("2 tiltak starter i januar 2019") == 1 and line.count('"strategy-worklist__finding"') == 2
    assert '<a href="https://git.example.org/strategi/edit/main/docs/forskning/tiltak-2.md"' in line
    assert '<a href="../forskning/tiltak-1/">Etablere forskerskole</a>' in line and "· Prodekan forskning" in line
    assert '<option value="Prodekan forskning">Prodekan forskning</option>' in overview
