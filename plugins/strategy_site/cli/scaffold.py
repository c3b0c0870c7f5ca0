"""New pages for editors: a goal, indicator or action file with the right frontmatter and a fresh id.

The id follows the site's numbering (`<area>-<n>` for goals, `<goal>-indikator-<n>` and `<goal>-tiltak-<n>`
for what follows a goal up); the file goes into the folder of the page it belongs to.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import yaml

from strategy_site.core.graph import SiteModel
from strategy_site.core.load import Record, SourceDoc, load_document
from strategy_site.core.models import ID_PATTERN, Area, Goal

KINDS = ("goal", "indicator", "action")


class ScaffoldError(ValueError):
    """The page cannot be made: an unknown area or goal, a taken id, or a file that already exists."""


def _quote(text: str) -> str:
    """A YAML scalar that stays text whatever it contains (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _scalar(text: str) -> str:
    """An id as YAML reads it back: plain when it stays the same text, quoted when YAML would read something
    else (`null`, `010`, `true`)."""
    try:
        same = yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if same else _quote(text)


def _next_number(model: SiteModel, prefix: str) -> int:
    """One more than the highest `<prefix><n>` in use as an id or alias."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    taken = [int(m.group(1)) for i in [*model.records, *model.aliases] if (m := pattern.match(i))]
    return max(taken, default=0) + 1


def _require(model: SiteModel, ident: str, kind: type, what: str):
    entity = model.get(ident)
    if not isinstance(entity, kind):
        raise ScaffoldError(f"fant ikke {what} med id «{ident}»")
    return model.records[model.aliases.get(ident, ident)]


def page_text(kind: str, ident: str, title: str, **links: str | list[str] | None) -> str:
    """The frontmatter of a new page; optional fields an editor should fill in come as comments."""
    lines = ["---", f"type: {kind}", f"id: {_scalar(ident)}"]
    if links.get("area"):
        lines.append(f"area: {_scalar(links['area'])}")
    if links.get("parent"):
        lines.append(f"parent: {_scalar(links['parent'])}")
    if links.get("goals"):
        lines.append(f"goals: [{', '.join(_scalar(g) for g in links['goals'])}]")
    if links.get("number"):
        lines.append(f"number: {_quote(str(links['number']))}")
    lines.append(f"title: {_quote(title)}")
    lines += {
        "goal": ["# owner:", "# deadline: 2025", "# assessments:", '#   - {period: "2025", rating: ""}'],
        "indicator": [
            "# unit_of_measure:",
            "# direction: increase",
            '# baseline: {period: "2024", value: 0}',
            '# target: {period: "2025", value: 0}',
            "# values: {}",
        ],
        "action": [
            "# owner:",
            "# start: 2025-01",
            "# end: 2025-12",
            "# budget: {hours: 0, nok: 0}",
            '# risk: {level: medium, note: ""}',
            "# status:",
            "#   - {period: 2025-T1, level: 0}",
        ],
    }[kind]
    lines += ["---", "", ""]
    return "\n".join(lines)


def new_page(
    model: SiteModel,
    docs_dir: Path,
    kind: str,
    *,
    title: str,
    area: str | None = None,
    parent: str | None = None,
    goals: list[str] | None = None,
    ident: str | None = None,
) -> Path:
    """Create the page in the docs folder and return its path. Never overwrites a file."""
    goals = list(goals or [])
    number = None
    if kind == "goal":
        if bool(area) == bool(parent):
            raise ScaffoldError("et mål trenger enten --area eller --parent")
        home = _require(model, area, Area, "et område") if area else _require(model, parent, Goal, "et mål")
        prefix = f"{home.id}-"
        n = _next_number(model, prefix)
        number = str(n) if area else None
    elif kind in ("indicator", "action"):
        if not goals:
            raise ScaffoldError(f"{'en indikator' if kind == 'indicator' else 'et tiltak'} trenger --goal")
        home = _require(model, goals[0], Goal, "et mål")
        for goal in goals[1:]:
            _require(model, goal, Goal, "et mål")
        prefix = f"{home.id}-{'indikator' if kind == 'indicator' else 'tiltak'}-"
        n = _next_number(model, prefix)
    else:
        raise ScaffoldError(f"ukjent sidetype «{kind}»; bruk {', '.join(KINDS)}")
    ident = ident or f"{prefix}{n}"
    if not re.fullmatch(ID_PATTERN, ident):
        raise ScaffoldError(f"«{ident}» er ikke en gyldig id: bruk små bokstaver a–z, tall og bindestrek")
    if model.get(ident) is not None:
        raise ScaffoldError(f"id-en «{ident}» er allerede i bruk")
    if not title.strip():
        raise ScaffoldError("tittelen kan ikke være tom")

    folder = posixpath.dirname(home.path)
    path = docs_dir / folder / f"{ident}.md"
    if path.exists():
        raise ScaffoldError(f"{path} finnes allerede")
    text = page_text(kind, ident, title.strip(), area=area, parent=parent, goals=goals, number=number)
    # The page is read back as the build reads it: what `new` writes must pass the check it is written for.
    record, problems = load_document(SourceDoc(f"{folder}/{ident}.md".lstrip("/"), text))
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors or not isinstance(record, Record):
        raise ScaffoldError("siden ville ikke blitt godtatt: " + "; ".join(errors))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)
    return path
