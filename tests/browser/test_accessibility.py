"""axe-core in Chromium on each kind of page, in the light and the dark palette: no WCAG 2.2 A/AA violation."""

from __future__ import annotations

import pytest

from .conftest import node_package, record_check
from .pages import PAGES

# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. Norwegian rules point to 2.1 today; 2.2 meets 2.1 and
# adds, among others, a minimum target size (2.5.8) that axe checks.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page) -> list[dict]:
    """Inject axe-core into the open page and return its violations of WCAG 2.2 A/AA."""
    page.add_script_tag(path=str(node_package("axe-core", "axe.min.js")))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("kind", "path"), PAGES, ids=[kind for kind, _ in PAGES])
def test_page_has_no_wcag_violations(page, served_site, screenshot, kind, path, scheme):
    # The palette follows the reader's system setting until they pick one, so this chooses light or dark.
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site.url_of(path))
    page.wait_for_load_state("load")
    screenshot(page, f"{kind}-{scheme}")
    violations = run_axe(page)
    record_check("axe-core (WCAG 2.2 A/AA)", checked=1, found=len(violations), unit="sidevisninger", kind="brudd")
    assert not violations, f"{served_site.url_of(path)} ({scheme}):\n{describe(violations)}"
