"""The `strategy` command: check (text, GitHub, GitLab), schema and new pages, on fixture sites and the example site."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import (
    BASE_SITE,
    BLOCKS,
    ROOT,
    build_in_process,
    every_mistake_line,
    mistake_files,
    with_mistakes,
    write_site,
)

from strategy_site.cli.main import main
from strategy_site.core.load import split_frontmatter
from strategy_site.core.models import MODELS
from strategy_site.exports.schema import schema_files, stale_schemas


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`strategy check` run in `root`, in this process (the command in a fresh interpreter is run by
    test_mistakes.py): its exit code and what it printed."""
    out, err, cwd = io.StringIO(), io.StringIO(), Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", *args])
    finally:
        os.chdir(cwd)
    return subprocess.CompletedProcess(["strategy", "check", *args], code, out.getvalue(), err.getvalue())


def without_severity(line: str) -> str:
    """A check line without its severity word: `file:line: field: message`, as the build logs it."""
    return re.sub(r": (feil|advarsel|merknad): ", ": ", line, count=1)


def assert_errors(proc: subprocess.CompletedProcess, expected: list[str]) -> None:
    """The check failed with exactly these errors: each is printed, the summary counts no others (the rest of
    its output are lint notes), and nothing crashed."""
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    printed = {without_severity(line) for line in proc.stdout.splitlines() if ": feil: " in line}
    assert {f"docs/{line}" for line in expected} <= printed, proc.stdout
    assert re.search(rf"^{len(expected)} feil( \(\d+ merknader\))? i docs/$", proc.stderr, re.M), proc.stderr


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_passes_good_content_with_exit_code_zero(tmp_path):
    write_site(tmp_path, BASE_SITE)
    proc = run_check(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Only the lints' notes (a goal without an indicator, say), which do not fail the check.
    notes = proc.stdout.splitlines()
    assert f"Ingen feil ({len(notes)} merknader)" in proc.stderr
    assert "docs/forskning/s-forskning-2.md:3: merknad: id: ingen indikator måler målet" in proc.stdout


def test_check_reports_every_mistake_as_file_line_field_message_and_fails(tmp_path):
    write_site(tmp_path, with_mistakes())
    before = digest(tmp_path / "docs")
    proc = run_check(tmp_path)
    assert_errors(proc, every_mistake_line())
    lines = proc.stdout.splitlines()
    assert "docs/feil/unknown-field.md:6: feil: frist: ukjent felt; mente du «deadline»?" in lines
    assert "docs/feil/body-link-unknown-id.md:4: feil: lenke: lenke til ukjent id «finnes-ikke»" in lines
    # Errors come first, each line says how serious it is.
    words = [line.split(": ")[1] for line in lines]
    assert words == sorted(words, key=["feil", "advarsel", "merknad"].index)
    assert digest(tmp_path / "docs") == before, "check must never change the content"


def test_check_and_strict_build_report_the_same_problems(tmp_path):
    files = with_mistakes()
    files["blokk.md"] = "# Blokker\n\n<!-- strategy/goals area=finnes-ikke -->\n\n<!-- strategy/ukjent -->\n"
    config = write_site(tmp_path, files)
    checked = run_check(tmp_path)
    built = build_in_process(config, tmp_path / "site")
    assert checked.returncode == 1
    blocks = [
        "blokk.md:3: blokk: area: ukjent id «finnes-ikke»",
        "blokk.md:5: blokk: ukjent blokk «strategy/ukjent»; kjente: " + ", ".join(sorted(BLOCKS)),
    ]
    built.assert_stopped_by_the_check(every_mistake_line() + blocks)
    # The build's log says the severity in its level (WARNING, INFO); the check says it in words.
    from_check = {without_severity(line).removeprefix("docs/") for line in checked.stdout.splitlines()}
    logged = built.lines("WARNING", "INFO")
    from_build = {w.removeprefix("strategy_site: ") for w in logged if w.startswith("strategy_site: ")}
    assert from_check == from_build


def test_check_github_format_prints_workflow_annotations(tmp_path):
    write_site(tmp_path, with_mistakes())
    proc = run_check(tmp_path, "--format", "github")
    assert proc.returncode == 1
    unknown_field = "::error file=docs/feil/unknown-field.md,line=6,title=frist::ukjent felt; mente du «deadline»?"
    assert unknown_field in proc.stdout
    assert all(line.startswith(("::error ", "::notice ")) for line in proc.stdout.splitlines())
    # One error annotation per mistake, no others.
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == len(every_mistake_line()), proc.stdout
    assert "::notice file=docs/forskning/s-forskning-2.md,line=3,title=id::ingen indikator" in proc.stdout


def test_check_gitlab_format_writes_a_code_quality_report(tmp_path):
    write_site(tmp_path, with_mistakes())
    proc = run_check(tmp_path, "--format", "gitlab")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    path = "docs/feil/missing-reference.md"
    issue = next(i for i in report if i["location"]["path"] == path and i["severity"] != "info")
    assert issue["description"] == "area: ukjent id «s-forsking»; mente du «s-forskning»?"
    assert issue["location"]["lines"]["begin"] == 5
    assert issue["severity"] == "major"
    assert len({i["fingerprint"] for i in report}) == len(report)
    # One issue above info per mistake, no others.
    assert len([i for i in report if i["severity"] != "info"]) == len(every_mistake_line())


def test_check_without_config_is_a_clear_message(tmp_path):
    proc = run_check(tmp_path)
    assert proc.returncode == 2
    assert "mkdocs.yml: finner ikke konfigurasjonsfilen" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_passes_the_example_site(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    out = capsys.readouterr()
    assert f"Ingen feil ({len(out.out.splitlines())} merknader)" in out.err


# Schema: generated from the models, committed in schema/, used by editors' tools.


def test_committed_schema_is_current():
    stale = stale_schemas(ROOT / "schema")
    assert not stale, f"run `strategy schema` to regenerate: {stale}"


def _frontmatter(text: str) -> dict | None:
    """The frontmatter as the YAML language server sees it: dates stay text."""
    front, _ = split_frontmatter(text)
    if front is None:
        return None
    data = yaml.safe_load(front)

    def plain(value):
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    return plain(data)


def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(schema_files()["frontmatter.schema.json"])
    return jsonschema.Draft7Validator(schema)


def test_schema_accepts_every_page_of_the_example_site():
    validator = _validator()
    pages = sorted((ROOT / "content").rglob("*.md"))
    assert len(pages) > 50
    for page in pages:
        data = _frontmatter(page.read_text(encoding="utf-8"))
        if data is None:
            continue
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{page}: {errors}"


# Mistakes the schema can see by itself (ids, ratings and links need the whole site).
SCHEMA_SEES = [
    "missing-type",
    "missing-id",
    "missing-title",
    "unknown-type",
    "unknown-field",
    "not-an-integer",
    "text-for-number",
    "list-for-mapping",
    "id-with-space",
]


@pytest.mark.parametrize("name", SCHEMA_SEES)
def test_schema_rejects_bad_frontmatter(name):
    (text,) = mistake_files(name).values()
    assert list(_validator().iter_errors(_frontmatter(text.decode())))


@pytest.mark.parametrize(
    "front",
    [
        {"type": "goal", "id": "Stor Bokstav", "title": "T", "area": "a"},
        {"type": "goal", "id": "g", "title": "T", "area": "a", "deadline": "neste år"},
        {"type": "action", "id": "a", "title": "T", "risk": {"level": "enorm"}},
        {"type": "indicator", "id": "i", "title": "T", "direction": "opp"},
        {"type": "mål", "id": "x", "title": "T"},
        {"id": "uten-type", "title": "T"},
    ],
)
def test_schema_rejects_invalid_values(front):
    assert list(_validator().iter_errors(front))


def test_schema_leaves_plain_pages_free():
    assert not list(_validator().iter_errors({"title": "Om nettstedet", "hide": ["toc"]}))


def test_schema_has_one_file_per_page_type():
    assert set(schema_files()) == {f"{kind}.schema.json" for kind in MODELS} | {"frontmatter.schema.json"}


def test_vscode_is_wired_to_the_schema():
    remark = (ROOT / ".remarkrc.mjs").read_text(encoding="utf-8")
    assert "./schema/frontmatter.schema.json" in remark
    recommended = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "unifiedjs.vscode-remark" in recommended["recommendations"]


# New pages.


def test_new_goal_gets_a_fresh_id_in_the_area_folder_and_passes_the_check(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, BASE_SITE)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "goal", "--area", "s-forskning", "--title", "Flere doktorgrader: «nå»"]) == 0
    created = tmp_path / "docs/forskning/s-forskning-3.md"
    assert capsys.readouterr().out.strip() == "docs/forskning/s-forskning-3.md"
    text = created.read_text(encoding="utf-8")
    assert "id: s-forskning-3\n" in text and "area: s-forskning\n" in text and 'number: "3"' in text
    assert main(["check"]) == 0, capsys.readouterr().out


def test_new_indicator_and_action_follow_their_goal(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, BASE_SITE)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "indicator", "--goal", "s-forskning-1", "--title", "Antall doktorgrader"]) == 0
    assert main(["new", "action", "--goal", "s-forskning-1", "--goal", "s-forskning-2", "--title", "Ny skole"]) == 0
    assert main(["new", "action", "--goal", "s-forskning-1", "--title", "Enda en"]) == 0
    folder = tmp_path / "docs/forskning"
    assert (folder / "s-forskning-1-indikator-1.md").exists()
    assert "goals: [s-forskning-1, s-forskning-2]" in (folder / "s-forskning-1-tiltak-1.md").read_text()
    assert (folder / "s-forskning-1-tiltak-2.md").exists()
    capsys.readouterr()
    assert main(["check"]) == 0, capsys.readouterr().out


def test_new_refuses_an_unknown_area_and_changes_nothing(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, BASE_SITE)
    before = digest(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "goal", "--area", "s-forsking", "--title", "T"]) == 2
    assert "fant ikke et område med id «s-forsking»" in capsys.readouterr().err
    assert digest(tmp_path / "docs") == before


def test_check_reports_an_unknown_key_with_brackets_without_crashing(tmp_path):
    write_site(tmp_path, {**BASE_SITE, "feil/k.md": "---\ntype: goal\ni[d: xk\ntitle: T\narea: s-forskning\n---\n"})
    proc = run_check(tmp_path)
    assert_errors(proc, ["feil/k.md:2: id: feltet mangler", "feil/k.md:3: i[d: ukjent felt; mente du «id»?"])


def test_check_errors_only_and_json(tmp_path):
    write_site(tmp_path, with_mistakes())
    errors_only = run_check(tmp_path, "--errors-only")
    lines = errors_only.stdout.splitlines()
    assert errors_only.returncode == 1 and lines and all(": feil: " in line for line in lines)
    assert len(lines) == len(every_mistake_line())
    report = json.loads(run_check(tmp_path, "--format", "json").stdout)
    severities = [entry["severity"] for entry in report]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert "info" in severities
    unknown = next(e for e in report if e["path"] == "docs/feil/unknown-field.md" and e["field"] == "frist")
    assert unknown["line"] == 6 and unknown["severity"] == "error" and unknown["message"].startswith("ukjent felt")
