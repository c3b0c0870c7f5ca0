"""Pages that look as if they meant to have frontmatter but have none MkDocs or the plugin can read.

A goal whose first line is `--` instead of `---`, or that starts with a blank line, is a plain page to MkDocs:
without these checks it would drop out of every count with no message. Each finding names the line to fix.
"""

from __future__ import annotations

import re

from strategy_site.core.problems import Problem

# How far down a page a `type:` or `id:` line still looks like frontmatter gone astray.
NEAR_TOP = 10

_DASHES = re.compile(r"^[ \t]*(-{2,})[ \t]*$")
_ENTITY_KEY = re.compile(r"^[ \t]*(type|id)[ \t]*:[ \t]*\S")
# Fields only strategy pages have: frontmatter with one of them but no `type` meant to be an entity.
ENTITY_FIELDS = ("id", "area", "parent", "goals", "assessments", "values", "baseline", "target", "status", "unit")


def near_frontmatter(path: str, text: str) -> list[Problem]:
    """Problems of a page (BOM dropped, Unix line endings) that has no frontmatter but looks as if it meant to."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return []
    dashes = _DASHES.match(lines[first])
    if dashes and (first > 0 or lines[first] != dashes.group(1) or len(dashes.group(1)) != 3):
        return [Problem(path, _dash_message(lines, first, dashes.group(1)), line=first + 1, field="frontmatter")]
    for i, line in enumerate(lines[first : first + NEAR_TOP], start=first):
        if _ENTITY_KEY.match(line):
            key = line.split(":", 1)[0].strip()
            message = (
                f"«{key}:» står utenfor frontmatter, så siden blir en vanlig side; "
                "sett feltene mellom to linjer med --- øverst i filen"
            )
            return [Problem(path, message, line=i + 1, field="frontmatter")]
    return []


def _dash_message(lines: list[str], first: int, dashes: str) -> str:
    if len(dashes) != 3:
        return f"første linje er «{dashes}»; frontmatter åpnes med nøyaktig tre bindestreker (---)"
    if first > 0:
        return f"frontmatter må begynne på første linje; slett {first} tom(me) linje(r) over ---"
    return "frontmatter må begynne helt til venstre på første linje; slett mellomrommene foran ---"


def missing_type(path: str, data: dict, line: int) -> Problem | None:
    """The problem of frontmatter without `type` that has fields only strategy pages have, or None."""
    if not any(key in data for key in ENTITY_FIELDS):
        return None
    message = "feltet mangler (strategy, area, goal, indicator, action eller meeting)"
    return Problem(path, message, line=line, field="type")


def outside_entity_folders(path: str, folders: list[str]) -> Problem | None:
    """The problem of a page in one of `entity_folders` that is no strategy page, or None when it is elsewhere."""
    folder = next((f for f in folders if path.startswith(f.strip("/") + "/")), None)
    if folder is None:
        return None
    message = f"hver side i «{folder}» skal være en strategiside (entity_folders), men denne har ingen type"
    return Problem(path, message, line=1, field="type")
