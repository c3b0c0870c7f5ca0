"""The `strategy` command: check the content before merge, write the JSON Schema, create new pages.

    strategy check [--format text|github|gitlab] [-f mkdocs.yml]
    strategy schema [--check] [--out schema]
    strategy new goal --area vm-forskning --title "Øke ..."

`check` reads the same pages with the same options and runs the same check (`precheck.check_site`, which
calls `analysis.analyse`) that a strict `mkdocs build` runs before writing, so the two report the same
problems; it never builds HTML and never writes to the content.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from strategy_site.checks.annotations import FORMATS
from strategy_site.cli.scaffold import KINDS, ScaffoldError, new_page
from strategy_site.exports.schema import stale_schemas, write_schemas
from strategy_site.glue.command import SiteError, load_site


def check(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    problems = site.analysis.problems
    sys.stdout.write(FORMATS[args.format](problems, site.docs_prefix))
    errors = len(site.analysis.errors)
    if args.format == "text":
        summary = f"{errors} feil" if errors else "Ingen feil"
        others = len(problems) - errors
        print(f"{summary}{f' ({others} merknader)' if others else ''} i {site.docs_prefix or '.'}", file=sys.stderr)
    return 1 if errors else 0


def schema(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    if args.check:
        stale = stale_schemas(folder)
        for name in stale:
            print(f"{folder / name}: er ikke oppdatert; kjør «strategy schema»", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(folder):
        print(f"skrev {path}")
    return 0


def new(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    try:
        path = new_page(
            site.analysis.model,
            site.docs_dir,
            args.kind,
            title=args.title,
            area=args.area,
            parent=args.parent,
            goals=args.goal,
            ident=args.id,
        )
    except ScaffoldError as exc:
        print(f"strategy new: {exc}", file=sys.stderr)
        return 2
    print(os.path.relpath(path, Path.cwd()))
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="strategy", description="Verktøy for strateginettstedet.")
    main_parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="mkdocs.yml (standard: mkdocs.yml)")
    commands = main_parser.add_subparsers(dest="command", required=True)

    check_parser = commands.add_parser("check", help="kontroller alt innhold uten å bygge nettstedet")
    check_parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text, github eller gitlab",
    )
    check_parser.set_defaults(run=check)

    schema_parser = commands.add_parser("schema", help="skriv JSON Schema for frontmatter fra modellene")
    schema_parser.add_argument("--out", default="schema", help="mappe (standard: schema)")
    schema_parser.add_argument("--check", action="store_true", help="bare kontroller at filene er oppdatert")
    schema_parser.set_defaults(run=schema)

    new_parser = commands.add_parser("new", help="lag en ny side for et mål, en indikator eller et tiltak")
    new_parser.add_argument("kind", choices=KINDS)
    new_parser.add_argument("--title", required=True, help="tittel")
    new_parser.add_argument("--area", help="området målet hører til (mål)")
    new_parser.add_argument("--parent", help="overordnet mål (delmål)")
    new_parser.add_argument("--goal", action="append", default=[], help="målet som følges opp (kan gjentas)")
    new_parser.add_argument("--id", help="egen id i stedet for en ny fra nummerserien")
    new_parser.set_defaults(run=new)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `strategy` console script and of `python -m strategy_site`."""
    args = parser().parse_args(argv)
    # MkDocs' own log lines (config warnings) go to stderr; content problems are our output.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except SiteError as exc:
        print(f"strategy: {exc}", file=sys.stderr)
        return 2
