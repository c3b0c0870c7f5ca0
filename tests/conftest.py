"""Shared fixtures: build a real MkDocs site from a few files and read what it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parent / "seeds"

BASE_CONFIG = """\
site_name: Test
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: nb
  font: false
plugins:
  - search
  - strategy{options}
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - md_in_html
validation:
  unrecognized_links: warn
  anchors: warn
"""


@dataclass
class Built:
    """The result of one `mkdocs build`."""

    returncode: int
    log: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def export(self) -> dict:
        return json.loads((self.site / "export/strategy.json").read_text(encoding="utf-8"))

    def warnings(self) -> list[str]:
        return [line.split("-", 1)[1].strip() for line in self.log.splitlines() if line.startswith("WARNING")]


def run_mkdocs(config: Path, site: Path, *extra: str, env: dict | None = None) -> Built:
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=environ,
        cwd=config.parent,
    )
    return Built(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture
def build_site(tmp_path: Path):
    """Write `files` (path -> text) into a docs folder, build with --strict, return the result."""

    def build(files: dict[str, str], options: str = "", config: str | None = None) -> Built:
        docs = tmp_path / "docs"
        for name, text in files.items():
            path = docs / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        cfg = tmp_path / "mkdocs.yml"
        block = ":\n" + textwrap.indent(textwrap.dedent(options).strip("\n"), "      ") if options else ""
        cfg.write_text(config or BASE_CONFIG.format(options=block), encoding="utf-8")
        return run_mkdocs(cfg, tmp_path / "site")

    return build


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Built:
    """The real example site in content/, built once per test session."""
    site = tmp_path_factory.mktemp("example") / "site"
    built = run_mkdocs(ROOT / "mkdocs.yml", site)
    assert built.ok, built.log
    return built


SMALL_SITE = {
    "index.md": """
        ---
        type: strategy
        id: s
        title: Strategi for Testmuseet
        unit: Testmuseet
        period: {start: 2018, end: 2025}
        ---
        Innledning. Se [[s-forskning-1]] og [forskningsområdet](id:s-forskning).
        """,
    "forskning/index.md": """
        ---
        type: area
        id: s-forskning
        title: Vår forskning
        order: 1
        pillars: [Talenter, Kvalitet]
        ---
        Om forskning.
        """,
    "forskning/s-forskning-1.md": """
        ---
        type: goal
        id: s-forskning-1
        area: s-forskning
        number: "1"
        title: Styrke forskergrupper
        owner: Forskningsdirektør
        assessments:
          - {period: "2021", rating: "NEI"}
          - {period: "2022", rating: "JA-", note: "Godt i gang."}
        ---
        <!-- review: Kari: Dette må skrives om! -->
        """,
    "forskning/s-forskning-2.md": """
        ---
        type: goal
        id: s-forskning-2
        area: s-forskning
        number: "2"
        title: Øke internasjonalt samarbeid
        deadline: 2024
        ---
        """,
    "forskning/besok.md": """
        ---
        type: indicator
        id: s-publikum
        goals: [s-forskning-1]
        title: Publikumsbesøk per år
        unit_of_measure: besøk
        baseline: {period: "2018", value: 100000}
        target: {period: "2025", value: 150000}
        values: {"2019": 104000, "2020": 61000}
        ---
        """,
    "forskning/tiltak-1.md": """
        ---
        type: action
        id: s-tiltak-1
        goals: [s-forskning-1, s-forskning-2]
        title: Etablere forskerskole
        owner: Prodekan forskning
        start: 2019-01
        end: 2020-12
        budget: {hours: 300, nok: 250000}
        risk: {level: medium, note: Avhenger av finansiering.}
        status:
          - {period: 2019-T2, level: 0, note: Ikke igangsatt.}
          - {period: 2019-T3, level: 2, note: Igangsatt.}
        ---
        """,
}
