"""Every editor mistake gives one clear line `file:line: field: message`; all of them in one run; nothing lost.

The mistakes are real files with exact bytes (Latin-1, UTF-16, a BOM, Windows line endings) in
`tests/fixtures/mistakes/`, each added under `feil/` to the one base site (`tests/fixtures/base/`); the catalogue of
the lines each gives is `MISTAKES` in conftest.py.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    BASE_SITE,
    MISTAKES,
    MISTAKES_DIR,
    build_in_process,
    every_mistake_line,
    mistake_files,
    with_mistakes,
    write_site,
)

from strategy_site.checks.precheck import check_site
from strategy_site.core.load import decode_source
from strategy_site.core.scales import Scales


def findings(files: dict[str, bytes], notes: bool) -> list[str]:
    """What the check finds in these files, read from bytes exactly as the plugin reads them: the mistakes,
    or (notes=True) the lint findings at severity info (a goal without indicator, say), which are advice."""
    docs, problems = [], []
    for path, data in files.items():
        doc, unreadable = decode_source(path, data)
        docs.extend([doc] if doc else [])
        problems.extend(unreadable)
    return [
        str(p) for p in check_site(docs, Scales.from_config(), problems).problems if (p.severity == "info") == notes
    ]


def check(files: dict[str, bytes]) -> list[str]:
    """The mistakes the check finds in these files (lint notes left out)."""
    return findings(files, notes=False)


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def test_the_fixtures_cover_every_mistake():
    on_disk = {p.stem for p in MISTAKES_DIR.iterdir()}
    assert on_disk == set(MISTAKES)


def test_the_base_site_has_no_problems():
    assert check(encoded(BASE_SITE)) == []


def test_the_base_site_builds_strict_without_a_warning(base_site):
    assert base_site.ok and base_site.warnings() == [], base_site.log
    assert (base_site.site / "enhet-b/b-drift-1/index.html").exists()


def encoded(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: data if isinstance(data, bytes) else data.encode() for path, data in files.items()}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_one_clear_line(name):
    assert check(encoded(with_mistakes(name))) == MISTAKES[name]


def test_all_mistakes_are_reported_in_one_strict_build_without_a_traceback(build_site):
    built = build_site(with_mistakes())
    assert len(MISTAKES) >= 20
    built.assert_stopped_by_the_check(every_mistake_line())


def test_bom_windows_line_endings_and_no_final_newline_build_cleanly(build_site):
    files = dict(BASE_SITE)
    bom = "---\ntype: goal\nid: x-bom\ntitle: Mål med BOM\narea: s-forskning\n---\nSe [[s-tiltak-1]].\n"
    files["bom.md"] = codecs.BOM_UTF8 + bom.encode()
    crlf = "---\ntype: goal\nid: x-crlf\ntitle: Mål fra Windows\narea: s-forskning\n---\n\nSe [[x-bom]].\n"
    files["crlf.md"] = crlf.replace("\n", "\r\n").encode()
    files["no-final-newline.md"] = b"---\ntype: goal\nid: x-eof\ntitle: Uten siste linjeskift\narea: s-forskning\n---"
    built = build_site(files)
    assert built.ok, built.log
    assert '<a href="../forskning/tiltak-1/">Etablere forskerskole</a>' in built.html("bom/index.html")
    assert '<a href="../bom/">Mål med BOM</a>' in built.html("crlf/index.html")
    assert "Mål fra Windows" in built.html("forskning/index.html")
    # A page ending right after its closing `---` does not show its frontmatter as text.
    eof = built.html("no-final-newline/index.html")
    assert "Uten siste linjeskift" in eof and "type: goal" not in eof


def test_a_non_strict_build_leaves_out_an_unreadable_page_instead_of_crashing(tmp_path):
    config = write_site(tmp_path, with_mistakes("not-utf8"))
    built = build_in_process(config, tmp_path / "site", strict=False)
    assert built.ok and "Traceback" not in built.log, built.log
    assert built.problems() == MISTAKES["not-utf8"]
    assert built.lines("ERROR") == [], built.log
    assert not (built.site / "feil/not-utf8").exists()
    # The rest of the site is written, the other unit too.
    assert (built.site / "forskning/s-forskning-1/index.html").exists()
    assert (built.site / "enhet-b/b-drift-1/index.html").exists()


def test_a_failed_strict_build_leaves_the_previous_site_and_the_content_untouched(tmp_path):
    config = write_site(tmp_path, BASE_SITE)
    site = tmp_path / "site"
    assert build_in_process(config, site).ok
    before = tree(site)
    write_site(tmp_path, mistake_files("missing-reference"))
    content = tree(tmp_path / "docs")

    built = build_in_process(config, site)

    built.assert_stopped_by_the_check(MISTAKES["missing-reference"])
    assert tree(site) == before
    assert tree(tmp_path / "docs") == content


def test_a_build_never_writes_to_the_docs_folder(tmp_path):
    config = write_site(tmp_path, with_mistakes())
    content = tree(tmp_path / "docs")
    build_in_process(config, tmp_path / "strict-site").assert_stopped_by_the_check(every_mistake_line())
    lenient = build_in_process(config, tmp_path / "site", strict=False)
    assert lenient.ok and (lenient.site / "index.html").exists(), lenient.log
    assert tree(tmp_path / "docs") == content


def test_the_check_command_reports_every_mistake_and_changes_nothing(tmp_path):
    files = with_mistakes()
    write_site(tmp_path, files)
    before = tree(tmp_path)
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "strategy_site", "check"], cwd=tmp_path, capture_output=True, text=True, env=environ
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    expected = [f"docs/{line}" for line in every_mistake_line()]
    # Besides the mistakes, the command lists the lint notes (info) an editor should also see, and nothing else.
    # Read in MkDocs' order (by path): of two pages with one id, the first read is the one the notes are about.
    notes = [f"docs/{line}" for line in findings(encoded(dict(sorted(files.items()))), notes=True)]
    # Each line names its severity (feil, merknad); the lines are otherwise those the build logs.
    printed = [re.sub(r": (feil|advarsel|merknad): ", ": ", line, count=1) for line in proc.stdout.splitlines()]
    assert notes and sorted(printed) == sorted(expected + notes)
    assert tree(tmp_path) == before  # nothing written, nothing changed, not even a cache
