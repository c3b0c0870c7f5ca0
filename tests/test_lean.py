"""Lean pages: the search index holds what a page says, not the tables that repeat other pages."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from conftest import BASE_SITE


def _index(built) -> dict[str, str]:
    docs = json.loads(built.html("search/search_index.json"))["docs"]
    text: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return text


def test_search_finds_a_goal_on_its_own_page_not_in_every_table_that_lists_it(base_site):
    built = base_site
    index = _index(built)
    # The goal's page is found by its title and by the facts it states (owner, assessment note).
    assert "Styrke forskergrupper" in index["forskning/s-forskning-1/"]
    assert "Forskningsdirektør" in index["forskning/s-forskning-1/"]
    # The area page lists the goal in its tables, but search does not send people there for it.
    assert "Styrke forskergrupper" not in index["forskning/"]
    # The tables are still on the pages, in place, with no marker left behind.
    area = built.html("forskning/index.html")
    assert "Styrke forskergrupper" in area and "strategy-late" not in area
    article = area[area.index("<article") :]
    assert article.index('id="utviklingsmal"') < article.index("Styrke forskergrupper")


def test_search_blocks_are_configurable(build_site):
    built = build_site(BASE_SITE, options="search_blocks: [facts, statements, goals]")
    assert built.ok, built.log
    assert "Styrke forskergrupper" in _index(built)["forskning/"]


@pytest.fixture
def spill_folders(monkeypatch, tmp_path) -> list[Path]:
    """The folders where large generated files wait for MkDocs to copy them, with a threshold low enough that the
    export is one of them."""
    from strategy_site.glue import files as generated

    monkeypatch.setattr(generated, "SPILL_BYTES", 1000)
    folders: list[Path] = []
    make_folder = tempfile.mkdtemp

    def mkdtemp(**kwargs) -> str:
        folders.append(Path(make_folder(dir=tmp_path, **kwargs)))
        return str(folders[-1])

    monkeypatch.setattr(generated.tempfile, "mkdtemp", mkdtemp)
    return folders


def test_large_generated_files_wait_on_disk_and_are_removed_after_the_build(build_site, spill_folders):
    # MkDocs keeps a generated file's content until the build ends; large ones (the export) wait in a folder.
    built = build_site(BASE_SITE)
    assert built.ok, built.log
    assert len(spill_folders) == 1 and not spill_folders[0].exists()
    assert built.export()["strategies"] and len((built.site / "export/strategy.json").read_bytes()) > 1000


def test_large_generated_files_are_removed_when_the_build_fails(build_site, spill_folders, monkeypatch):
    from strategy_site.glue.build import Build

    def fails(self, output, page):
        raise OSError("disken er full")

    # A build that stops after the files were made (here: writing the first page fails).
    monkeypatch.setattr(Build, "post_page", fails)
    built = build_site(BASE_SITE)
    assert not built.ok
    assert len(spill_folders) == 1 and not spill_folders[0].exists()


def test_a_section_that_holds_only_held_back_blocks_is_not_a_search_entry(base_site):
    """«Vurderinger» above a goal's history says nothing search could find: it was an entry with a title and no
    text on every goal page, so a search for the word listed every goal. The heading stays, with its anchor
    and its place in the table of contents; a section with text of its own is still indexed."""
    docs = json.loads(base_site.html("search/search_index.json"))["docs"]
    goal = [d for d in docs if d["location"].startswith("forskning/s-forskning-1/")]
    assert goal and all(d["text"] for d in goal[1:]), goal
    assert not [d for d in docs if d["title"] in ("Vurderinger", "Oppfølging") and not d["text"]]
    page = base_site.html("forskning/s-forskning-1/index.html")
    assert '<h2 data-search-exclude id="vurderinger">' in page
    assert 'href="#vurderinger"' in page[: page.index("<article")]  # the table of contents
    assert "Styrke forskergrupper" in " ".join(d["title"] + d["text"] for d in goal)


def test_the_short_link_is_on_the_page_but_not_in_search(base_site):
    """Its words («Fast lenke», «Kopier lenke») on every entity made a search for «lenke» list them all."""
    docs = json.loads(base_site.html("search/search_index.json"))["docs"]
    assert not [d["location"] for d in docs if "Kopier lenke" in d["text"] or "Fast lenke" in d["text"]]
    assert "Kopier lenke" in base_site.html("forskning/s-forskning-1/index.html")
