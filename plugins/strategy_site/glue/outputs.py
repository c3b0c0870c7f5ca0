"""The files a build writes beside the pages: short links and the exports (JSON, its schema, CSV, workbooks)."""

from __future__ import annotations

from collections.abc import Iterable

import jinja2
from mkdocs.structure.files import File

from strategy_site.core.graph import SiteModel
from strategy_site.exports.export_schema import export_schema_json
from strategy_site.exports.json_export import export_json
from strategy_site.exports.spreadsheets import actions_csv, actions_workbook
from strategy_site.glue.dirty import WHOLE_SITE, shown_by
from strategy_site.glue.files import FileMaker
from strategy_site.site import layout


def short_links(
    env: jinja2.Environment, model: SiteModel, prefix: str, files_by_id: dict[str, File], make: FileMaker
) -> Iterable[File]:
    """A small page at each entity's short link (and each old id's) that forwards to the entity's page; in
    `serve --dirty` made again only when its target or the template changed."""
    name, moved = "strategy/redirect.html", model.labels.text("redirect_moved")
    template, source = env.get_template(name), env.loader.get_source(env, name)[0]
    for ident, alias_of in [*((i, i) for i in model.records), *model.aliases.items()]:
        url = layout.redirect_target(prefix, alias_of, files_by_id[alias_of].url)
        title = model.get(alias_of).title
        # Jinja drops a template's final line break; the page ends with one.
        yield make.kept(
            layout.short_src(prefix, ident),
            [source, url, title, moved],
            lambda url=url, title=title: template.render(title=title, url=url, moved=moved) + "\n",
        )


def export_files(model: SiteModel, files_by_id: dict[str, File], make: FileMaker) -> Iterable[File]:
    """The JSON export and its schema, and each unit's actions as CSV and as a workbook."""
    urls = [files_by_id[i].url for i in sorted(model.records)]
    dirty = make.dirty

    def url_of(ident: str) -> str:
        return files_by_id[ident].url

    # In `serve --dirty` only the entities that show an edit are worked out again for the export.
    kept = dirty.export_pieces if dirty is not None else None
    key_of = (lambda i: dirty.key(url_of(i), shown_by(model, i))) if dirty is not None else None
    yield make.kept(layout.EXPORT_JSON, [WHOLE_SITE, *urls], lambda: export_json(model, url_of, kept, key_of))
    yield make.kept(layout.EXPORT_SCHEMA, [WHOLE_SITE], export_schema_json)
    for sid in model.strategies:
        if model.actions_in(sid):
            paths = layout.unit_exports(sid)
            yield make.kept(paths["csv"], [sid], lambda sid=sid: actions_csv(model, sid))
            yield make.kept(paths["xlsx"], [sid], lambda sid=sid: actions_workbook(model, sid))
