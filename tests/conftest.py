"""Shared fixtures: build a real MkDocs site from a few files and read what it wrote."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.theme import Theme

from strategy_site.blocks import BLOCKS
from strategy_site.glue.dirty_site import CompiledTemplates

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parent / "seeds"

BASE_CONFIG = """\
site_name: Test
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: nb
  font: false
plugins:
  - search
  - strategy{options}
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - md_in_html
validation:
  unrecognized_links: warn
  anchors: warn
"""


@dataclass
class Built:
    """The result of one `mkdocs build`."""

    returncode: int
    log: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def export(self) -> dict:
        return json.loads((self.site / "export/strategy.json").read_text(encoding="utf-8"))

    def lines(self, *levels: str) -> list[str]:
        """The messages logged at these levels, without the level; a message over several lines (its
        indented continuation lines) is one item."""
        messages: list[tuple[str, str]] = []
        for line in self.log.splitlines():
            if line.startswith("  ") and messages:
                messages[-1] = (messages[-1][0], messages[-1][1] + "\n" + line)
            elif " -  " in line:
                level, message = line.split("-", 1)
                messages.append((level.strip(), message.strip()))
            else:
                messages.append(("", line))
        return [message for level, message in messages if level.startswith(levels)]

    def warnings(self) -> list[str]:
        return self.lines("WARNING")

    def problems(self) -> list[str]:
        """The content problems the plugin reported as warnings (`file:line: field: message`), sorted."""
        return sorted(w.removeprefix("strategy_site: ") for w in self.warnings() if w.startswith("strategy_site: "))

    def assert_stopped_by_the_check(self, expected: list[str]) -> None:
        """The strict build failed only because the check found exactly these problems: it got as far as the
        check (MkDocs read the config and the plugin read every page), reported them all, stopped there with
        its count, and nothing else went wrong (no other warning or error, no traceback)."""
        stop = f"strategy: {len(expected)} feil i innholdet; ingenting er skrevet, og det forrige nettstedet er urørt"
        self._assert_failed_with(expected, errors=[stop])

    def assert_failed_after_rendering(self, expected: list[str]) -> None:
        """The strict build failed only because of exactly these problems, found while rendering the pages
        (the check before the build does not see them): every page was rendered, and MkDocs stopped at the end
        for these warnings and nothing else."""
        self._assert_failed_with(expected, errors=[])
        assert self.log.splitlines()[-1] == f"Error: Aborted with {len(expected)} warnings in strict mode!", self.log
        assert (self.site / "index.html").exists() and (self.site / "sitemap.xml").exists(), self.log

    def _assert_failed_with(self, expected: list[str], errors: list[str]) -> None:
        assert not self.ok, "the strict build should fail"
        assert "Traceback" not in self.log, self.log
        assert self.problems() == sorted(expected), self.log
        assert [w for w in self.warnings() if not w.startswith("strategy_site: ")] == [], self.log
        assert self.lines("ERROR") == errors, self.log


def run_mkdocs(config: Path, site: Path, *extra: str, env: dict | None = None) -> Built:
    """`mkdocs build --strict` in a fresh interpreter, as an editor runs it (for tests about the process itself)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=environ,
        cwd=config.parent,
    )
    return Built(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="session", autouse=True)
def compiled_templates():
    """In-process builds share compiled templates (about half the time of building a small site)."""
    cache, get_env = CompiledTemplates(), Theme.get_env

    def shared(theme: Theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = cache
        return env

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Theme, "get_env", shared)
        yield cache


class _Lines(logging.Handler):
    """Collects MkDocs' log records as the command line prints them: `LEVEL    -  message`."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(config: Path, site: Path, *, strict: bool = True, env: dict | None = None) -> Built:
    """What `mkdocs build [--strict] -f config -d site` does, in this interpreter (no second start-up of
    MkDocs and the theme): the same log lines, exit code 1 when the build is aborted, and a traceback in
    the log if anything else is raised, as the command line would print it."""
    logger = logging.getLogger("mkdocs")
    handler, level, propagate = _Lines(), logger.level, logger.propagate
    saved_env = {name: os.environ.get(name) for name in env or {}}
    cwd = Path.cwd()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    os.environ.update(env or {})
    os.chdir(config.parent)
    returncode = 0
    try:
        build(load_config(config_file=str(config), site_dir=str(site), strict=strict))
    except MkDocsException as exc:  # Abort, and the errors the command line prints as one line
        handler.lines.append(f"Error: {exc}")
        returncode = 1
    except Exception:
        handler.lines.append(traceback.format_exc())
        returncode = 1
    finally:
        os.chdir(cwd)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    return Built(returncode, "\n".join(handler.lines), site)


def write_site(root: Path, files: dict[str, str | bytes], options: str = "", config: str | None = None) -> Path:
    """Write `files` (path -> text, dedented, or exact bytes) into root/docs and a mkdocs.yml with the strategy
    plugin's `options` (or the whole `config`) into root; returns the config file."""
    for name, content in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    block = ":\n" + textwrap.indent(textwrap.dedent(options).strip("\n"), "      ") if options else ""
    cfg = root / "mkdocs.yml"
    cfg.write_text(config or BASE_CONFIG.format(options=block), encoding="utf-8")
    return cfg


@pytest.fixture
def build_site(tmp_path: Path):
    """Write `files` into a docs folder, build in-process with --strict, return the result."""

    def build_files(files: dict[str, str | bytes], options: str = "", config: str | None = None) -> Built:
        return build_in_process(write_site(tmp_path, files, options, config), tmp_path / "site")

    return build_files


# 2024-03-01 12:00 UTC: the build day the example site's shared build writes into its sitemap.
EXAMPLE_EPOCH = "1709294400"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Built:
    """The real example site in content/, built once per test session, in this process, dated EXAMPLE_EPOCH
    (SOURCE_DATE_EPOCH) so test_reproducible can compare it byte for byte with builds in fresh interpreters."""
    site = tmp_path_factory.mktemp("example") / "site"
    built = build_in_process(ROOT / "mkdocs.yml", site, env={"SOURCE_DATE_EPOCH": EXAMPLE_EPOCH})
    assert built.ok and not built.warnings(), built.log
    return built


FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The one small site the build tests start from: two units (Testmuseet with an area, two goals, an indicator
# and an action; Enhet B with one goal), read from tests/fixtures/base. A test changes it by adding or
# replacing a few files; the editor mistakes in tests/fixtures/mistakes are added to it under feil/.
BASE_SITE: dict[str, str] = {
    p.relative_to(FIXTURES / "base").as_posix(): p.read_text(encoding="utf-8")
    for p in sorted((FIXTURES / "base").rglob("*.md"))
}


# Every editor mistake: a file (or folder of files) in tests/fixtures/mistakes with exact bytes (Latin-1, UTF-16,
# a BOM, Windows line endings), added to BASE_SITE under feil/ -> the exact lines the editor gets, and no others.
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
    "missing-title": ["feil/missing-title.md:2: title: feltet mangler"],
    "unknown-type": ["feil/unknown-type.md:2: type: ukjent sidetype «mål»; mente du «goal»?"],
    "unknown-field": ["feil/unknown-field.md:6: frist: ukjent felt; mente du «deadline»?"],
    "text-for-number": ["feil/text-for-number.md:6: baseline.value: skal være et tall (fikk «mange»)"],
    "not-an-integer": ["feil/not-an-integer.md:5: order: skal være et heltall"],
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


def mistake_files(name: str) -> dict[str, bytes]:
    """A mistake's files as they go into the site: `feil/<name>.md` or `feil/<name>/<file>.md`."""
    folder = MISTAKES_DIR / name
    paths = sorted(folder.rglob("*.md")) if folder.is_dir() else [MISTAKES_DIR / f"{name}.md"]
    return {f"feil/{p.relative_to(MISTAKES_DIR).as_posix()}": p.read_bytes() for p in paths}


def with_mistakes(*names: str) -> dict[str, str | bytes]:
    """BASE_SITE with these mistakes added (all of them if none are named)."""
    files: dict[str, str | bytes] = dict(BASE_SITE)
    for name in names or MISTAKES:
        files.update(mistake_files(name))
    return files


def every_mistake_line() -> list[str]:
    return sorted(line for lines in MISTAKES.values() for line in lines)


def build_once(tmp_path_factory: pytest.TempPathFactory, files: dict[str, str | bytes], options: str = "") -> Built:
    """Build a site for a module- or session-scoped fixture shared by tests that only read the output:
    it must build strict without a warning."""
    root = tmp_path_factory.mktemp("shared")
    built = build_in_process(write_site(root, files, options), root / "site")
    assert built.ok and not built.warnings(), built.log
    return built


@pytest.fixture(scope="session")
def base_site(tmp_path_factory) -> Built:
    """BASE_SITE built once per test session, for the tests that only read what it wrote."""
    return build_once(tmp_path_factory, BASE_SITE)
