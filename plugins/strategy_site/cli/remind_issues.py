"""`strategy remind-issues --platform github|gitlab [--dry-run] [FILE]`: one open issue per owner from remind's JSON.

    strategy remind --period 2025-T3 --format json | strategy remind-issues --platform github

Each owner with something missing gets one issue, titled «Strategi: rapportering for <owner>» and labelled
`--label`: an open issue with that title is updated, else one is opened. The scheduled CI job runs this
(ci-templates/). GitHub: GITHUB_TOKEN and GITHUB_REPOSITORY (set by Actions), GITHUB_API_URL optional.
GitLab: GITLAB_TOKEN (a project access token with the `api` scope, as a CI/CD variable), CI_PROJECT_ID and
CI_API_V4_URL (set by GitLab CI). `--dry-run` prints each issue's title and body and contacts nobody.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.exports.reminders import owner_markdown, owner_name

DEFAULT_LABEL = "strategi-rapportering"


@dataclass(frozen=True)
class Issue:
    title: str
    body: str


def issues_from(data: dict[str, Any], labels: Labels = DEFAULT) -> list[Issue]:
    """One issue per owner in remind's JSON: a title that stays the same from period to period, and the list."""
    issues = []
    for owner in data["owners"]:
        intro = labels.text("remind_issue_intro", period=data["period_label"])
        body = f"{intro}\n\n{owner_markdown(owner, data['period_label'], labels)}"
        issues.append(Issue(labels.text("remind_issue_title", owner=owner_name(owner, labels)), body))
    return issues


class Tracker(Protocol):
    def open_issues(self, label: str) -> dict[str, int]:
        """Open issues with the label, by title: their number (GitHub) or iid (GitLab)."""

    def create(self, issue: Issue, label: str) -> None: ...

    def update(self, number: int, issue: Issue) -> None: ...


Send = Callable[[str, str, dict[str, str], bytes | None], Any]


def _send(method: str, url: str, headers: dict[str, str], body: bytes | None) -> Any:
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


class GitHub:
    """Issues through the GitHub REST API."""

    def __init__(self, api: str, repository: str, token: str, send: Send = _send) -> None:
        self.base = f"{api.rstrip('/')}/repos/{repository}/issues"
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"}
        self.send = send

    def _call(self, method: str, url: str, payload: dict | None = None) -> Any:
        body = json.dumps(payload).encode() if payload is not None else None
        return self.send(method, url, {**self.headers, "Content-Type": "application/json"}, body)

    def open_issues(self, label: str) -> dict[str, int]:
        query = urllib.parse.urlencode({"state": "open", "labels": label, "per_page": 100})
        found = self._call("GET", f"{self.base}?{query}")
        return {item["title"]: item["number"] for item in found if "pull_request" not in item}

    def create(self, issue: Issue, label: str) -> None:
        self._call("POST", self.base, {"title": issue.title, "body": issue.body, "labels": [label]})

    def update(self, number: int, issue: Issue) -> None:
        self._call("PATCH", f"{self.base}/{number}", {"body": issue.body})


class GitLab:
    """Issues through the GitLab REST API (v4)."""

    def __init__(self, api: str, project: str, token: str, send: Send = _send) -> None:
        self.base = f"{api.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}/issues"
        self.headers = {"PRIVATE-TOKEN": token}
        self.send = send

    def _call(self, method: str, url: str, payload: dict | None = None) -> Any:
        body = json.dumps(payload).encode() if payload is not None else None
        return self.send(method, url, {**self.headers, "Content-Type": "application/json"}, body)

    def open_issues(self, label: str) -> dict[str, int]:
        query = urllib.parse.urlencode({"state": "opened", "labels": label, "per_page": 100})
        return {item["title"]: item["iid"] for item in self._call("GET", f"{self.base}?{query}")}

    def create(self, issue: Issue, label: str) -> None:
        self._call("POST", self.base, {"title": issue.title, "description": issue.body, "labels": label})

    def update(self, number: int, issue: Issue) -> None:
        self._call("PUT", f"{self.base}/{number}", {"description": issue.body})


def sync(issues: list[Issue], tracker: Tracker, label: str) -> list[str]:
    """Open or update one issue per owner; returns what was done, one line per issue."""
    existing = tracker.open_issues(label)
    done = []
    for issue in issues:
        if issue.title in existing:
            tracker.update(existing[issue.title], issue)
            done.append(f"oppdaterte #{existing[issue.title]}: {issue.title}")
        else:
            tracker.create(issue, label)
            done.append(f"opprettet: {issue.title}")
    return done


def tracker_for(platform: str, environ: dict[str, str]) -> Tracker:
    """The tracker of the CI platform, from the variables its jobs have."""
    if platform == "github":
        names = ("GITHUB_TOKEN", "GITHUB_REPOSITORY")
        missing = [n for n in names if not environ.get(n)]
        if missing:
            raise KeyError(", ".join(missing))
        api = environ.get("GITHUB_API_URL", "https://api.github.com")
        return GitHub(api, environ["GITHUB_REPOSITORY"], environ["GITHUB_TOKEN"])
    names = ("GITLAB_TOKEN", "CI_PROJECT_ID", "CI_API_V4_URL")
    missing = [n for n in names if not environ.get(n)]
    if missing:
        raise KeyError(", ".join(missing))
    return GitLab(environ["CI_API_V4_URL"], environ["CI_PROJECT_ID"], environ["GITLAB_TOKEN"])


def run(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        issues = issues_from(data)
    except (ValueError, KeyError, TypeError) as exc:
        print(f"strategy remind-issues: leser ikke JSON fra «strategy remind --format json»: {exc}", file=sys.stderr)
        return 2
    if args.dry_run:
        for issue in issues:
            print(f"ville opprettet eller oppdatert saken «{issue.title}» (etikett {args.label}):\n\n{issue.body}")
        if not issues:
            print("ingen eiere mangler noe; ingen saker")
        return 0
    try:
        tracker = tracker_for(args.platform, dict(os.environ))
    except KeyError as exc:
        print(f"strategy remind-issues: miljøvariabelen mangler: {exc.args[0]}", file=sys.stderr)
        return 2
    for line in sync(issues, tracker, args.label):
        print(line)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("remind-issues", help="åpne eller oppdater én sak per eier fra «remind --format json»")
    parser.add_argument("file", nargs="?", default="-", help="JSON fra strategy remind (standard: stdin)")
    parser.add_argument("--platform", choices=["github", "gitlab"], required=True)
    parser.add_argument("--label", default=DEFAULT_LABEL, help=f"etikett på sakene (standard: {DEFAULT_LABEL})")
    parser.add_argument("--dry-run", action="store_true", help="vis sakene uten å kontakte GitHub/GitLab")
    parser.set_defaults(run=run)
