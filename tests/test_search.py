"""Norwegian search: the example site's search separator splits words where Norwegian text ends them, and the
built index lets a reader find a title's word inside quotes and an entity by its id."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT


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
    # The goal page shows its id (in its short link), so searching for the id finds the page.
    by_id = [d for d in index["docs"] if d["location"] == "vm/forskning/vm-forskning-2/"]
    assert by_id and "vm-forskning-2" in by_id[0]["text"]
