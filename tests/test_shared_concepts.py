"""The concepts every part of the site shares: Norwegian numbers, an action's status at a period, the build cache."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import jinja2
import pytest

from strategy_site.blocks.charts import chart_html
from strategy_site.blocks.renderer import BlockRenderer
from strategy_site.charts import charts_for
from strategy_site.checks.analysis import analyse
from strategy_site.core.cache import Cache, Key
from strategy_site.core.load import SourceDoc
from strategy_site.core.models import Action
from strategy_site.core.numbers import measured, number, percent
from strategy_site.core.periods import parse_period
from strategy_site.core.scales import Scales
from strategy_site.glue.build import template_environment
from strategy_site.measures.attainment import RatingsKey, latest_rating
from strategy_site.measures.status import StatusTimeline, TimelineKey, level_at, status_at
from strategy_site.site.page_templates import TEMPLATES

NBSP = "\u00a0"


class TestNumbers:
    @pytest.mark.parametrize(
        ("value", "decimals", "text"),
        [
            (1.25, 1, "1,3"),  # round() and format() give 1,2 (halves to even, and 1.25 is exact in binary)
            (2.675, 2, "2,68"),  # the binary value is 2.67499…; the number as written is 2.675
            (0.5, 0, "1"),
            (2.5, 0, "3"),
            (1.24, 1, "1,2"),
            (1234567, 0, f"1{NBSP}234{NBSP}567"),
            (1234567.25, 1, f"1{NBSP}234{NBSP}567,3"),
            (999.5, 0, f"1{NBSP}000"),
            (-1234.5, 0, f"-1{NBSP}235"),
            (-1.25, 1, "-1,3"),
            (-0.4, 0, "0"),
            (0, 2, "0,00"),
            (7, 1, "7,0"),
        ],
    )
    def test_number_rounds_halves_up_with_thousands_and_decimal_comma(self, value, decimals, text):
        assert number(value, decimals) == text

    def test_nothing_is_a_dash(self):
        assert number(None) == measured(None) == percent(None) == "–"

    @pytest.mark.parametrize(
        ("share", "text"), [(0.125, "13"), (0.285, "29"), (0.5, "50"), (1 / 3, "33"), (0.004, "0"), (12.5, "1 250")]
    )
    def test_percent_rounds_halves_up(self, share, text):
        assert percent(share) == text.replace(" ", NBSP) + f"{NBSP}%"

    def test_measured_values_show_the_decimals_they_have(self):
        # A measured value is shown as written (12.04 is not «12,0»); an indicator passes its own precision.
        assert (measured(104000), measured(12.5), measured(12.04), measured(-3.25), measured(4.0)) == (
            f"104{NBSP}000",
            "12,5",
            "12,04",
            "-3,25",
            "4",
        )
        assert (measured(4.0, 1), measured(-3.25, 1)) == ("4,0", "-3,3")

    def test_templates_get_the_same_formatters_as_filters(self):
        env = jinja2.Environment(autoescape=True)
        BlockRenderer(model=None, env=env, link=lambda ident: None)  # type: ignore[arg-type]
        template = env.from_string("{{ 1.25 | number(1) }} {{ 12.25 | measured(1) }} {{ 0.125 | percent }}")
        assert template.render() == f"1,3 12,3 13{NBSP}%"


def _action(*status: tuple[str, int]) -> Action:
    entries = [{"period": period, "level": level} for period, level in status]
    return Action.model_validate({"type": "action", "id": "t", "title": "T", "status": entries})


# What each rule meant where it was written before there was one function (reports.status_at and
# status_before, attainment.latest_status, the lint's last status before a period): the entry of the
# latest period among those that qualify, the first written of equal periods.
def _reference(action: Action, period, rule: str):
    qualifies = {
        "until": lambda p: period is None or p <= period,
        "within": lambda p: p.start >= period.start and p.end <= period.end,
        "before": lambda p: p.end < period.start,
    }[rule]
    found = [(parse_period(e.period), e) for e in action.status if qualifies(parse_period(e.period))]
    return max(found, key=lambda pe: pe[0])[1] if found else None


PERIODS = ["2018", "2019-T1", "2019-05", "2019-T2", "2019-Q3", "2019-T3", "2019-12-31", "2019", "2020-H1"]


class TestStatusAtPeriod:
    def test_until_is_the_status_as_it_stood(self):
        action = _action(("2019-T1", 1), ("2019-T3", 3), ("2019-T2", 2))
        assert status_at(action, parse_period("2019-T2")).level == 2
        assert status_at(action, parse_period("2018")) is None
        assert status_at(action).level == 3
        # A year's status is not yet the status at its last tertial (shorter periods sort first).
        yearly = _action(("2019", 4), ("2019-T3", 3))
        assert status_at(yearly, parse_period("2019-T3")).level == 3 and status_at(yearly).level == 4

    def test_within_is_what_was_reported_in_the_period_or_a_part_of_it(self):
        action = _action(("2019-T1", 1), ("2019-05", 2), ("2019-06-30", 3), ("2019", 4))
        assert status_at(action, parse_period("2019-T2"), "within").level == 3
        assert status_at(action, parse_period("2019-T3"), "within") is None
        assert status_at(action, parse_period("2019"), "within").level == 4

    def test_before_is_the_status_reported_for_a_period_that_had_ended(self):
        action = _action(("2018", 2), ("2019-T1", 3), ("2019", 4))
        assert status_at(action, parse_period("2019-T2"), "before").level == 3
        assert status_at(action, parse_period("2019"), "before").level == 2
        assert status_at(action, parse_period("2018-T1"), "before") is None

    def test_the_first_written_of_equal_periods_counts(self):
        action = _action(("2019-T2", 2), ("2019-t2", 5), ("2019-T1", 1))
        for rule in ("until", "within", "before"):
            assert status_at(action, parse_period("2019-T2" if rule != "before" else "2019-T3"), rule).level == 2
        assert status_at(action).level == 2 and level_at(action) == 2

    def test_every_rule_agrees_with_what_the_old_functions_computed(self):
        # Two-entry histories over a spread of overlapping periods, every rule, every period asked about.
        for first, second in itertools.product(PERIODS, repeat=2):
            action = _action((first, 1), (second, 2))
            for asked, rule in itertools.product([None, *PERIODS], ("until", "within", "before")):
                period = parse_period(asked) if asked else None
                if period is None and rule != "until":
                    continue
                assert status_at(action, period, rule) is _reference(action, period, rule), (first, second, asked)

    def test_nothing_reported(self):
        action = _action()
        assert status_at(action) is None and level_at(action, parse_period("2019")) is None


@dataclass(frozen=True)
class _AKey(Key[int]):
    name: str


@dataclass(frozen=True)
class _BKey(Key[int]):
    name: str


class TestCache:
    def test_a_value_is_made_once_and_kept_even_when_it_is_none(self):
        cache, made = Cache(), []

        def make(value):
            made.append(value)
            return value

        assert cache.get(_AKey("x"), lambda: make(1)) == 1
        assert cache.get(_AKey("x"), lambda: make(2)) == 1
        assert cache.get(_AKey("y"), lambda: make(None)) is None
        assert cache.get(_AKey("y"), lambda: make(3)) is None
        assert made == [1, None] and len(cache) == 2 and _AKey("x") in cache

    def test_keys_of_different_kinds_never_meet(self):
        cache = Cache()
        cache.get(_AKey("x"), lambda: 1)
        assert cache.get(_BKey("x"), lambda: 2) == 2

    def test_each_model_has_its_own_cache_and_keeps_what_the_build_works_out(self, tmp_path):
        strategy = "---\ntype: strategy\nid: s\ntitle: S\nunit: U\nperiod: {start: 2018, end: 2025}\n---\n"
        area = "---\ntype: area\nid: a\ntitle: A\n---\n"
        goal = "---\ntype: goal\nid: g\narea: a\ntitle: G\nassessments: [{{period: 2022, rating: {rating}}}]\n---\n"
        action = "---\ntype: action\nid: t\ngoals: [g]\ntitle: T\nstatus: [{period: 2019, level: 2}]\n---\n"

        def model(rating: str):
            docs = [SourceDoc("s.md", strategy), SourceDoc("a.md", area), SourceDoc("g.md", goal.format(rating=rating))]
            return analyse([*docs, SourceDoc("t.md", action)], Scales.from_config()).model

        yes, no = model("JA"), model("NEI")
        assert latest_rating(yes.get("g"), yes.scales.ratings, cache=yes.cache).level.key == "JA"
        assert latest_rating(no.get("g"), no.scales.ratings, cache=no.cache).level.key == "NEI"
        assert RatingsKey("g") in yes.cache and RatingsKey("g") in no.cache
        assert status_at(yes.get("t"), cache=yes.cache).level == 2
        assert isinstance(yes.cache.get(TimelineKey("t"), lambda: None), StatusTimeline)
        # A chart is drawn once a build and only its HTML kept: a second page showing it draws nothing.
        drawn: list[str] = []
        renderer = BlockRenderer(model=yes, env=template_environment([TEMPLATES]), link=lambda ident: None)

        def draw(name: str):
            drawn.append(name)
            return charts_for(yes, "s")[0]

        html = chart_html(renderer, "ratings", "s", lambda: draw("first"))
        assert "strategy-chart" in html and chart_html(renderer, "ratings", "s", lambda: draw("again")) == html
        assert drawn == ["first"]
