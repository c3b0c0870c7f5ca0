"""A site read for the `strategy` command: its mkdocs.yml, the plugin's options and every page a build reads."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import get_files

from strategy_site.checks.analysis import Analysis
from strategy_site.checks.precheck import check_site
from strategy_site.core.audience import AUDIENCES
from strategy_site.glue.files import editor_files_in_the_way, read_data_files, read_pages, without_links_outside
from strategy_site.glue.offline import offline_problems
from strategy_site.glue.settings import lint_settings_from, scales_from

PLUGIN = "strategy"


class SiteError(Exception):
    """The site cannot be read (no mkdocs.yml, no strategy plugin, bad configuration)."""


@dataclass
class Site:
    """A site's analysed content and where its docs folder is, relative to the working directory."""

    analysis: Analysis
    docs_dir: Path
    docs_prefix: str
    # Days after which a page counts as not updated (the plugin's `stale_after_days`).
    stale_after_days: int = 365


def load_site(config_file: str, audience: str | None = None) -> Site:
    """Read mkdocs.yml and the plugin's options, and analyse every page the build would read.

    `audience` is the build's (`internal` or `public`); by default the plugin's `audience` option.
    """
    config, plugin = _config(config_file)
    if plugin is None:
        raise SiteError(f"{config_file}: pluginen «{PLUGIN}» står ikke under plugins")
    try:
        scales = scales_from(plugin.config)
        lints = lint_settings_from(plugin.config)
    except PluginError as exc:
        raise SiteError(str(exc)) from exc
    audience = audience or plugin.config.audience
    if audience not in AUDIENCES:
        raise SiteError(f"STRATEGY_AUDIENCE={audience!r}; bruk {' eller '.join(AUDIENCES)}")
    files = get_files(config)
    outside = without_links_outside(files, config.docs_dir)
    docs, unreadable = read_pages(files)
    # The pages' findings, by their path in the docs folder; mkdocs.yml's own come from the build.
    found = [*outside, *unreadable, *offline_problems(plugin.config, config, docs, settings=False)]
    data = read_data_files(config, plugin.config.indicator_data, shown_from=Path.cwd())
    analysis = check_site(
        docs, scales, found, lints, data, audience, entity_folders=plugin.config.entity_folders
    )
    analysis.add(editor_files_in_the_way(files, analysis.model, plugin.config))
    docs_dir = Path(config.docs_dir)
    prefix = os.path.relpath(docs_dir, Path.cwd()).replace(os.sep, "/")
    return Site(analysis, docs_dir, "" if prefix == "." else prefix + "/", plugin.config.stale_after_days)


def site_folders(config_file: str) -> tuple[Path, str]:
    """The built site's folder (`site_dir`) and the plugin's short-link prefix, from mkdocs.yml."""
    config, plugin = _config(config_file)
    prefix = plugin.config.short_url_prefix if plugin is not None else "m"
    return Path(config.site_dir), prefix


def _config(config_file: str):
    """mkdocs.yml read and validated, and the strategy plugin in it (None when the site does not use it)."""
    if not Path(config_file).is_file():
        raise SiteError(f"{config_file}: finner ikke konfigurasjonsfilen (bruk -f for å angi den)")
    try:
        config = load_config(config_file)
    except (ConfigurationError, PluginError) as exc:
        raise SiteError(f"{config_file}: {exc}") from exc
    return config, config.plugins.get(PLUGIN)
