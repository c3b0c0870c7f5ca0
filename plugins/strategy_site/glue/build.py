"""One build of a site: what the plugin learns in `on_files` and uses while MkDocs renders each page.

The model, the generated files, the pages' prepared Markdown and held-back blocks live here; `plugin.py` only
routes MkDocs' events to a `Build`.
"""

from __future__ import annotations

import posixpath
import secrets
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import escape
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from strategy_site.blocks import BlockRenderer
from strategy_site.blocks.late import LateBlocks
from strategy_site.blocks.markup import PreparedPage, prepare
from strategy_site.blocks.renderer import HiddenTarget, slot_pattern
from strategy_site.blocks.scan import without_comments
from strategy_site.checks.analysis import Analysis
from strategy_site.checks.anchors import missing_section
from strategy_site.checks.worklist import Place
from strategy_site.core.audience import public_view
from strategy_site.core.graph import SiteModel
from strategy_site.core.indicator_data import IndicatorData
from strategy_site.core.load import Record, SourceDoc, page_body
from strategy_site.core.models import Meeting
from strategy_site.core.periods import parse_period
from strategy_site.core.problems import Problem
from strategy_site.glue.assets import asset_files
from strategy_site.glue.briefing import MeetingBooks
from strategy_site.glue.dirty import DirtyBuilds
from strategy_site.glue.dirty_site import site_key
from strategy_site.glue.files import FileMaker, editor_files_in_the_way
from strategy_site.glue.nav import NavOrder
from strategy_site.glue.outputs import export_files, short_links
from strategy_site.glue.settings import owner_contacts_from
from strategy_site.measures.reports import reporting_periods
from strategy_site.site import layout
from strategy_site.site.dashboards import dashboard_pages
from strategy_site.site.guide import guide_markdown
from strategy_site.site.history import Changed, History, read_history
from strategy_site.site.owners import Owner, owner_pages, owners
from strategy_site.site.page_templates import markdown_environment
from strategy_site.site.pagemeta import page_meta, responsible, stale_pages
from strategy_site.site.pages import generated_pages
from strategy_site.site.theme_meta import meta_for_theme


def template_environment(dirs: list[str], *, reloading: bool = False) -> jinja2.Environment:
    """The Jinja environment of the blocks' templates: the site's overrides first, then the package's.

    A build compiles each template once. `reloading`: one environment kept for every build of `mkdocs serve`,
    which looks whether a template file changed before using its compiled form.
    """
    return jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), autoescape=True, auto_reload=reloading)


class Build:
    """The state of one build between MkDocs' events; `report` logs content problems."""

    def __init__(
        self,
        options,
        config,
        analysis: Analysis,
        audience: str,
        report,
        data: IndicatorData | None = None,
        env: jinja2.Environment | None = None,
        dirty: DirtyBuilds | None = None,
    ) -> None:
        self.options = options
        # The rows of the indicator data files: in a dirty build, a changed file changes every unit's fingerprint.
        self.data = data or IndicatorData()
        self.config = config
        self.model: SiteModel = analysis.model
        self.problems: list[Problem] = analysis.problems
        self.analysis = analysis
        self.audience = audience
        # New for every build: placeholders and markers content cannot write (see `blocks.renderer.slot`).
        self.nonce = secrets.token_hex(8)
        self.slot_re = slot_pattern(self.nonce)
        self.report = report
        self.hidden: set[str] = set()
        self.history: History | None = None
        self.records_by_path: dict[str, Record] = {}
        self.files_by_id: dict[str, File] = {}
        self.prepared: dict[str, PreparedPage] = {}
        self.late: dict[str, LateBlocks] = {}
        # Shorter navigation labels of generated pages inside their unit's «Styringskort» and «Rapporter».
        self.nav_labels: dict[str, str] = {}
        # Each owner's page by its source path, for the page's block (`blocks.owners`).
        self.owner_at: dict[str, Owner] = {}
        self.nav: NavOrder | None = None
        self.books = MeetingBooks(options.meeting_pdfs, options.labels)
        self.maker: FileMaker | None = None
        self.files: Files | None = None
        self.dirty = dirty
        self.env = env or template_environment(config.theme.dirs)

    def add_files(self, files: Files, docs: list[SourceDoc]) -> Files:
        """Leave out what this audience must not see, and add the plugin's pages, short links and exports."""
        self.history = read_history(Path(self.config.docs_dir), [d.path for d in docs])
        if self.audience == "public":
            analysis = self.analysis
            view = public_view(self.model, docs, analysis.broken_paths, analysis.broken_ids)
            for path in view.hidden_paths:
                if files.get_file_from_path(path) is not None:
                    files.remove(files.get_file_from_path(path))
            view.model.value_details = self.model.value_details
            self.model, self.hidden = view.model, view.hidden_ids
        self.model.labels, self.model.short_url_prefix = self.options.labels, self.options.short_url_prefix
        self.model.fold_past_years = self.options.reports_fold_past_years
        self.records_by_path = {r.path: r for r in self.model.records.values()}
        if self.dirty is not None:
            settings = repr(sorted(dict(self.options).items())) + repr(self.data.rows)
            self.dirty.update(self.model, docs, settings, site_key(self.config))
            self.dirty.mark_changed(files, self.model, docs)
        self.files_by_id = {r.id: files.get_file_from_path(r.path) for r in self.model.records.values()}
        self.files = files
        make = self.maker = FileMaker(self.config, self.model, self.dirty)
        # An editor's file where the build makes one of its own stays; the check has reported it.
        in_the_way = {p.path for p in editor_files_in_the_way(files, self.analysis.model, self.options)}
        for file in self._generated(files, make):
            if file.src_uri not in in_the_way:
                files.append(file)
        return files

    def _generated(self, files: Files, make: FileMaker) -> Iterable[File]:
        model, options = self.model, self.options
        yield from asset_files(self.config, model.scales)
        section_titles: dict[str, str] = {}
        if options.dashboards:
            for src, content in dashboard_pages(model, options.dashboards_dir, self.env).items():
                yield make.page(src, content)
            section_titles.update(self._dashboard_sections(model, options.dashboards_dir))
            self.nav_labels = {
                layout.dashboard_src(model, options.dashboards_dir, sid, area): model.get(area).title
                for sid in model.strategies
                for area in model.areas_of.get(sid, [])
            }
        if options.editor_guide and not files.get_file_from_path(options.editor_guide):
            yield make.page(options.editor_guide, guide_markdown(model, self.env))
        yield from short_links(self.env, model, options.short_url_prefix, self.files_by_id, make)
        if options.export:
            yield from export_files(model, self.files_by_id, make)
        # The editors' overview is for the editors: a public build leaves it out with its findings.
        overview = options.editor_overview if self.audience == "internal" else None
        reports = [
            (layout.report_path(model, sid, period), period)
            for sid in model.strategies
            for period in reversed(reporting_periods(model, sid))
        ]
        # Inside a unit's «Rapporter» the period says which report it is.
        self.nav_labels.update({src: model.labels.text("reports_nav", period=period.label) for src, period in reports})
        if overview:
            section_titles[overview] = model.labels.text("editor_overview_nav")
        # Generated pages in their section: a unit's area dashboards in the areas' order, its reports newest first.
        rank = {src: n for n, src in enumerate(self.nav_labels)}
        rank.update({src: n for n, (src, _) in enumerate(reports)})
        # A unit's meetings newest first, in the section of its list of meetings.
        meetings = sorted(model.of_type(Meeting), key=lambda m: (m.date, m.id), reverse=True)
        rank.update({model.records[m.id].path: n for n, m in enumerate(meetings)})
        for sid in model.strategies:
            if model.meetings_of.get(sid):
                section_titles[layout.meetings_index(model, sid)] = model.labels.text("meetings_nav")
        self.nav = NavOrder(self.records_by_path, section_titles, rank, model.labels)
        if self.audience == "internal" and options.owners_dir:
            owner_list = owners(
                model, owner_contacts_from(options), self._configured_period(), self._changed, self._edit_url
            )
            self.owner_at = {layout.owner_src(options.owners_dir, o.slug): o for o in owner_list}
            self.nav_labels.update({src: o.name for src, o in self.owner_at.items()})
            section_titles[layout.owners_index(options.owners_dir)] = model.labels.text("owners_nav")
            # After the strategy's own sections, whatever the folder is called.
            rank[layout.owners_index(options.owners_dir)] = len(rank)
            for src, markdown in owner_pages(owner_list, options.owners_dir, markdown_environment(self.env)).items():
                if files.get_file_from_path(src) is None:
                    owner = self.owner_at.get(src)
                    yield make.page(src, markdown, *owner.shown()) if owner else make.page(src, markdown)
        for src, markdown in generated_pages(model, options.reports, overview, self.env).items():
            # A page an editor wrote at the same place wins over the generated one.
            if files.get_file_from_path(src) is None:
                yield make.page(src, markdown)

    @staticmethod
    def _dashboard_sections(model: SiteModel, folder: str) -> dict[str, str]:
        """Titles of the dashboards' sections: «Styringskort» in a unit's folder, the unit's name at the root."""
        titles = {f"{folder}/index.md": model.labels.text("nav_dashboards")}
        for sid in model.strategies:
            unit_at_root = not layout.unit_folder(model.records[sid].path)
            title = model.get(sid).unit if unit_at_root else model.labels.text("nav_dashboards")
            titles[layout.dashboard_src(model, folder, sid)] = title
        return titles

    def _configured_period(self) -> str | None:
        """The site's `current_period` option as a period key, as the lints read it."""
        current = self.options.current_period
        return None if current is None else parse_period(current).key

    def _changed(self, path: str) -> tuple[Changed | None, bool]:
        """When a page last changed and whether that is longer ago than the site allows."""
        if self.history is None:
            return None, False
        return self.history.changed.get(path), self.history.stale(path, self.options.stale_after_days)

    def _edit_url(self, path: str) -> str | None:
        """The link that edits a page in the repository, as MkDocs makes «Rediger denne siden» (None without one)."""
        repo, uri, template = self.config.repo_url, self.config.edit_uri, self.config.edit_uri_template
        if not (uri or template):
            return None
        if template:
            target = template.format(path=path, path_noext=posixpath.splitext(path)[0])
        else:
            target = (uri if uri.endswith("/") else uri + "/") + path
        if not repo:
            return target
        # As MkDocs joins them: the repository's address is a folder unless the link is a query or an anchor.
        if not target.startswith(("?", "#")) and not repo.endswith("/"):
            repo += "/"
        return urljoin(repo, target)

    def arrange(self, nav: Navigation, files: Files, *, titles: bool) -> None:
        """Order the navigation, naming its sections if `titles`; in `serve --dirty`, re-render pages it changed."""
        if self.nav is not None:
            self.nav.apply(nav, titles=titles)
        if self.dirty is not None:
            self.dirty.render_changed_navigation(nav, files, self.nav_labels)

    def page_markdown(self, markdown: str, page: Page) -> str:
        """A page's Markdown with comments out, id links resolved and slots where its blocks go."""
        src = page.file.src_uri
        record = self.records_by_path.get(src)
        meta_for_theme(page.meta, record, self.config.plugins)
        if src in self.nav_labels:
            # The page keeps its full title (`meta.title`: the browser tab, the heading); the navigation the short one.
            page.title = escape(self.nav_labels[src])
        source = page.file.content_string
        if record is not None and markdown.startswith("---"):
            # MkDocs wants a line break after the closing `---`; a page that ends right there would show its
            # frontmatter as text. We read the frontmatter, so the body is what follows it.
            markdown = page_body(markdown)[0]
        body_line = source.count("\n") - markdown.count("\n") + 1
        prepared = prepare(
            markdown,
            src,
            body_line,
            record.entity if record else None,
            self.model,
            lambda i: self.files_by_id[i].src_uri if i in self.files_by_id else None,
            self.hidden,
            self.nonce,
        )
        self.report(prepared.problems)
        self.prepared[src] = prepared
        return prepared.markdown

    def page_content(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML with its footer and its blocks; blocks kept out of search are held back."""
        src = page.file.src_uri
        late = self.late[src] = LateBlocks(self.nonce)
        html = without_comments(html)
        html = self._with_page_meta(html, page, late)
        prepared = self.prepared.pop(src, None)
        if prepared is None or not prepared.slots:
            return html
        record = self.records_by_path.get(src)
        renderer = BlockRenderer(
            self.model,
            self.env,
            link=lambda i: self._link(i, page.file),
            short=lambda i: self._short_url(i, page.file),
            url=lambda path: _file_url(files, path, page.file),
            problems=self.problems,
            data=self._page_data(page, files, record),
            hidden=self.hidden,
        )

        def render(directive) -> str:
            try:
                return renderer.block(directive, record.entity if record else None)
            except HiddenTarget as exc:
                self.report([Problem(src, str(exc), line=directive.line, field="blokk", severity="info")])
                return ""
            except ValueError as exc:
                self.report([Problem(src, str(exc), line=directive.line, field="blokk")])
                return ""

        def fill(match) -> str:
            directive = prepared.slots[int(match.group(1) or match.group(2))]
            if directive.kind in self.options.search_blocks:
                return render(directive)
            # Rendered when the page is finished, after search has read it.
            return late.hold(lambda: render(directive))

        return late.unsearched_sections(self.slot_re.sub(fill, html))

    def post_page(self, output: str, page: Page) -> str:
        """The finished page with the held-back blocks in place; a strategy page has its date note's section."""
        late = self.late.pop(page.file.src_uri, None)
        output = late.place(output) if late else output
        if self.dirty is not None:
            self.dirty.remember_title(page)
        record = self.records_by_path.get(page.file.src_uri)
        problem = missing_section(record, output) if record is not None else None
        if problem is not None:
            self.report([problem])
        return output

    def _page_data(self, page: Page, files: Files, record: Record | None) -> dict:
        """What a page's blocks show beyond the model: the editors' overview's stale pages, a meeting's PDF."""
        if page.file.src_uri == self.options.editor_overview:
            return self._overview_data(page, files)
        data = {"site_url": self.config.site_url}
        if page.file.src_uri in self.owner_at:
            data["owner"] = self.owner_at[page.file.src_uri]
        if record is not None and isinstance(record.entity, Meeting):
            pdf = self.books.plan(record.id, page.file.url)
            if pdf is not None:
                data["meeting_pdf"] = layout.relative_url(pdf, page.file.url)
                data["meeting_pdf_label"] = self.model.labels.text("meeting_pdf_link")
        return data

    def post_build(self, site_dir: str) -> None:
        """Print the meetings' PDFs, now that the whole site is written; complete a dirty build's search index."""
        self.clean()
        if self.dirty is not None and self.files is not None:
            self.dirty.complete_search_index(site_dir, self.files)
        self.books.make(Path(site_dir))

    def clean(self) -> None:
        """Remove what the build kept on disk for MkDocs to copy (also when the build failed)."""
        if self.maker is not None:
            self.maker.clean()

    def _overview_data(self, page: Page, files: Files) -> dict:
        """The stale pages for the editors' overview, with links relative to it."""
        stale = []
        paths = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
        days = self.options.stale_after_days
        for path, changed in stale_pages(self.history, paths, days) if self.history else []:
            file = files.get_file_from_path(path)
            record = self.records_by_path.get(path)
            title = record.entity.title if record else (file.page.title if file.page and file.page.title else path)
            meta = file.page.meta if file.page else {}
            owner = responsible(record.entity if record else None, meta)
            url = file.url_relative_to(page.file)
            stale.append({"title": title, "url": url, "changed": changed, "owner": owner, "path": path})
        return {"stale_pages": stale, "stale_after_days": days, "places": self._places(page, files)}

    def _places(self, page: Page, files: Files) -> dict[str, Place]:
        """For the worklist: each file with findings, its page and edit link (relative to `page`), unit, owner."""
        places = {}
        for path in {problem.path for problem in self.problems}:
            file = files.get_file_from_path(path)
            record = self.records_by_path.get(path)
            meta = file.page.meta if file and file.page else {}
            places[path] = Place(
                title=record.entity.title if record else (file.page.title if file and file.page else None),
                url=file.url_relative_to(page.file) if file and file.page else None,
                edit_url=file.page.edit_url if file and file.page else None,
                unit=self.model.strategy_of.get(record.id) if record else None,
                owner=responsible(record.entity if record else None, meta),
            )
        return places

    def _with_page_meta(self, html: str, page: Page, late: LateBlocks) -> str:
        """The responsible editor, last change, stale notice, copy and edit links around an editor's page."""
        if page.file.generated_by is not None:
            return html
        record = self.records_by_path.get(page.file.src_uri)
        short = record is not None
        # An entity's short link survives moves and renames; other pages give their own address ("" = here).
        link = self._short_url(record.id, page.file) if short else ""
        entity = record.entity if record else None
        days = self.options.stale_after_days
        meta = page_meta(page.file.src_uri, entity, page.meta, self.history, days, link, short, page.edit_url)
        return meta.wrap(html, self.env, late.hold)

    def _link(self, ident: str, from_file: File) -> str | None:
        ident = self.model.aliases.get(ident, ident)
        target = self.files_by_id.get(ident)
        return target.url_relative_to(from_file) if target else None

    def _short_url(self, ident: str, from_file: File) -> str:
        """The entity's short URL relative to a page."""
        prefix = self.options.short_url_prefix
        return layout.short_url(prefix, ident, from_file.url, self.config.use_directory_urls)


def _file_url(files: Files, src: str, from_file: File) -> str | None:
    target = files.get_file_from_path(src)
    return target.url_relative_to(from_file) if target else None
