"""The strategy site: a strategy's areas, goals, indicators and actions read from Markdown pages, checked,
linked, measured and rendered.

The sub-packages, from the content up (none of them imports MkDocs; `plugin`, `config` and `glue` are the
MkDocs shell around them):

- `core`: the content contract (entities), frontmatter reading, the site model and link graph, periods,
  scales, problems, audiences;
- `measures`: attainment, action status, indicator progress, period reports' figures;
- `checks`: the one check a strict build and `strategy check` run, lints, CI output formats;
- `charts`: chart specifications as plain data;
- `blocks`: the `<!-- strategy/... -->` blocks, their registry, grammar and renderer;
- `site`: pages the plugin generates (dashboards, reports, guide) and page metadata;
- `exports`: JSON, CSV, Excel, JSON Schema, safe text;
- `cli`: the `strategy` command.
"""

from strategy_site.checks.analysis import Analysis, analyse
from strategy_site.checks.precheck import check_site
from strategy_site.core.graph import SiteModel, build_model
from strategy_site.core.load import SourceDoc, load_documents
from strategy_site.core.problems import Problem
from strategy_site.core.scales import Scales

__all__ = [
    "Analysis",
    "Problem",
    "Scales",
    "SiteModel",
    "SourceDoc",
    "analyse",
    "build_model",
    "check_site",
    "load_documents",
]
