"""MkDocs' settings and pages for the offline check (`checks.offline`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from strategy_site.checks.offline import content_findings, settings_findings
from strategy_site.core.load import SourceDoc
from strategy_site.core.problems import Problem


def offline_problems(
    options,
    config,
    docs: Iterable[SourceDoc],
    *,
    settings: bool = True,
    kept: dict[str, tuple[str, list[Problem]]] | None = None,
) -> list[Problem]:
    """What the site would load from outside itself, unless the plugin's `offline` option is off.

    `settings=False` leaves out mkdocs.yml's findings (the check command reports the pages, by their path in
    the docs folder). `kept` (path → text and findings) keeps each page's findings for the next build of
    `mkdocs serve --dirty`, which reads again only the pages whose text changed.
    """
    if not options.offline:
        return []
    found = []
    if settings:
        theme = config.theme
        found += settings_findings(
            Path(config.config_file_path or "mkdocs.yml").name,
            theme=theme.name,
            font=theme.get("font"),
            # MkDocs 1.6 gives a script with attributes as an object with its `path`.
            extra_javascript=[str(getattr(entry, "path", entry)) for entry in config.extra_javascript],
            extra_css=[str(entry) for entry in config.extra_css],
            analytics=(config.extra or {}).get("analytics"),
            labels=options.labels,
        )
    for doc in docs:
        if kept is not None and doc.path in kept and kept[doc.path][0] == doc.text:
            found += kept[doc.path][1]
            continue
        findings = content_findings(doc.path, doc.text, options.labels)
        if kept is not None:
            kept[doc.path] = (doc.text, findings)
        found += findings
    return found
