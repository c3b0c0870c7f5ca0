"""`strategy import-status FILE [--dry-run] [--replace]`: status entries from a table into the actions' pages.

Every row is checked before any page is touched; one wrong row and nothing is written. Each page gets its
new entries as inserted lines (see `core.status_edit`), and each change is printed as a short diff.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from strategy_site.core.status_edit import EditError
from strategy_site.exports.status_import import COLUMN_NAMES, REQUIRED, Change, apply_to_page, plan_import, short_diff
from strategy_site.exports.table_files import TableError, read_table
from strategy_site.glue.command import load_site


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    try:
        rows = read_table(Path(args.file), args.file, COLUMN_NAMES, REQUIRED)
    except TableError as exc:
        print(f"strategy import-status: {exc}", file=sys.stderr)
        return 1
    plan = plan_import(rows, site.analysis.model, args.replace)
    for problem in plan.problems:
        print(problem, file=sys.stderr)
    if plan.problems:
        print(f"{len(plan.problems)} feil; ingen filer er endret", file=sys.stderr)
        return 1
    by_page: dict[str, list[Change]] = defaultdict(list)
    for change in plan.changes:
        by_page[change.path].append(change)
    written: dict[Path, bytes] = {}
    for path, changes in by_page.items():
        file = site.docs_dir / path
        old = file.read_bytes().decode("utf-8")
        try:
            new = apply_to_page(old, path, changes[0].action, changes)
        except EditError as exc:
            print(f"{site.docs_prefix}{exc}\ningen filer er endret", file=sys.stderr)
            return 1
        print(short_diff(old, new, site.docs_prefix + path))
        written[file] = new.encode("utf-8")
    for note in plan.unchanged:
        print(note)
    if not args.dry_run:
        for file, data in written.items():
            file.write_bytes(data)
    verb = "ville lagt inn" if args.dry_run else "la inn"
    summary = f"{verb} {len(plan.changes)} status i {len(written)} filer" if written else "ingen endringer"
    print(summary, file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import-status", help="legg inn status fra et utfylt skjema (.csv eller .xlsx)")
    parser.add_argument("file", help="tabell med kolonnene action, period, level, note")
    parser.add_argument("--dry-run", action="store_true", help="vis endringene uten å skrive dem")
    parser.add_argument("--replace", action="store_true", help="erstatt status som alt er rapportert for perioden")
    parser.set_defaults(run=run)
