"""Editors and meetings: the guide page, who and when, stale pages, stable links, edit and copy links."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, BASE_SITE, Built, build_in_process, write_site
from pydantic import BaseModel

from strategy_site.core.models import MODELS


def model_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field of a model, nested fields as `a[].b` (read from the models, not from the guide's code)."""
    out = []
    for name, info in model.model_fields.items():
        out.append(prefix + name)
        for nested, is_list in _nested(info.annotation):
            out.extend(model_fields(nested, f"{prefix}{name}{'[]' if is_list else ''}."))
    return out


def _nested(annotation, in_list: bool = False):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, in_list
        return
    is_list = getattr(annotation, "__origin__", None) is list
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _nested(arg, in_list or is_list)


def test_guide_page_lists_every_field_of_every_page_type(base_site):
    built = base_site
    guide = built.html("slik-redigerer-du/index.html")
    assert "<h1" in guide and "Slik redigerer du" in guide
    for kind, model in MODELS.items():
        assert f'id="felt-{kind}"' in guide
        fields = model_fields(model)
        assert "id" in fields and "title" in fields
        for name in fields:
            assert f"<code>{name}</code>" in guide, f"{kind}: {name} missing from the guide"
    # Type, required and description come with each field.
    row = re.search(r"<tr>\s*<td><code>deadline</code></td>(.*?)</tr>", guide, re.S).group(1)
    assert "periode" in row and "nei" in row and "Frist" in row
    assert "Slik redigerer du" in built.html("index.html")  # in the navigation


def test_guide_page_is_not_written_into_the_docs_folder(base_site):
    assert (base_site.site / "slik-redigerer-du/index.html").exists()
    assert not (base_site.site.parent / "docs" / "slik-redigerer-du.md").exists()


# Who and when: dates from git, reproducible; the file's date when the page is not committed.

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Redaktør",
    "GIT_AUTHOR_EMAIL": "redaktor@example.org",
    "GIT_COMMITTER_NAME": "Redaktør",
    "GIT_COMMITTER_EMAIL": "redaktor@example.org",
}


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **GIT_ENV}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def committed_site(root: Path, options: str = "stale_after_days: 365") -> Path:
    """BASE_SITE in a git repository: the goal page last changed 2022, everything else 2024."""
    config = write_site(root, BASE_SITE, options)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Første versjon", date="2022-03-03T10:00:00+01:00")
    for name in BASE_SITE:
        if name != "forskning/s-forskning-1.md":
            path = root / "docs" / name
            path.write_text(path.read_text(encoding="utf-8") + "\nOppdatert.\n", encoding="utf-8")
    git(root, "commit", "-qam", "Oppdatering", date="2024-05-15T09:00:00+02:00")
    return config


def page_html(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> Built:
    """The committed site built once, for the tests that only read what it wrote."""
    root = tmp_path_factory.mktemp("committed")
    built = build_in_process(committed_site(root), root / "site")
    assert built.ok and not built.warnings(), built.log
    return built


def test_page_shows_editor_and_last_change_from_git(committed):
    goal = committed.html("forskning/s-forskning-1/index.html")
    footer = re.search(r'<footer class="strategy-page-meta".*?</footer>', goal, re.S).group(0)
    assert "Ansvarlig redaktør: Forskningsdirektør" in footer  # the goal's owner, as no editor is named
    assert '<time datetime="2022-03-03">3. mars 2022</time>' in footer
    area = committed.html("forskning/index.html")
    assert '<time datetime="2024-05-15">15. mai 2024</time>' in area


def test_same_commit_gives_the_same_site(tmp_path):
    config = committed_site(tmp_path)
    first = build_in_process(config, tmp_path / "site")
    pages = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}
    for path in (tmp_path / "docs").rglob("*.md"):
        os.utime(path, (1_000_000_000, 1_000_000_000))  # checkout at another time: new file dates
    second = build_in_process(config, tmp_path / "site")
    assert first.ok and second.ok
    changed = [str(p) for p, data in pages.items() if p.read_bytes() != data]
    assert not changed


def test_uncommitted_page_falls_back_to_the_file_date(tmp_path):
    config = committed_site(tmp_path)
    path = tmp_path / "docs/forskning/s-forskning-2.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nUtkast.\n", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # 14 November 2023
    built = build_in_process(config, tmp_path / "site")
    assert built.ok, built.log
    goal = page_html(tmp_path, "forskning/s-forskning-2/index.html")
    assert '<time datetime="2023-11-14">14. november 2023</time> <span class="strategy-muted">(filens dato' in goal


def test_stale_page_is_flagged_in_words(committed):
    stale = committed.html("forskning/s-forskning-1/index.html")
    assert "Ikke oppdatert på over 365 dager" in stale and 'class="admonition warning strategy-stale"' in stale
    fresh = committed.html("forskning/s-forskning-2/index.html")
    assert "strategy-stale" not in fresh


def test_stale_limit_is_configurable(tmp_path):
    config = committed_site(tmp_path, options="stale_after_days: 1000")
    built = build_in_process(config, tmp_path / "site")
    assert built.ok, built.log
    assert "strategy-stale" not in page_html(tmp_path, "forskning/s-forskning-1/index.html")


# Edit, copy and anchor links.


def test_edit_link_points_to_the_file_in_the_repository(build_site):
    config = "repo_url: https://git.example.org/strategi/nettsted\nedit_uri: -/edit/main/docs/\n" + BASE_CONFIG.format(
        options=""
    )
    built = build_site(BASE_SITE, config=config)
    assert built.ok, built.log
    goal = built.html("forskning/s-forskning-1/index.html")
    url = "https://git.example.org/strategi/nettsted/-/edit/main/docs/forskning/s-forskning-1.md"
    assert f'<a href="{url}" rel="edit" class="strategy-edit-link">Rediger denne siden</a>' in goal
    # A generated page has no file to edit.
    assert 'rel="edit"' not in built.html("slik-redigerer-du/index.html")


def test_copy_link_controls_give_the_short_url_of_an_entity_and_the_address_of_other_pages(build_site):
    files = {**BASE_SITE, "om.md": "# Om nettstedet\n\nTekst.\n"}
    built = build_site(files)
    assert built.ok, built.log
    goal = built.html("forskning/s-forskning-1/index.html")
    assert goal.count('class="strategy-copy-link" data-copy-href="../../m/s-forskning-1/"') == 2  # facts, footer
    assert 'class="strategy-copy-link" data-copy-href=""' in built.html("om/index.html")
    assert "assets/strategy/links.js" in goal


def test_table_rows_have_anchors(base_site):
    built = base_site
    area = built.html("forskning/index.html")
    assert '<tr data-area="s-forskning" id="omrade-s-forskning">' in area
    assert '<tr id="mal-s-forskning-1"' in area
    goal = built.html("forskning/s-forskning-1/index.html")
    assert '<tr id="tiltak-s-tiltak-1">' in goal and '<tr id="vurdering-2022">' in goal
    assert '<tr id="status-2019-t3">' in built.html("forskning/tiltak-1/index.html")
    assert '<tr id="verdi-2020">' in built.html("forskning/besok/index.html")
    # Headings have permalinks.
    assert 'class="headerlink" href="#vurderinger"' in goal


# Stable links: the short URL and old ids follow a file that moves and changes title.


def _redirect_target(site: Path, short: str) -> Path:
    """The page a short URL's redirect page leads to, as a file in the built site."""
    html = (site / short / "index.html").read_text(encoding="utf-8")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
    return site / posixpath.normpath(posixpath.join(short, target)) / "index.html"


def test_short_url_and_alias_survive_moving_and_renaming_a_goal(build_site, tmp_path):
    files = dict(BASE_SITE)
    files["forskning/s-forskning-1.md"] = files["forskning/s-forskning-1.md"].replace(
        "title: Styrke forskergrupper", "title: Styrke forskergrupper\naliases: [s-gammelt-mal]"
    )
    before = build_site(files)
    assert before.ok, before.log
    assert _redirect_target(before.site, "m/s-forskning-1") == before.site / "forskning/s-forskning-1/index.html"

    moved = dict(files)
    text = moved.pop("forskning/s-forskning-1.md").replace("Styrke forskergrupper", "Sterkere forskergrupper")
    moved["arkiv/2024/forskergrupper.md"] = text
    (tmp_path / "docs/forskning/s-forskning-1.md").unlink()
    after = build_site(moved)
    assert after.ok, after.log
    new_page = after.site / "arkiv/2024/forskergrupper/index.html"
    assert not (after.site / "forskning/s-forskning-1/index.html").exists()
    for short in ("m/s-forskning-1", "m/s-gammelt-mal"):
        target = _redirect_target(after.site, short)
        assert target == new_page, short
        assert "Sterkere forskergrupper" in target.read_text(encoding="utf-8")


def test_redirect_pages_are_left_out_of_search(base_site):
    index = (base_site.site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"m/' not in index.replace(" ", "")


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_stale_pages_are_listed_on_the_editors_overview(committed):
    overview = committed.html("redaktor/index.html")
    table = re.search(r'<table data-strategy-block="stale-pages">.*?</table>', overview, re.S).group(0)
    assert "1 sider er ikke endret på over 365 dager" in table
    assert '<a href="../forskning/s-forskning-1/">Styrke forskergrupper</a>' in table
    assert "3. mars 2022" in table and "Forskningsdirektør" in table and "forskning/s-forskning-1.md" in table
    assert "Vår forskning" not in table  # changed in 2024


def test_public_build_has_no_editors_overview(tmp_path):
    config = committed_site(tmp_path, options="audience: public")
    built = build_in_process(config, tmp_path / "site")
    assert built.ok, built.log
    assert not (tmp_path / "site/redaktor").exists()


# CI templates for a site's own repository.

CI = Path(__file__).resolve().parents[1] / "plugins/strategy_site/starter/ci"


def test_github_workflow_checks_pull_requests_and_publishes_main():
    import yaml

    workflow = yaml.safe_load((CI / "github/strategy.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    check_steps = [s.get("run", "") for s in jobs["check"]["steps"]]
    assert "strategy check --format github" in check_steps
    assert jobs["check"]["if"] == "github.event_name == 'pull_request'"
    publish = jobs["publish"]
    assert any("mkdocs build --strict" in s.get("run", "") for s in publish["steps"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in publish["steps"])
    assert publish["steps"][0]["with"]["fetch-depth"] == 0  # dates from git need the history


def test_gitlab_ci_reports_code_quality_on_merge_requests_and_publishes_pages():
    import yaml

    ci = yaml.safe_load((CI / "gitlab/gitlab-ci.yml").read_text(encoding="utf-8"))
    check = ci["check"]
    assert any("strategy check --format gitlab > gl-code-quality-report.json" in line for line in check["script"])
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert check["artifacts"]["when"] == "always"
    assert check["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    pages = ci["pages"]
    assert any("mkdocs build --strict --site-dir public" in line for line in pages["script"])
    assert pages["artifacts"]["paths"] == ["public"] and pages["variables"]["GIT_DEPTH"] == 0
