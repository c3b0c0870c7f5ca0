"""The example site in content/, checked against the source document it was built from."""

from __future__ import annotations

import re
from collections import Counter

import yaml
from conftest import ROOT, SEEDS

from strategy_site.core.scales import RatingScale, Scales

VM_SEED = (SEEDS / "vm-strategi-2018-2025.txt").read_text(encoding="utf-8")
MARK = re.compile(r"(?<![\w-])(JA-\?|JA--|JA-|JA\?|JA/NEI|NEI/JA|TJA|NEI\+|JA|NEI|Vet ikke)(?![\w/+?-])")


def seed_goal_marks() -> list[list[str]]:
    """The marks of each development goal, read off the seed's bullet lists under 'UTVIKLINGSMÅL'."""
    goals: list[list[str]] = []
    in_goals = False
    for line in VM_SEED.splitlines():
        text = line.split("\tComment by")[0].strip()
        if text.startswith("UTVIKLINGSMÅL"):
            in_goals = True
            continue
        if not in_goals or text.startswith("NTNU Vitenskapsmuseet skal:"):
            continue
        if text.startswith("·"):
            goals.append(MARK.findall(text))
        elif goals and not goals[-1] and text:
            goals[-1] = MARK.findall(text)  # a goal whose text runs onto the next line
        else:
            in_goals = False
    return goals


def scale() -> RatingScale:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    options = next(p["strategy"] for p in config["plugins"] if isinstance(p, dict) and "strategy" in p)
    return Scales.from_config(options["ratings"]).ratings


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_seed_has_42_goals_with_marks():
    goals = seed_goal_marks()
    assert len(goals) == 42 and all(goals)


def test_front_pages_show_the_seed_distribution(example_site):
    ratings = scale()
    expected = Counter()
    for marks in seed_goal_marks():
        levels = [ratings.resolve(m) for m in marks]
        expected[min(levels, key=lambda lvl: lvl.score).key] += 1
    strategy = next(s for s in example_site.export()["strategies"] if s["id"] == "vm")
    assert strategy["goals"] == 42
    assert {k: v for k, v in strategy["rating_distribution"].items() if v} == dict(expected)
    for page in ("index.html", "vm/index.html"):
        html = example_site.html(page)
        # The per-mark figures are in the full table folded under the compact one.
        total = re.search(r'<tr data-area-marks="total">(.*?)</tr>', html, re.S).group(1)
        cells = re.findall(r'<td class="num"(?: data-rating="([^"]+)")?>([^<]*)</td>', total)
        shown = {key: int(value) for key, value in cells if key}
        assert {k: v for k, v in shown.items() if v} == dict(expected), page
        assert cells[0][1] == "42"


def test_every_seed_mark_is_kept_as_written(example_site):
    written = Counter(m for marks in seed_goal_marks() for m in marks)
    exported = Counter(
        a["rating"] for e in example_site.export()["entities"] if e["type"] == "goal" for a in e.get("assessments", [])
    )
    assert exported == written


def test_all_42_goals_table_is_grouped_by_area(example_site):
    html = example_site.html("vm/index.html")
    table = re.search(r'<table data-strategy-block="goals".*?</table>', html, re.S).group(0)
    assert len(re.findall(r"<tr id=\"mal-", table)) == 42
    assert len(re.findall(r'<tbody data-area="vm-', table)) == 10


def test_target_picture_statements_carry_their_marks(example_site):
    html = example_site.html("vm/malbilde/index.html")
    assert "Vet ikke" in html and "NEI/JA" in html and "JA-?" in html


def test_no_review_comment_reaches_the_built_site(example_site):
    comments = re.findall(r"Comment by [^:]+: (.+)", VM_SEED)
    assert len(comments) == 2
    for path in example_site.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".txt", ".csv"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for comment in comments:
                assert comment.strip()[:40] not in text, path
            assert "Jørn Wroldsen" not in text, path


def test_goal_note_from_the_seed_is_shown(example_site):
    assert "Tiltak på Ringve er iverksatt" in example_site.html("vm/formidling/vm-formidling-4/index.html")


def test_site_loads_nothing_from_outside(example_site):
    """No script, stylesheet, font or image from another host (links a reader clicks are fine)."""
    for path in example_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        loads = r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*?(?:src|href)="(https?://[^"]+)"'
        for url in re.findall(loads, html):
            assert url.startswith("http://127.0.0.1"), (path, url)
