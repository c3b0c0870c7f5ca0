"""The plugin's scripts and stylesheets: one table of what goes where in the site, and which pages load it."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mkdocs.structure.files import File

from strategy_site.core.scales import Scales

PACKAGE_ASSETS = Path(str(resources.files("strategy_site").joinpath("assets")))
TEMPLATES = Path(str(resources.files("strategy_site").joinpath("templates")))


@dataclass(frozen=True)
class Asset:
    """A file the plugin adds to every site: its path in the site and its packaged source.

    `source` None: the file is generated (the scale colours). `linked` False: no page links it directly
    (plotly.js is fetched by the chart script, only on pages with a chart).
    """

    path: str
    source: str | None
    linked: bool = True

    @property
    def is_css(self) -> bool:
        return self.path.endswith(".css")


# In the order pages link them. The chart script is small and on every page; the copy-link buttons, row
# anchors, page footer and print stylesheet come last. The editors' worklist filter is loaded by its block.
ASSETS = (
    Asset("assets/strategy/strategy.css", "strategy.css"),
    Asset("assets/strategy/scale.css", None),
    Asset("assets/strategy/charts.css", "strategy-charts.css"),
    Asset("assets/strategy/strategy.js", "strategy.js"),
    Asset("assets/strategy/charts.js", "strategy-charts.js"),
    Asset("assets/strategy/plotly-strategy.min.js", "vendor/plotly-strategy.min.js", linked=False),
    Asset("assets/strategy/pages.css", "pages.css"),
    Asset("assets/strategy/print.css", "print.css"),
    Asset("assets/strategy/links.js", "links.js"),
    Asset("assets/strategy/worklist.js", "worklist.js", linked=False),
)


def link_assets(config) -> None:
    """Have every page load the plugin's stylesheets and scripts, and find its templates after the site's."""
    # Our templates come last, so a site's overrides/strategy/*.html replace them.
    if str(TEMPLATES) not in config.theme.dirs:
        config.theme.dirs.append(str(TEMPLATES))
    css = [a.path for a in ASSETS if a.linked and a.is_css]
    js = [a.path for a in ASSETS if a.linked and not a.is_css]
    config.extra_css.extend(path for path in css if path not in config.extra_css)
    config.extra_javascript.extend(path for path in js if path not in config.extra_javascript)


def asset_files(config, scales: Scales) -> list[File]:
    """The plugin's files for the site; the scale stylesheet is made from the site's scales."""
    return [
        File.generated(config, asset.path, abs_src_path=str(PACKAGE_ASSETS / asset.source))
        if asset.source
        else File.generated(config, asset.path, content=scales.css())
        for asset in ASSETS
    ]
