"""`strategy pdf`: a page of the built site as a briefing book (A4 PDF).

    strategy pdf vm-ledersamling-2022-09            an entity's page, by id (through its short link)
    strategy pdf vm/rapporter/2019/ -o rapport.pdf   a page by its path in the built site
    strategy pdf https://strategi.example.no/vm/styringskort/

A page of the built site (`site_dir` of mkdocs.yml; build it first) is served on 127.0.0.1 while it prints.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from pathlib import Path

from strategy_site.exports.briefing import BriefingError, find_chromium, print_books, serving
from strategy_site.glue.command import SiteError, site_folders
from strategy_site.site.layout import short_src

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def page_path(site_dir: Path, page: str, short_prefix: str) -> str:
    """The path in the built site of a page given by id, by site path or by a file path inside the site."""
    short = site_dir / short_src(short_prefix, page)
    if re.fullmatch(r"[a-z0-9_-]+", page) and short.is_file():
        # The short link's page names the entity's page relative to itself.
        target = _CANONICAL.search(short.read_text(encoding="utf-8"))
        if target:
            page = posixpath.normpath(posixpath.join(posixpath.dirname(short_src(short_prefix, page)), target.group(1)))
    path = Path(page)
    if path.exists() and path.resolve().is_relative_to(site_dir.resolve()):
        page = path.resolve().relative_to(site_dir.resolve()).as_posix()
    page = page.lstrip("/")
    found = site_dir / page
    if found.is_dir() and (found / "index.html").is_file():
        return page.rstrip("/") + "/" if page not in ("", ".") else ""
    if found.is_file():
        return page
    raise SiteError(f"{page}: finnes ikke i det bygde nettstedet ({site_dir}); bygg det først med «mkdocs build»")


def pdf(args: argparse.Namespace) -> int:
    chromium = find_chromium()
    if chromium.path is None:
        print(f"strategy pdf: {chromium.reason}", file=sys.stderr)
        return 2
    target = args.page
    try:
        if re.match(r"https?://", target):
            name = target.rstrip("/").rsplit("/", 1)[-1] or "side"
            out = Path(args.output or f"{name}.pdf")
            print_books([(target, out)], chromium.path)
        else:
            site_dir, short_prefix = site_folders(args.config_file)
            path = page_path(site_dir, target, short_prefix)
            name = posixpath.basename(path.rstrip("/")).removesuffix(".html") or "forside"
            out = Path(args.output or f"{name}.pdf")
            with serving(site_dir) as base:
                print_books([(base + path, out)], chromium.path)
    except BriefingError as exc:
        print(f"strategy pdf: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


def add_parser(commands) -> None:
    """The `pdf` sub-command."""
    pdf_parser = commands.add_parser("pdf", help="skriv en side av det bygde nettstedet som PDF-hefte (A4)")
    pdf_parser.add_argument("page", help="id, sti i det bygde nettstedet (vm/moter/…/) eller adresse (https://…)")
    pdf_parser.add_argument("-o", "--output", help="PDF-filen (standard: sidens navn.pdf)")
    pdf_parser.set_defaults(run=pdf)
