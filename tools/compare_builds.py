"""Build the example site at a git commit and from the working tree, and compare every output file.

    .venv/bin/python tools/compare_builds.py [REF]     (REF defaults to HEAD)

A restructure must change nothing a reader sees: both builds use the same mkdocs.yml, content and
SOURCE_DATE_EPOCH; the plugin code of REF is put first on the import path for the first build. Prints the
files that differ, are missing or are new, and exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(source: Path, site: Path, epoch: str) -> None:
    """`mkdocs build --strict` of the site in `source`, with its plugin code first on the import path."""
    env = {
        **os.environ,
        "PYTHONPATH": str(source / "plugins"),
        "SOURCE_DATE_EPOCH": epoch,
        "NO_MKDOCS_2_WARNING": "true",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    subprocess.run(command, cwd=source, env=env, check=True)


def differences(left: Path, right: Path) -> list[str]:
    """Every relative path that differs between two folders, marked `-` (only left), `+` (only right) or `~`."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"- {prefix}{name}" for name in cmp.left_only)
        out.extend(f"+ {prefix}{name}" for name in cmp.right_only)
        for name in cmp.common_files:
            if not filecmp.cmp(Path(cmp.left) / name, Path(cmp.right) / name, shallow=False):
                out.append(f"~ {prefix}{name}")
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="HEAD")
    args = parser.parse_args()
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct", args.ref], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
        tmp_path = Path(tmp)
        old = tmp_path / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.ref], cwd=ROOT, check=True)
        try:
            build(old, tmp_path / "site-old", epoch)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=True)
        build(ROOT, tmp_path / "site-new", epoch)
        found = differences(tmp_path / "site-old", tmp_path / "site-new")
        files = sum(1 for p in (tmp_path / "site-new").rglob("*") if p.is_file())
    for line in found:
        print(line)
    print(f"{len(found)} of {files} files differ from {args.ref}" if found else f"all {files} files identical")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
