"""Add a status entry to an action's page by inserting text, so every other byte of the file stays as it was.

A YAML round trip would rewrite the editors' comments, quoting, key order and line endings. Instead the
frontmatter is parsed only to find where the `status` list ends, and the new entry is written there in the
list's own style: `- {period: ..., level: ..., note: ...}` under a block list (or as a block mapping when the
list's last item is one), `, {...}` inside a flow list `[...]`, and a new `status:` key at the end of the
frontmatter when the page has none. The caller re-reads the result with the loader to prove what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_OPEN = re.compile(r"---[ \t]*(\r\n|\n|\r)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?=\r\n|\n|\r|\Z)", re.MULTILINE)
_BREAK = re.compile(r"\r\n|\n|\r")
# Characters a double-quoted YAML scalar must escape: the quote, the backslash, and everything YAML reads as a
# line break or will not accept raw (control characters, NEL, the Unicode separators, the BOM, surrogates).
_ESCAPE = re.compile("[\"\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


class EditError(ValueError):
    """The page's frontmatter has a shape the entry cannot be added to without rewriting it."""


@dataclass(frozen=True)
class NewStatus:
    """A status entry to write: period as written in the contract, level on the scale, optional note."""

    period: str
    level: int
    note: str | None = None


def yaml_quoted(text: str) -> str:
    """Text as a double-quoted YAML scalar that reads back as exactly the same text, whatever it holds."""
    return '"' + _ESCAPE.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text) + '"'


def _flow(entry: NewStatus) -> str:
    note = f", note: {yaml_quoted(entry.note)}" if entry.note else ""
    return f"{{period: {yaml_quoted(entry.period)}, level: {entry.level}{note}}}"


def _block(entry: NewStatus, inner: str, newline: str) -> str:
    lines = [f"period: {yaml_quoted(entry.period)}", f"level: {entry.level}"]
    lines += [f"note: {yaml_quoted(entry.note)}"] if entry.note else []
    return (newline + inner).join(lines)


def _content_end(node: yaml.Node, text: str) -> int:
    """Where a node's last character is (exclusive): block collections end where their last value ends."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1], text)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1], text)
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _after_line(text: str, index: int) -> tuple[int, str]:
    """The index just after the line break that ends the line holding `index`, and that line break."""
    found = _BREAK.search(text, index)
    if found is None:
        return len(text), "\n"
    return found.end(), found.group()


def _frontmatter(text: str) -> tuple[int, int]:
    opening = _OPEN.match(text)
    close = _CLOSE.search(text, opening.end()) if opening else None
    if not opening or not close:
        raise EditError("siden har ingen frontmatter mellom to linjer med ---")
    return opening.end(), close.start()


def _status_node(front: str) -> tuple[yaml.Node, yaml.Node] | None:
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"frontmatter kan ikke leses: {exc}") from exc
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise EditError("frontmatter er ikke en liste av nøkkel: verdi-linjer")
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "status":
            return key, value
    return None


def _dash(front: str, item: yaml.Node) -> tuple[str, str]:
    """The indentation before a block list item's `-`, and the spaces between the `-` and the item."""
    dash = item.start_mark.index - 1
    while dash >= 0 and front[dash] == " ":
        dash -= 1
    line_start = max(front.rfind("\n", 0, dash), front.rfind("\r", 0, dash)) + 1
    indent = front[line_start:dash]
    if dash < 0 or front[dash] != "-" or indent.strip():
        raise EditError("status-listen er skrevet på en måte som ikke kan utvides; skriv hvert punkt på egen linje")
    return indent, front[dash + 1 : item.start_mark.index]


def _insertion(front: str, entry: NewStatus, newline: str) -> tuple[int, int, str]:
    """Where to write the new entry in the frontmatter (start, end of the text it replaces) and the text."""
    found = _status_node(front)
    if found is None:
        return len(front), len(front), f"status:{newline}  - {_flow(entry)}{newline}"
    key, value = found
    if isinstance(value, yaml.ScalarNode):
        if value.value != "" or value.style:
            raise EditError("status er ikke en liste; skriv status: med én linje per periode under")
        at, line_break = _after_line(front, key.end_mark.index)
        return at, at, f"  - {_flow(entry)}{line_break}"
    if not isinstance(value, yaml.SequenceNode):
        raise EditError("status er ikke en liste")
    if value.flow_style:
        if not value.value:
            at = value.start_mark.index + 1
            return at, at, _flow(entry)
        at = _content_end(value.value[-1], front)
        return at, at, f", {_flow(entry)}"
    last = value.value[-1]
    indent, gap = _dash(front, last)
    at, line_break = _after_line(front, _content_end(last, front))
    if isinstance(last, yaml.MappingNode) and not last.flow_style:
        inner = indent + " " + " " * len(gap)
        return at, at, f"{indent}-{gap}{_block(entry, inner, line_break)}{line_break}"
    return at, at, f"{indent}-{gap}{_flow(entry)}{line_break}"


def _replacement(front: str, entry: NewStatus, index: int) -> tuple[int, int, str]:
    """The span of the `index`th status item and the text of the entry replacing it, in the item's style."""
    found = _status_node(front)
    if found is None or not isinstance(found[1], yaml.SequenceNode) or index >= len(found[1].value):
        raise EditError("statuspunktet som skal erstattes, finnes ikke")
    value = found[1]
    item = value.value[index]
    start, end = item.start_mark.index, _content_end(item, front)
    if isinstance(item, yaml.MappingNode) and not item.flow_style:
        indent, gap = _dash(front, item)
        _, line_break = _after_line(front, start)
        return start, end, _block(entry, indent + " " + " " * len(gap), line_break)
    return start, end, _flow(entry)


def add_status(text: str, entry: NewStatus, replace: int | None = None) -> str:
    """The page's text with the entry added to its `status` list (or put in place of item `replace`).

    Everything outside the inserted text is kept byte for byte, the byte order mark and line endings too.
    """
    front_start, front_end = _frontmatter(text.removeprefix("\ufeff"))
    offset = len(text) - len(text.removeprefix("\ufeff"))
    front = text[offset + front_start : offset + front_end]
    newline = _OPEN.match(text, offset).group(1)
    if replace is None:
        start, end, new = _insertion(front, entry, newline)
    else:
        start, end, new = _replacement(front, entry, replace)
    base = offset + front_start
    return text[: base + start] + new + text[base + end :]
