"""Norwegian search: the example site's search separator splits words where Norwegian text ends them, and the
built index lets a reader find a title's word inside quotes and an entity by its id."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import BASE_SITE, ROOT, build_in_process, write_site


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses `!ENV`; the separator does not, so any tagged value can be read as plain."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def separator() -> re.Pattern[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)  # noqa: S506 - safe loader
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    return re.compile(search["separator"])


def words(text: str) -> list[str]:
    return [w for w in separator().split(text) if w]


# One case per kind of character that ends a word in Norwegian text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("årlig guttedag\tfor", ["årlig", "guttedag", "for"], id="white space"),
        pytest.param("vm-forskning-2", ["vm", "forskning", "2"], id="hyphen"),
        pytest.param("årlig «guttedag» for", ["årlig", "guttedag", "for"], id="Norwegian quotes"),
        pytest.param("“guttedag” ‘jentedag’ \"dag\"", ["guttedag", "jentedag", "dag"], id="English quotes"),
        pytest.param("(guttedag) [lab]", ["guttedag", "lab"], id="brackets"),
        pytest.param("forskning/formidling", ["forskning", "formidling"], id="slash"),
        pytest.param("Merk: guttedag; jentedag", ["Merk", "guttedag", "jentedag"], id="colon and semicolon"),
        pytest.param("guttedag, jentedag. Nå! Hvem?", ["guttedag", "jentedag", "Nå", "Hvem"], id="punctuation"),
        pytest.param("2.5 mill.", ["2.5", "mill"], id="decimal point kept"),
    ],
)
def test_separator_splits_norwegian_text(text, expected):
    assert words(text) == expected


def test_built_index_uses_the_separator_and_holds_titles_and_ids(example_site):
    index = json.loads((example_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == separator().pattern
    guttedag = [d for d in index["docs"] if "guttedag" in words(d["title"])]
    assert guttedag and guttedag[0]["location"].startswith("mh/formidling/tiltak/mh-tiltak-23-1/")
    # Searching for the id finds the page by its tag; the short link's words are not text of every entity.
    by_id = [d for d in index["docs"] if d["location"] == "vm/forskning/vm-forskning-2/"]
    assert by_id and by_id[0]["tags"] == ["vm-forskning-2"] and "lenke" not in by_id[0]["text"]


# Material's search looks for each part of `vm-forskning-2` on its own; tags weigh far more than text.
@pytest.mark.parametrize(
    ("path", "ident"),
    [
        pytest.param("vm/forskning/vm-forskning-2/", "vm-forskning-2", id="goal"),
        pytest.param("mh/formidling/tiltak/mh-tiltak-23-1/", "mh-tiltak-23-1", id="action"),
        pytest.param("vm/indikatorer/elever/", "vm-elever", id="indicator"),
    ],
)
def test_an_entity_page_is_tagged_with_its_id_in_the_index_but_shows_no_tags(example_site, path, ident):
    index = json.loads((example_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [d for d in index["docs"] if d["location"].split("#")[0] == path]
    assert sections and all(d["tags"] == [ident] for d in sections)
    # Without Material's tags plugin the page does not show its tags.
    assert 'class="md-tags"' not in (example_site.site / path / "index.html").read_text(encoding="utf-8")


def index_tags(site) -> dict[str, list[str]]:
    """Each page's tags in the built search index, by the page's location."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {d["location"]: d["tags"] for d in index["docs"] if "#" not in d["location"] and "tags" in d}


def test_a_public_index_tags_each_public_entity_page_with_its_id_and_no_other_page(tmp_path):
    internal = """
        ---
        type: goal
        id: s-intern
        area: s-forskning
        title: Internt mål
        visibility: internal
        ---
        """
    config = write_site(tmp_path, {**BASE_SITE, "forskning/intern.md": internal})
    built = build_in_process(config, tmp_path / "site", env={"STRATEGY_AUDIENCE": "public"})
    assert built.ok, built.log
    tags = index_tags(built.site)
    assert tags["forskning/s-forskning-1/"] == ["s-forskning-1"]
    assert tags["forskning/tiltak-1/"] == ["s-tiltak-1"]
    assert tags["forskning/besok/"] == ["s-publikum"]
    assert tags[""] == ["s"]
    # Every public entity's page, each once; not the internal goal.
    public = ["b", "b-drift", "b-drift-1", "s", "s-forskning", "s-forskning-1", "s-forskning-2"]
    public += ["s-publikum", "s-tiltak-1"]
    assert sorted(t for page in tags.values() for t in page) == public
    assert "s-intern" not in (built.site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_with_materials_tags_plugin_ids_are_not_made_tags(tmp_path):
    """That plugin shows a page's tags on it and lists them on tags pages, where ids do not belong."""
    config = write_site(tmp_path, BASE_SITE)
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - tags\n"))
    built = build_in_process(config, tmp_path / "site")
    assert built.ok, built.log
    assert index_tags(built.site) == {}
    assert "s-forskning-1</span>" not in (built.site / "forskning" / "s-forskning-1" / "index.html").read_text()
