"""The example site's output, file by file, as SHA-256 digests: what tests/test_example_unchanged.py compares.

    .venv/bin/python tools/site_manifest.py          writes tests/fixtures/example-site.json
    .venv/bin/python tools/site_manifest.py --check  prints the files that differ from it, exits 1 if any

Work on speed or structure must change nothing a reader sees. The test builds the example site and compares
every output file with the digests recorded here; a change that is meant to alter the output records the new
digests in the same commit, so the diff of tests/fixtures/example-site.json shows which files it changed.

The build is made from a copy of the example site outside git, with every source file dated the same day, so the
digests do not depend on the commits that touched the content (pages show their last change from git). What
the theme draws also depends on the versions of MkDocs, Material and Markdown, which `pip` does not pin: the
manifest records them, and with other versions only the files the plugin writes itself are compared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests/fixtures/example-site.json"
# 2024-03-01 12:00 UTC, the day tests/conftest.py builds the example site on.
EPOCH = 1709294400
SOURCES = ("content", "data", "overrides")
# The packages whose versions change the HTML around the plugin's content.
THEME_PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "Pygments")
# Settings of mkdocs.yml read from the environment, cleared so the build is the same wherever it runs.
ENVIRONMENT = ("SITE_URL", "REPO_URL", "EDIT_URI", "STRATEGY_ENABLED", "STRATEGY_MEETING_PDFS")


def versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in THEME_PACKAGES}


def build(work: Path) -> Path:
    """`mkdocs build --strict` of a copy of the example site in `work`, every source dated EPOCH; the site folder."""
    for name in SOURCES:
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    for path in work.rglob("*"):
        os.utime(path, (EPOCH, EPOCH))
    env = {key: value for key, value in os.environ.items() if key not in ENVIRONMENT}
    env.update(SOURCE_DATE_EPOCH=str(EPOCH), NO_MKDOCS_2_WARNING="true", DISABLE_MKDOCS_2_WARNING="true")
    site = work / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    proc = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"the example site did not build:\n{proc.stdout}{proc.stderr}")
    return site


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def plugin_made(name: str) -> bool:
    """Files the theme has no part in: the plugin's exports, tables and workbooks (not pages, search or assets)."""
    return not name.endswith((".html", ".xml", ".gz")) and not name.startswith(("assets/", "search/"))


def differences(recorded: dict, files: dict[str, str], current: dict[str, str]) -> list[str]:
    """Each path that differs from the manifest, marked `-` (gone), `+` (new) or `~` (other bytes).

    With the theme's packages at other versions than recorded, the files the plugin makes are compared byte for
    byte and the pages by name only: the same pages must exist, whatever the theme draws around them.
    """
    expected: dict[str, str] = recorded["files"]
    if recorded["versions"] != current:
        expected = {name: digest for name, digest in expected.items() if plugin_made(name) or name.endswith(".html")}
        files = {name: digest for name, digest in files.items() if plugin_made(name) or name.endswith(".html")}
        for name in expected.keys() & files.keys():
            if name.endswith(".html"):
                files[name] = expected[name]
    out = [f"- {name}" for name in expected.keys() - files.keys()]
    out += [f"+ {name}" for name in files.keys() - expected.keys()]
    out += [f"~ {name}" for name in expected.keys() & files.keys() if expected[name] != files[name]]
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the manifest instead of writing it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-manifest-") as tmp:
        files = digests(build(Path(tmp)))
    if args.check:
        found = differences(json.loads(MANIFEST.read_text(encoding="utf-8")), files, versions())
        for line in found:
            print(line)
        print(f"{len(found)} of {len(files)} files differ" if found else f"all {len(files)} files as recorded")
        return 1 if found else 0
    manifest = {"versions": versions(), "files": files}
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{MANIFEST.relative_to(ROOT)}: {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
