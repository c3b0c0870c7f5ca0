"""Page Markdown before MkDocs renders it: internal comments out, id links resolved, blocks placed."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from strategy_site.blocks.renderer import DIRECTIVE, ID_ARGUMENTS, SLOT, Directive, parse_directive
from strategy_site.blocks.sections import default_sections
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Entity
from strategy_site.core.problems import Problem
from strategy_site.exports.safe_text import markdown_literal

# Fenced code blocks and inline code spans: text shown as written (an example `[[id]]` stays an example).
_FENCE = re.compile(
    r"^(?P<fence>```+|~~~+).*?^(?P=fence)[ \t]*$|(?P<ticks>`+)(?!`)[^\n]*?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--(?!\s*strategy/)(?!\s*strategy-slot:).*?-->\n?", re.DOTALL)
_ID_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(id:(?P<id>[^)#\s]+)(?P<anchor>#[^)\s]*)?\)")
_WIKI_LINK = re.compile(r"\[\[(?P<id>[a-z0-9_-]+)(?:\|(?P<text>[^\]]+))?\]\]")


def ids_named(text: str) -> set[str]:
    """Every id a page's Markdown names: in id links and in block arguments (`strategy=vm`, `id=vm-forskning`)."""
    ids = {m.group("id") for pattern in (_ID_LINK, _WIKI_LINK) for m in pattern.finditer(text)}
    for match in DIRECTIVE.finditer(text):
        try:
            args = parse_directive(match, 0).args
        except ValueError:  # unbalanced quotes: the check of the page's blocks reports them
            continue
        ids |= {value for key, value in args.items() if key in ID_ARGUMENTS}
    return ids


@dataclass
class PreparedPage:
    """A page's Markdown with placeholders, and the blocks that fill them after rendering."""

    markdown: str
    slots: list[Directive] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _outside_code(text: str, transform: Callable[[str, int], str]) -> str:
    """Apply `transform(segment, first_line)` to the text outside code blocks and code spans."""
    out, pos = [], 0
    for m in _FENCE.finditer(text):
        out.append(transform(text[pos : m.start()], text.count("\n", 0, pos)))
        out.append(m.group(0))
        pos = m.end()
    out.append(transform(text[pos:], text.count("\n", 0, pos)))
    return "".join(out)


def prepare(
    markdown: str,
    src_path: str,
    body_line: int,
    entity: Entity | None,
    model: SiteModel,
    src_of: Callable[[str], str | None],
    hidden: Collection[str] = (),
) -> PreparedPage:
    """Rewrite a page's Markdown. `src_of(id)` gives the source path of an entity's page.

    Links by id (`[tekst](id:vm-forskning-2)`, `[[vm-forskning-2]]`) become relative links to the target's
    Markdown file, so MkDocs resolves and validates them and they survive moving either file.
    Directives (`<!-- strategy/goals area=vm-forskning -->`) become placeholders; pages of an entity get
    their default blocks unless the page places a block of the same kind itself.
    Links to `hidden` ids (internal pages in a public build) become their text, without the internal title.
    """
    page = PreparedPage(markdown="")
    here = posixpath.dirname(src_path)

    def target(ident: str, line: int) -> str | None:
        resolved = model.aliases.get(ident, ident)
        src = src_of(resolved)
        if src is None:
            page.problems.append(Problem(src_path, f"lenke til ukjent id «{ident}»", line=line, field="lenke"))
            return None
        return posixpath.relpath(src, here or ".")

    def rewrite(segment: str, first_line: int) -> str:
        def line_of(m: re.Match[str]) -> int:
            return body_line + first_line + segment.count("\n", 0, m.start())

        def id_link(m: re.Match[str]) -> str:
            if m.group("id") in hidden:
                return m.group("text")
            rel = target(m.group("id"), line_of(m))
            return m.group(0) if rel is None else f"[{m.group('text')}]({rel}{m.group('anchor') or ''})"

        def wiki(m: re.Match[str]) -> str:
            if m.group("id") in hidden:
                return m.group("text") or "(intern side)"
            rel = target(m.group("id"), line_of(m))
            entity_ = model.get(m.group("id"))
            if m.group("text"):
                text = m.group("text").replace("[", "\\[").replace("]", "\\]")
            else:
                # A title is text from frontmatter: HTML or Markdown in it must not become markup.
                text = markdown_literal(entity_.title if entity_ else m.group("id"))
            return m.group(0) if rel is None else f"[{text}]({rel})"

        def directive(m: re.Match[str]) -> str:
            try:
                page.slots.append(parse_directive(m, line_of(m)))
            except ValueError as exc:
                page.problems.append(Problem(src_path, f"ugyldig blokk: {exc}", line=line_of(m), field="blokk"))
                return ""
            return SLOT.format(len(page.slots) - 1)

        segment = _COMMENT.sub("", segment)
        segment = _ID_LINK.sub(id_link, segment)
        segment = _WIKI_LINK.sub(wiki, segment)
        return DIRECTIVE.sub(directive, segment)

    body = _outside_code(markdown, rewrite)
    if entity is None:
        page.markdown = body
        return page
    placed = {d.kind for d in page.slots}
    before, after = default_sections(entity, model)

    def slot(kind: str) -> str:
        page.slots.append(Directive(kind, {"id": entity.id} if kind == "facts" else {}, body_line))
        return "\n\n" + SLOT.format(len(page.slots) - 1) + "\n\n"

    head = "".join(slot(kind) for kind in before if kind not in placed)
    tail = "".join(
        f"\n\n## {model.labels.text(heading)}\n" + slot(kind) for heading, kind in after if kind not in placed
    )
    page.markdown = head + body + tail
    return page
