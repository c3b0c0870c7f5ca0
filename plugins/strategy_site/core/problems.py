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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"

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
