"""The meeting PDFs of a build (option `meeting_pdfs`): which pages get one, and printing them once the site is
written. Without a Chromium the build goes on, says so once, and the meeting pages link no PDF."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.exports.briefing import BriefingError, Chromium, find_chromium, print_books, serving
from strategy_site.site import layout

log = get_plugin_logger(__name__)


class MeetingBooks:
    """The briefing books one build makes: planned while pages render, printed after the build."""

    def __init__(self, enabled: bool, labels: Labels = DEFAULT) -> None:
        self.enabled = enabled
        self.labels = labels
        self.chromium: Chromium | None = None
        # Site path of the page and of its PDF, by meeting id.
        self.jobs: dict[str, tuple[str, str]] = {}

    def _available(self) -> bool:
        if not self.enabled:
            return False
        if self.chromium is None:
            self.chromium = find_chromium()
            if self.chromium.path is None:
                log.info(self.labels.text("meeting_pdfs_not_made", reason=self.chromium.reason))
        return self.chromium.path is not None

    def plan(self, ident: str, page_url: str) -> str | None:
        """The site path of a meeting's PDF when this build makes it, else None."""
        if not self._available():
            return None
        pdf = layout.meeting_pdf(page_url, ident)
        self.jobs[ident] = (page_url, pdf)
        return pdf

    def make(self, site_dir: Path) -> None:
        """Serve the written site on 127.0.0.1 and print every planned meeting page to its PDF."""
        if not self.jobs or self.chromium is None or self.chromium.path is None:
            return
        with serving(site_dir) as base:
            jobs = [(base + page_url, site_dir / pdf) for page_url, pdf in self.jobs.values()]
            try:
                written = print_books(jobs, self.chromium.path)
            except BriefingError as exc:
                log.warning(f"strategy: PDF-heftene for møtene kunne ikke lages: {exc}")
                return
        log.info(f"strategy: {len(written)} PDF-hefter for møter skrevet")
