"""Hostile page bodies: each is checked and built in seconds (the regexes over content are linear)."""

from __future__ import annotations

import time

import pytest
from conftest import BASE_SITE, build_in_process, write_site

from strategy_site import plugin  # noqa: F401  (registers every block, as in a build)
from strategy_site.checks.precheck import check_site
from strategy_site.core.load import SourceDoc
from strategy_site.core.scales import Scales

# Seconds one check of a site with one such page may take; a linear check takes well under one.
BUDGET = 5.0

BODIES = {
    "unclosed directive with spaces": "<!-- strategy/goals" + " " * 200_000,
    "lookalike comment openers": "‹!--" * 50_000,
    "unclosed comment openers": "<!--" * 50_000,
    "comment openers with a directive name": "<!-- strategy/goals area=" * 20_000,
    "open brackets": "[" * 200_000,
    "open double-bracket links": "[[a|" * 50_000,
    "id-link tails": "](id:" * 50_000,
    "double-bracket openers": "[[" * 100_000 + "]",
    "unclosed fences": "```a\n" * 40_000,
    "fences of every length": "\n".join("`" * n for n in range(1, 600)),
    "backtick runs on one line": " ".join("`" * (n % 700 + 1) for n in range(20_000)),
    "escaped backticks and comments": "\\`<!-- x -->\\`" * 20_000,
}


@pytest.mark.parametrize("name", BODIES)
def test_the_check_of_a_hostile_page_finishes_in_seconds(name):
    docs = [SourceDoc(path, text) for path, text in BASE_SITE.items()]
    docs.append(SourceDoc("hostile.md", "# Side\n\n" + BODIES[name] + "\n"))
    started = time.perf_counter()
    check_site(docs, Scales.from_config(), audience="public")
    assert time.perf_counter() - started < BUDGET, name


# Pages Python-Markdown itself renders in a second or so (it is slow on some of the others, e.g. 200,000 `[`,
# whatever a plugin does): the build adds no more than linear work to them.
BUILT = ["unclosed directive with spaces", "lookalike comment openers", "unclosed comment openers", "id-link tails"]


def test_a_build_of_hostile_pages_finishes_in_seconds(tmp_path):
    files = {**BASE_SITE}
    for n, name in enumerate(BUILT):
        files[f"hostile-{n}.md"] = "# Side\n\n" + BODIES[name] + "\n"
    started = time.perf_counter()
    built = build_in_process(write_site(tmp_path, files), tmp_path / "site")
    assert "Traceback" not in built.log
    assert time.perf_counter() - started < 60, "build took too long"
