"""The benchmark's generated site stays valid content: it builds with --strict and shows what it holds."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build_in_process

from bench.generate import generate


def test_generated_site_builds_strict_with_every_page_type(tmp_path):
    pages = generate(60, tmp_path)
    assert 50 <= pages <= 70
    built = build_in_process(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert built.ok, built.log
    assert built.warnings() == []
    export = built.export()
    kinds = {e["type"] for e in export["entities"]}
    assert kinds == {"strategy", "area", "goal", "indicator", "action"}
    # Sub-goals, indicator values over several years and status reported over several tertials.
    entities = {e["id"]: e for e in export["entities"]}
    assert any(e.get("parent") for e in entities.values() if e["type"] == "goal")
    assert all(len(e["values"]) >= 5 for e in entities.values() if e["type"] == "indicator")
    assert max(len(e["status"]) for e in entities.values() if e["type"] == "action") >= 6
    goal = next(e for e in entities.values() if e["type"] == "goal" and e.get("assessments"))
    assert goal["title"] in built.html(goal["url"] + "index.html")


def test_generator_command_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "bench.generate", "--pages", "60", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "mkdocs.yml").read_text().startswith(f"INHERIT: {ROOT / 'mkdocs.yml'}")
    assert len(list((tmp_path / "docs").rglob("*.md"))) == generate(60, tmp_path / "again")
