"""No broken internal link or anchor anywhere in the built site."""

from __future__ import annotations

from .conftest import record_check
from .linkcheck import check_site


def test_no_broken_internal_link_or_anchor(served_site):
    report = check_site(served_site.root, served_site.url)
    record_check(
        "lenkesjekk",
        checked=report.links,
        found=len(report.broken),
        unit=f"interne lenker i {report.pages} filer",
        kind="brutte lenker eller ankre",
    )
    assert report.pages > 100 and report.links > 1000, "the check found too little to look at"
    assert not report.broken, "\n".join(map(str, report.broken[:40]))


def test_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    # The check itself, on a site small enough to see every link: it must be able to fail.
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h1 id="topp">x</h1><a href="a/#del">ok</a><a href="b/">borte</a><a href="a/#ingen">feil anker</a>'
        '<a href="#topp">ok</a><a href="https://example.org/">ute</a><img src="/a/bilde.png">',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="del">del</h2><a href="../">opp</a>', encoding="utf-8")
    report = check_site(tmp_path, "http://127.0.0.1:8000/")
    assert [(b.page, b.link, b.reason) for b in report.broken] == [
        ("index.html", "b/", "no file b/index.html"),
        ("index.html", "a/#ingen", "no id 'ingen' in a/index.html"),
        ("index.html", "/a/bilde.png", "no file a/bilde.png"),
    ]
    assert report.links == 6
