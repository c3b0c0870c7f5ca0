"""Files for MkDocs: the pages' sources read once, and the files the plugin generates (pages, short links,
exports), kept between the builds of `mkdocs serve --dirty`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File, Files

from strategy_site.core.graph import SiteModel
from strategy_site.core.indicator_data import IndicatorData, read_indicator_data
from strategy_site.core.load import SourceDoc, decode_source
from strategy_site.core.problems import Problem
from strategy_site.glue.dirty import DirtyBuilds


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


class FileMaker:
    """Makes the generated files of one build; in a dirty build, only those whose content changed."""

    def __init__(self, config, model: SiteModel, dirty: DirtyBuilds | None) -> None:
        self.config = config
        self.model = model
        self.dirty = dirty

    def page(self, src: str, markdown: str) -> File:
        """A generated page; in a dirty build one that MkDocs renders again only when what it shows changed."""
        if self.dirty is None:
            return File.generated(self.config, src, content=markdown)
        return self.dirty.page(self.config, self.model, src, markdown)

    def kept(self, src: str, key: list[str], make: Callable[[], str | bytes]) -> File:
        """A generated file; in a dirty build made again only when its key has changed.

        A unit's id in the key (or `WHOLE_SITE`) stands for the fingerprint of that unit's (the site's) content.
        """
        if self.dirty is None:
            return File.generated(self.config, src, content=make())
        fingerprints = self.dirty.fingerprints
        return self.dirty.kept(self.config, src, [fingerprints.get(part, part) for part in key], make)
