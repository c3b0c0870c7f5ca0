"""A strategy names its own rating and status scale (`rating_scales` / `status_scales` in mkdocs.yml): its
pages, counts, charts and exports use that scale, and its marks and levels are checked against it."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import BASE_SITE, build_once, write_site

from strategy_site.checks.analysis import analyse
from strategy_site.cli.main import main
from strategy_site.core.load import SourceDoc
from strategy_site.core.periods import parse_period
from strategy_site.core.scales import Scales
from strategy_site.core.settings import SettingsError, site_settings
from strategy_site.exports.reminders import reminders_data
from strategy_site.exports.status_form import form_rows, form_scale
from strategy_site.exports.status_import import plan_import
from strategy_site.exports.table_files import Cell, TableRow
from strategy_site.measures.reporting import reminders

# Enhet B rates its goals A–C; Testmuseet's actions report on a 1–3 project scale where 3 is done.
OPTIONS = """
rating_scales:
  skole:
    - {key: "A", label: "Svært godt", score: 100, color: "#1e7b34", reached: true}
    - {key: "B", label: "Godt", score: 50, color: "#f2c14e"}
    - {key: "C", label: "Svakt", score: 0, color: "#b3261e"}
status_scales:
  prosjekt:
    levels:
      - {level: 1, label: "Planlagt", color: "#6b6b6b"}
      - {level: 2, label: "Pågår", color: "#2b7bba"}
      - {level: 3, label: "Ferdig", color: "#0b6e4f"}
    started: 2
    done: 3
"""
SCALE_OPTIONS = {
    "rating_scales": {
        "skole": [
            {"key": "A", "label": "Svært godt", "score": 100, "color": "#1e7b34", "reached": True},
            {"key": "B", "label": "Godt", "score": 50, "color": "#f2c14e"},
            {"key": "C", "label": "Svakt", "score": 0, "color": "#b3261e"},
        ]
    },
    "status_scales": {
        "prosjekt": {
            "levels": [
                {"level": 1, "label": "Planlagt", "color": "#6b6b6b"},
                {"level": 2, "label": "Pågår", "color": "#2b7bba"},
                {"level": 3, "label": "Ferdig", "color": "#0b6e4f"},
            ],
            "started": 2,
            "done": 3,
        }
    },
}
FILES = {
    **BASE_SITE,
    "index.md": BASE_SITE["index.md"].replace("period:", "status_scale: prosjekt\nperiod:"),
    "forskning/tiltak-1.md": BASE_SITE["forskning/tiltak-1.md"]
    .replace("level: 0, note: Ikke igangsatt.", "level: 1, note: Planlagt.")
    .replace("level: 2, note: Igangsatt.", "level: 3, note: Ferdig."),
    "enhet-b/index.md": BASE_SITE["enhet-b/index.md"].replace("period:", "rating_scale: skole\nperiod:"),
    "enhet-b/b-drift-1.md": BASE_SITE["enhet-b/b-drift-1.md"].replace(
        "title: God drift\n", 'title: God drift\nassessments:\n  - {period: "2021", rating: "A"}\n'
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, FILES, OPTIONS)


def test_each_unit_is_counted_on_its_own_scale(site):
    # «A» is no mark on the site's scale: Enhet B's goal counts as rated only on its own.
    assert "strategy_site: b (Enhet B): 1 mål, 1 vurdert, 0 tiltak, 0 indikatorer" in site.log
    assert "strategy_site: s (Testmuseet): 2 mål, 1 vurdert, 1 tiltak, 1 indikatorer" in site.log


def test_pages_show_each_units_own_marks_and_levels(site):
    goal = site.html("enhet-b/b-drift-1/index.html")
    assert '<span class="strategy-badge rating-skole--a" title="Svært godt">A ' in goal
    action = site.html("forskning/tiltak-1/index.html")
    assert '<span class="strategy-badge status-prosjekt--3">3 <span class="strategy-badge__label">Ferdig' in action
    assert "Under gjennomføring" not in action
    # The attainment table has one column per level of Enhet B's scale, none of the site's marks.
    dashboard = site.html("enhet-b/styringskort/index.html")
    assert 'title="Godt">B</span>' in dashboard and 'title="Svakt">C</span>' in dashboard
    assert "JA/NEI" not in dashboard
    # The report's status legend is the project scale, with its own started and done.
    report = site.html("rapporter/2019-T3/index.html")
    assert "3</span> Ferdig (teller som gjennomført)" in report
    assert "Igangsatt er nivå 2 eller høyere; gjennomført er nivå 3 eller høyere." in report
    # Each named scale's levels have their own colours, apart from the site's level of the same key.
    css = site.html("assets/strategy/scale.css")
    assert ".strategy-badge.rating-skole--a{background:#1e7b34;color:#ffffff}" in css
    assert ".strategy-badge.status-prosjekt--3{background:#0b6e4f;" in css
    assert ".strategy-badge.status-3{" in css


def test_the_export_and_the_tables_count_on_each_units_scale(site):
    export = site.export()
    figures = {s["id"]: s for s in export["strategies"]}
    assert figures["b"]["rating_distribution"] == {"A": 1, "B": 0, "C": 0}
    assert figures["b"]["reached"] == 1
    # Level 3 is done on the project scale (on the site's it is only under way).
    assert figures["s"]["actions_done"] == 1
    assert figures["s"]["status_distribution"] == {"1": 0, "2": 0, "3": 1}
    action = next(e for e in export["entities"] if e["id"] == "s-tiltak-1")
    assert action["attainment"] == {
        "reported": True,
        "period": "2019-T3",
        "level": 3,
        "label": "Ferdig",
        "started": True,
        "done": True,
    }
    csv_text = (site.site / "export/s/actions.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[1].endswith(";2019-T3;3;Ferdig;Ferdig.;nei")


def analysed(files: dict[str, str]):
    docs = [SourceDoc(path, text) for path, text in {**FILES, **files}.items()]
    return analyse(docs, site_settings(SCALE_OPTIONS).scales)


def test_the_fixture_site_has_no_problems():
    assert [str(p) for p in analysed({}).problems if p.severity in ("error", "warning")] == []


def test_an_unknown_scale_name_names_the_file_line_and_field_with_the_known_names():
    index = FILES["enhet-b/index.md"].replace("rating_scale: skole", "rating_scale: skolle")
    found = [str(p) for p in analysed({"enhet-b/index.md": index}).problems if p.severity == "error"]
    assert found == [
        # Until the name is right the site's scale stands in, on which «A» is no mark.
        "enhet-b/b-drift-1.md:7: assessments[0].rating: «A» er ikke på vurderingsskalaen "
        "(JA, JA-, JA--, JA?, JA/NEI, TJA, NEI/JA, NEI+, NEI, Vet ikke)",
        "enhet-b/index.md:6: rating_scale: ukjent skala «skolle»; mente du «skole»? kjente: none, default, skole "
        "(skalaer navngis under rating_scales i mkdocs.yml)",
    ]
    index = FILES["index.md"].replace("status_scale: prosjekt", "status_scale: tertial")
    found = [str(p) for p in analysed({"index.md": index}).problems if p.severity == "error"]
    assert found == [
        "index.md:6: status_scale: ukjent skala «tertial»; kjente: none, default, prosjekt "
        "(skalaer navngis under status_scales i mkdocs.yml)"
    ]


def test_a_mark_or_level_from_another_scale_is_an_error_naming_the_units_scale():
    goal = FILES["enhet-b/b-drift-1.md"].replace('rating: "A"', 'rating: "JA"')
    action = FILES["forskning/tiltak-1.md"].replace("level: 1,", "level: 4,")
    found = [
        str(p)
        for p in analysed({"enhet-b/b-drift-1.md": goal, "forskning/tiltak-1.md": action}).problems
        if p.severity == "error"
    ]
    assert found == [
        "enhet-b/b-drift-1.md:7: assessments[0].rating: «JA» er ikke på vurderingsskalaen «skole» (A, B, C)",
        "forskning/tiltak-1.md:12: status[0].level: nivå 4 finnes ikke på statusskalaen «prosjekt» (1, 2, 3)",
    ]
    # The site's own scale still takes the site's marks: Testmuseet's goals are rated JA-/NEI.
    assert Scales.from_config().ratings.resolve("JA-") is not None


def test_a_named_scale_is_checked_as_the_sites_own_and_named_by_its_place():
    with pytest.raises(SettingsError) as raised:
        site_settings(
            {
                "rating_scales": {
                    "skole": [{"key": "A", "score": 100}, {"key": "B", "lable": "Godt", "color": "grønn"}],
                    "none": [{"key": "X"}],
                    "tom": [],
                },
                "status_scales": {
                    "prosjekt": [{"level": 1, "label": "Planlagt"}, {"level": 1, "label": "Ferdig"}],
                    "kort": [{"level": 1, "label": "Planlagt"}, {"level": 3, "label": "Ferdig"}],
                    "egen": {
                        "levels": [{"level": 1, "label": "A"}, {"level": 2, "label": "B"}],
                        "started": 2,
                        "don": 2,
                    },
                },
            }
        )
    assert raised.value.problems == [
        "rating_scales.none: «none» kan ikke være navnet på en skala: en strategi skriver «none» for ingen skala "
        "og «default» for nettstedets",
        'rating_scales.skole[1] «B»: color: «grønn» er ikke en farge; skriv #rgb eller #rrggbb, f.eks. "#1e7b34"',
        "rating_scales.skole[1] «B»: ukjent felt «lable»; mente du «label»?",
        "rating_scales.tom: kan ikke være tom; en skala trenger minst ett nivå",
        "status_scales.prosjekt[1] «Ferdig»: level: nivå 1 finnes allerede i status_scales.prosjekt[0]",
        "status_scales.kort: status_started: er ikke satt, og standardverdien 2 er ikke et nivå på statusskalaen "
        "(1, 3)",
        "status_scales.kort: status_done: er ikke satt, og standardverdien 4 er ikke et nivå på statusskalaen (1, 3)",
        "status_scales.kort: gi skalaen egne nivåer for igangsatt og gjennomført slik: "
        "{levels: [...], started: 1, done: 3}",
        "status_scales.egen: ukjent felt «don»; mente du «done»?",
    ]


def test_a_mistake_in_a_named_scale_stops_the_build_with_its_place(build_site):
    built = build_site(FILES, options=OPTIONS.replace('label: "Godt"', 'lable: "Godt"'))
    assert not built.ok and "Traceback" not in built.log
    assert built.lines("ERROR", "WARNING") == [
        "strategy: ugyldige innstillinger i mkdocs.yml:\n  rating_scales.skole[1] «B»: ukjent felt «lable»; "
        "mente du «label»?"
    ], built.log


def _row(number: int, **cells: object) -> TableRow:
    where = f"skjema.csv:{number}"
    return TableRow(where, {name: Cell(value, f"{where}:{name}") for name, value in cells.items()})


def test_status_form_import_and_reminders_use_the_actions_own_scale():
    model = analysed({}).model
    plan = plan_import(
        [
            _row(2, action="s-tiltak-1", period="2020-T1", level="2 – Pågår", note="Videre."),
            _row(3, action="s-tiltak-1", period="2020-T2", level="5", note="Rapportert."),
        ],
        model,
    )
    # 5 is on the site's scale, not on the project scale Testmuseet reports on.
    assert plan.problems == ["skjema.csv:3:level: level: «5» er ikke på statusskalaen «prosjekt» (1, 2, 3)"]
    assert [(c.entry.period, c.entry.level) for c in plan.changes] == [("2020-T1", 2)]
    rows = form_rows(model, parse_period("2019-T3"))
    assert [row.values[5] for row in rows] == ["3 – Ferdig"]
    assert form_scale(model, rows, None).name == "prosjekt"
    # Level 3 is done on the project scale: the action reports no more.
    assert form_rows(model, parse_period("2020-T1")) == []
    unreported = FILES["forskning/tiltak-1.md"].replace("  - {period: 2019-T3, level: 3, note: Ferdig.}\n", "")
    model = analysed({"forskning/tiltak-1.md": unreported}).model
    found = reminders(model, parse_period("2019-T3"), "s")
    data = reminders_data(found, parse_period("2019-T3"), model.statuses_of, {})
    assert [a["last"]["label"] for o in data["owners"] for a in o["actions"]] == ["Planlagt"]


def test_a_status_form_offers_one_scale_so_units_on_different_scales_get_one_each(tmp_path, monkeypatch, capsys):
    action_b = "---\ntype: action\nid: b-tiltak-1\ngoals: [b-drift-1]\ntitle: Rydde lageret\nstart: 2019-01\n---\n"
    write_site(tmp_path, {**FILES, "enhet-b/tiltak-1.md": action_b}, OPTIONS)
    monkeypatch.chdir(tmp_path)
    assert main(["status-form", "--period", "2019-T3", "-o", "skjema.xlsx"]) == 2
    assert "strategiene bruker ulike statusskalaer; lag ett skjema per strategi med --unit (s, b)" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "skjema.xlsx").exists()
    assert main(["status-form", "--period", "2019-T3", "--unit", "s", "-o", "skjema.xlsx"]) == 0
    book = openpyxl.load_workbook(tmp_path / "skjema.xlsx")
    scale = book.worksheets[-1]
    assert [row[0] for row in scale.iter_rows(min_row=2, values_only=True)] == [
        "1 – Planlagt",
        "2 – Pågår",
        "3 – Ferdig",
    ]
