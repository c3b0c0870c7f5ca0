"""`strategy remind --period P [--unit ID] [--format markdown|json]`: per owner, what is missing for a period.

Missing: a status from every action that should report (`measures.reporting.expected_to_report`), the value
each indicator owes for the period (`indicator_due`), and pages not updated for `stale_after_days` (from git,
as on the site). Actions and indicators go to their `owner`, stale pages to their responsible editor
(`editor`, else `owner`); what has no owner is listed last, under «Uten eier».
"""

from __future__ import annotations

import argparse
import json
import sys

from strategy_site.core.periods import PeriodError, parse_period
from strategy_site.exports.reminders import reminders_data, reminders_markdown
from strategy_site.glue.command import Site, load_site
from strategy_site.measures.reporting import StalePage, reminders, units
from strategy_site.site.history import read_history
from strategy_site.site.pagemeta import responsible


def stale_pages(site: Site, unit: str | None) -> list[tuple[str | None, StalePage]]:
    """The unit's (or site's) entity pages not changed for longer than the site allows, with their editor."""
    model = site.analysis.model
    covered = set(units(model, unit))
    records = [r for i, r in model.records.items() if model.strategy_of.get(i) in covered]
    history = read_history(site.docs_dir, [r.path for r in records])
    found = []
    for record in sorted(records, key=lambda r: r.path):
        if history.stale(record.path, site.stale_after_days):
            page = StalePage(site.docs_prefix + record.path, record.entity.title, history.changed[record.path].date)
            found.append((responsible(record.entity, {}), page))
    return found


def run(args: argparse.Namespace) -> int:
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        print(f"strategy remind: --period: {exc}", file=sys.stderr)
        return 2
    site = load_site(args.config_file)
    model = site.analysis.model
    if args.unit is not None and args.unit not in model.strategies:
        print(f"strategy remind: --unit: ukjent strategi «{args.unit}»", file=sys.stderr)
        return 2
    found = reminders(model, period, args.unit, stale_pages(site, args.unit))
    path_of = {ident: site.docs_prefix + record.path for ident, record in model.records.items()}
    data = reminders_data(found, period, model.statuses_of, path_of)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(reminders_markdown(data))
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("remind", help="hva hver eier mangler å rapportere for en periode")
    parser.add_argument("--period", required=True, help="perioden, f.eks. 2025-T3")
    parser.add_argument("--unit", help="bare denne strategien (id)")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown", help="markdown eller json")
    parser.set_defaults(run=run)
