"""Linear scans of page Markdown: code that is shown as written, HTML comments, and block directives.

Regular expressions with nested or overlapping repetition take time that grows with the square (or worse)
of a page that never closes what it opens (`<!--` without `-->`, a fence without its end). These scans look
at each character a bounded number of times, whatever the page holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A fence opens on a line starting with three or more backticks or tildes, and closes on a line that is
# exactly the same fence (trailing spaces allowed). Both patterns are anchored and bounded by one line.
_FENCE_LINE = re.compile(r"(```+|~~~+)")
_TICKS = re.compile(r"`+")
_KIND = re.compile(r"[a-z][a-z-]*")


def _code_spans(line: str, base: int) -> list[tuple[int, int]]:
    """Code spans of one line: a run of backticks to the next run of the same length (not after a `\\`)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        length = end - start
        if start > 0 and line[start - 1] == "\\":
            index += 1
            continue
        same = by_length[length]
        after = bisect.bisect_right(same, index)
        if after == len(same):
            index += 1
            continue
        closing = same[after]
        spans.append((base + start, base + runs[closing][1]))
        index = closing + 1
    return spans


def code_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block and inline code span, in order."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    # Line numbers of the lines that could close each fence, so finding a fence's end is a binary search.
    closers: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        stripped = line.rstrip(" \t")
        if stripped[:3] in ("```", "~~~") and stripped == stripped[0] * len(stripped):
            closers.setdefault(stripped, []).append(number)
    regions: list[tuple[int, int]] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        opening = _FENCE_LINE.match(line)
        if opening:
            candidates = closers.get(opening.group(1), [])
            at = bisect.bisect_right(candidates, number)
            if at < len(candidates):
                close = candidates[at]
                regions.append((offsets[number], offsets[close] + len(lines[close].rstrip(" \t"))))
                number = close + 1
                continue
        regions.extend(_code_spans(line, offsets[number]))
        number += 1
    return regions


@dataclass
class Comment:
    """An HTML comment in Markdown: where it is, what is inside, and whether it is closed."""

    start: int
    end: int
    inner: str
    closed: bool = True

    @property
    def block(self) -> tuple[str, str] | None:
        """(kind, argument text) when the comment is a block directive `<!-- strategy/<kind> ... -->`."""
        text = self.inner.strip()
        if not text.startswith("strategy/"):
            return None
        rest = text[len("strategy/") :]
        kind = _KIND.match(rest)
        name = kind.group(0) if kind else ""
        # `strategy/todo: ...` is not a block with arguments: the name is everything up to the first space.
        head = rest.split(None, 1)[0] if rest.strip() else ""
        if head != name:
            # Not a block's name: no arguments to read, only an unknown block to report.
            return head, ""
        return name, rest[len(head) :]


def comments(text: str) -> Iterator[Comment]:
    """Every `<!-- ... -->` in the text, in order; an unclosed one runs to the end of the text."""
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            return
        close = text.find("-->", start + 4)
        if close < 0:
            yield Comment(start, len(text), text[start + 4 :], closed=False)
            return
        yield Comment(start, close + 3, text[start + 4 : close])
        pos = close + 3


def without_comments(html: str) -> str:
    """Rendered HTML with every comment removed (the build's placeholders are text, `renderer.slot`).

    Markdown writes code as escaped text (`&lt;!--`), so a comment left in rendered HTML is never something a
    reader sees: it can only be hidden text that would reach the page source.
    """
    out, pos = [], 0
    for comment in comments(html):
        out.append(html[pos : comment.start])
        pos = comment.end
    out.append(html[pos:])
    return "".join(out)
