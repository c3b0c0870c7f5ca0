"""The plugin keeps to MkDocs' public plugin API, so ProperDocs (the maintained 1.x fork) builds the same site."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_example_site_like_mkdocs(example_site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ours = sorted(p.relative_to(example_site.site) for p in example_site.site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert ours == theirs
    for rel in ours:
        if rel.suffix in {".html", ".json"}:
            a = GENERATOR.sub("", (example_site.site / rel).read_text(encoding="utf-8"))
            b = GENERATOR.sub("", (site / rel).read_text(encoding="utf-8"))
            assert a == b, rel
