"""`strategy check` and a strict build give the same verdict on every fixture site of the test suite, for
both audiences: a check that says "Ingen feil" is a promise that the strict build will not fail after
MkDocs has emptied the site folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, SMALL_SITE
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from test_audience import INTERNAL_SITE
from test_build import MISTAKES as BUILD_MISTAKES
from test_hostile_content import ACTION, page
from test_mistakes import MISTAKES, base_files, mistake_files
from test_public_leaks import LEAKY_SITE

from strategy_site.cli.main import main


def _text(files: dict[str, str]) -> dict[str, bytes]:
    return {path: textwrap.dedent(text).lstrip("\n").encode("utf-8") for path, text in files.items()}


SITES: dict[str, dict[str, bytes]] = {
    "base": base_files(),
    **{f"base + {name}": {**base_files(), **mistake_files(name)} for name in sorted(MISTAKES)},
    "small": _text(SMALL_SITE),
    "internal": _text(INTERNAL_SITE),
    "leaky": _text(LEAKY_SITE),
    **{f"small + {name}": _text({**SMALL_SITE, path: text}) for name, (path, text, _) in BUILD_MISTAKES.items()},
    "hidden required field": _text({**SMALL_SITE, "t.md": page(ACTION + "internal_fields: [risk.level]")}),
    "block with a wrong id": _text({**SMALL_SITE, "x.md": "<!-- strategy/key-figures id=s-forskning-1 -->\n"}),
    "block naming an internal page": _text(
        {
            **SMALL_SITE,
            "h.md": page("type: area\nid: s-h\ntitle: H\nvisibility: internal"),
            "x.md": "<!-- strategy/goals area=s-h -->\n",
        }
    ),
    "editor's file in the way": _text({**SMALL_SITE, "export/strategy.json": "{}"}),
    "forged markers": _text({**SMALL_SITE, "x.md": "<!-- strategy-slot:9 -->\n<!-- strategy-late:0 -->\n"}),
}


def _write(root: Path, files: dict[str, bytes]) -> Path:
    for path, data in files.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    config = root / "mkdocs.yml"
    config.write_text(BASE_CONFIG.format(options=""), encoding="utf-8")
    return config


def _strict_build_succeeds(config: Path, site: Path) -> bool:
    settings = load_config(str(config), strict=True, site_dir=str(site))
    try:
        build(settings)
    except (Abort, MkDocsException):
        return False
    return True


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("name", SITES)
def test_check_and_strict_build_agree(tmp_path, monkeypatch, name, audience):
    config = _write(tmp_path, SITES[name])
    monkeypatch.setenv("STRATEGY_AUDIENCE", audience)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "true")
    checked = main(["-f", str(config), "check", "--audience", audience])
    built = _strict_build_succeeds(config, tmp_path / "site")
    assert (checked == 0) == built, f"{name} ({audience}): check exit {checked}, strict build ok: {built}"
