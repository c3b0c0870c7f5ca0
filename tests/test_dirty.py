"""`mkdocs serve --dirty`: after one goal is saved, its unit's pages show the edit and no other unit is rendered.

Runs MkDocs' own dirty build twice in one process, as `mkdocs serve --dirty` does (the plugin object is kept
between the builds because it has `on_startup`).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bench.generate import generate


def _mtimes(site: Path) -> dict[str, float]:
    return {str(p.relative_to(site)): p.stat().st_mtime for p in site.rglob("*.html")}


class DirtyServe:
    """`mkdocs serve --dirty` in this process: a first build, then one more after each save (the plugin object is
    kept between the builds because it has `on_startup`)."""

    def __init__(self, config_file: Path, site: Path) -> None:
        self.config_file, self.site, self.saves = config_file, site, 0

    def __enter__(self) -> DirtyServe:
        self.config = load_config(config_file=str(self.config_file), site_dir=str(self.site))
        self.config.plugins.on_startup(command="serve", dirty=True)
        build(self.config, dirty=True)
        return self

    def save(self, page: Path | None = None, text: str = "") -> None:
        """Save a page (none: nothing saved) and build as serve does after it."""
        if page is not None:
            page.write_text(text, "utf-8")
            # Saved later than the site was written, also where file times have whole seconds (no waiting for it).
            self.saves += 1
            later = time.time() + 5 + self.saves
            os.utime(page, (later, later))
        self.config = load_config(config_file=str(self.config_file), site_dir=str(self.site))
        build(self.config, dirty=True)

    def __exit__(self, *exc) -> None:
        self.config.plugins.on_shutdown()


def _retitled(page: Path, title: str) -> str:
    return re.sub(r"^title: .*$", f'title: "{title}"', page.read_text(encoding="utf-8"), count=1, flags=re.M)


@pytest.fixture
def two_units(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "true")
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")
    generate(200, tmp_path)
    return tmp_path


def test_dirty_rebuild_renders_the_edited_units_pages_only(two_units):
    site = two_units / "site"
    with DirtyServe(two_units / "mkdocs.yml", site) as serve:
        before = _mtimes(site)
        goal = sorted((two_units / "docs").glob("*/*/*/*-1.md"))[0]
        unit = goal.relative_to(two_units / "docs").parts[1]
        others = {p for p in before if f"/{unit}/" not in f"/{p}" and p.count("/") > 2 and not p.startswith("m/")}
        assert others, "the site has a second unit"
        serve.save(goal, _retitled(goal, "Nytt navn på målet"))
        after = _mtimes(site)

    area = goal.parent.relative_to(two_units / "docs").as_posix()
    goal_page = f"{area}/{goal.stem}/index.html"
    assert "Nytt navn på målet" in (site / goal_page).read_text(encoding="utf-8")
    # The goal's area page, its unit's dashboard and its reports show the new title too.
    assert "Nytt navn på målet" in (site / area / "index.html").read_text(encoding="utf-8")
    unit_dir = goal.relative_to(two_units / "docs").parts[:2]
    dashboards = list((site.joinpath(*unit_dir) / "styringskort").rglob("index.html"))
    assert any("Nytt navn på målet" in p.read_text(encoding="utf-8") for p in dashboards)
    # Pages of the other unit were not written again.
    rewritten = sorted(p for p in others if after.get(p) != before[p])
    assert rewritten == []
    assert os.path.exists(site / "search" / "search_index.json")


def _article(page: Path) -> str:
    """The page's content, without the navigation (which a dirty build leaves as it was on other pages)."""
    html = page.read_text(encoding="utf-8")
    return html[html.find("<article") : html.find("</article>")]


def _navigation(page: Path) -> tuple[str, str]:
    """The page's navigation and its «Forrige»/«Neste» footer."""
    html = page.read_text(encoding="utf-8")
    nav = html[html.find("md-nav--primary") : html.find("md-sidebar--secondary")]
    return nav, html[html.find('<nav class="md-footer__inner') : html.find("</footer>")]


def _not_as_built(site: Path, full: Path) -> list[str]:
    """Each file of a full build that the dirty build's site lacks or has with other bytes."""
    return sorted(
        str(path.relative_to(full))
        for path in full.rglob("*")
        if path.is_file()
        and (
            not (site / path.relative_to(full)).is_file()
            or (site / path.relative_to(full)).read_bytes() != path.read_bytes()
        )
    )


def test_one_goal_edit_renders_only_the_pages_that_show_that_goal(two_units, tmp_path_factory):
    config_file, site = two_units / "mkdocs.yml", two_units / "site"
    goal = sorted((two_units / "docs").glob("*/*/*/*-2.md"))[0]
    with DirtyServe(config_file, site) as serve:
        before = _mtimes(site)
        serve.save(goal, _retitled(goal, "Nytt navn på målet"))
        after = _mtimes(site)
    rendered = {p for p in after if after[p] != before.get(p)}

    # A full build of the edited site says which pages show the goal.
    full = tmp_path_factory.mktemp("full")
    build(load_config(config_file=str(config_file), site_dir=str(full)))
    in_content = {p for p in _mtimes(full) if "Nytt navn på målet" in _article(full / p)}
    assert len(in_content) >= 4, "the goal, its area, its dashboard and its strategy show the new title"
    # The pages in the goal's section name it in their navigation, its neighbours in «Forrige» or «Neste».
    showing = in_content | {p for p in _mtimes(full) if "Nytt navn på målet" in " ".join(_navigation(full / p))}
    assert len(showing) > len(in_content)
    # The export, whose entities are worked out again only where they show the edit, is the full build's.
    export = (site / "export/strategy.json").read_bytes()
    assert "Nytt navn på målet".encode() in export and export == (full / "export/strategy.json").read_bytes()
    # Every page that shows the goal was rendered again, with the edit.
    assert showing <= rendered
    assert all("Nytt navn på målet" in _article(site / p) for p in in_content)
    # Every page, rendered again or not, has the navigation and footer of the full build. (MkDocs leaves the pages
    # it does not read again without a title: the pages it renders again would name them «None».)
    for path in _mtimes(full).keys() - {"404.html"}:
        assert _navigation(site / path) == _navigation(full / path), path
    named_none = [p for p in rendered if "None" in " ".join(_navigation(site / p))]
    assert named_none == [], [(p, " ".join(_navigation(site / p)).split("None")[0][-300:]) for p in named_none[:2]]
    # In all, the site is the full build's, byte for byte: pages, exports and the search index (Material's search
    # keeps its index between dirty builds as if one page were rendered again; the plugin completes it).
    assert _not_as_built(site, full) == []
    # Beyond those, only the unit's reports (they show its goals' follow-up), the pages listing every unit, the
    # editors' overview, the goal's short link and MkDocs' 404 page; no other goal, area or action page.
    unit = goal.relative_to(two_units / "docs").parts[1]
    goal_id = goal.stem
    allowed = {"index.html", "404.html", "redaktor/index.html", f"m/{goal_id}/index.html"}
    others = {p for p in rendered - showing if p not in allowed and f"/{unit}/rapporter/" not in f"/{p}"}
    assert others == set()
    siblings = {p for p in before if f"/{unit}/" in f"/{p}" and p not in showing and "/rapporter/" not in p}
    assert siblings, "the unit has pages that do not show the goal"


def test_a_dirty_rebuild_of_the_example_site_without_changes_renders_no_page(tmp_path, monkeypatch):
    """The example site has every page type (a meeting among them); a second build with nothing saved writes
    no page again."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "true")
    root, site = Path(__file__).resolve().parents[1], tmp_path / "site"
    with DirtyServe(root / "mkdocs.yml", site) as serve:
        before = _mtimes(site)
        assert any("/moter/" in f"/{p}" or "mote" in p for p in before), "the example site has a meeting page"
        serve.save()
        after = _mtimes(site)
    assert {p for p in after if after[p] != before.get(p)} - {"404.html"} == set()


def test_a_dirty_rebuild_still_finds_what_an_edited_page_loads_from_outside(two_units, caplog):
    # The offline check keeps each page's findings between dirty builds and reads again only edited pages.
    goal = sorted((two_units / "docs").glob("*/*/*/*-1.md"))[0]
    original = goal.read_text(encoding="utf-8")
    with DirtyServe(two_units / "mkdocs.yml", two_units / "site") as serve:
        assert "https://example.org/kart.png" not in caplog.text
        serve.save(goal, original + "\n![Kart](https://example.org/kart.png)\n")
        for again in (False, True):  # found in the build after the edit, and still in the next (kept)
            if again:
                caplog.clear()
                serve.save()
            assert f"{goal.relative_to(two_units / 'docs').as_posix()}" in caplog.text
            assert "https://example.org/kart.png" in caplog.text


def test_a_dirty_rebuild_compiles_no_template_again(two_units, monkeypatch):
    """MkDocs makes a new template environment for every build; the plugin gives it the templates compiled in
    the first build of `serve --dirty`, so a save does not compile Material's templates again."""
    from mkdocs.theme import Theme

    themed = Theme.get_env

    def without_the_tests_cache(theme):
        env = themed(theme)
        env.bytecode_cache = None
        return env

    compiled: list[str | None] = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Theme, "get_env", without_the_tests_cache)
    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    with DirtyServe(two_units / "mkdocs.yml", two_units / "site") as serve:
        assert "main.html" in compiled and "partials/nav-item.html" in compiled
        compiled.clear()
        goal = sorted((two_units / "docs").glob("*/*/*/*-1.md"))[0]
        serve.save(goal, _retitled(goal, "Nytt navn"))
        assert "Nytt navn" in (
            two_units / "site" / goal.relative_to(two_units / "docs").with_suffix("") / "index.html"
        ).read_text("utf-8")
    # Only Material's search plugin's translations, which it loads in `on_config`, before the build's environment.
    assert {name for name in compiled if not name.startswith("partials/language")} == set(), compiled


def test_a_new_or_deleted_goal_shows_in_every_page_s_navigation(two_units, tmp_path_factory):
    """A goal added during `serve --dirty` is listed in the navigation of its area's pages, and gone again from
    it when the file is deleted: each time, every page's navigation and footer are those of a full build."""
    config_file, site = two_units / "mkdocs.yml", two_units / "site"
    goal = sorted((two_units / "docs").glob("*/*/*/*-1.md"))[0]
    new = goal.with_name(goal.stem + "x.md")
    text = re.sub(r"^id: .*$", f"id: {new.stem}", goal.read_text(encoding="utf-8"), count=1, flags=re.M)
    text = re.sub(r"^number: .*$", 'number: "9"', text, count=1, flags=re.M)
    text = re.sub(r"^title: .*$", 'title: "Et helt nytt mål"', text, count=1, flags=re.M)

    def same_as_a_full_build() -> None:
        full = tmp_path_factory.mktemp("full")
        build(load_config(config_file=str(config_file), site_dir=str(full)))
        pages = _mtimes(full).keys() - {"404.html"}
        for path in pages:
            assert _navigation(site / path) == _navigation(full / path), path
        # Every file a full build writes is the same, the search index among them (a deleted page's old file stays
        # behind, as in any dirty build).
        assert _not_as_built(site, full) == []

    with DirtyServe(config_file, site) as serve:
        serve.save(new, text)
        assert "Et helt nytt mål" in " ".join(
            _navigation(site / goal.relative_to(two_units / "docs").with_suffix("") / "index.html")
        )
        same_as_a_full_build()
        new.unlink()
        serve.save()
        same_as_a_full_build()


def test_a_changed_mkdocs_yml_renders_every_page_again(two_units, tmp_path_factory):
    """MkDocs' dirty build renders only pages whose files changed; another site name in mkdocs.yml is on every page,
    so the plugin has every page rendered again, and the site is a full build's."""
    config_file, site = two_units / "mkdocs.yml", two_units / "site"
    with DirtyServe(config_file, site) as serve:
        before = _mtimes(site)
        # The generated site's mkdocs.yml inherits the example site's and names the site here.
        config_file.write_text(config_file.read_text(encoding="utf-8") + "site_name: Et nytt navn\n")
        serve.save()
        after = _mtimes(site)
    assert {p for p in before if after.get(p) == before[p]} == set()
    full = tmp_path_factory.mktemp("full")
    build(load_config(config_file=str(config_file), site_dir=str(full)))
    assert "Et nytt navn" in (full / "index.html").read_text(encoding="utf-8")
    assert _not_as_built(site, full) == []
