"""The `strategy` command: check the content before merge, write the JSON Schema, create new pages.

    strategy check [--format text|github|gitlab|json] [--errors-only] [--audience internal|public] [-f mkdocs.yml]
    strategy schema [--check] [--out schema]
    strategy new goal --area vm-forskning --title "Øke ..."
    strategy init DIR [--unit NAME] [--id ID] [--period 2024-2029] [--force]
    strategy status-form --period 2025-T3 [--unit mh] [--owner "..."] [--per-owner] -o skjema.xlsx
    strategy import-status skjema.xlsx [--dry-run] [--replace]
    strategy remind --period 2025-T3 [--format markdown|json]
    strategy remind --period 2025-T3 --format json | strategy remind-issues --platform github [--dry-run]
    strategy pdf vm-ledersamling-2022-09 [-o møte.pdf]

`init` writes a new site from the package's starter (`cli.init`); `check` reads the same pages with the same
options and runs the same check (`precheck.check_site`, which calls `analysis.analyse`) that a strict `mkdocs
build` runs before writing, so the two report the same problems; it never builds HTML and never writes to the
content.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from strategy_site.checks.annotations import FORMATS
from strategy_site.cli import import_status, pdf, remind, remind_issues, status_form
from strategy_site.cli.init import InitError, SiteSettings, default_id, default_period, init_site
from strategy_site.cli.scaffold import KINDS, ScaffoldError, new_page
from strategy_site.core.audience import AUDIENCES
from strategy_site.exports.schema import stale_schemas, write_schemas
from strategy_site.glue.command import SiteError, load_site
from strategy_site.measures.counts import count_lines


def check(args: argparse.Namespace) -> int:
    audience = args.audience or os.environ.get("STRATEGY_AUDIENCE") or None
    site = load_site(args.config_file, audience)
    problems = site.analysis.problems
    errors = len(site.analysis.errors)
    shown = [p for p in problems if p.severity == "error"] if args.errors_only else problems
    sys.stdout.write(FORMATS[args.format](shown, site.docs_prefix))
    # One line of counts per strategy (as the build logs them), so a change in counts shows in CI.
    for line in count_lines(site.analysis.model):
        print(f"INFO: {line}", file=sys.stderr)
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


def init(args: argparse.Namespace, ask=input) -> int:
    """Write a new site; in a terminal, ask for what the options do not give."""
    interactive = sys.stdin.isatty()

    def value(given: str | None, question: str, default: str) -> str:
        if given is not None or not interactive:
            return given if given is not None else default
        return ask(f"{question} [{default}]: ").strip() or default

    folder = Path(args.folder)
    try:
        unit = value(args.unit, "Enhetens navn", "Min enhet")
        ident = value(args.id, "Id for enheten (små bokstaver, tall og bindestrek)", default_id(unit))
        period = value(args.period, "Strategiperiode", default_period())
        settings = SiteSettings.checked(unit, ident, period)
        written, kept = init_site(folder, settings, force=args.force)
    except InitError as exc:
        print(f"strategy init: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nstrategy init: avbrutt; ingenting er skrevet", file=sys.stderr)
        return 2
    for name in kept:
        print(f"strategy init: {folder / name} finnes; ikke endret", file=sys.stderr)
    print(f"Skrev {len(written)} filer i {folder}. Neste steg:")
    print(f"  cd {folder}")
    print("  pip install -r requirements.txt")
    print("  mkdocs serve        # se nettstedet på http://127.0.0.1:8000/")
    print("Les content/kom-i-gang.md (siden «Kom i gang») og README.md.")
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
        help="text, github, gitlab eller json",
    )
    check_parser.add_argument("--errors-only", action="store_true", help="vis bare feil, ikke advarsler og merknader")
    check_parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        help="bygget som kontrolleres: internal eller public (standard: STRATEGY_AUDIENCE, ellers mkdocs.yml)",
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

    init_parser = commands.add_parser("init", help="lag et nytt strateginettsted i en tom mappe")
    init_parser.add_argument("folder", metavar="DIR", help="mappen nettstedet skal ligge i (ny eller tom)")
    init_parser.add_argument("--unit", help="enhetens navn, f.eks. «Fjellvik kommune»")
    init_parser.add_argument("--id", help="enhetens id, f.eks. fv (standard: forbokstavene i navnet)")
    init_parser.add_argument("--period", help="strategiperioden, f.eks. 2024-2029 (standard: fem år fra i år)")
    init_parser.add_argument(
        "--force", action="store_true", help="skriv i en mappe som ikke er tom (ingen fil blir overskrevet)"
    )
    init_parser.set_defaults(run=init)

    for command in (status_form, import_status, remind, remind_issues, pdf):
        command.add_parser(commands)
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
