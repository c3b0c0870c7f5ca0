"""Editors' text stays text wherever it goes: into Markdown, HTML, JSON embedded in pages, and spreadsheets.

Titles, notes and names come from frontmatter, and pull requests come from many hands. Autoescaped Jinja
covers our templates; these helpers cover the other ways text leaves the plugin.
"""

from __future__ import annotations

import io
import json
from typing import Any

# Every ASCII character that Markdown, its extensions or HTML give a meaning to.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~^=:&\"'$%@/")

# Characters that could end a <script> element, open a comment or markup, or end a JavaScript string.
_JSON_IN_HTML = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown_literal(text: str) -> str:
    """Text for a Markdown document that renders exactly as written: no links, emphasis or HTML.

    Each special character becomes a numeric character reference, which Markdown passes through
    and the browser shows as the character itself.
    """
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN_SPECIAL else c for c in text)


def json_for_html(data: Any, **dumps_options: Any) -> str:
    """JSON that decodes to the same data but holds no `<`, `>` or `&`, so it is safe inside a <script>.

    Written piece by piece: `json.dumps` with `indent` first keeps every token of the document in a list,
    many times the size of the text (a site's export: 30 MB for 3 MB of JSON).
    """
    text = io.StringIO()
    for chunk in json.JSONEncoder(ensure_ascii=False, **dumps_options).iterencode(data):
        text.write(chunk)
    return text.getvalue().translate(_JSON_IN_HTML)


def spreadsheet_cell(value: Any) -> Any:
    """A value for a CSV or Excel cell that a spreadsheet will not run as a formula.

    Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe (the
    OWASP advice); numbers stay numbers, so a negative value is still -5.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
