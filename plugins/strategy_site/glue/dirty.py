"""`mkdocs serve --dirty`: render again only the pages of the units whose content changed.

MkDocs' dirty build renders a page only when its file is newer than the page it wrote last time, and renders
every generated page every time (their content lives in memory). On a site of many units that makes a preview
of one edited goal cost a good part of a full build, and leaves the goal's area and strategy pages showing the
old title. Here each unit gets a fingerprint of every page that belongs to it; when one changes:

- the editors' pages of that unit are marked as changed, so the goal's area, strategy, actions and indicators
  show the edit too (in memory only: the editor's files are read, never written);
- the generated pages (dashboards, reports) are kept as files in a folder of their own, written again only
  when their text or the fingerprint of a unit they show has changed, so MkDocs renders just those again.

The navigation of pages that are not rendered again stays as it was, as with any dirty build.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files

from strategy_site.blocks.markup import ids_named
from strategy_site.core.graph import SiteModel
from strategy_site.core.load import SourceDoc
from strategy_site.core.models import Action

# The fingerprint of the whole site, for generated pages that show every unit (overviews, lists).
WHOLE_SITE = ""


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def strategies_of(model: SiteModel, ident: str) -> set[str]:
    """The units an entity belongs to: its own, and for an action those of every goal it follows up."""
    ident = model.aliases.get(ident, ident)
    found = {model.strategy_of[ident]} if ident in model.strategy_of else set()
    entity = model.get(ident)
    if isinstance(entity, Action):
        found |= {model.strategy_of[g] for g in entity.goals if g in model.strategy_of}
    return found


def units_shown(model: SiteModel, markdown: str) -> set[str]:
    """The units whose content a page's blocks and id links show; none named (a list of every unit): the whole site."""
    units = {sid for ident in ids_named(markdown) for sid in strategies_of(model, ident)}
    return units or {WHOLE_SITE}


def unit_fingerprints(model: SiteModel, docs: list[SourceDoc], settings: str = "") -> dict[str, str]:
    """A fingerprint per unit of the text of every page that belongs to it, and one of the whole site.

    `settings` (the plugin's configuration) is part of each: another scale changes every unit's figures.
    """
    text = {d.path: d.text for d in docs}
    pages: dict[str, list[str]] = defaultdict(list)
    for record in model.records.values():
        for sid in strategies_of(model, record.id):
            pages[sid].append(record.path)
    out = {
        sid: _digest([settings, *(p for path in sorted(paths) for p in (path, text.get(path, "")))])
        for sid, paths in pages.items()
    }
    out[WHOLE_SITE] = _digest([settings, *(p for path in sorted(text) for p in (path, text[path]))])
    return out


@dataclass
class DirtyBuilds:
    """What one `mkdocs serve --dirty` remembers from one build to the next."""

    folder: Path
    fingerprints: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)

    def changed_units(self, fingerprints: dict[str, str]) -> set[str]:
        """Units whose pages changed since the last build (all of them at the first), and remember the new state."""
        units = fingerprints.keys() | self.fingerprints.keys()
        changed = {u for u in units if fingerprints.get(u) != self.fingerprints.get(u)}
        self.fingerprints = dict(fingerprints)
        return changed

    def mark_changed(self, files: Files, model: SiteModel, docs: list[SourceDoc], units: set[str]) -> None:
        """Have MkDocs render the editors' pages of these units again, as if their files had been saved.

        So do the other pages with blocks (a front page listing every unit, say) that show one of these units.
        """
        if not units:
            return
        records = {r.path: r for r in model.records.values()}
        for doc in docs:
            record = records.get(doc.path)
            if record is not None:
                shown = strategies_of(model, record.id)
            elif "<!-- strategy/" in doc.text or ids_named(doc.text):
                shown = units_shown(model, doc.text)
            else:
                continue
            file = files.get_file_from_path(doc.path)
            if (WHOLE_SITE in shown or shown & units) and file is not None and file.abs_src_path is not None:
                file.content_bytes = file.content_bytes

    def page(self, config, model: SiteModel, src: str, markdown: str) -> File:
        """A generated page, written again only when its text or the content of a unit it shows has changed."""
        stamps = sorted(self.fingerprints.get(u, "") for u in units_shown(model, markdown))
        return self.kept(config, src, [markdown, *stamps], lambda: markdown)

    def kept(self, config, src: str, key: list[str], make: Callable[[], str | bytes]) -> File:
        """A generated file kept in the folder; `make` is called only when `key` differs from the last build's."""
        digest = _digest(key)
        path = self.folder / src
        if self.written.get(src) != digest or not path.is_file():
            content = make()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            self.written[src] = digest
        return File.generated(config, src, abs_src_path=str(path))
