"""The Nu HTML Checker (npm vnu-jar, on Java) over every page of the built site: no errors but Material's own."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest

from .conftest import node_package, record_check


@dataclass(frozen=True)
class KnownThemeError:
    """An error Material for MkDocs itself writes into every site. `extract` must match the markup the error
    points at, which is Material's own (`md-` classes), so the filter can never hide the plugin's output."""

    message: str
    extract: str
    reason: str

    def matches(self, found: dict) -> bool:
        return (
            re.search(self.message, found["message"]) is not None
            and re.search(self.extract, found.get("extract", "")) is not None
        )


KNOWN_THEME_ERRORS = [
    KnownThemeError(
        message=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)"'
        r' autocomplete="off">',
        reason="Material's base.html puts autocomplete=off on its hidden drawer and search checkboxes so that "
        "Firefox does not restore their state; harmless, and only fixable by copying base.html.",
    ),
    KnownThemeError(
        message=r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form "
        r"control\.$",
        extract=r'<label class="md-nav__title" for="__toc">',
        reason="With navigation.indexes, Material renders a section's index page as the section link and leaves "
        "out the __toc checkbox, while its table of contents still has a label for it (on mobile only).",
    ),
]


def test_every_page_is_valid_html(served_site):
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run ./dev test, which installs Debian's default-jre-headless")
    pages = sorted(served_site.root.rglob("*.html"))
    vnu = node_package("vnu-jar", "build", "dist", "vnu.jar")
    proc = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(proc.stderr)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    filtered = [m for m in errors if any(known.matches(m) for known in KNOWN_THEME_ERRORS)]
    remaining = [m for m in errors if m not in filtered]
    warnings = [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    record_check(
        "Nu HTML Checker",
        checked=len(pages),
        found=len(remaining),
        unit="sider",
        kind=f"feil ({len(filtered)} kjente feil fra Material filtrert, {len(warnings)} advarsler)",
    )
    root = served_site.root.as_uri()
    report = "\n".join(
        f"{m.get('url', '').removeprefix(root)}:{m.get('lastLine', '?')}: {m['message']} {m.get('extract', '')!r}"
        for m in remaining[:30]
    )
    assert not remaining, f"{len(remaining)} HTML errors:\n{report}"


def test_the_filter_keeps_errors_in_the_plugins_output():
    # The same messages on the plugin's own markup (strategy- classes) must still fail the check.
    ours = [
        {"message": "Attribute “autocomplete” is only allowed when the input type is “color”, …", "extract": ""},
        {
            "message": "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
            "form control.",
            "extract": '<label class="strategy-filter" for="__toc">',
        },
    ]
    assert not [m for m in ours if any(known.matches(m) for known in KNOWN_THEME_ERRORS)]
