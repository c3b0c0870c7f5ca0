"""Check every internal link and anchor of a built static site from its files, without a server.

Links are read from every page's `href`/`src`, from the sitemap and from the search index (search results
link to headings), resolved the way a browser resolves them, and must reach an existing file and, for
`#anchor`, an element with that id in it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src"}
# Links that leave the site or do not name a resource; the offline check in the browser tests covers the rest.
NOT_A_PAGE = re.compile(r"^(mailto|tel|javascript|data|blob):", re.IGNORECASE)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}"


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    broken: list[BrokenLink] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(value)


def check_site(root: Path, site_url: str) -> LinkReport:
    """Every broken internal link or anchor of the site built in `root` for `site_url`."""
    parsed: dict[Path, _PageParser] = {}

    def page(path: Path) -> _PageParser:
        if path not in parsed:
            parser = _PageParser()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    report = LinkReport()
    sources: list[tuple[str, str, list[str]]] = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        sources.append((relative, site_url + relative, page(path).links))
    sitemap = root / "sitemap.xml"
    if sitemap.is_file():
        sources.append(("sitemap.xml", site_url, re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text("utf-8"))))
    index = root / "search" / "search_index.json"
    if index.is_file():
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        sources.append(("search/search_index.json", site_url, [doc["location"] or "./" for doc in docs]))

    report.pages = len(sources)
    for source, base, links in sources:
        for link in links:
            if NOT_A_PAGE.match(link):
                continue
            absolute = urljoin(base, link)
            if not absolute.startswith(site_url):
                continue
            report.links += 1
            reason = _problem(root, absolute.removeprefix(site_url), page)
            if reason:
                report.broken.append(BrokenLink(source, link, reason))
    return report


def _problem(root: Path, target: str, page) -> str | None:
    address, anchor = urldefrag(target)
    wanted = unquote(urlsplit(address).path)
    path = root / wanted
    if wanted.endswith("/") or wanted == "" or path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return f"no file {path.relative_to(root).as_posix()}"
    anchor = unquote(anchor)
    if anchor and path.suffix == ".html" and anchor not in page(path).ids:
        return f"no id {anchor!r} in {path.relative_to(root).as_posix()}"
    return None
