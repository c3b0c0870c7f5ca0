"""The section a strategy's date note links to (`undated_assessments.section`) is on the strategy's page.

Checked on the finished page, not on its Markdown: the ids there are the ones a link reaches, however the site
makes them (toc's slugify or another, `{#id}` on a heading, an `id` in HTML, a block's heading).
"""

from __future__ import annotations

import difflib
import re
from html import unescape

from strategy_site.core.load import Record
from strategy_site.core.models import Strategy
from strategy_site.core.problems import Problem

_ID = re.compile(r'\sid="([^"<>]*)"')
_HEADING_ID = re.compile(r'<h[1-6]\b[^>]*?\sid="([^"<>]*)"')
_SHOWN = 6


def missing_section(record: Record, html: str) -> Problem | None:
    """A problem naming the field when the strategy page `html` has no element with the date note's section as
    its id (None when it has, or when the strategy names no section)."""
    strategy = record.entity
    if not isinstance(strategy, Strategy) or strategy.undated_assessments is None:
        return None
    section = strategy.undated_assessments.section
    if not section or section in {unescape(i) for i in _ID.findall(html)}:
        return None
    headings = list(dict.fromkeys(unescape(i) for i in _HEADING_ID.findall(html)))
    close = difflib.get_close_matches(section.lstrip("#"), headings, n=1, cutoff=0.6)
    if close:
        hint = f"; mente du «{close[0]}»?"
    elif headings:
        more = ", …" if len(headings) > _SHOWN else ""
        hint = f"; overskriftene har ankrene {', '.join(headings[:_SHOWN])}{more}"
    else:
        hint = "; siden har ingen overskrifter å lenke til"
    message = f"strategisiden har ikke ankeret «{section}»{hint}"
    return Problem(
        record.path,
        message,
        line=record.line("undated_assessments", "section"),
        field="undated_assessments.section",
    )
