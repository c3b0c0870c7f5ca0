"""A site's settings for the plugin (scales, lints, current period), validated like frontmatter.

The options arrive as plain YAML data from mkdocs.yml. Each option is checked against a typed model that
forbids unknown keys, then each level of each scale (`core.scale_settings`). Every mistake is collected and
reported at once, in Norwegian, naming the option, the item and the key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, model_validator

from strategy_site.core.models import PeriodKey
from strategy_site.core.periods import parse_period
from strategy_site.core.scale_settings import Levels, NamedScales, Whole, scales_from
from strategy_site.core.scales import Scales
from strategy_site.core.setting_messages import Severity, validated


class SettingsError(ValueError):
    """Settings the plugin cannot use; `problems` has one line per mistake, each naming option, item and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"ugyldige innstillinger i mkdocs.yml:\n{lines}")


def _off_when_false(value: Any) -> Any:
    # YAML reads a bare `off` (and `no`, `false`) as false, which means the lint is off.
    return "off" if value is False else value


SeveritySetting = Annotated[Severity, BeforeValidator(_off_when_false)]


class LintsSetting(BaseModel):
    """The `lints` option: each lint's severity and the start limit; the defaults are the product's.

    The action without a goal defaults to a warning: it follows up nothing, so no report or figure can show it.
    The rest default to info, so real content that lacks them (as the example site's does) still builds
    strictly while editors see them listed. A lint may be named with - or _.
    """

    model_config = ConfigDict(extra="forbid")

    action_without_goal: SeveritySetting = "warning"
    action_without_owner: SeveritySetting = "info"
    action_without_timeline: SeveritySetting = "info"
    action_without_budget: SeveritySetting = "info"
    action_without_risk: SeveritySetting = "info"
    goal_without_indicator: SeveritySetting = "info"
    goal_without_deadline: SeveritySetting = "info"
    status_not_reported: SeveritySetting = "info"
    too_many_starts: SeveritySetting = "info"
    # Hundreds of distinct status periods in one unit are a typing or import mistake; only the latest get a report.
    too_many_periods: SeveritySetting = "warning"
    # An assessment, value or status for a period after the current one that has not begun on the build day is
    # a typing mistake; one for the period running now is a status round under way (a note, `checks.dates`).
    period_after_current: SeveritySetting = "warning"
    start_limit: Annotated[Whole, Field(ge=0)] = 5
    """Most actions of one unit that may start in the same period before `too_many_starts` reports them."""

    @model_validator(mode="before")
    @classmethod
    def _known_names_with_underscores(cls, data: Any) -> Any:
        # An empty value keeps the default; an unknown name stays as written, for the message.
        if not isinstance(data, Mapping):
            return data
        out = {}
        for name, value in data.items():
            known = str(name).replace("-", "_")
            if known not in cls.model_fields:
                out[name] = value
            elif value is not None:
                out[known] = value
        return out


DEFAULT_SEVERITIES: dict[str, Severity] = {
    name.replace("_", "-"): info.default for name, info in LintsSetting.model_fields.items() if name != "start_limit"
}
DEFAULT_START_LIMIT: int = LintsSetting.model_fields["start_limit"].default


@dataclass
class LintSettings:
    """Severity per lint code ('off' skips it), the most actions that may start in one period, the current period."""

    severities: dict[str, Severity] = field(default_factory=lambda: dict(DEFAULT_SEVERITIES))
    start_limit: int = DEFAULT_START_LIMIT
    current_period: str | None = None
    # The build day a period "has not begun" is measured against; None: the calendar date when the check runs.
    today: dt.date | None = None

    def build_day(self) -> dt.date:
        """The day the site is built on, for what has and has not begun."""
        return self.today or dt.date.today()

    @classmethod
    def from_options(
        cls, severities: Mapping[str, Any] | None = None, start_limit: int | None = None, current: Any = None
    ) -> LintSettings:
        """Settings from a site's lint options (names with - or _; None keeps the default); raises SettingsError."""
        lints = {**(severities or {}), "start_limit": start_limit}
        return site_settings({"lints": lints, "current_period": current}).lints


@dataclass(frozen=True)
class SiteSettings:
    """What a site's options set: its scales and its lint settings."""

    scales: Scales
    lints: LintSettings


# The options this module checks and the shape of each; None (unset) means the default. The levels of a
# scale are checked one by one afterwards, so a mistake in one level does not hide those in the others.
_OPTIONS: dict[str, TypeAdapter] = {
    "ratings": TypeAdapter(Levels | None),
    "statuses": TypeAdapter(Levels | None),
    "rating_scales": TypeAdapter(NamedScales | None),
    "status_scales": TypeAdapter(NamedScales | None),
    "status_started": TypeAdapter(Whole | None),
    "status_done": TypeAdapter(Whole | None),
    "lints": TypeAdapter(LintsSetting | None),
    "current_period": TypeAdapter(PeriodKey | None),
}


def site_settings(options: Mapping[str, Any]) -> SiteSettings:
    """The scales and lint settings from the plugin's option values (plain YAML data; unset: the defaults).

    Only the options named in `_OPTIONS` are read; the others are not this module's. Raises `SettingsError`
    listing every mistake.
    """
    problems: list[str] = []
    lint_keys = list(LintsSetting.model_fields)
    values = {
        name: validated(adapter, options.get(name), name, problems, lint_keys) for name, adapter in _OPTIONS.items()
    }
    # A scale whose option is not a list of levels has been reported; its levels are not checked further.
    valid = {name for name in _OPTIONS if options.get(name) is None or values[name] is not None}
    scales = scales_from(values, valid, problems)
    if problems:
        raise SettingsError(problems)
    lints: LintsSetting = values["lints"] or LintsSetting()
    current = values["current_period"]
    return SiteSettings(
        scales,
        LintSettings(
            {code: getattr(lints, code.replace("-", "_")) for code in DEFAULT_SEVERITIES},
            lints.start_limit,
            None if current is None else parse_period(current).key,
        ),
    )
