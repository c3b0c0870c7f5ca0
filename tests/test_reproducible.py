"""Reproducible builds: the same commit gives the same bytes, wherever and whenever it is built.

MkDocs writes one date into the output: the build day in `sitemap.xml` (and so `sitemap.xml.gz`). It
honours SOURCE_DATE_EPOCH, and `./dev build` sets that to the time of the last commit, so the whole site
is byte-identical between two builds of one commit. Without it, only the sitemap differs; HTML, JSON,
CSV, scripts and styles never carry a date, a random id or the folder the site was built in.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import EXAMPLE_EPOCH, ROOT, run_mkdocs

# 2025-06-15 12:00 UTC: another build day than EXAMPLE_EPOCH (2024-03-01).
OTHER_DAY = "1749988800"
DATED = {"sitemap.xml", "sitemap.xml.gz"}


def copy_of_the_site(folder: Path) -> Path:
    """The example site's sources in another folder, so a path leaking into the output would show.

    The copy is a clone of the repository (pages show their last change from git) with the working tree's
    files over it, so uncommitted edits are the same in both builds.
    """
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(folder)], check=True, capture_output=True)
    for name in ("content", "overrides", "data"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_two_builds_of_the_same_commit_are_byte_identical(example_site, tmp_path):
    """The session's build of the example site (in the test process, after other builds) against two builds in
    fresh interpreters, from a copy of the repository in another folder: one the same day, one later."""
    first = example_site
    second = run_mkdocs(
        copy_of_the_site(tmp_path / "elsewhere"), tmp_path / "second", env={"SOURCE_DATE_EPOCH": EXAMPLE_EPOCH}
    )
    later = run_mkdocs(tmp_path / "elsewhere/mkdocs.yml", tmp_path / "later", env={"SOURCE_DATE_EPOCH": OTHER_DAY})
    assert first.ok and second.ok and later.ok, first.log + second.log + later.log

    a, b, c = tree(first.site), tree(second.site), tree(later.site)
    assert len(a) > 100 and any(name.endswith(".json") for name in a)
    assert differing(a, b) == []
    # On another day only the sitemap's date changes.
    assert differing(a, c) == sorted(DATED)
    assert b"<lastmod>2024-03-01</lastmod>" in a["sitemap.xml"]
    # Neither build names the folder it was built in (or from); b is the same bytes as a.
    for name, data in b.items():
        if name.endswith((".html", ".json", ".csv", ".js", ".css", ".xml")):
            for folder in (tmp_path, first.site.parent, ROOT):
                assert str(folder).encode() not in data, f"{name} names {folder}"
