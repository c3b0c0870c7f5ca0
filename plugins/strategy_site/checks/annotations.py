"""Problems as text for people and as annotations for CI: GitHub Actions commands and GitLab Code Quality."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from strategy_site.core.problems import Problem

# GitHub's annotation levels and GitLab's Code Quality severities for our severities.
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


# The word a person reads for each severity, and the order they are listed in: what fails the check first.
SEVERITY_WORDS = {"error": "feil", "warning": "advarsel", "info": "merknad"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def errors_first(problems: Sequence[Problem]) -> list[Problem]:
    """Errors, then warnings, then notes; within each, in the order found (by file and line)."""
    return sorted(problems, key=lambda p: _SEVERITY_ORDER[p.severity])


def as_text(problems: Sequence[Problem], prefix: str = "") -> str:
    """One `file:line: severity: field: message` line per problem, errors first (the compilers' shape, so
    editors and terminals link the place); `prefix` is the docs folder seen from the repository."""
    lines = []
    for p in errors_first(problems):
        path = p.shown_path(prefix)
        where = f"{path}:{p.line}" if p.line else path
        what = f"{p.field}: " if p.field else ""
        lines.append(f"{where}: {SEVERITY_WORDS[p.severity]}: {what}{p.message}\n")
    return "".join(lines)


def as_json(problems: Sequence[Problem], prefix: str = "") -> str:
    """The problems as a JSON list, errors first, for scripts: path, line, field, message, check and severity."""
    report = [
        {
            "path": p.shown_path(prefix),
            "line": p.line,
            "field": p.field,
            "message": p.message,
            "check": p.code,
            "severity": p.severity,
        }
        for p in errors_first(problems)
    ]
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], prefix: str = "") -> str:
    """GitHub Actions workflow commands; GitHub shows them on the changed lines of a pull request."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.shown_path(prefix))}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_property(p.heading or 'innhold')}")
        lines.append(f"::{_GITHUB_LEVEL[p.severity]} {','.join(props)}::{_escape_data(p.message)}\n")
    return "".join(lines)


def as_gitlab(problems: Sequence[Problem], prefix: str = "") -> str:
    """A GitLab Code Quality report (a JSON list); GitLab shows it in the merge request's diff.

    The fingerprint leaves out the line, so a problem keeps its identity when lines above it move.
    """
    report = []
    for p in problems:
        path = p.shown_path(prefix)
        description = f"{p.heading}: {p.message}" if p.heading else p.message
        fingerprint = hashlib.sha256(f"{path}\0{p.code}\0{description}".encode()).hexdigest()
        report.append(
            {
                "description": description,
                "check_name": p.code,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITY[p.severity],
                "location": {"path": path, "lines": {"begin": p.line or 1}},
            }
        )
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Sequence[Problem], str], str]] = {
    "text": as_text,
    "github": as_github,
    "gitlab": as_gitlab,
    "json": as_json,
}
