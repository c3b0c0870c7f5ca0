"""Blocks placed in the page after the search index has read it.

MkDocs hands a page's HTML to the search plugin between `on_page_content` and `on_post_page`. Blocks that
only repeat or tabulate what other pages say (goal lists, attainment tables, histories, charts) are kept
out of the search index by holding their HTML back behind a marker and putting it in the finished page.
Search results then point to the page that says a thing, and the index and the build stay small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class LateBlocks:
    """The held-back HTML of one page's blocks, by marker number.

    The markers carry the build's `nonce`, so text from content (a title, a description in `<meta>`) cannot
    be one: only this build's markers are replaced.
    """

    nonce: str = ""
    html: list[str | Callable[[], str]] = field(default_factory=list)

    def hold(self, html: str | Callable[[], str]) -> str:
        """Keep a block's HTML, or the function that renders it, and return the marker that stands in for it
        until the page is finished.

        A function is called only when the page is finished: MkDocs reads and converts every page before it
        finishes the first, so HTML rendered early would be kept for all pages at once.
        """
        self.html.append(html)
        return f"<!-- strategy-late:{self.nonce}:{len(self.html) - 1} -->"

    def place(self, page_html: str) -> str:
        """Put every held block where its marker is in the finished page."""
        if not self.html:
            return page_html
        marker = _patterns(self.nonce)[0]

        def block(match: re.Match[str]) -> str:
            held = self.html[int(match.group(1))]
            return held if isinstance(held, str) else held()

        return marker.sub(block, page_html)

    def unsearched_sections(self, page_html: str) -> str:
        """Headings whose section holds nothing but held-back blocks marked `data-search-exclude`.

        Such a section («Vurderinger» above a goal's history) says nothing search could find: Material would
        index it as an entry with a title and no text, one per page, so a search for «vurderinger» listed every
        goal. The heading stays on the page and in its table of contents.
        """
        if not self.html:
            return page_html
        section = _patterns(self.nonce)[1]
        return section.sub(lambda m: f"<h{m.group(1)} data-search-exclude{m.group(2)}{m.group(3)}", page_html)


@lru_cache(maxsize=4)
def _patterns(nonce: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """This build's marker (its number in group 1), and a heading followed by nothing but markers and space up to
    the next heading (level and the rest of the heading in groups 1 and 2, the markers in 3); compiled once."""
    marker = f"<!-- strategy-late:{re.escape(nonce)}:(\\d+) -->"
    plain = marker.replace("(\\d+)", "\\d+")
    # A heading's own text (no other heading inside it), then only markers and space up to the next heading.
    heading = "<h([2-6])((?: [^>]*)?>(?:(?!</?h[1-6][ >]).)*</h\\1>)"
    section = f"{heading}(\\s*{plain}(?:\\s|{plain})*)(?=<h[1-6][ >]|$)"
    return re.compile(marker), re.compile(section, re.S)
