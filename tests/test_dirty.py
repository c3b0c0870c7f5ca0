"""`mkdocs serve --dirty`: after one goal is saved, its unit's pages show the edit and no other unit is rendered.

Runs MkDocs' own dirty build twice in one process, as `mkdocs serve --dirty` does (the plugin object is kept
between the builds because it has `on_startup`).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bench.generate import generate


def _mtimes(site: Path) -> dict[str, float]:
    return {str(p.relative_to(site)): p.stat().st_mtime for p in site.rglob("*.html")}


@pytest.fixture
def two_units(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "true")
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")
    generate(200, tmp_path)
    return tmp_path


def test_dirty_rebuild_renders_the_edited_units_pages_only(two_units):
    config_file, site = two_units / "mkdocs.yml", two_units / "site"
    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        before = _mtimes(site)
        goal = sorted((two_units / "docs").glob("*/*/*/*-1.md"))[0]
        unit = goal.relative_to(two_units / "docs").parts[1]
        others = {p for p in before if f"/{unit}/" not in f"/{p}" and p.count("/") > 2 and not p.startswith("m/")}
        assert others, "the site has a second unit"
        original = goal.read_text(encoding="utf-8")
        goal.write_text(re.sub(r"^title: .*$", 'title: "Nytt navn på målet"', original, count=1, flags=re.M), "utf-8")
        # Saved later than the site was written, also where file times have whole seconds (no waiting for it).
        later = time.time() + 5
        os.utime(goal, (later, later))

        config = load_config(config_file=str(config_file), site_dir=str(site))
        build(config, dirty=True)
        after = _mtimes(site)
    finally:
        config.plugins.on_shutdown()

    area = goal.parent.relative_to(two_units / "docs").as_posix()
    goal_page = f"{area}/{goal.stem}/index.html"
    assert "Nytt navn på målet" in (site / goal_page).read_text(encoding="utf-8")
    # The goal's area page, its unit's dashboard and its reports show the new title too.
    assert "Nytt navn på målet" in (site / area / "index.html").read_text(encoding="utf-8")
    unit_dir = goal.relative_to(two_units / "docs").parts[:2]
    dashboards = list((site.joinpath(*unit_dir) / "styringskort").rglob("index.html"))
    assert any("Nytt navn på målet" in p.read_text(encoding="utf-8") for p in dashboards)
    # Pages of the other unit were not written again.
    rewritten = sorted(p for p in others if after.get(p) != before[p])
    assert rewritten == []
    assert os.path.exists(site / "search" / "search_index.json")
