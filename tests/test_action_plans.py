"""Action plans on in-memory data: reporting periods, summary figures, change detection and every lint."""

from __future__ import annotations

import pytest

from strategy_site.checks.analysis import analyse
from strategy_site.checks.lints import DEFAULT_SEVERITIES, LintSettings, run_lints
from strategy_site.core.load import SourceDoc
from strategy_site.core.periods import parse_period
from strategy_site.core.scales import Scales
from strategy_site.measures.reports import (
    change_of,
    current_period,
    fold_past_years,
    period_report,
    previous_period,
    report_period_for,
    reporting_periods,
    summary_for,
)

STRATEGY = "---\ntype: strategy\nid: s\ntitle: S\nunit: Enhet\nperiod: {{start: 2018, end: 2025}}\n{extra}---\n"
AREA = "---\ntype: area\nid: {id}\ntitle: {id}\norder: {order}\n---\n"
GOAL = "---\ntype: goal\nid: {id}\narea: {area}\nnumber: '{n}'\ntitle: Mål {n}\n{extra}---\n"
READY = "owner: Dekan\nstart: 2019-01\nend: 2020-12\nbudget: {hours: 10, nok: 1000}\nrisk: {level: low}\n"


def action(ident: str, goals: str, *status: str, extra: str = READY) -> str:
    entries = "".join(f"  - {{period: '{p}', level: {lvl}}}\n" for p, lvl in (s.split(":") for s in status))
    head = f"---\ntype: action\nid: {ident}\ngoals: [{goals}]\ntitle: Tiltak {ident}\n"
    return f"{head}{extra}status:\n{entries or '  []'}\n---\n"


def site(actions: dict[str, str], strategy_extra: str = "", goal_extra: str = "") -> dict[str, str]:
    pages = {
        "index.md": STRATEGY.format(extra=strategy_extra),
        "a/index.md": AREA.format(id="a", order=1),
        "b/index.md": AREA.format(id="b", order=2),
        "a/g1.md": GOAL.format(id="g1", area="a", n=1, extra=goal_extra),
        "a/g2.md": GOAL.format(id="g2", area="a", n=2, extra=goal_extra),
        "b/g3.md": GOAL.format(id="g3", area="b", n=3, extra=goal_extra),
    }
    pages.update({f"tiltak/{k}.md": v for k, v in actions.items()})
    return pages


def analysed(pages: dict[str, str], settings: LintSettings | None = None):
    return analyse([SourceDoc(p, t) for p, t in pages.items()], Scales.from_config(), lints=settings)


def P(key: str):
    return parse_period(key)


class TestPeriods:
    def test_reporting_periods_are_every_status_period_in_order(self):
        model = analysed(
            site({"t1": action("t1", "g1", "2019-T3:2", "2019-T1:0"), "t2": action("t2", "g3", "2019-T2:1")})
        ).model
        assert [p.key for p in reporting_periods(model, "s")] == ["2019-T1", "2019-T2", "2019-T3"]

    def test_current_period_is_configured_else_latest_with_data(self):
        pages = site({"t1": action("t1", "g1", "2019-T1:0", "2019-T2:2")})
        assert current_period(analysed(pages).model, "s").key == "2019-T2"
        assert current_period(analysed(pages).model, "s", configured="2019-T3").key == "2019-T3"
        own = site({"t1": action("t1", "g1", "2019-T1:0")}, strategy_extra="current_period: 2020-Q1\n")
        assert current_period(analysed(own).model, "s", configured="2019-T3").key == "2020-Q1"
        # 2019-T1 lies in a year before the current period's: its report is the year's.
        assert [p.key for p in reporting_periods(analysed(own).model, "s")] == ["2019", "2020-Q1"]

    def test_reports_of_past_years_are_one_per_year_and_this_years_one_per_period(self):
        statuses = ("2019-T1:0", "2019-T2:1", "2019-T3:2", "2020-T1:2", "2020-T2:3", "2021-T1:3", "2021-T2:4")
        model = analysed(site({"t1": action("t1", "g1", *statuses)})).model
        assert [p.key for p in reporting_periods(model, "s")] == ["2019", "2020", "2021-T1", "2021-T2"]
        # The year's report shows the status at the year's end, and the next report changes from there.
        assert report_period_for(model, "s", P("2020-T2")).key == "2020"
        assert report_period_for(model, "s", P("2021-T2")).key == "2021-T2"
        assert report_period_for(model, "s", P("2018")) is None
        model.fold_past_years = False
        model.cache = type(model.cache)()
        assert [p.key for p in reporting_periods(model, "s")] == [s.split(":")[0] for s in statuses]
        # A period that spans years (none here) and one that is already a year stay as they are.
        assert [p.key for p in fold_past_years([P("2018"), P("2019-H2"), P("2020-Q1")])] == ["2018", "2019", "2020-Q1"]

    def test_previous_period_is_the_one_before_in_the_list(self):
        periods = sorted(P(k) for k in ["2019-T1", "2019-T2", "2019-T3"])
        assert previous_period(periods, P("2019-T3")).key == "2019-T2"
        assert previous_period(periods, P("2019-T1")) is None


class TestSummary:
    def test_figures_per_strategy_and_area_from_item_data(self):
        actions = {
            "t1": action("t1", "g1", "2019:0"),
            "t2": action("t2", "g1", "2019:2"),
            "t3": action("t3", "g3", "2019:4"),
            "t4": action("t4", "g3"),
        }
        model = analysed(site(actions)).model
        s = summary_for(model, "s")
        assert (s.goals, s.goals_with_actions, s.actions, s.actions_started, s.actions_done) == (3, 2, 4, 2, 1)
        assert s.actions_unreported == 1 and s.mean_status == 2
        assert s.status_distribution == {0: 1, 1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
        a = summary_for(model, "a")
        assert (a.goals, a.goals_with_actions, a.actions, a.actions_started) == (2, 1, 2, 1)

    def test_figures_for_an_earlier_period_use_the_status_then(self):
        model = analysed(site({"t1": action("t1", "g1", "2019-T1:1", "2019-T2:3")})).model
        assert summary_for(model, "s", P("2019-T1")).actions_started == 0
        assert summary_for(model, "s", P("2019-T2")).actions_started == 1


class TestChanges:
    def test_up_down_same_new_stale_and_unreported(self):
        actions = {
            "up": action("up", "g1", "2019-T1:1", "2019-T2:3"),
            "down": action("down", "g1", "2019-T1:3", "2019-T2:2"),
            "same": action("same", "g2", "2019-T1:2", "2019-T2:2"),
            "new": action("new", "g3", "2019-T2:0"),
            "stale": action("stale", "g3", "2019-T1:2"),
            "none": action("none", "g3"),
        }
        model = analysed(site(actions)).model
        changes = {ident: change_of(model.get(ident), P("2019-T2"))[2] for ident in actions}
        assert changes == {
            "up": "up",
            "down": "down",
            "same": "same",
            "new": "new",
            "stale": "stale",
            "none": "unreported",
        }
        shown, before, _ = change_of(model.get("stale"), P("2019-T2"))
        assert shown.period == "2019-T1" and before.period == "2019-T1"
        report = period_report(model, "s", P("2019-T2"))
        assert report.previous.key == "2019-T1"
        assert report.changes == {"new": 1, "up": 1, "down": 1, "same": 1, "stale": 1, "unreported": 1}
        assert [a for a, _, _ in report.areas] == ["a", "b"]

    def test_first_period_makes_every_reported_action_new(self):
        model = analysed(site({"t1": action("t1", "g1", "2019-T1:1")})).model
        report = period_report(model, "s", P("2019-T1"))
        assert report.previous is None and report.changes["new"] == 1


def findings(pages, settings=None, code=None):
    found = [p for p in analysed(pages, settings).problems if p.code != "content"]
    return [str(p) for p in found if code is None or p.code == code]


class TestLints:
    GOAL_OK = "deadline: 2020\n"

    def ready(self, **actions):
        return site(actions, strategy_extra="current_period: 2019-T2\n", goal_extra=self.GOAL_OK)

    def test_a_ready_action_plan_has_no_action_findings(self):
        pages = self.ready(t1=action("t1", "g1", "2019-T2:2"))
        assert [f for f in findings(pages) if "goal-without" not in f and "indikator" not in f] == []

    @pytest.mark.parametrize(
        ("code", "extra", "expected"),
        [
            (
                "action-without-owner",
                READY.replace("owner: Dekan\n", ""),
                "tiltak/t1.md:2: owner: tiltaket mangler eier",
            ),
            (
                "action-without-timeline",
                READY.replace("end: 2020-12\n", ""),
                "tiltak/t1.md:2: end: tiltaket mangler tidsplan (end)",
            ),
            (
                "action-without-budget",
                READY.replace("budget: {hours: 10, nok: 1000}\n", ""),
                "tiltak/t1.md:2: budget: tiltaket mangler ressurser",
            ),
            (
                "action-without-risk",
                READY.replace("risk: {level: low}\n", ""),
                "tiltak/t1.md:2: risk: tiltaket mangler risikovurdering",
            ),
        ],
    )
    def test_each_missing_part_of_an_action_is_one_line(self, code, extra, expected):
        pages = self.ready(t1=action("t1", "g1", "2019-T2:2", extra=extra))
        found = findings(pages, code=code)
        assert len(found) == 1 and found[0].startswith(expected), found

    def test_action_without_goal_is_a_warning_by_default(self):
        pages = self.ready(t1=action("t1", "", "2019-T2:2"))
        problems = [p for p in analysed(pages).problems if p.code == "action-without-goal"]
        assert [str(p) for p in problems] == [
            "tiltak/t1.md:4: goals: tiltaket følger ikke opp noe mål; legg til goals: [<mål-id>]"
        ]
        assert problems[0].severity == "warning"

    def test_goal_without_indicator_or_deadline(self):
        pages = site({})
        assert findings(pages, code="goal-without-deadline")[0] == (
            "a/g1.md:2: deadline: målet har ingen frist (deadline); strategiperiodens slutt (2025) brukes"
        )
        pages["a/ind.md"] = "---\ntype: indicator\nid: i1\ngoals: [g1]\ntitle: Indikator\n---\n"
        unmeasured = findings(pages, code="goal-without-indicator")
        assert [f.split(":")[0] for f in unmeasured] == ["a/g2.md", "b/g3.md"]

    def test_status_not_reported_for_the_current_period(self):
        pages = self.ready(
            late=action("late", "g1", "2019-T1:2"),
            fresh=action("fresh", "g1", "2019-T2:3"),
            done=action("done", "g2", "2019-T1:4"),
            later=action("later", "g3", extra=READY.replace("start: 2019-01", "start: 2020-01")),
        )
        assert findings(pages, code="status-not-reported") == [
            "tiltak/late.md:11: status: ingen status for gjeldende periode 2. tertial 2019 (siste: 1. tertial 2019)"
        ]

    def test_too_many_actions_starting_in_one_period(self):
        actions = {f"t{i}": action(f"t{i}", "g1", "2019-T2:2") for i in range(3)}
        actions["t9"] = action("t9", "g2", "2019-T2:2", extra=READY.replace("2019-01", "2019-06"))
        pages = self.ready(**actions)
        assert findings(pages, LintSettings.from_options(start_limit=3), code="too-many-starts") == []
        found = findings(pages, LintSettings.from_options(start_limit=2), code="too-many-starts")
        assert len(found) == 3 and all("3 tiltak starter i januar 2019, flere enn grensen på 2" in f for f in found)
        assert found[0].startswith("tiltak/t0.md:7: start:")

    def test_severity_is_configurable_and_off_skips(self):
        pages = self.ready(t1=action("t1", "g1", "2019-T2:2", extra=READY.replace("owner: Dekan\n", "")))
        settings = LintSettings.from_options({"action_without_owner": "error", "goal-without-indicator": False})
        problems = analysed(pages, settings).problems
        owner = [p for p in problems if p.code == "action-without-owner"]
        assert [p.severity for p in owner] == ["error"]
        assert not [p for p in problems if p.code == "goal-without-indicator"]
        with pytest.raises(ValueError, match="ukjent sjekk «action-without-mandate»"):
            LintSettings.from_options({"action-without-mandate": "error"})

    def test_every_lint_has_a_default(self):
        from strategy_site.checks.lints import LINTS

        assert set(LINTS) == set(DEFAULT_SEVERITIES)
        assert run_lints(analysed(site({})).model, LintSettings.from_options(dict.fromkeys(LINTS, "off"))) == []
