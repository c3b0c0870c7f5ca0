"""Problems found in content: one line each, naming file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """A problem in one file. `line` is 1-based; `field` is a dotted path such as `assessments[0].rating`."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None
    severity: Severity = "error"
    code: str = "content"
    # The path is relative to the folder of mkdocs.yml (a data file), not to the docs folder.
    outside_docs: bool = False
    # The cell of a spreadsheet, e.g. `Ark1!C4`, where a text file has a line.
    cell: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}:{self.cell}" if self.cell else self.path
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"

    @property
    def heading(self) -> str | None:
        """The field, with the cell in front of it for a spreadsheet (`Ark1!C4 value`): a CI annotation's title."""
        return " ".join(part for part in (self.cell, self.field) if part) or None

    def shown_path(self, docs_prefix: str = "") -> str:
        """The path seen from the repository: a page's behind the docs folder's `docs_prefix`, a data file's as is."""
        return self.path if self.outside_docs else docs_prefix + self.path

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.field or "")


def field_path(loc: tuple[str | int, ...]) -> str:
    """('assessments', 0, 'rating') -> 'assessments[0].rating'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
