"""A new strategy site: `strategy init DIR` writes a complete, working site that builds with `--strict` at once.

The site is package data (`starter/site/`, Jinja templates filled in with the unit, its id and the strategy
period; `starter/ci/`, the CI templates as they are). Files whose names would start with a dot are kept without
it in the package and named here, where they go in the site.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from strategy_site.core.models import ID_PATTERN
from strategy_site.exports.safe_text import markdown_literal

# Where the starter's files go in the new site, when not at the same path (dot files, the CI templates).
PLACES = {
    "site/gitignore": ".gitignore",
    "ci/github/strategy.yml": ".github/workflows/strategy.yml",
    "ci/gitlab/gitlab-ci.yml": ".gitlab-ci.yml",
}
# Files copied as they are: the CI templates hold `${{ ... }}` of their own.
VERBATIM = ("ci/",)
_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")
# Ids of the starter's pages are the unit's id with a suffix; the longest is 21 characters more.
MAX_ID_LENGTH = 40


class InitError(ValueError):
    """The site cannot be written: a bad option, or a folder that is not empty."""


@dataclass(frozen=True)
class SiteSettings:
    """What the starter site is filled in with."""

    unit: str
    ident: str
    start: int
    end: int

    @classmethod
    def checked(cls, unit: str, ident: str, period: str) -> SiteSettings:
        """Settings from the command's text, each checked with a message that says what to write instead."""
        unit = " ".join(unit.split())
        if not unit:
            raise InitError("--unit: enhetens navn kan ikke være tomt")
        if not re.match(ID_PATTERN, ident) or len(ident) > MAX_ID_LENGTH:
            raise InitError(
                f"--id: «{ident}» er ikke en gyldig id; bruk små bokstaver a–z, tall og bindestrek "
                f"(høyst {MAX_ID_LENGTH} tegn), f.eks. «{default_id(unit)}»"
            )
        match = _PERIOD_RE.match(period)
        if not match or int(match.group(1)) > int(match.group(2)):
            raise InitError(f"--period: «{period}» er ikke en periode; skriv første og siste år, f.eks. 2024-2029")
        return cls(unit, ident, int(match.group(1)), int(match.group(2)))


def default_id(unit: str) -> str:
    """An id from the unit's name: its initials ("Fjellvik kommune" → "fk"), or the one word it is."""
    ascii_text = unicodedata.normalize("NFKD", unit.lower().replace("æ", "ae").replace("ø", "o"))
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode())
    if not words:
        return "strategi"
    return "".join(w[0] for w in words) if len(words) > 1 else words[0][:MAX_ID_LENGTH]


def default_period(today: datetime.date | None = None) -> str:
    """Five years from this year, e.g. `2026-2030`."""
    year = (today or datetime.date.today()).year
    return f"{year}-{year + 4}"


def starter_files(settings: SiteSettings) -> dict[str, str]:
    """Every file of the new site by its path in the site, filled in."""
    package = resources.files("strategy_site")
    root = package.joinpath("starter")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    # JSON strings are YAML strings: a unit's name stays text whatever it contains.
    env.filters["yaml"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    env.filters["md"] = markdown_literal
    values = {
        "unit": settings.unit,
        "id": settings.ident,
        "start": settings.start,
        "end": settings.end,
        # A sub-goal's deadline and an action's end within the period.
        "midway": min(settings.start + 2, settings.end),
        "site_name": f"Strategi for {settings.unit}",
        "scales": package.joinpath("defaults.yml").read_text(encoding="utf-8").rstrip("\n"),
        "requirement": _requirement(),
    }
    files: dict[str, str] = {}
    for name, item in sorted(_walk(root)):
        text = item.read_text(encoding="utf-8")
        if not name.startswith(VERBATIM):
            text = env.from_string(text).render(values)
        files[PLACES.get(name, name.removeprefix("site/"))] = text
    return files


def init_site(folder: Path, settings: SiteSettings, *, force: bool = False) -> tuple[list[str], list[str]]:
    """Write the new site into `folder`; return the files written and the files left as they were.

    An existing folder must be empty, or `force` given; even then no file is overwritten.
    """
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} finnes og er ikke en mappe")
    present = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir()) if folder.exists() else []
    if present and not force:
        raise InitError(
            f"{folder} er ikke tom ({', '.join(present)}); ingenting er skrevet. "
            "Velg en ny eller tom mappe, eller bruk --force for å legge til filene som mangler"
        )
    written, kept = [], []
    for name, text in starter_files(settings).items():
        path = folder / name
        if path.exists():
            kept.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(name)
    return written, kept


def _walk(folder: Traversable, prefix: str = ""):
    for item in folder.iterdir():
        if item.name == "__pycache__":
            continue
        name = f"{prefix}{item.name}"
        if item.is_dir():
            yield from _walk(item, name + "/")
        else:
            yield name, item


def _requirement() -> str:
    """The plugin at the version that wrote the site (any version when run from a source tree)."""
    try:
        return f"strategy-site=={metadata.version('strategy-site')}"
    except metadata.PackageNotFoundError:
        return "strategy-site"
