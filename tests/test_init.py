"""`strategy init`: a new site that builds with --strict at once, and a folder with files left as it was."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from conftest import build_in_process
from mkdocs.utils.yaml import yaml_load

from strategy_site.cli import main as cli
from strategy_site.cli.init import InitError, SiteSettings, default_id, starter_files

FJELLVIK = ["--unit", "Fjellvik kommune", "--id", "fv", "--period", "2024-2029"]


def nav_titles(page: str) -> list[str]:
    """The titles in a built page's main navigation, as a reader sees them."""
    nav = page[page.index("md-nav--primary") : page.index("md-sidebar--secondary")]
    found = re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.DOTALL)
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", "", t).split())) for t in found]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_writes_a_site_that_builds_strict_and_checks_clean(tmp_path, monkeypatch, capsys):
    site = tmp_path / "fjellvik"
    assert cli.main(["init", str(site), *FJELLVIK]) == 0
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {
        "mkdocs.yml",
        "README.md",
        "requirements.txt",
        ".gitignore",
        ".github/workflows/strategy.yml",
        ".gitlab-ci.yml",
        "content/index.md",
        "content/kom-i-gang.md",
        "content/strategi/index.md",
    } <= written
    config = yaml_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "nb"
    assert config["theme"]["font"] is False
    options = config["plugins"][1]["strategy"]
    assert options["offline"] is True
    assert [r["key"] for r in options["ratings"]][:2] == ["JA", "JA-"]
    assert [s["level"] for s in options["statuses"]] == [0, 1, 2, 3, 4, 5]

    built = build_in_process(site / "mkdocs.yml", site / "site")
    assert built.ok, built.log
    assert built.warnings() == []
    kinds = sorted(entity["type"] for entity in built.export()["entities"])
    assert kinds == ["action", "area", "goal", "goal", "indicator", "strategy"]
    titles = nav_titles(built.html("strategi/tjenester/index.html"))
    assert "Fjellvik kommune" in titles
    assert {"Gode og tilgjengelige tjenester", "Indikatorer", "Tiltak", "Kom i gang"} <= set(titles)
    goal = built.html("strategi/tjenester/digitale-tjenester/index.html")
    # Cross-linked: the goal's page links its area, sub-goal, indicator and action by their pages.
    for target in ("../", "../selvbetjening/", "../indikatorer/digitale-soknader/", "../tiltak/soknadsskjema/"):
        assert f'href="{target}"' in goal

    monkeypatch.chdir(site)
    assert cli.main(["check"]) == 0
    assert "Ingen feil" in capsys.readouterr().err


def test_init_refuses_a_folder_with_files_names_them_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "eksisterende"
    (folder / "gammelt").mkdir(parents=True)
    (folder / "notater.txt").write_text("mine notater\n", encoding="utf-8")
    (folder / "gammelt/mkdocs.yml").write_text("site_name: Gammel\n", encoding="utf-8")
    before = snapshot(folder)

    assert cli.main(["init", str(folder), *FJELLVIK]) == 2
    err = capsys.readouterr().err
    assert "notater.txt" in err and "gammelt/" in err
    assert "ingenting er skrevet" in err
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["gammelt", "notater.txt"]


def test_init_with_force_adds_what_is_missing_and_overwrites_nothing(tmp_path, capsys):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: Vår egen\n", encoding="utf-8")

    assert cli.main(["init", str(folder), *FJELLVIK, "--force"]) == 0
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Vår egen\n"
    assert "mkdocs.yml finnes; ikke endret" in capsys.readouterr().err
    assert (folder / "content/strategi/index.md").is_file()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--id", "Fjellvik!", "--id: «Fjellvik!» er ikke en gyldig id"),
        ("--period", "2029-2024", "--period: «2029-2024» er ikke en periode"),
        ("--unit", "  ", "--unit: enhetens navn kan ikke være tomt"),
    ],
)
def test_init_names_a_bad_option_and_writes_nothing(tmp_path, capsys, option, value, message):
    args = dict(zip(FJELLVIK[::2], FJELLVIK[1::2], strict=True))
    args[option] = value
    folder = tmp_path / "ny"
    assert cli.main(["init", str(folder), *[x for pair in args.items() for x in pair]]) == 2
    assert message in capsys.readouterr().err
    assert not folder.exists()


def test_init_in_a_terminal_asks_for_what_the_options_leave_out(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["Fjellvik kommune", "", "2025-2028"])
    questions = []

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    args = cli.parser().parse_args(["init", str(tmp_path / "ny")])
    assert cli.init(args, ask=ask) == 0
    # The id's default comes from the unit just given.
    assert questions[1].endswith("[fk]: ")
    strategy = (tmp_path / "ny/content/strategi/index.md").read_text(encoding="utf-8")
    assert "id: fk\n" in strategy and 'unit: "Fjellvik kommune"' in strategy
    assert "period: {start: 2025, end: 2028}" in strategy


def test_a_unit_name_with_yaml_and_markdown_characters_stays_text(tmp_path):
    unit = 'Fjellvik «Øst» & *sør*: "prosjekt" <b>#1</b>'
    site = tmp_path / "site"
    assert cli.main(["init", str(site), "--unit", unit, "--id", "fv", "--period", "2024-2029"]) == 0
    built = build_in_process(site / "mkdocs.yml", site / "site")
    assert built.ok, built.log
    assert unit in nav_titles(built.html("strategi/index.html"))
    assert "<b>#1</b>" not in built.html("index.html")


def test_default_id_is_the_units_initials_or_its_one_word():
    assert default_id("Fjellvik kommune") == "fk"
    assert default_id("Ørsta") == "orsta"
    assert default_id("Årdal Næringsforum") == "an"
    assert default_id("???") == "strategi"


def test_every_file_of_the_starter_is_filled_in():
    files = starter_files(SiteSettings.checked("Fjellvik kommune", "fv", "2024-2029"))
    for name, text in files.items():
        if not name.startswith((".github", ".gitlab")):
            assert "{{" not in text and "{%" not in text, name
    # The CI templates keep their own `${{ ... }}`.
    assert "${{ github.repository }}" in files[".github/workflows/strategy.yml"]
    with pytest.raises(InitError):
        SiteSettings.checked("Fjellvik kommune", "fv", "2024")


def test_init_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "relativ", *FJELLVIK]) == 0
    assert os.path.isfile(tmp_path / "relativ/mkdocs.yml")
