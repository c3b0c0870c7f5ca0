"""When each page was last changed: from git (the commit that last touched it), else from the file.

Reproducible: with a clean checkout of one commit, every date comes from git, so the same commit gives
the same site. A file with uncommitted changes, or outside a git repository, falls back to its mtime.
Whether a page is stale is measured against the date of the newest commit (or, outside git, of the newest
page), never the clock or the build day, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strategy_site.core.periods import MONTH_NAMES


@dataclass(frozen=True)
class Changed:
    """The date a page was last changed, and where the date came from ("git" or "fil")."""

    date: dt.date
    source: str

    @property
    def label(self) -> str:
        """Norwegian date, e.g. '3. mars 2026'."""
        return f"{self.date.day}. {MONTH_NAMES[self.date.month - 1]} {self.date.year}"


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _date(iso: str) -> dt.date:
    return dt.datetime.fromisoformat(iso.strip()).date()


@dataclass
class History:
    """Last-changed dates of the pages in a docs folder and the build's reference date."""

    changed: dict[str, Changed]
    reference: dt.date

    def stale(self, path: str, days: int) -> bool:
        """True when the page was last changed more than `days` before the reference date (0 = never)."""
        when = self.changed.get(path)
        return bool(days) and when is not None and (self.reference - when.date).days > days


def read_history(docs_dir: Path, paths: Iterable[str]) -> History:
    """Dates for `paths` (relative to `docs_dir`, with forward slashes)."""
    paths = list(paths)
    docs_dir = docs_dir.resolve()
    from_git: dict[str, dt.date] = {}
    dirty: set[str] = set()
    head: dt.date | None = None
    top = _git(docs_dir, "rev-parse", "--show-toplevel")
    if top:
        root = Path(top.strip()).resolve()
        prefix = docs_dir.relative_to(root).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        # One pass over the history: newest commit first, so a file's first appearance is its last change.
        log = _git(root, "log", "--format=@@%cI", "--name-only", "--", docs_dir.as_posix()) or ""
        current = None
        for line in log.splitlines():
            if line.startswith("@@"):
                current = _date(line[2:])
                head = head or current
            elif line and current and line.startswith(prefix):
                from_git.setdefault(line[len(prefix) :], current)
        status = _git(root, "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", docs_dir.as_posix())
        for line in (status or "").splitlines():
            name = line[3:].strip('"')
            if name.startswith(prefix):
                dirty.add(name[len(prefix) :])
        head_log = _git(root, "log", "-1", "--format=%cI")
        head = _date(head_log) if head_log else head
    changed: dict[str, Changed] = {}
    for path in paths:
        if path in from_git and path not in dirty:
            changed[path] = Changed(from_git[path], "git")
        else:
            try:
                mtime = (docs_dir / path).stat().st_mtime
            except OSError:
                continue
            changed[path] = Changed(dt.datetime.fromtimestamp(mtime, dt.UTC).date(), "fil")
    reference = head or max((c.date for c in changed.values()), default=dt.date(1970, 1, 1))
    return History(changed, reference)
