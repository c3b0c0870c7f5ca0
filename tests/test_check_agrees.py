"""`strategy check` and a strict build give the same verdict on every fixture site of the test suite, for
both audiences: a check that says "Ingen feil" is a promise that the strict build will not fail after
MkDocs has emptied the site folder."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from conftest import BASE_SITE, MISTAKES, build_in_process, mistake_files, write_site
from test_audience import INTERNAL_SITE
from test_hostile_content import ACTION, page
from test_public_leaks import LEAKY_SITE

from strategy_site.cli.main import main


def _text(files: dict[str, str]) -> dict[str, bytes]:
    return {path: textwrap.dedent(text).lstrip("\n").encode("utf-8") for path, text in files.items()}


SITES: dict[str, dict[str, bytes]] = {
    "base": _text(BASE_SITE),
    **{f"base + {name}": {**_text(BASE_SITE), **mistake_files(name)} for name in sorted(MISTAKES)},
    "internal": _text(INTERNAL_SITE),
    "leaky": _text(LEAKY_SITE),
    "hidden required field": _text({**BASE_SITE, "t.md": page(ACTION + "internal_fields: [risk.level]")}),
    "block with a wrong id": _text({**BASE_SITE, "x.md": "<!-- strategy/key-figures id=s-forskning-1 -->\n"}),
    "block with a wrong period": _text(
        {**BASE_SITE, "x.md": "<!-- strategy/period-report strategy=s period=2019-T4 -->\n"}
    ),
    "block naming an internal page": _text(
        {
            **BASE_SITE,
            "h.md": page("type: area\nid: s-h\nstrategy: s\ntitle: H\nvisibility: internal"),
            "x.md": "<!-- strategy/goals area=s-h -->\n",
        }
    ),
    "editor's file in the way": _text({**BASE_SITE, "export/strategy.json": "{}"}),
    "forged markers": _text({**BASE_SITE, "x.md": "<!-- strategy-slot:9 -->\n<!-- strategy-late:0 -->\n"}),
}


def _check(config: Path, audience: str) -> int:
    cwd = Path.cwd()
    os.chdir(config.parent)
    try:
        return main(["-f", str(config), "check", "--audience", audience])
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("name", SITES)
def test_check_and_strict_build_agree(tmp_path, name, audience):
    config = write_site(tmp_path, SITES[name])
    checked = _check(config, audience)
    built = build_in_process(config, tmp_path / "site", env={"STRATEGY_AUDIENCE": audience})
    assert "Traceback" not in built.log, built.log
    assert (checked == 0) == built.ok, f"{name} ({audience}): check exit {checked}, strict build: {built.log}"
