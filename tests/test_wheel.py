"""Installable on its own: the wheel built from the sdist has every file the plugin needs, and a fresh venv with
only that wheel runs `strategy init` and builds the new site with --strict, loading nothing from outside it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

# Slow by nature (a wheel, a fresh venv, pip): run with the whole suite, or alone with -m packaging.
pytestmark = pytest.mark.packaging

# What the plugin reads at run time, by path in the package.
PACKAGE_DATA = [
    "strategy_site/labels.yml",
    "strategy_site/defaults.yml",
    "strategy_site/templates/strategy/goals.html",
    "strategy_site/assets/strategy.js",
    "strategy_site/assets/vendor/plotly-strategy.min.js",
    "strategy_site/starter/site/mkdocs.yml",
    "strategy_site/starter/site/gitignore",
    "strategy_site/starter/site/content/kom-i-gang.md",
    "strategy_site/starter/ci/github/strategy.yml",
    "strategy_site/starter/ci/gitlab/gitlab-ci.yml",
]
LOADING_TAG = re.compile(r"<(script|link|img|iframe)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?(?:https?:)?//", re.IGNORECASE)
SITE_URL = "https://strategi.fjellvik.example/"


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh venv; the tests that need a package index are skipped, saying why, when pip cannot reach one."""
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    probe = run(
        [
            str(folder / "bin/python"),
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-d",
            str(folder / "probe"),
            "setuptools>=69",
        ],
        cwd=folder,
    )
    if probe.returncode != 0:
        pytest.skip(f"pip cannot reach a package index to install the wheel's dependencies: {probe.stderr[-300:]}")
    return folder


@pytest.fixture(scope="module")
def dist(venv, tmp_path_factory) -> Path:
    """`python -m build`: the sdist, and the wheel built from it."""
    out = tmp_path_factory.mktemp("dist")
    built = run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=ROOT)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    return out


def test_wheel_and_sdist_hold_the_package_data(dist):
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in PACKAGE_DATA:
        assert name in in_wheel, name
        assert f"plugins/{name}" in in_sdist, name
    assert "strategy_site/cli/init.py" in in_wheel


def test_a_site_from_strategy_init_builds_strict_from_the_wheel_alone(venv, dist, tmp_path):
    (wheel,) = dist.glob("*.whl")
    installed = run([str(venv / "bin/python"), "-m", "pip", "install", "-q", str(wheel)], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]
    # Nothing of this repository on the way: no PYTHONPATH, and a working directory outside it.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="true", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=SITE_URL)
    where = run([str(venv / "bin/python"), "-c", "import strategy_site; print(strategy_site.__file__)"], tmp_path, env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr

    init = run(
        [
            str(venv / "bin/strategy"),
            "init",
            "fjellvik",
            "--unit",
            "Fjellvik kommune",
            "--id",
            "fv",
            "--period",
            "2024-2029",
        ],
        tmp_path,
        env,
    )
    assert init.returncode == 0, init.stderr
    site = tmp_path / "fjellvik"
    build = run([str(venv / "bin/mkdocs"), "build", "--strict"], site, env)
    assert build.returncode == 0, build.stdout + build.stderr
    check = run([str(venv / "bin/strategy"), "check"], site, env)
    assert check.returncode == 0, check.stdout + check.stderr

    built = site / "site"
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10
    assert (built / "assets/strategy/plotly-strategy.min.js").is_file()
    outside = []
    for path in sorted(p for p in built.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            outside.append(f"{path}: Google Fonts")
        if path.suffix == ".css" and CSS_IMPORT.search(text):
            outside.append(f"{path}: @import from outside")
        if path.suffix == ".html":
            for tag in LOADING_TAG.finditer(text):
                for url in ADDRESS.findall(tag.group(0)):
                    # The site's own address (a canonical link) is the site itself.
                    if re.match(r"(?:https?:)?//", url, re.IGNORECASE) and not url.startswith(SITE_URL):
                        outside.append(f"{path.relative_to(built)}: {tag.group(0)}")
    assert outside == []
