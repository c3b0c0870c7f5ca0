"""The package's shape: a thin MkDocs shell around a core that knows nothing of MkDocs, in modules one can read."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "strategy_site"
ROOT = PACKAGE.parent.parent
# The MkDocs shell: the hooks, the options and the glue between MkDocs' objects and the core.
SHELL = {"plugin.py", "config.py", "glue"}
MODULES = sorted(PACKAGE.rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_plugin_module_only_routes_events():
    lines = (PACKAGE / "plugin.py").read_text(encoding="utf-8").count("\n")
    assert lines < 200, f"plugin.py has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_relative)
def test_no_module_is_longer_than_400_lines(path):
    assert path.read_text(encoding="utf-8").count("\n") <= 400


@pytest.mark.parametrize("path", [p for p in MODULES if _relative(p).split("/")[0] not in SHELL], ids=_relative)
def test_only_the_shell_imports_mkdocs(path):
    mkdocs = sorted(n for n in _imported(path) if n == "mkdocs" or n.startswith("mkdocs."))
    assert not mkdocs, f"{_relative(path)} imports {mkdocs}"


def test_the_readme_lists_every_sub_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z_]+)/` \|", readme, flags=re.MULTILINE))
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages <= listed, f"not in the README's layout table: {sorted(packages - listed)}"
