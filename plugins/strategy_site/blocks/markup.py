"""Page Markdown before MkDocs renders it: internal comments out, id links resolved, blocks placed."""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from strategy_site.blocks.renderer import ID_ARGUMENTS, Directive, parse_directive, slot
from strategy_site.blocks.scan import code_regions, comments
from strategy_site.blocks.sections import default_sections
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Entity
from strategy_site.core.problems import Problem
from strategy_site.exports.safe_text import markdown_literal

_NEWLINE = re.compile("\n")
# Links by id. Link text holds no bracket, so a search from one `[` stops at the next: linear in the page.
_ID_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\(id:(?P<id>[^)#\s]{1,200})(?P<anchor>#[^)\s]{0,200})?\)")
_WIKI_LINK = re.compile(r"\[\[(?P<id>[a-z0-9_-]{1,200})(?:\|(?P<text>[^\[\]\n]+))?\]\]")
# What an editor may have meant as a `[[…]]` link but is not one (`[[S-1]]`, `[[ s-1 ]]`, `[[s-1#a]]`, `[[s-1|]]`).
_NEAR_WIKI_LINK = re.compile(r"\[\[(?P<inner>[^\[\]\n]{1,200})\]\]")


def ids_named(text: str) -> set[str]:
    """Every id a page's Markdown names: in id links and in block arguments (`strategy=vm`, `id=vm-forskning`)."""
    return ids_linked(text) | ids_in_blocks(text)


def ids_linked(text: str) -> set[str]:
    """The ids a page links to (`[tekst](id:vm-forskning-2)`, `[[vm-forskning-2]]`): it shows their titles."""
    return {m.group("id") for pattern in (_ID_LINK, _WIKI_LINK) for m in pattern.finditer(text)}


def ids_in_blocks(text: str) -> set[str]:
    """The ids a page's blocks are about (`<!-- strategy/goals area=vm-forskning -->`)."""
    ids: set[str] = set()
    for comment in comments(text):
        block = comment.block
        if block is None:
            continue
        try:
            args = parse_directive(*block, 0).args
        except ValueError:  # the check of the page's blocks reports them
            continue
        ids |= {value for key, value in args.items() if key in ID_ARGUMENTS}
    return ids


@dataclass
class PreparedPage:
    """A page's Markdown with placeholders, and the blocks that fill them after rendering."""

    markdown: str
    slots: list[Directive] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # How many of the slots (the first ones) the page placed itself; the rest are its type's default blocks.
    placed: int = 0


def _outside_code(text: str, transform: Callable[[str, int], str]) -> str:
    """Apply `transform(segment, first_line)` to the text outside code blocks and code spans."""
    out, pos, line = [], 0, 0
    for start, end in code_regions(text):
        out.append(transform(text[pos:start], line))
        out.append(text[start:end])
        line += text.count("\n", pos, end)
        pos = end
    out.append(transform(text[pos:], line))
    return "".join(out)


def prepare(
    markdown: str,
    src_path: str,
    body_line: int,
    entity: Entity | None,
    model: SiteModel,
    src_of: Callable[[str], str | None],
    hidden: Collection[str] = (),
    nonce: str = "",
) -> PreparedPage:
    """Rewrite a page's Markdown. `src_of(id)` gives the source path of an entity's page.

    Links by id (`[tekst](id:vm-forskning-2)`, `[[vm-forskning-2]]`) become relative links to the target's
    Markdown file, so MkDocs resolves and validates them and they survive moving either file.
    Directives (`<!-- strategy/goals area=vm-forskning -->`) become placeholders; pages of an entity get
    their default blocks unless the page places a block of the same kind itself.
    Links to `hidden` ids (internal pages in a public build) become their text, without the internal title.
    Every other HTML comment is removed; `nonce` makes the placeholders this build's own.
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
        segment = without_comments(segment, first_line)
        breaks = [m.start() for m in _NEWLINE.finditer(segment)]

        def line_of(m: re.Match[str]) -> int:
            return body_line + first_line + bisect.bisect_left(breaks, m.start())

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

        def near_wiki(m: re.Match[str]) -> str:
            inner = m.group("inner")
            guess = inner.strip().lower().split("#")[0].split("|")[0].strip()
            message = f"«[[{inner}]]» er ikke en lenke; skriv [[id]] eller [[id|tekst]] med id-en i små bokstaver"
            if guess and guess != inner:
                message += f", f.eks. [[{guess}]]"
            page.problems.append(Problem(src_path, message, line=line_of(m), field="lenke", severity="warning"))
            return m.group(0)

        for m in _NEAR_WIKI_LINK.finditer(segment):
            if not _WIKI_LINK.fullmatch(m.group(0)):
                near_wiki(m)
        segment = _ID_LINK.sub(id_link, segment)
        return _WIKI_LINK.sub(wiki, segment)

    def without_comments(segment: str, first_line: int) -> str:
        """The segment with every comment removed and each block directive replaced by its placeholder."""
        out, pos, line, counted = [], 0, body_line + first_line, 0
        for comment in comments(segment):
            out.append(segment[pos : comment.start])
            pos = comment.end
            line += segment.count("\n", counted, comment.start)
            counted = comment.start
            if not comment.closed:
                # What follows was meant to be hidden: it is left out, and the editor told where.
                page.problems.append(Problem(src_path, "kommentaren <!-- lukkes aldri med -->", line=line))
                continue
            block = comment.block
            if block is None:
                # A removed comment takes its line break with it; a block's placeholder keeps the line.
                if segment.startswith("\n", pos):
                    pos += 1
                continue
            try:
                page.slots.append(parse_directive(*block, line))
            except ValueError as exc:
                page.problems.append(Problem(src_path, f"ugyldig blokk: {exc}", line=line, field="blokk"))
                continue
            out.append(slot(nonce, len(page.slots) - 1))
        out.append(segment[pos:])
        return "".join(out)

    body = _outside_code(markdown, rewrite)
    page.placed = len(page.slots)
    if entity is None:
        page.markdown = body
        return page
    placed = {d.kind for d in page.slots}
    before, after = default_sections(entity, model)

    def default_slot(kind: str) -> str:
        page.slots.append(Directive(kind, {"id": entity.id} if kind == "facts" else {}, body_line))
        return "\n\n" + slot(nonce, len(page.slots) - 1) + "\n\n"

    head = "".join(default_slot(kind) for kind in before if kind not in placed)
    tail = "".join(
        f"\n\n## {model.labels.text(heading)}\n" + default_slot(kind) for heading, kind in after if kind not in placed
    )
    page.markdown = head + body + tail
    return page
