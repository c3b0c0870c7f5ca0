"""Does the site load anything from outside itself? Web fonts, scripts and stylesheets from a CDN, remote
images and frames in pages.

An intranet site must work with no internet and must not tell a third party who reads it, so each such load
is a warning naming what and where (a `--strict` build fails on it). Pure: settings and page text in, problems
out; `glue.offline` reads them from MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.problems import Problem

CODE = "offline"
# `//host/x.js` is as remote as `https://host/x.js`: the browser fills in the scheme.
REMOTE = r"(?:https?:)?//"
_REMOTE_RE = re.compile(REMOTE, re.IGNORECASE)
# Tags whose attributes make the browser fetch something as the page loads (a link `<a href>` does not).
_LOADING_TAG_RE = re.compile(
    r"<(img|iframe|script|link|video|audio|source|track|embed|object|input)\b([^>]*)>", re.IGNORECASE
)
_LOADING_ATTR_RE = re.compile(
    r"""\b(src|href|data|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE
)
_CSS_URL_RE = re.compile(r"""(?:@import\s+|url\(\s*)['"]?(""" + REMOTE + r"""[^'")\s;]+)""", re.IGNORECASE)
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?(" + REMOTE + r"[^)\s>]+)", re.IGNORECASE)
_IMAGE_REF_RE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")
_REF_DEF_RE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FRONTMATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.MULTILINE | re.DOTALL)


def is_remote(url: str) -> bool:
    """True for an address on another host (`https://`, `http://`, `//`); false for a path in the site."""
    return bool(_REMOTE_RE.match(url.strip()))


def settings_findings(
    config_file: str,
    *,
    theme: str | None,
    font: object,
    extra_javascript: Iterable[str],
    extra_css: Iterable[str],
    analytics: object = None,
    labels: Labels = DEFAULT,
) -> list[Problem]:
    """What the site's settings make every page load from outside: Material's web font, scripts and stylesheets
    from another host, an analytics script."""

    def finding(field: str, key: str, **values: str) -> Problem:
        message = labels.text(key, **values) + labels.text("offline_allow")
        return Problem(config_file, message, field=field, severity="warning", code=CODE)

    found = []
    # Material loads the theme's font from Google Fonts unless `font: false`; its default font is Roboto.
    if theme == "material" and font is not False:
        found.append(finding("theme.font", "offline_font"))
    for name, entries in (("extra_javascript", extra_javascript), ("extra_css", extra_css)):
        for index, url in enumerate(entries):
            if is_remote(url):
                found.append(finding(f"{name}[{index}]", "offline_asset", url=url))
    if isinstance(analytics, dict) and analytics.get("provider"):
        found.append(finding("extra.analytics", "offline_analytics", provider=str(analytics["provider"])))
    return found


def content_findings(path: str, source: str, labels: Labels = DEFAULT) -> list[Problem]:
    """Every image, frame, script or stylesheet a page loads from outside the site, at its line.

    Code (fenced blocks, code spans), HTML comments and the frontmatter are not read: nothing there is loaded.
    """
    text = _masked(source)
    found: list[tuple[int, str, str]] = []
    for tag in _LOADING_TAG_RE.finditer(text):
        for attr in _LOADING_ATTR_RE.finditer(tag.group(2)):
            value = next(v for v in attr.group(2, 3, 4) if v is not None)
            # srcset lists several addresses, each followed by its width or density.
            srcset = attr.group(1).lower() == "srcset"
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if srcset else [value]
            found.extend((tag.start(), f"<{tag.group(1).lower()}>", url) for url in urls if is_remote(url))
    found.extend((m.start(), "CSS-en", m.group(1)) for m in _CSS_URL_RE.finditer(text))
    found.extend((m.start(), "bildet", m.group(1)) for m in _IMAGE_RE.finditer(text))
    references = {m.group(1).strip().lower(): m.group(2) for m in _REF_DEF_RE.finditer(text)}
    for image in _IMAGE_REF_RE.finditer(text):
        if text[image.end() : image.end() + 1] == "(":
            continue
        label = (image.group(2) or image.group(1)).strip().lower()
        url = references.get(label)
        if url and is_remote(url):
            found.append((image.start(), "bildet", url))
    return [
        Problem(
            path,
            labels.text("offline_content", what=what, url=url) + labels.text("offline_allow"),
            line=text.count("\n", 0, start) + 1,
            field="innhold",
            severity="warning",
            code=CODE,
        )
        for start, what, url in sorted(found)
    ]


def _masked(source: str) -> str:
    """The page with everything that is never loaded blanked out, line breaks kept so lines still count."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    text = _FRONTMATTER_RE.sub(blank, source, count=1)
    text = _FENCE_RE.sub(blank, text)
    text = _COMMENT_RE.sub(blank, text)
    return _CODE_SPAN_RE.sub(blank, text)
