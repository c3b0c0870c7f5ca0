"""The plugin's options from mkdocs.yml as the core's settings; a bad setting stops the build with its message."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from strategy_site.checks.lints import LintSettings
from strategy_site.config import StrategyConfig
from strategy_site.core.periods import PeriodError
from strategy_site.core.scales import Scales


def scales_from(options: StrategyConfig) -> Scales:
    """The rating and status scales configured for the plugin (or the defaults)."""
    try:
        return Scales.from_config(options.ratings, options.statuses, options.status_started, options.status_done)
    except (KeyError, TypeError, ValueError) as exc:
        raise PluginError(f"strategy: ugyldig skala i mkdocs.yml: {exc}") from exc


def lint_settings_from(options: StrategyConfig) -> LintSettings:
    """Each lint's severity, the start limit and the current period configured for the plugin."""
    lints = dict(options.lints)
    severities = {name: value for name, value in lints.items() if name != "start_limit"}
    try:
        return LintSettings.from_options(severities, lints["start_limit"], options.current_period)
    except (PeriodError, ValueError) as exc:
        raise PluginError(f"strategy: ugyldig innstilling i mkdocs.yml: {exc}") from exc
