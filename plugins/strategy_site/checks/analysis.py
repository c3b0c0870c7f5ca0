"""One pass over a site's pages: load, link and check. The plugin and the check command both call it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from strategy_site.checks.dates import period_problems
from strategy_site.checks.lints import LintSettings, run_lints
from strategy_site.core.graph import SiteModel, build_model
from strategy_site.core.indicator_data import IndicatorData
from strategy_site.core.indicator_values import add_indicator_data
from strategy_site.core.load import SourceDoc, load_documents
from strategy_site.core.problems import Problem
from strategy_site.core.scales import Scales


@dataclass
class Analysis:
    """The site's model and every problem found in it, sorted by file and line."""

    model: SiteModel
    problems: list[Problem] = field(default_factory=list)
    # Pages whose frontmatter has an error, and the ids such pages name: a public build leaves them out.
    broken_paths: set[str] = field(default_factory=set)
    broken_ids: set[str] = field(default_factory=set)

    def add(self, problems: list[Problem]) -> None:
        """Add problems found outside the content's pages (files in the way of the build's own)."""
        self.problems = sorted([*self.problems, *problems], key=lambda p: p.sort_key)

    @property
    def errors(self) -> list[Problem]:
        """Problems that fail a strict build."""
        return [p for p in self.problems if p.severity != "info"]


def analyse(
    docs: Iterable[SourceDoc],
    scales: Scales,
    extra_problems: Iterable[Problem] = (),
    lints: LintSettings | None = None,
    indicator_data: IndicatorData | None = None,
    *,
    entity_folders: Sequence[str] = (),
    known: dict | None = None,
) -> Analysis:
    """Load and validate every page, build the link graph, run the lints, and collect all problems in one list.

    `lints` sets each lint's severity (default: `LintSettings()`); lint findings carry their lint's code.
    `indicator_data` holds the rows and problems of the site's data files: the rows join the indicators'
    values before anything is measured.
    Every page in one of `entity_folders` must be an entity. `known`: pages read by an earlier call, kept by
    `load_documents`.
    """
    result = load_documents(docs, entity_folders, known)
    model, graph_problems = build_model(result.records, scales, result.broken_ids)
    # Before the data files' rows join the values: a page's own periods are checked against its own lines.
    dated = period_problems(model, lints or LintSettings())
    data = indicator_data or IndicatorData()
    data_problems = [*data.problems, *add_indicator_data(model, data.rows)]
    problems = [*extra_problems, *result.problems, *graph_problems, *dated, *data_problems, *run_lints(model, lints)]
    return Analysis(model, sorted(problems, key=lambda p: p.sort_key), result.broken_paths, result.broken_ids)
