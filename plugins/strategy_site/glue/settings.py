"""The plugin's options from mkdocs.yml as the core's settings; a bad setting stops the build with its message."""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.exceptions import PluginError

from strategy_site.checks.lints import LintSettings
from strategy_site.config import StrategyConfig
from strategy_site.core.scales import Scales
from strategy_site.core.settings import SettingsError, site_settings
from strategy_site.site.owners import OwnerContact, owner_contacts


def scales_from(options: StrategyConfig) -> Scales:
    """The rating and status scales configured for the plugin (or the defaults)."""
    try:
        return site_settings(options).scales
    except SettingsError as exc:
        raise PluginError(f"strategy: {exc}") from exc


def lint_settings_from(options: StrategyConfig) -> LintSettings:
    """Each lint's severity, the start limit and the current period configured for the plugin, and the build day."""
    try:
        lints = site_settings(options).lints
    except SettingsError as exc:
        raise PluginError(f"strategy: {exc}") from exc
    lints.today = build_day()
    return lints


def build_day() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set: a reproducible build judges dates as of its own day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def owner_contacts_from(options: StrategyConfig) -> dict[str, OwnerContact]:
    """The owners' contact details from the `owners` option."""
    try:
        return owner_contacts(options.owners)
    except ValueError as exc:
        raise PluginError(f"strategy: ugyldige innstillinger i mkdocs.yml:\n{exc}") from exc
