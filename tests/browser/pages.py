"""The pages of the example site that the browser tests open: one of each kind a person visits."""

from __future__ import annotations

# (kind, site path). Each kind is a different template and set of blocks, so each can fail on its own.
PAGES: list[tuple[str, str]] = [
    ("forside", ""),
    ("strategi", "vm/"),
    ("omrade", "vm/forskning/"),
    ("mal", "vm/forskning/vm-forskning-2/"),
    ("styringskort", "vm/styringskort/"),
    ("indikator", "vm/indikatorer/publikumsbesok/"),
    ("tiltak", "mh/formidling/tiltak/mh-tiltak-22-1/"),
    ("perioderapport", "mh/rapporter/2019/"),
    ("rapportoversikt", "mh/rapporter/"),
    ("mote", "vm/moter/ledersamling-2022-09/"),
]

# The page printed to PDF: (site path, title, texts the printout must contain).
PRINTED_REPORT: tuple[str, str, list[str]] = (
    "mh/rapporter/2019/",
    "Statusrapport 2019",
    ["igangsatt aktivitet på 19 av tiltakene", "Status per område", "første rapporteringsperioden"],
)
