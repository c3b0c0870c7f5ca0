"""The pages of the example site that the browser tests open: one of each kind a person visits."""

from __future__ import annotations

# (kind, site path). Each kind is a different template and set of blocks, so each can fail on its own.
PAGES: list[tuple[str, str]] = [
    ("forside", ""),
    ("strategi", "vm/"),
    ("omrade", "vm/forskning/"),
    ("mal", "vm/forskning/vm-forskning-2/"),
    ("styringskort", "styringskort/vm/"),
    ("indikator", "vm/indikatorer/publikumsbesok/"),
]

# The page printed to PDF: (site path, title, texts the printout must contain).
PRINTED_REPORT: tuple[str, str, list[str]] = (
    "vm/",
    "Strategi for NTNU Vitenskapsmuseet 2018–2025",
    ["Måloppnåelse", "Vår forskning", "Totalt"],
)
