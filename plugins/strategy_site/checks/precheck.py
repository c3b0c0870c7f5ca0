"""The whole site checked before anything is written: frontmatter, the link graph, and the page bodies.

A strict build runs this before MkDocs empties the site folder, so a build that would fail on content
leaves the previous site in place; `strategy check` runs the same function, so the two give one verdict.
Every block a page places is run here as the build runs it, only without writing HTML, so each argument
(an id of the wrong kind, a period that does not parse, a chart type that does not exist) fails here first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import jinja2

from strategy_site.blocks import BLOCKS, BlockRenderer
from strategy_site.blocks.markup import prepare
from strategy_site.blocks.renderer import HiddenTarget
from strategy_site.checks.analysis import Analysis, analyse
from strategy_site.checks.lints import LintSettings
from strategy_site.core.audience import public_view
from strategy_site.core.graph import SiteModel
from strategy_site.core.indicator_data import IndicatorData
from strategy_site.core.load import SourceDoc, page_body
from strategy_site.core.problems import Problem
from strategy_site.core.scales import Scales


def _body_problems(docs: Iterable[SourceDoc], model: SiteModel, hidden: Collection[str] = ()) -> list[Problem]:
    """Problems in page bodies: links to unknown ids, malformed links, and blocks that cannot be made."""
    path_of = {ident: record.path for ident, record in model.records.items()}
    entity_at = {record.path: record.entity for record in model.records.values()}
    renderer = BlockRenderer(model, jinja2.Environment(autoescape=True), link=lambda _: None, hidden=hidden)
    renderer.dry_run = True
    problems: list[Problem] = []
    for doc in docs:
        body, body_line = page_body(doc.text)
        entity = entity_at.get(doc.path)
        prepared = prepare(body, doc.path, body_line, entity, model, path_of.get, hidden)
        problems.extend(prepared.problems)
        # The blocks the page places itself; the page type's default blocks take no arguments from content.
        for directive in prepared.slots[: prepared.placed]:
            if directive.kind not in BLOCKS:
                known = ", ".join(sorted(BLOCKS))
                message = f"ukjent blokk «strategy/{directive.kind}»; kjente: {known}"
                problems.append(Problem(doc.path, message, line=directive.line, field="blokk"))
                continue
            try:
                renderer.block(directive, entity)
            except HiddenTarget as exc:
                problems.append(Problem(doc.path, str(exc), line=directive.line, field="blokk", severity="info"))
            except ValueError as exc:
                problems.append(Problem(doc.path, str(exc), line=directive.line, field="blokk"))
    return problems


def check_site(
    docs: Iterable[SourceDoc],
    scales: Scales,
    extra_problems: Iterable[Problem] = (),
    lints: LintSettings | None = None,
    indicator_data: IndicatorData | None = None,
    audience: str = "internal",
    *,
    entity_folders: Sequence[str] = (),
    known: dict | None = None,
) -> Analysis:
    """Everything `analyse` finds, plus the problems in page bodies, for the audience a build is made for.

    For the public audience the pages it publishes are checked a second time against the public model,
    where a block naming an internal page is left out (a note) and nothing else may fail. `known`: see
    `load_documents`.
    """
    docs = list(docs)
    analysis = analyse(
        docs, scales, extra_problems, lints, indicator_data, entity_folders=entity_folders, known=known
    )
    problems = [*analysis.problems, *_body_problems(docs, analysis.model)]
    if audience == "public":
        view = public_view(analysis.model, docs, analysis.broken_paths, analysis.broken_ids)
        shown = [d for d in docs if d.path not in view.hidden_paths]
        seen = set(problems)
        problems += [p for p in _body_problems(shown, view.model, view.hidden_ids) if p not in seen]
    analysis.problems = sorted(dict.fromkeys(problems), key=lambda p: p.sort_key)
    return analysis
