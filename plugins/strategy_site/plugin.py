"""The MkDocs shell of the strategy plugin: each hook hands its work to the core modules."""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from strategy_site.blocks.late import LateBlocks
from strategy_site.blocks.markup import PreparedPage, prepare
from strategy_site.blocks.renderer import SLOT_RE, BlockRenderer
from strategy_site.checks.analysis import analyse
from strategy_site.checks.lints import LintSettings
from strategy_site.checks.precheck import check_site
from strategy_site.config import StrategyConfig
from strategy_site.core.audience import AUDIENCES, public_view
from strategy_site.core.graph import SiteModel, natural_key
from strategy_site.core.load import Record, SourceDoc, decode_source, page_body
from strategy_site.core.periods import PeriodError
from strategy_site.core.problems import Problem
from strategy_site.core.scales import Scales
from strategy_site.exports.json_export import export_json
from strategy_site.exports.spreadsheets import actions_csv, actions_workbook
from strategy_site.glue.dirty import WHOLE_SITE, DirtyBuilds, unit_fingerprints
from strategy_site.measures.reports import report_path, reporting_periods
from strategy_site.site.dashboards import dashboard_pages, dashboard_src
from strategy_site.site.guide import guide_markdown
from strategy_site.site.history import History, read_history
from strategy_site.site.pagemeta import page_meta, responsible, stale_pages
from strategy_site.site.pages import generated_pages

log = get_plugin_logger(__name__)

TEMPLATES = Path(str(resources.files(__package__).joinpath("templates")))
ASSETS = Path(str(resources.files(__package__).joinpath("assets")))
JS = "assets/strategy/strategy.js"
CSS = ("assets/strategy/strategy.css", "assets/strategy/scale.css", "assets/strategy/charts.css")
# The chart script is small and on every page; it fetches plotly.js (next to it) only where a page has a chart.
CHART_JS = "assets/strategy/charts.js"
PLOTLY_JS = "assets/strategy/plotly-strategy.min.js"
# Page footer, copy-link buttons, row anchors and the print stylesheet: (file in assets/, path in the site).
PAGE_ASSETS = {
    "pages.css": "assets/strategy/pages.css",
    "print.css": "assets/strategy/print.css",
    "links.js": "assets/strategy/links.js",
}


class StrategyPlugin(BasePlugin[StrategyConfig]):
    """Reads strategy pages, checks and links them, and adds attainment tables and exports to the site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.model: SiteModel | None = None
        self.files_by_id: dict[str, File] = {}
        self.records_by_path: dict[str, Record] = {}
        self.prepared: dict[str, PreparedPage] = {}
        self.late: dict[str, LateBlocks] = {}
        self.env: jinja2.Environment | None = None
        # The pages and analysis of a strict build's check before writing, reused by on_files.
        self.checked: tuple[list[SourceDoc], object] | None = None
        self.problems: list[Problem] = []
        self.audience = "internal"
        self.hidden: set[str] = set()
        self.history: History | None = None
        # Navigation titles of the sections whose index page the plugin generates (e.g. a unit's dashboards).
        self.section_titles: dict[str, str] = {}
        # Shorter navigation labels of generated pages inside their unit's «Styringskort» and «Rapporter».
        self.nav_labels: dict[str, str] = {}
        # Place of generated pages in their navigation section: a unit's reports newest first.
        self.nav_rank: dict[str, int] = {}
        # Kept across the builds of one `mkdocs serve --dirty` (MkDocs keeps a plugin with `on_startup`).
        self.dirty_builds: DirtyBuilds | None = None

    def on_startup(self, *, command, dirty: bool) -> None:
        if dirty and self.dirty_builds is None:
            self.dirty_builds = DirtyBuilds(Path(tempfile.mkdtemp(prefix="strategy-dirty-")))

    def on_shutdown(self) -> None:
        if self.dirty_builds is not None:
            shutil.rmtree(self.dirty_builds.folder, ignore_errors=True)
            self.dirty_builds = None

    def on_config(self, config):
        if not self.config.enabled:
            return
        self.scales = scales_from(self.config)
        self.lint_settings = lint_settings_from(self.config)
        # Our templates come last, so a site's overrides/strategy/*.html replace them.
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        for css in CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        if JS not in config.extra_javascript:
            config.extra_javascript.append(JS)
        if CHART_JS not in config.extra_javascript:
            config.extra_javascript.append(CHART_JS)
        for target in PAGE_ASSETS.values():
            extra = config.extra_css if target.endswith(".css") else config.extra_javascript
            if target not in extra:
                extra.append(target)
        self.audience = os.environ.get("STRATEGY_AUDIENCE") or self.config.audience
        if self.audience not in AUDIENCES:
            raise PluginError(f"strategy: STRATEGY_AUDIENCE={self.audience!r}; bruk {' eller '.join(AUDIENCES)}")
        return config

    def on_pre_build(self, config) -> None:
        """In a strict build, check all content before MkDocs empties the site folder.

        MkDocs cleans `site_dir` right after this event, so this is the last moment a failing build can stop
        and leave the previous site in place.
        """
        self.checked = None
        if not self.config.enabled or not config.strict:
            return
        docs, problems = read_pages(get_files(config))
        analysis = check_site(docs, self.scales, problems, self.lint_settings)
        if analysis.errors:
            self._report(analysis.problems)
            raise PluginError(
                f"strategy: {len(analysis.errors)} feil i innholdet; ingenting er skrevet, "
                "og det forrige nettstedet er urørt"
            )
        self.checked = (docs, analysis)

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        docs, problems = read_pages(files)
        # A page MkDocs cannot read as UTF-8 would stop the build with a traceback: report it and leave it out.
        for problem in problems:
            files.remove(files.get_file_from_path(problem.path))
        if self.checked is not None and self.checked[0] == docs:
            analysis = self.checked[1]
        else:
            analysis = analyse(docs, self.scales, problems, self.lint_settings)
        self.model = analysis.model
        self.problems = analysis.problems
        self._report(analysis.problems)
        self.history = read_history(Path(config.docs_dir), [d.path for d in docs])
        self.hidden = set()
        if self.audience == "public":
            view = public_view(self.model, docs)
            for path in view.hidden_paths:
                files.remove(files.get_file_from_path(path))
            self.model, self.hidden = view.model, view.hidden_ids
        self.model.labels, self.model.short_url_prefix = self.config.labels, self.config.short_url_prefix

        self.records_by_path = {r.path: r for r in self.model.records.values()}
        if self.dirty_builds is not None:
            settings = repr(sorted(dict(self.config).items()))
            changed = self.dirty_builds.changed_units(unit_fingerprints(self.model, docs, settings))
            self.dirty_builds.mark_changed(files, self.model, docs, changed)
        self.files_by_id = {r.id: files.get_file_from_path(r.path) for r in self.model.records.values()}
        self.prepared = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(config.theme.dirs), autoescape=True, auto_reload=False
        )

        css = (ASSETS / "strategy.css").read_text(encoding="utf-8")
        files.append(File.generated(config, CSS[0], content=css))
        files.append(File.generated(config, CSS[1], content=self.scales.css()))
        files.append(File.generated(config, JS, content=(ASSETS / "strategy.js").read_text(encoding="utf-8")))
        files.append(File.generated(config, CSS[2], abs_src_path=str(ASSETS / "strategy-charts.css")))
        files.append(File.generated(config, CHART_JS, abs_src_path=str(ASSETS / "strategy-charts.js")))
        files.append(File.generated(config, PLOTLY_JS, abs_src_path=str(ASSETS / "vendor/plotly-strategy.min.js")))
        self.section_titles, self.nav_labels = {}, {}
        if self.config.dashboards:
            for src, content in dashboard_pages(self.model, self.config.dashboards_dir, self.env).items():
                files.append(self._page(config, src, content))
            self.nav_labels = {
                dashboard_src(self.model, self.config.dashboards_dir, sid, area): self.model.get(area).title
                for sid in self.model.strategies
                for area in self.model.areas_of.get(sid, [])
            }
        for name, target in PAGE_ASSETS.items():
            files.append(File.generated(config, target, content=(ASSETS / name).read_text(encoding="utf-8")))
        if self.config.editor_guide and not files.get_file_from_path(self.config.editor_guide):
            files.append(File.generated(config, self.config.editor_guide, content=guide_markdown(self.model, self.env)))
        for ident, alias_of in [*((i, i) for i in self.model.records), *self.model.aliases.items()]:
            redirect = self._redirect(alias_of)
            files.append(self._kept(config, self._short_src(ident), [redirect], lambda text=redirect: text))
        if self.config.export:
            urls = [self.files_by_id[i].url for i in sorted(self.model.records)]
            files.append(
                self._kept(
                    config,
                    "export/strategy.json",
                    [WHOLE_SITE, *urls],
                    lambda: export_json(self.model, lambda i: self.files_by_id[i].url),
                )
            )
            for sid in self.model.strategies:
                if self.model.actions_in(sid):
                    csv_src, xlsx_src = f"export/{sid}/actions.csv", f"export/{sid}/handlingsplan.xlsx"
                    files.append(self._kept(config, csv_src, [sid], lambda sid=sid: actions_csv(self.model, sid)))
                    files.append(self._kept(config, xlsx_src, [sid], lambda sid=sid: actions_workbook(self.model, sid)))
        # The editors' overview is for the editors: a public build leaves it out with its findings.
        overview = self.config.editor_overview if self.audience == "internal" else None
        pages = generated_pages(self.model, self.config.reports, overview, self.env)
        reports = [
            (report_path(self.model, sid, period), period)
            for sid in self.model.strategies
            for period in reversed(reporting_periods(self.model, sid))
        ]
        self.nav_rank = {src: rank for rank, (src, _) in enumerate(reports)}
        # Inside a unit's «Rapporter» the period says which report it is.
        labels = self.model.labels
        self.nav_labels.update({src: labels.text("reports_nav", period=period.label) for src, period in reports})
        if overview:
            self.section_titles[overview] = labels.text("editor_overview_nav")
        for src, markdown in pages.items():
            # A page an editor wrote at the same place wins over the generated one.
            if files.get_file_from_path(src) is None:
                files.append(self._page(config, src, markdown))
        return files

    def _page(self, config, src: str, markdown: str) -> File:
        """A generated page; in a dirty build one that MkDocs renders again only when what it shows changed."""
        if self.dirty_builds is None:
            return File.generated(config, src, content=markdown)
        return self.dirty_builds.page(config, self.model, src, markdown)

    def _kept(self, config, src: str, key: list[str], make) -> File:
        """A generated file; in a dirty build made again only when its key has changed.

        A unit's id in the key (or `WHOLE_SITE`) stands for the fingerprint of that unit's (the site's) content.
        """
        if self.dirty_builds is None:
            return File.generated(config, src, content=make())
        fingerprints = self.dirty_builds.fingerprints
        return self.dirty_builds.kept(config, src, [fingerprints.get(part, part) for part in key], make)

    def on_nav(self, nav: Navigation, config, files):
        if not self.config.enabled or self.model is None:
            return nav
        _sort_sections(nav.items, self._order_key, self._nav_title)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config, files):
        if not self.config.enabled or self.model is None:
            return markdown
        src = page.file.src_uri
        record = self.records_by_path.get(src)
        _make_meta_safe(page.meta, record)
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
        )
        self._report(prepared.problems)
        self.prepared[src] = prepared
        return prepared.markdown

    def on_page_content(self, html: str, page: Page, config, files):
        if not self.config.enabled or self.model is None:
            return html
        late = self.late[page.file.src_uri] = LateBlocks()
        html = self._with_page_meta(html, page, config, late)
        prepared = self.prepared.pop(page.file.src_uri, None)
        if prepared is None or not prepared.slots:
            return html
        record = self.records_by_path.get(page.file.src_uri)
        renderer = BlockRenderer(
            self.model,
            self.env,
            link=lambda i: self._link(i, page.file),
            short=lambda i: self._short_url(i, page.file, config.use_directory_urls),
            url=lambda src: self._file_url(files, src, page.file),
            problems=self.problems,
            data=self._overview_data(page, files) if page.file.src_uri == self.config.editor_overview else {},
        )

        def fill(match) -> str:
            directive = prepared.slots[int(match.group(1))]
            try:
                block = renderer.block(directive, record.entity if record else None)
            except ValueError as exc:
                self._report([Problem(page.file.src_uri, str(exc), line=directive.line, field="blokk")])
                return ""
            return block if directive.kind in self.config.search_blocks else late.hold(block)

        return SLOT_RE.sub(fill, html)

    def on_post_page(self, output: str, page: Page, config) -> str:
        if not self.config.enabled:
            return output
        late = self.late.pop(page.file.src_uri, None)
        return late.place(output) if late else output

    # Helpers.
    def _overview_data(self, page: Page, files: Files) -> dict:
        """The stale pages for the editors' overview, with links relative to it."""
        stale = []
        paths = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
        for path, changed in stale_pages(self.history, paths, self.config.stale_after_days) if self.history else []:
            file = files.get_file_from_path(path)
            record = self.records_by_path.get(path)
            title = record.entity.title if record else (file.page.title if file.page and file.page.title else path)
            meta = file.page.meta if file.page else {}
            owner = responsible(record.entity if record else None, meta)
            stale.append(
                {
                    "title": title,
                    "url": file.url_relative_to(page.file),
                    "changed": changed,
                    "owner": owner,
                    "path": path,
                }
            )
        return {"stale_pages": stale, "stale_after_days": self.config.stale_after_days}

    def _with_page_meta(self, html: str, page: Page, config, late: LateBlocks) -> str:
        """The responsible editor, last change, stale notice, copy and edit links around an editor's page."""
        if page.file.generated_by is not None:
            return html
        record = self.records_by_path.get(page.file.src_uri)
        short = record is not None
        # An entity's short link survives moves and renames; other pages give their own address ("" = here).
        link = self._short_url(record.id, page.file, config.use_directory_urls) if short else ""
        meta = page_meta(
            page.file.src_uri,
            record.entity if record else None,
            page.meta,
            self.history,
            self.config.stale_after_days,
            link,
            short,
            page.edit_url,
        )
        return meta.wrap(html, self.env, late.hold)

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem.severity == "info":
                log.info(str(problem))
            else:
                log.warning(str(problem))

    def _link(self, ident: str, from_file: File) -> str | None:
        ident = self.model.aliases.get(ident, ident)
        target = self.files_by_id.get(ident)
        return target.url_relative_to(from_file) if target else None

    def _file_url(self, files: Files, src: str, from_file: File) -> str | None:
        target = files.get_file_from_path(src)
        return target.url_relative_to(from_file) if target else None

    def _short_src(self, ident: str) -> str:
        return f"{self.config.short_url_prefix}/{ident}/index.html"

    def _short_url(self, ident: str, from_file: File, directory_urls: bool) -> str:
        """The entity's short URL relative to a page."""
        base = from_file.url if from_file.url.endswith("/") else posixpath.dirname(from_file.url)
        target = self._short_src(ident)
        rel = posixpath.relpath(posixpath.dirname(target) if directory_urls else target, base or ".")
        return rel + "/" if directory_urls else rel

    def _redirect(self, ident: str) -> str:
        """A small page at the short URL that forwards to the entity's page."""
        target = self.files_by_id[ident]
        rel = posixpath.relpath(target.url or ".", posixpath.dirname(self._short_src(ident)))
        rel = rel + "/" if target.url.endswith("/") and not rel.endswith("/") else rel
        title = jinja2.utils.markupsafe.escape(self.model.get(ident).title)
        moved = escape(self.model.labels.text("redirect_moved"))
        return (
            '<!doctype html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n"
            f'<meta http-equiv="refresh" content="0; url={rel}">\n'
            f'<link rel="canonical" href="{rel}">\n<meta name="robots" content="noindex">\n</head>\n'
            f'<body>\n<p>{moved} <a href="{rel}">{title}</a>.</p>\n</body>\n</html>\n'
        )

    def _nav_title(self, src: str) -> str | None:
        """A section's title: the unit for a strategy, the title for other entities."""
        record = self.records_by_path.get(src)
        if record is None:
            return self.section_titles.get(src)
        return getattr(record.entity, "unit", None) or record.entity.title

    def _order_key(self, item) -> tuple:
        """Index page first, entities by `order` and number, the rest as MkDocs had them; reports newest first."""
        file = getattr(item, "file", None)
        if file is None and isinstance(item, Section):
            index = next((c for c in item.children if getattr(c, "is_index", False)), None)
            file = index.file if index else None
        record = self.records_by_path.get(file.src_uri) if file else None
        if getattr(item, "is_index", False):
            return (0,)
        if file is not None and file.src_uri in self.nav_rank:
            return (3, self.nav_rank[file.src_uri])
        if record is None:
            return (1,)
        entity = record.entity
        order = getattr(entity, "order", None)
        return (2, order is None, order or 0, natural_key(getattr(entity, "number", None)))


def _make_meta_safe(meta: dict, record: Record | None) -> None:
    """Titles are text: Material prints `page.meta.title` and navigation titles without escaping them.

    An action's `status` is its status history in our contract; Material would read it as a page status.
    """
    if record is not None:
        meta["title"] = escape(record.entity.title)
        meta.pop("status", None)
    elif meta.get("title") is not None:
        meta["title"] = escape(str(meta["title"]))


def scales_from(options: StrategyConfig) -> Scales:
    """The rating and status scales configured for the plugin (or the defaults)."""
    try:
        return Scales.from_config(options.ratings, options.statuses, options.status_started, options.status_done)
    except (KeyError, TypeError, ValueError) as exc:
        raise PluginError(f"strategy: ugyldig skala i mkdocs.yml: {exc}") from exc


def lint_settings_from(options: StrategyConfig) -> LintSettings:
    """Each lint's severity, the start limit and the current period configured for the plugin."""
    lints = dict(options.lints)
    severities = {name: value for name, value in lints.items() if name != "start_limit"}
    try:
        return LintSettings.from_options(severities, lints["start_limit"], options.current_period)
    except (PeriodError, ValueError) as exc:
        raise PluginError(f"strategy: ugyldig innstilling i mkdocs.yml: {exc}") from exc


def read_pages(files: Files) -> tuple[list[SourceDoc], list[Problem]]:
    """The text of every Markdown page, and a problem for each page that is not UTF-8."""
    docs, problems = [], []
    for file in files.documentation_pages():
        doc, unreadable = decode_source(file.src_uri, file.content_bytes)
        docs.extend([doc] if doc else [])
        problems.extend(unreadable)
    return docs, problems


def _sort_sections(items: list, key, title_of) -> None:
    """Sort each level of the navigation and name sections after the entity on their index page."""
    items.sort(key=key)
    for item in items:
        if isinstance(item, Section):
            index = next((c for c in item.children if getattr(c, "is_index", False)), None)
            title = title_of(index.file.src_uri) if index else None
            if title:
                item.title = escape(title)
            _sort_sections(item.children, key, title_of)
