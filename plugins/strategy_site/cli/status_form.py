"""`strategy status-form --period P [--unit ID] [--owner "..."] [--per-owner] -o FILE`: the form of a reporting round.

FILE is `.xlsx` (a drop-down of the scale's levels in the level column; `--per-owner` gives each owner a sheet)
or `.csv` (one table). Filled in, it goes back in with `strategy import-status FILE`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strategy_site.core.periods import PeriodError, parse_period
from strategy_site.exports.status_form import form_csv, form_rows, form_scale, form_workbook
from strategy_site.glue.command import load_site


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.casefold() not in (".xlsx", ".csv"):
        print(f"strategy status-form: {out}: bruk .xlsx eller .csv", file=sys.stderr)
        return 2
    if args.per_owner and out.suffix.casefold() == ".csv":
        print("strategy status-form: --per-owner gir ett ark per eier og gjelder bare .xlsx", file=sys.stderr)
        return 2
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        print(f"strategy status-form: --period: {exc}", file=sys.stderr)
        return 2
    model = load_site(args.config_file).analysis.model
    if args.unit is not None and args.unit not in model.strategies:
        known = ", ".join(model.strategies)
        print(f"strategy status-form: --unit: ukjent strategi «{args.unit}» (kjente: {known})", file=sys.stderr)
        return 2
    rows = form_rows(model, period, args.unit, args.owner)
    statuses = form_scale(model, rows, args.unit)
    if out.suffix.casefold() == ".csv":
        out.write_text(form_csv(rows), encoding="utf-8", newline="")
    elif statuses is None:
        units = ", ".join(model.strategies)
        print(
            "strategy status-form: strategiene bruker ulike statusskalaer; lag ett skjema per strategi med "
            f"--unit ({units})",
            file=sys.stderr,
        )
        return 2
    else:
        out.write_bytes(form_workbook(rows, statuses, period, args.per_owner))
    print(f"skrev {out}: {len(rows)} tiltak som skal rapportere for {period.label}")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("status-form", help="skriv skjemaet for statusrapportering i en periode")
    parser.add_argument("--period", required=True, help="perioden det rapporteres for, f.eks. 2025-T3")
    parser.add_argument("--unit", help="bare tiltakene i denne strategien (id)")
    parser.add_argument("--owner", help="bare tiltakene til denne eieren")
    parser.add_argument("--per-owner", action="store_true", help="ett ark per eier (.xlsx)")
    parser.add_argument("-o", "--output", required=True, help="skjemaet: .xlsx eller .csv")
    parser.set_defaults(run=run)
