"""The editors' worklist: the build's findings grouped by kind, one line per cause, each finding with its page.

A cause is a message shared by several findings (the lint «30 tiltak starter i januar 2022» names one fact
about 30 actions): it is one line with its count, the findings folded under it. Findings with a message of
their own (an error in one file) are listed one by one under their kind. Pure: the caller says, per source
path, where the page and its edit link are and which unit and owner it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from strategy_site.core.problems import Problem

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Place:
    """Where a finding's file is on the site: its title, page and edit link, unit and owner (any may be unknown)."""

    title: str | None = None
    url: str | None = None
    edit_url: str | None = None
    unit: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class Finding:
    problem: Problem
    place: Place


@dataclass
class Cause:
    """Findings of one kind with one message; `shared` when more than one finding has it."""

    message: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def shared(self) -> bool:
        return len(self.findings) > 1


@dataclass
class Kind:
    """All findings with one code, worst severity first: the shared causes, then the single findings."""

    code: str
    severity: str
    causes: list[Cause]
    singles: list[Finding]

    @property
    def count(self) -> int:
        return sum(len(c.findings) for c in self.causes) + len(self.singles)

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.causes for f in c.findings] + self.singles


def worklist(problems: list[Problem], places: dict[str, Place]) -> list[Kind]:
    """The findings by kind: errors before warnings before notes, then the kinds with most findings first."""
    by_code: dict[str, list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=lambda p: p.sort_key):
        by_code[problem.code].append(problem)
    kinds = []
    for code, found in by_code.items():
        by_message: dict[str, list[Finding]] = defaultdict(list)
        for problem in found:
            by_message[problem.message].append(Finding(problem, places.get(problem.path, Place())))
        causes = [Cause(message, findings) for message, findings in by_message.items() if len(findings) > 1]
        singles = [findings[0] for findings in by_message.values() if len(findings) == 1]
        severity = min((p.severity for p in found), key=SEVERITY_ORDER.__getitem__)
        causes.sort(key=lambda c: -len(c.findings))
        kinds.append(Kind(code, severity, causes, singles))
    return sorted(kinds, key=lambda k: (SEVERITY_ORDER[k.severity], -k.count, k.code))


def by_unit(findings: list[Finding]) -> list[tuple[str | None, list[Finding]]]:
    """Findings grouped by unit in the order first met (the units' files sort together), unknown unit last."""
    groups: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.place.unit].append(finding)
    return sorted(groups.items(), key=lambda kv: kv[0] is None)
