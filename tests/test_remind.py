"""Reminders: per owner, what is missing for a period; and the issues the scheduled CI job makes of them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BASE_CONFIG, ROOT

from strategy_site.cli.main import main
from strategy_site.cli.remind_issues import GitHub, GitLab, Issue, issues_from, sync
from strategy_site.core.models import Indicator
from strategy_site.core.periods import parse_period
from strategy_site.measures.reporting import indicator_due


def action(ident: str, owner: str | None, status: str = "", **fields: str) -> str:
    lines = ["---", "type: action", f"id: {ident}", "goals: [g-1]", f"title: Tiltak {ident}"]
    lines += [f"owner: {owner}"] if owner else []
    lines += [f"{k}: {v}" for k, v in fields.items()]
    lines += [f"status:\n{status}"] if status else []
    return "\n".join([*lines, "---", ""])


FILES = {
    "index.md": "---\ntype: strategy\nid: s\ntitle: Strategi\nunit: Enheten\nperiod: {start: 2024, end: 2026}\n---\n",
    "a.md": "---\ntype: area\nid: a\ntitle: Område\n---\n",
    "g.md": "---\ntype: goal\nid: g-1\narea: a\ntitle: Mål\n---\n",
    # Kari: one reported for the period, one not, one never reported.
    "t1.md": action("t-1", "Kari Nordmann", '  - {period: "2025-T3", level: 2}'),
    "t2.md": action("t-2", "Kari Nordmann", '  - {period: "2025-T2", level: 2, note: Startet}'),
    "t3.md": action("t-3", "kari  nordmann"),
    # Per: done before the period (nothing due), and one that starts after it.
    "t4.md": action("t-4", "Per", '  - {period: "2025-T1", level: 4}'),
    "t5.md": action("t-5", "Per", start="2026-01"),
    "t6.md": action("t-6", "Per", end="2025-12", status='  - {period: "2025-T2", level: 3}'),
    # No owner.
    "t7.md": action("t-7", None),
    "i.md": "---\ntype: indicator\nid: i-1\ngoals: [g-1]\ntitle: Besøk\nowner: Per\n"
    "values: {'2023': 1, '2024': 2}\n---\n",
}


@pytest.fixture
def fixture_site(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(BASE_CONFIG.format(options=""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def remind_json(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["remind", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_remind_lists_exactly_the_actions_without_status_grouped_by_owner(fixture_site, capsys):
    data = remind_json(capsys, "--period", "2025-T3")
    assert data["period"] == "2025-T3"
    by_owner = {o["owner"]: [a["id"] for a in o["actions"]] for o in data["owners"]}
    # Case and spacing do not make two owners; the ownerless come last.
    assert by_owner == {"Kari Nordmann": ["t-2", "t-3"], "Per": ["t-6"], None: ["t-7"]}
    assert [o["owner"] for o in data["owners"]] == ["Kari Nordmann", "Per", None]
    kari = data["owners"][0]["actions"]
    assert kari[0]["last"] == {"period": "2025-T2", "level": 2, "label": "Tiltak igangsatt"} and kari[1]["last"] is None
    assert kari[0]["path"] == "docs/t2.md"
    # The yearly indicator owes its 2025 value when the year's last tertial is reported.
    per = data["owners"][1]
    assert [(i["id"], i["due"]) for i in per["indicators"]] == [("i-1", "2025")]


def test_remind_markdown_is_ready_to_paste(fixture_site, capsys):
    assert main(["remind", "--period", "2025-T2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Rapportering for 2. tertial 2025\n")
    assert "## Kari Nordmann\n" in out and "## Uten eier\n" in out
    assert "- [ ] `t-3` Tiltak t-3 (aldri rapportert) – `docs/t3.md`" in out
    # In the second tertial no yearly value is due yet.
    assert "i-1" not in out


def test_remind_issues_dry_run_prints_one_issue_per_owner(fixture_site, capsys, monkeypatch):
    data = remind_json(capsys, "--period", "2025-T3")
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(data)))
    assert main(["remind-issues", "--platform", "github", "--dry-run"]) == 0
    out = capsys.readouterr().out
    titles = [line.split("«")[1].split("»")[0] for line in out.splitlines() if line.startswith("ville opprettet")]
    assert titles == [
        "Strategi: rapportering for Kari Nordmann",
        "Strategi: rapportering for Per",
        "Strategi: rapportering for Uten eier",
    ]
    assert "`t-7`" in out.split("Uten eier")[1]


class FakeTracker:
    def __init__(self, open_issues: dict[str, int]) -> None:
        self.issues = dict(open_issues)
        self.calls: list[tuple] = []

    def open_issues(self, label):
        return dict(self.issues)

    def create(self, issue, label):
        self.calls.append(("create", issue.title, label))

    def update(self, number, issue):
        self.calls.append(("update", number, issue.body))


def test_sync_updates_the_owners_open_issue_and_opens_the_others():
    data = {
        "period": "2025-T3",
        "period_label": "3. tertial 2025",
        "owners": [
            {"owner": o, "actions": [{"id": "t", "title": "T", "path": "p", "last": None}], "indicators": [],
             "stale_pages": []}
            for o in ("Kari", "Per")
        ],
    }
    issues = issues_from(data)
    tracker = FakeTracker({"Strategi: rapportering for Kari": 7, "Noe annet": 8})
    lines = sync(issues, tracker, "strategi-rapportering")
    assert tracker.calls == [
        ("update", 7, issues[0].body),
        ("create", "Strategi: rapportering for Per", "strategi-rapportering"),
    ]
    assert lines == ["oppdaterte #7: Strategi: rapportering for Kari", "opprettet: Strategi: rapportering for Per"]
    assert "3. tertial 2025" in issues[0].body and "- [ ] `t` T (aldri rapportert)" in issues[0].body


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_the_api_calls_of_each_platform(kind):
    sent = []

    def send(method, url, headers, body):
        sent.append((method, url, json.loads(body) if body else None))
        return [{"title": "Gammel", "number": 3, "iid": 3}] if method == "GET" else {}

    if kind == "github":
        tracker = GitHub("https://api.github.com", "org/strategi", "hemmelig", send)
    else:
        tracker = GitLab("https://gitlab.example/api/v4", "gruppe/strategi", "hemmelig", send)
    sync([Issue("Gammel", "ny tekst"), Issue("Ny", "tekst")], tracker, "påminnelse")
    if kind == "github":
        assert sent == [
            ("GET", "https://api.github.com/repos/org/strategi/issues?state=open&labels=p%C3%A5minnelse&per_page=100",
             None),
            ("PATCH", "https://api.github.com/repos/org/strategi/issues/3", {"body": "ny tekst"}),
            ("POST", "https://api.github.com/repos/org/strategi/issues",
             {"title": "Ny", "body": "tekst", "labels": ["påminnelse"]}),
        ]
    else:
        base = "https://gitlab.example/api/v4/projects/gruppe%2Fstrategi/issues"
        assert sent == [
            ("GET", f"{base}?state=opened&labels=p%C3%A5minnelse&per_page=100", None),
            ("PUT", f"{base}/3", {"description": "ny tekst"}),
            ("POST", base, {"title": "Ny", "description": "tekst", "labels": "påminnelse"}),
        ]


def indicator(values: dict, baseline: str | None = None) -> Indicator:
    extra = {"baseline": {"period": baseline, "value": 1}} if baseline else {}
    return Indicator.model_validate({"type": "indicator", "id": "i", "title": "I", "values": values, **extra})


@pytest.mark.parametrize(
    ("values", "period", "due"),
    [
        ({"2024": 1}, "2025-T3", "2025"),
        ({"2024": 1, "2025": 2}, "2025-T3", None),
        ({"2024": 1}, "2025-T2", None),
        ({"2024": 1}, "2025", "2025"),
        ({"2025-T1": 1}, "2025-T2", "2025-T2"),
        ({"2025-T1": 1}, "2025", "2025-T3"),
        ({"2025-T1": 1}, "2025-Q3", "2025-T2"),
        ({}, "2025-T3", "2025"),
    ],
)
def test_the_value_an_indicator_owes_for_a_period(values, period, due):
    found = indicator_due(indicator(values), parse_period(period))
    assert (found.key if found else None) == due




CI = ROOT / "plugins/strategy_site/starter/ci"


def job_lines(platform: str) -> list[str]:
    """The shell lines of the template's scheduled reminder job, without installing and the real API call."""
    if platform == "github":
        workflow = yaml.safe_load((CI / "github/strategy.yml").read_text(encoding="utf-8"))
        job = workflow["jobs"]["remind"]
        assert job["if"] == "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'"
        # YAML 1.1 reads the key `on` as true.
        assert job["permissions"]["issues"] == "write" and "schedule" in workflow[True]
        lines = [line for step in job["steps"] if "run" in step for line in step["run"].splitlines()]
    else:
        ci = yaml.safe_load((CI / "gitlab/gitlab-ci.yml").read_text(encoding="utf-8"))
        assert ci["remind"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "schedule" && $STRATEGY_PERIOD'
        assert ci["pages"]["rules"][0] == {"if": '$CI_PIPELINE_SOURCE == "schedule"', "when": "never"}
        lines = list(ci["remind"]["script"])
    lines = [line for line in lines if not line.startswith("pip install")]
    real = f"strategy remind-issues --platform {platform} remind.json"
    assert lines[-1] == real and f"strategy remind-issues --platform {platform} --dry-run remind.json" in lines
    return lines[:-1]


@pytest.mark.parametrize("platform", ["github", "gitlab"])
def test_the_scheduled_ci_job_runs_as_a_dry_run(fixture_site, platform):
    env = {**os.environ, "STRATEGY_PERIOD": "2025-T3", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    script = "set -e\n" + "\n".join(job_lines(platform))
    proc = subprocess.run(["bash", "-c", script], cwd=fixture_site, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "ville opprettet eller oppdatert saken «Strategi: rapportering for Kari Nordmann»" in proc.stdout
    assert json.loads((fixture_site / "remind.json").read_text(encoding="utf-8"))["period"] == "2025-T3"
