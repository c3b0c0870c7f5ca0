"""Files for MkDocs: the pages' sources read once, and the files the plugin generates (pages, short links,
exports), kept between the builds of `mkdocs serve --dirty`."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path

from mkdocs.structure.files import File, Files

from strategy_site.core.graph import SiteModel
from strategy_site.core.indicator_data import IndicatorData, read_indicator_data
from strategy_site.core.load import SourceDoc, decode_source
from strategy_site.core.problems import Problem
from strategy_site.glue.assets import ASSETS
from strategy_site.glue.dirty import DirtyBuilds
from strategy_site.site.layout import generated_sources


def links_outside(files: Files, docs_dir: str) -> list[Problem]:
    """A problem for each file MkDocs found through a symbolic link that leads out of the docs folder.

    MkDocs follows links to files and folders; what such a link reaches (a file in the build's home folder,
    `/proc/self/environ`) is not content, and is published with the site unless the build refuses it.
    """
    # Without a symbolic link in the docs folder no path in it can lead out: no file's path is resolved then.
    links = _symbolic_links(docs_dir)
    if not links:
        return []
    root = os.path.realpath(docs_dir)
    folder = os.path.abspath(docs_dir)
    problems = []
    for file in files:
        # Only the docs folder's own files: the theme's (and generated ones) come from elsewhere by design.
        if file.generated_by is not None or not file.abs_src_path:
            continue
        if not os.path.abspath(file.abs_src_path).startswith(folder + os.sep):
            continue
        parts = file.src_uri.split("/")
        if not any("/".join(parts[:depth]) in links for depth in range(1, len(parts) + 1)):
            continue
        real = os.path.realpath(file.abs_src_path)
        if real == root or real.startswith(root + os.sep):
            continue
        link = _first_link(docs_dir, file.src_uri)
        message = f"symbolsk lenke ut av docs-mappen ({link} → {real}); bare filer i docs-mappen publiseres"
        problems.append(Problem(file.src_uri, message, field="fil"))
    return problems


def _symbolic_links(docs_dir: str) -> set[str]:
    """The paths in the docs folder (relative to it, with `/`) that are symbolic links; links are not followed."""
    found: set[str] = set()
    folders = [("", docs_dir)]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                found.add(prefix + entry.name)
            elif entry.is_dir(follow_symlinks=False):
                folders.append((f"{prefix}{entry.name}/", entry.path))
    return found


def _first_link(docs_dir: str, src_uri: str) -> str:
    """The part of a file's path (relative to the docs folder) that is a symbolic link."""
    parts = src_uri.split("/")
    for depth in range(1, len(parts) + 1):
        if os.path.islink(os.path.join(docs_dir, *parts[:depth])):
            return "/".join(parts[:depth])
    return src_uri


def without_links_outside(files: Files, docs_dir: str) -> list[Problem]:
    """Remove the files reached through a link out of the docs folder; the problems that name them."""
    problems = links_outside(files, docs_dir)
    for problem in problems:
        files.remove(files.get_file_from_path(problem.path))
    return problems


def editor_files_in_the_way(files: Files, model: SiteModel, options) -> list[Problem]:
    """A problem for each editor's file at a place where the build makes a file of its own.

    MkDocs would let the generated file replace the editor's without a word; the build keeps the editor's
    file, leaves its own out, and says so, naming both.
    """
    made = generated_sources(
        model, options.dashboards_dir if options.dashboards else None, options.export, options.short_url_prefix
    )
    made.update(dict.fromkeys((asset.path for asset in ASSETS), "pluginens fil"))
    problems = []
    for src, what in made.items():
        file = files.get_file_from_path(src)
        if file is not None and file.generated_by is None:
            message = f"nettstedet lager selv {src} ({what}); flytt eller gi nytt navn til denne filen"
            problems.append(Problem(src, message, field="fil"))
    return problems


def read_pages(files: Files) -> tuple[list[SourceDoc], list[Problem]]:
    """The text of every Markdown page, and a problem for each page that is not UTF-8."""
    docs, problems = [], []
    for file in files.documentation_pages():
        doc, unreadable = decode_source(file.src_uri, file.content_bytes)
        docs.extend([doc] if doc else [])
        problems.extend(unreadable)
    return docs, problems


def data_file_paths(config, names: list[str]) -> list[Path]:
    """The data files named in the plugin's options, on disk: their paths are relative to mkdocs.yml's folder."""
    base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return [base / name for name in names]


def read_data_files(config, names: list[str], shown_from: Path | None = None) -> IndicatorData:
    """The rows of the indicator data files, with messages naming each file as configured.

    With `shown_from` (the `strategy` command's working folder) they name it as seen from there instead.
    """
    paths = data_file_paths(config, names)
    if shown_from is not None:
        names = [os.path.relpath(path, shown_from).replace(os.sep, "/") for path in paths]
    return read_indicator_data(zip(names, paths, strict=True))


def source_stamps(files: Files, data_paths: list[Path]) -> dict[str, tuple[int, int] | None] | None:
    """The time and size of every Markdown page and indicator data file on disk (None: a data file is missing);
    None when a page is not a file (another plugin's)."""
    stamps: dict[str, tuple[int, int] | None] = {}
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            return None
        stat = os.stat(file.abs_src_path)
        stamps[file.src_uri] = (stat.st_mtime_ns, stat.st_size)
    for path in data_paths:
        try:
            stat = os.stat(path)
        except OSError:
            stamps[f"data:{path}"] = None
        else:
            stamps[f"data:{path}"] = (stat.st_mtime_ns, stat.st_size)
    return stamps


# A generated file at least this large (the JSON export, a unit's workbook) waits on disk for MkDocs to copy it,
# not in memory: MkDocs keeps a file's content until the build ends.
SPILL_BYTES = 64 * 1024


class FileMaker:
    """Makes the generated files of one build; in a dirty build, only those whose content changed."""

    def __init__(self, config, model: SiteModel, dirty: DirtyBuilds | None) -> None:
        self.config = config
        self.model = model
        self.dirty = dirty
        self.spilled: Path | None = None

    def page(self, src: str, markdown: str, shows: Collection[str] | None = None, data: str = "") -> File:
        """A generated page; in a dirty build one that MkDocs renders again only when what it shows changed.

        `shows`: the entities the page shows when its blocks get them from the build rather than from the text
        (an owner's page), with `data` the rest of what those blocks show; by default what its text names.
        """
        if self.dirty is None:
            return File.generated(self.config, src, content=markdown)
        return self.dirty.page(self.config, self.model, src, markdown, shows, data)

    def kept(self, src: str, key: list[str], make: Callable[[], str | bytes]) -> File:
        """A generated file; in a dirty build made again only when its key has changed.

        A unit's id in the key (or `WHOLE_SITE`) stands for the fingerprint of that unit's (the site's) content.
        """
        if self.dirty is None:
            content = make()
            if len(content) < SPILL_BYTES:
                return File.generated(self.config, src, content=content)
            if self.spilled is None:
                self.spilled = Path(tempfile.mkdtemp(prefix="strategy-files-"))
            path = self.spilled / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            return File.generated(self.config, src, abs_src_path=str(path))
        units = self.dirty.units
        return self.dirty.kept(self.config, src, [units.get(part, part) for part in key], make)

    def clean(self) -> None:
        """Remove the files that waited on disk; called when the build has copied them, or failed."""
        if self.spilled is not None:
            shutil.rmtree(self.spilled, ignore_errors=True)
            self.spilled = None
