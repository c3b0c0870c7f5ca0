"""Every editor mistake gives one clear line `file:line: field: message`; all of them in one run; nothing lost.

The fixtures are real files with exact bytes (Latin-1, UTF-16, a BOM, Windows line endings) in
`tests/fixtures/mistakes/`; each is added to the small two-unit site in `tests/fixtures/base/` under `feil/`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, Built, run_mkdocs

from strategy_site import plugin  # noqa: F401  (registers every block, as in a build)
from strategy_site.blocks.renderer import BLOCKS
from strategy_site.checks.precheck import check_site
from strategy_site.core.load import decode_source
from strategy_site.core.scales import Scales

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = FIXTURES / "base"
MISTAKES_DIR = FIXTURES / "mistakes"

RATINGS = "JA, JA-, JA--, JA?, JA/NEI, TJA, NEI/JA, NEI+, NEI, Vet ikke"
BAD_ID = "er ikke en gyldig id: bruk små bokstaver a–z, tall og bindestrek"

# Fixture (file, or folder of files) -> the exact lines the editor gets.
MISTAKES: dict[str, list[str]] = {
    "yaml-tab": ["feil/yaml-tab.md:4: ugyldig YAML: tabulator i innrykk; bruk mellomrom"],
    "yaml-unclosed-quote": ["feil/yaml-unclosed-quote.md:4: ugyldig YAML: anførselstegn som åpnes her, lukkes aldri"],
    "yaml-duplicate-key": ["feil/yaml-duplicate-key.md:6: title: feltet står to ganger; bare ett kan gjelde"],
    "yaml-python-tag": [
        "feil/yaml-python-tag.md:4: ugyldig YAML: taggen «!!python/object/apply:os.system» er ikke tillatt; "
        "bruk bare tekst, tall, lister og nøkkel: verdi"
    ],
    "yaml-alias": ["feil/yaml-alias.md:5: ugyldig YAML: aliaser (*navn) er ikke tillatt; skriv verdien ut"],
    "not-a-mapping": ["feil/not-a-mapping.md:2: frontmatter må være nøkkel: verdi-par"],
    "unclosed-frontmatter": ["feil/unclosed-frontmatter.md:1: frontmatter åpnes med --- men lukkes aldri"],
    "missing-type": [
        "feil/missing-type.md:2: type: feltet mangler (strategy, area, goal, indicator, action eller meeting)"
    ],
    "missing-id": ["feil/missing-id.md:2: id: feltet mangler"],
    "unknown-type": ["feil/unknown-type.md:2: type: ukjent sidetype «mål»; mente du «goal»?"],
    "unknown-field": ["feil/unknown-field.md:6: frist: ukjent felt; mente du «deadline»?"],
    "text-for-number": ["feil/text-for-number.md:6: baseline.value: skal være et tall (fikk «mange»)"],
    "list-for-mapping": ["feil/list-for-mapping.md:6: budget: skal være en mapping (nøkkel: verdi)"],
    "period-tertial-4": ["feil/period-tertial-4.md:7: status[0].period: «2019-T4»: tertial må være 1–3"],
    "period-month-13": ["feil/period-month-13.md:6: start: «2019-13»: måned må være 1–12"],
    "impossible-date": ["feil/impossible-date.md:6: deadline: «2019-02-30» er ikke en gyldig dato"],
    "end-before-start": ["feil/end-before-start.md:7: end: slutt (2019-06) er før start (2020-01)"],
    "id-with-space": [f"feil/id-with-space.md:3: id: «tiltak 7» {BAD_ID}"],
    "id-not-url": [f"feil/id-not-url.md:3: id: «tiltak/7?» {BAD_ID}"],
    "duplicate-id-across-units": [
        "feil/duplicate-id-across-units.md:3: id: id-en «s-forskning-1» brukes også i forskning/s-forskning-1.md",
        "forskning/s-forskning-1.md:3: id: id-en «s-forskning-1» brukes også i feil/duplicate-id-across-units.md",
    ],
    "missing-reference": ["feil/missing-reference.md:5: area: ukjent id «s-forsking»; mente du «s-forskning»?"],
    "goal-cycle": [
        "feil/goal-cycle/a.md:5: parent: målhierarkiet går i ring: x-ring-a → x-ring-b → x-ring-a",
        "feil/goal-cycle/b.md:5: parent: målhierarkiet går i ring: x-ring-b → x-ring-a → x-ring-b",
    ],
    "rating-not-on-scale": [
        f"feil/rating-not-on-scale.md:7: assessments[0].rating: «KANSKJE» er ikke på vurderingsskalaen ({RATINGS})"
    ],
    "status-not-on-scale": [
        "feil/status-not-on-scale.md:7: status[0].level: nivå 9 finnes ikke på statusskalaen (0, 1, 2, 3, 4, 5)"
    ],
    "empty": ["feil/empty.md:1: filen er tom; skriv innhold i den eller slett den"],
    "not-utf8": ["feil/not-utf8.md:4: filen er ikke UTF-8 (byte 0xe5); lagre den som UTF-8"],
    "utf16": ["feil/utf16.md:1: filen er lagret som UTF-16; lagre den som UTF-8"],
    # A BOM and Windows line endings are accepted; the lines of mistakes in such files are still right.
    "bom": ["feil/bom.md:6: tittel: ukjent felt; mente du «title»?"],
    "windows-line-endings": [
        "feil/windows-line-endings.md:6: eier: ukjent felt; mente du «owner»?",
        "feil/windows-line-endings.md:11: lenke: lenke til ukjent id «finnes-ikke»",
    ],
    "body-link-unknown-id": [
        "feil/body-link-unknown-id.md:4: lenke: lenke til ukjent id «finnes-ikke»",
        # The list of known blocks grows as modules register blocks; it is every registered name, sorted.
        "feil/body-link-unknown-id.md:6: blokk: ukjent blokk «strategy/finnes-ikke»; kjente: "
        + ", ".join(sorted(BLOCKS)),
    ],
}


def base_files() -> dict[str, bytes]:
    return {str(p.relative_to(BASE)): p.read_bytes() for p in sorted(BASE.rglob("*.md"))}


def mistake_files(name: str) -> dict[str, bytes]:
    """A fixture's files as they go into the site: `feil/<name>.md` or `feil/<name>/<file>.md`."""
    folder = MISTAKES_DIR / name
    paths = sorted(folder.rglob("*.md")) if folder.is_dir() else [MISTAKES_DIR / f"{name}.md"]
    return {f"feil/{p.relative_to(MISTAKES_DIR)}": p.read_bytes() for p in paths}


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


def write_site(root: Path, files: dict[str, bytes]) -> Path:
    for path, data in files.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    config = root / "mkdocs.yml"
    config.write_text(BASE_CONFIG.format(options=""), encoding="utf-8")
    return config


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def our_lines(built: Built) -> list[str]:
    return [w.removeprefix("strategy_site: ") for w in built.warnings() if w.startswith("strategy_site: ")]


def test_the_fixtures_cover_every_mistake():
    on_disk = {p.stem for p in MISTAKES_DIR.iterdir()}
    assert on_disk == set(MISTAKES)


def test_the_base_site_has_no_problems():
    assert check(base_files()) == []


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_one_clear_line(name):
    assert check({**base_files(), **mistake_files(name)}) == MISTAKES[name]


def test_all_mistakes_are_reported_in_one_strict_build_without_a_traceback(tmp_path):
    files = base_files()
    for name in MISTAKES:
        files.update(mistake_files(name))
    built = run_mkdocs(write_site(tmp_path, files), tmp_path / "site")
    assert not built.ok
    assert "Traceback" not in built.log
    reported = our_lines(built)
    expected = [line for lines in MISTAKES.values() for line in lines]
    assert len(MISTAKES) >= 20
    assert sorted(reported) == sorted(expected), built.log


def test_bom_windows_line_endings_and_no_final_newline_build_cleanly(tmp_path):
    files = base_files()
    bom = "---\ntype: goal\nid: x-bom\ntitle: Mål med BOM\narea: s-forskning\n---\nSe [[s-tiltak-1]].\n"
    files["bom.md"] = codecs.BOM_UTF8 + bom.encode()
    crlf = "---\ntype: goal\nid: x-crlf\ntitle: Mål fra Windows\narea: s-forskning\n---\n\nSe [[x-bom]].\n"
    files["crlf.md"] = crlf.replace("\n", "\r\n").encode()
    files["no-final-newline.md"] = b"---\ntype: goal\nid: x-eof\ntitle: Uten siste linjeskift\narea: s-forskning\n---"
    built = run_mkdocs(write_site(tmp_path, files), tmp_path / "site")
    assert built.ok, built.log
    assert '<a href="../forskning/tiltak-1/">Etablere forskerskole</a>' in built.html("bom/index.html")
    assert '<a href="../bom/">Mål med BOM</a>' in built.html("crlf/index.html")
    assert "Mål fra Windows" in built.html("forskning/index.html")
    # A page ending right after its closing `---` does not show its frontmatter as text.
    eof = built.html("no-final-newline/index.html")
    assert "Uten siste linjeskift" in eof and "type: goal" not in eof


def test_a_non_strict_build_leaves_out_an_unreadable_page_instead_of_crashing(tmp_path):
    files = {**base_files(), **mistake_files("not-utf8")}
    built = run_mkdocs(write_site(tmp_path, files), tmp_path / "site", "--no-strict")
    assert built.ok and "Traceback" not in built.log, built.log
    assert "feil/not-utf8.md:4: filen er ikke UTF-8 (byte 0xe5); lagre den som UTF-8" in our_lines(built)
    assert not (built.site / "feil/not-utf8").exists()
    assert (built.site / "forskning/s-forskning-1/index.html").exists()


def test_a_failed_strict_build_leaves_the_previous_site_and_the_content_untouched(tmp_path):
    config = write_site(tmp_path, base_files())
    site = tmp_path / "site"
    assert run_mkdocs(config, site).ok
    before = tree(site)
    write_site(tmp_path, mistake_files("missing-reference"))
    content = tree(tmp_path / "docs")

    built = run_mkdocs(config, site)

    assert not built.ok
    assert "feil/missing-reference.md:5: area: ukjent id «s-forsking»; mente du «s-forskning»?" in our_lines(built)
    assert "det forrige nettstedet er urørt" in built.log
    assert tree(site) == before
    assert tree(tmp_path / "docs") == content


def test_a_build_never_writes_to_the_docs_folder(tmp_path):
    files = base_files()
    for name in MISTAKES:
        files.update(mistake_files(name))
    config = write_site(tmp_path, files)
    content = tree(tmp_path / "docs")
    run_mkdocs(config, tmp_path / "strict-site")
    run_mkdocs(config, tmp_path / "site", "--no-strict")
    assert tree(tmp_path / "docs") == content


def test_the_check_command_reports_every_mistake_and_changes_nothing(tmp_path):
    files = base_files()
    for name in MISTAKES:
        files.update(mistake_files(name))
    write_site(tmp_path, files)
    before = tree(tmp_path)
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "strategy_site", "check"], cwd=tmp_path, capture_output=True, text=True, env=environ
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    expected = [f"docs/{line}" for lines in MISTAKES.values() for line in lines]
    # Besides the mistakes, the command lists the lint notes (info) an editor should also see, and nothing else.
    # Read in MkDocs' order (by path): of two pages with one id, the first read is the one the notes are about.
    notes = [f"docs/{line}" for line in findings(dict(sorted(files.items())), notes=True)]
    assert notes and sorted(proc.stdout.splitlines()) == sorted(expected + notes)
    assert tree(tmp_path) == before  # nothing written, nothing changed, not even a cache
