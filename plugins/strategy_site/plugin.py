"""The MkDocs shell of the strategy plugin: each hook hands its work to one collaborator.

The content is checked, measured and rendered by the core packages, which know nothing of MkDocs; `glue/`
turns MkDocs' files, pages and navigation into their inputs and back.
"""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from strategy_site.checks.analysis import Analysis, analyse
from strategy_site.checks.precheck import check_site
from strategy_site.config import StrategyConfig
from strategy_site.core.audience import AUDIENCES
from strategy_site.core.indicator_data import IndicatorData
from strategy_site.core.load import SourceDoc
from strategy_site.core.problems import Problem
from strategy_site.glue.assets import link_assets
from strategy_site.glue.build import Build, template_environment
from strategy_site.glue.dirty import DirtyBuilds
from strategy_site.glue.files import (
    data_file_paths,
    editor_files_in_the_way,
    read_data_files,
    read_pages,
    source_stamps,
    without_links_outside,
)
from strategy_site.glue.offline import offline_problems
from strategy_site.glue.settings import lint_settings_from, owner_contacts_from, scales_from
from strategy_site.measures.counts import count_lines

log = get_plugin_logger(__name__)


class StrategyPlugin(BasePlugin[StrategyConfig]):
    """Reads strategy pages, checks and links them, and adds attainment tables and exports to the site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.build: Build | None = None
        # The pages, data files and analysis of a strict build's check before writing, and the pages' times and
        # sizes then: on_files reuses them.
        self.checked: tuple[list[SourceDoc], IndicatorData, Analysis, dict | None] | None = None
        self.audience = "internal"
        # Kept across the builds of one `mkdocs serve --dirty` (MkDocs keeps a plugin with `on_startup`).
        self.dirty_builds: DirtyBuilds | None = None

    def on_startup(self, *, command, dirty: bool) -> None:
        if dirty and self.dirty_builds is None:
            self.dirty_builds = DirtyBuilds(Path(tempfile.mkdtemp(prefix="strategy-dirty-")))

    def on_shutdown(self) -> None:
        if self.dirty_builds is not None:
            self.dirty_builds.close()
            self.dirty_builds = None

    def on_config(self, config):
        if not self.config.enabled:
            return
        self.scales = scales_from(self.config)
        self.lint_settings = lint_settings_from(self.config)
        # Checked here so that a mistake stops the build before anything is read.
        owner_contacts_from(self.config)
        link_assets(config)
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
        files = get_files(config)
        outside = without_links_outside(files, config.docs_dir)
        stamps = source_stamps(files, data_file_paths(config, self.config.indicator_data))
        data = read_data_files(config, self.config.indicator_data)
        docs, _, analysis = self._analysed(files, config, outside, data, precheck=True)
        if analysis.errors:
            self._report(analysis.problems)
            raise PluginError(
                f"strategy: {len(analysis.errors)} feil i innholdet; ingenting er skrevet, "
                "og det forrige nettstedet er urørt"
            )
        self.checked = (docs, data, analysis, stamps)

    def on_files(self, files: Files, config) -> Files:
        self.build = None
        if not self.config.enabled:
            return files
        # What a link out of the docs folder reaches is never read, let alone published.
        outside = without_links_outside(files, config.docs_dir)
        checked = self.checked
        stamps = None if checked is None else source_stamps(files, data_file_paths(config, self.config.indicator_data))
        if checked is not None and stamps is not None and checked[3] == stamps:
            # The pages and data files the strict check read and analysed moments ago, unchanged on disk: read once.
            docs, data, analysis = checked[0], checked[1], checked[2]
        else:
            data = read_data_files(config, self.config.indicator_data)
            docs, unreadable, analysis = self._analysed(files, config, outside, data, precheck=False)
            # A page MkDocs cannot read as UTF-8 would stop the build with a traceback: report it, leave it out.
            for problem in unreadable:
                files.remove(files.get_file_from_path(problem.path))
        self._report(analysis.problems)
        # One line of counts per strategy, so a page that drops out shows in every build log.
        for line in count_lines(analysis.model):
            log.info(line)
        env = None
        if self.dirty_builds is not None:
            dirs = tuple(config.theme.dirs)
            env = self.dirty_builds.envs.setdefault(dirs, template_environment(list(dirs), reloading=True))
        self.build = Build(self.config, config, analysis, self.audience, self._report, data, env, self.dirty_builds)
        files = self.build.add_files(files, docs)
        # The model, the generated files and MkDocs' own structures live until the build ends: left out of
        # Python's garbage collections, which would otherwise walk them again and again while pages render.
        gc.freeze()
        return files

    def _analysed(
        self, files: Files, config, outside: list[Problem], data: IndicatorData, *, precheck: bool
    ) -> tuple[list[SourceDoc], list[Problem], Analysis]:
        """Read every page and analyse the content: the pages, the pages that cannot be read, and the analysis.

        The strict pre-check (`precheck`) also checks the pages' bodies, for the audience the build is for.
        """
        docs, unreadable = read_pages(files)
        dirty = self.dirty_builds
        offline = offline_problems(self.config, config, docs, kept=dirty.offline if dirty else None)
        found = [*outside, *unreadable, *offline]
        options = {"entity_folders": self.config.entity_folders, "known": dirty.loaded if dirty else None}
        if precheck:
            analysis = check_site(docs, self.scales, found, self.lint_settings, data, self.audience, **options)
        else:
            analysis = analyse(docs, self.scales, found, self.lint_settings, data, **options)
        analysis.add(editor_files_in_the_way(files, analysis.model, self.config))
        return docs, unreadable, analysis

    def on_serve(self, server, config, builder):
        """Build again when an indicator data file changes, as when a page does."""
        if self.config.enabled:
            for path in data_file_paths(config, self.config.indicator_data):
                server.watch(str(path))
        return server

    def on_nav(self, nav: Navigation, config, files):
        if self.build is not None:
            # A `nav` in mkdocs.yml names its sections itself.
            self.build.arrange(nav, files, titles=config.nav is None)
        return nav

    def on_env(self, env, config, files):
        if self.dirty_builds is not None:
            env.bytecode_cache = self.dirty_builds.theme_code
            self.dirty_builds.name_unread_pages(files)
        return env

    def on_page_markdown(self, markdown: str, page: Page, config, files):
        return markdown if self.build is None else self.build.page_markdown(markdown, page)

    def on_page_content(self, html: str, page: Page, config, files):
        return html if self.build is None else self.build.page_content(html, page, files)

    def on_post_page(self, output: str, page: Page, config) -> str:
        return output if self.build is None else self.build.post_page(output, page)

    @event_priority(-50)  # after the search plugin has written its index, which `serve --dirty` completes
    def on_post_build(self, config) -> None:
        gc.unfreeze()
        if self.build is not None:
            self.build.post_build(config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        if self.build is not None:
            self.build.clean()

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem.severity == "info":
                log.info(str(problem))
            else:
                log.warning(str(problem))
