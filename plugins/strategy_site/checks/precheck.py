"""The whole site checked before anything is written: frontmatter, the link graph, and the page bodies.

A strict build runs this before MkDocs empties the site folder, so a build that would fail on content
leaves the previous site in place.
"""

from __future__ import annotations

from collections.abc import Iterable

from strategy_site.blocks import BLOCKS, ID_ARGUMENTS
from strategy_site.blocks.markup import prepare
from strategy_site.checks.analysis import Analysis, analyse
from strategy_site.checks.lints import LintSettings
from strategy_site.core.indicator_data import IndicatorData
from strategy_site.core.load import SourceDoc, page_body
from strategy_site.core.problems import Problem
from strategy_site.core.scales import Scales


def check_site(
    docs: Iterable[SourceDoc],
    scales: Scales,
    extra_problems: Iterable[Problem] = (),
    lints: LintSettings | None = None,
    indicator_data: IndicatorData | None = None,
) -> Analysis:
    """Everything `analyse` finds, plus the problems in page bodies: links to unknown ids and bad blocks."""
    docs = list(docs)
    analysis = analyse(docs, scales, extra_problems, lints, indicator_data)
    model = analysis.model
    path_of = {ident: record.path for ident, record in model.records.items()}
    entity_at = {record.path: record.entity for record in model.records.values()}
    problems = list(analysis.problems)
    for doc in docs:
        body, body_line = page_body(doc.text)
        prepared = prepare(body, doc.path, body_line, entity_at.get(doc.path), model, path_of.get)
        problems.extend(prepared.problems)
        for directive in prepared.slots:
            if directive.kind not in BLOCKS:
                known = ", ".join(sorted(BLOCKS))
                message = f"ukjent blokk «strategy/{directive.kind}»; kjente: {known}"
                problems.append(Problem(doc.path, message, line=directive.line, field="blokk"))
            # Arguments naming an entity: the same message the block gives when it renders.
            for key, value in directive.args.items():
                if key in ID_ARGUMENTS and model.get(value) is None:
                    message = f"{key}: ukjent id «{value}»"
                    problems.append(Problem(doc.path, message, line=directive.line, field="blokk"))
    return Analysis(model, sorted(problems, key=lambda p: p.sort_key))
