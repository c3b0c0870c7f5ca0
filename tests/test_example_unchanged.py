"""The built example site is the same, file by file, as recorded in tests/fixtures/example-site.json.

Speed and restructuring work must change nothing a reader sees. A change that is meant to alter the output
records the new digests in the same commit (`.venv/bin/python tools/site_manifest.py`), and says why in a test
of its own; the diff of the manifest then shows exactly which files it changed.
"""

from __future__ import annotations

import json

from tools import site_manifest


def test_every_output_file_is_as_recorded(tmp_path):
    recorded = json.loads(site_manifest.MANIFEST.read_text(encoding="utf-8"))
    files = site_manifest.digests(site_manifest.build(tmp_path))
    assert len(files) > 300 and any(name.endswith(".xlsx") for name in files)
    found = site_manifest.differences(recorded, files, site_manifest.versions())
    assert found == [], (
        f"{len(found)} files differ from tests/fixtures/example-site.json (- gone, + new, ~ other bytes):\n"
        + "\n".join(found[:40])
        + "\nIf the change is meant, record it: .venv/bin/python tools/site_manifest.py"
    )


def test_the_comparison_sees_a_changed_page_and_tolerates_only_the_theme():
    recorded = {
        "versions": {"mkdocs-material": "9.0.0"},
        "files": {"a/index.html": "1", "strategi.json": "2", "assets/x.js": "3"},
    }
    same = dict(recorded["files"])
    assert site_manifest.differences(recorded, same, {"mkdocs-material": "9.0.0"}) == []
    themed = {"a/index.html": "9", "strategi.json": "2", "assets/y.js": "4"}
    # Another Material: the pages and assets may look different, the plugin's files may not.
    assert site_manifest.differences(recorded, themed, {"mkdocs-material": "9.1.0"}) == []
    assert site_manifest.differences(recorded, themed, {"mkdocs-material": "9.0.0"}) == [
        "+ assets/y.js",
        "- assets/x.js",
        "~ a/index.html",
    ]
    changed = {"b/index.html": "1", "strategi.json": "5"}
    assert site_manifest.differences(recorded, changed, {"mkdocs-material": "9.1.0"}) == [
        "+ b/index.html",
        "- a/index.html",
        "~ strategi.json",
    ]
