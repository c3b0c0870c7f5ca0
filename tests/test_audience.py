"""Public and internal builds: a public build holds no internal page, field or review comment anywhere."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BASE_SITE, build_in_process, write_site

from strategy_site.core.audience import hidden_entities, public_entity
from strategy_site.core.models import Action

SECRETS = {
    "internal page title": "Hemmelig omorganisering",
    "internal page body": "Bare for ledergruppen",
    "internal plain page": "Internt referat fra styringsgruppen",
    "sub-goal of internal goal": "Delmål under det hemmelige",
    "action of internal goal only": "Tiltak for det hemmelige målet",
    "internal budget": "987654",
    "internal risk note": "Leverandøren kan gå konkurs",
    "internal financing": "Omdisponerte lønnsmidler",
    "review comment": "Dette må skrives om",
}

INTERNAL_SITE = {
    **BASE_SITE,
    "forskning/hemmelig.md": """
        ---
        type: goal
        id: s-hemmelig
        area: s-forskning
        number: "9"
        title: Hemmelig omorganisering
        visibility: internal
        ---
        Bare for ledergruppen.
        """,
    "forskning/hemmelig-del.md": """
        ---
        type: goal
        id: s-hemmelig-del
        parent: s-hemmelig
        title: Delmål under det hemmelige
        ---
        """,
    "forskning/tiltak-hemmelig.md": """
        ---
        type: action
        id: s-tiltak-hemmelig
        goals: [s-hemmelig]
        title: Tiltak for det hemmelige målet
        ---
        """,
    "forskning/tiltak-2.md": """
        ---
        type: action
        id: s-tiltak-2
        goals: [s-forskning-2, s-hemmelig]
        title: Åpent tiltak med interne felt
        owner: Prodekan
        budget: {hours: 10, nok: 987654}
        risk: {level: high, note: Leverandøren kan gå konkurs}
        financing: Omdisponerte lønnsmidler
        internal_fields: [budget, risk.note, financing]
        ---
        Et tiltak alle kan lese om. Henger sammen med [[s-hemmelig]] og [dette](id:s-hemmelig).
        """,
    "referat.md": """
        ---
        title: Referat
        visibility: internal
        ---
        # Referat

        Internt referat fra styringsgruppen.
        """,
}


def site_text(site: Path) -> dict[str, str]:
    """Every text file the build wrote: pages, search index, sitemap and exports."""
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".csv", ".js", ".txt"}
    }


def test_internal_build_has_everything_but_review_comments(build_site):
    built = build_site(INTERNAL_SITE)
    assert built.ok, built.log
    everything = "\n".join(site_text(built.site).values())
    for name, secret in SECRETS.items():
        if name == "review comment":
            assert secret not in everything
        else:
            assert secret in everything, f"the internal build should show the {name}"


def test_public_build_has_no_internal_page_field_or_comment(build_site):
    built = build_site(INTERNAL_SITE, options="audience: public")
    assert built.ok, built.log
    texts = site_text(built.site)
    assert "search/search_index.json" in texts and "export/strategy.json" in texts
    for path, text in texts.items():
        for name, secret in SECRETS.items():
            assert secret not in text, f"{name} in {path}"
    assert not (built.site / "forskning/hemmelig/index.html").exists()
    assert not (built.site / "referat/index.html").exists()
    assert not (built.site / "m/s-hemmelig").exists()
    # The public parts stay, with what they may show.
    action = built.html("forskning/tiltak-2/index.html")
    assert "Åpent tiltak med interne felt" in action and "Prodekan" in action
    assert "Henger sammen med (intern side) og dette." in action
    entities = {e["id"]: e for e in built.export()["entities"]}
    assert "s-hemmelig" not in entities and "s-tiltak-hemmelig" not in entities
    assert entities["s-tiltak-2"]["goals"] == ["s-forskning-2"]
    assert "budget" not in entities["s-tiltak-2"] and "internal_fields" not in entities["s-tiltak-2"]
    assert entities["s-tiltak-2"]["risk"] == {"level": "high"}
    search = json.loads(texts["search/search_index.json"])
    assert any(doc["location"].startswith("forskning/tiltak-2/") for doc in search["docs"])


def test_environment_variable_selects_the_public_audience(tmp_path):
    config = write_site(tmp_path, INTERNAL_SITE)
    built = build_in_process(config, tmp_path / "site", env={"STRATEGY_AUDIENCE": "public"})
    assert built.ok, built.log
    assert not (built.site / "forskning/hemmelig/index.html").exists()
    wrong = build_in_process(config, tmp_path / "site2", env={"STRATEGY_AUDIENCE": "alle"})
    assert not wrong.ok and "Traceback" not in wrong.log
    # MkDocs stops at the configuration, with this one message and no other.
    stop = "strategy: STRATEGY_AUDIENCE='alle'; bruk internal eller public"
    assert wrong.lines("ERROR", "WARNING") == [stop], wrong.log


def test_unknown_internal_field_is_an_editor_mistake(build_site):
    files = dict(BASE_SITE)
    files["forskning/tiltak-3.md"] = "---\ntype: action\nid: t3\ntitle: T\ninternal_fields: [budsjett]\n---\n"
    build_site(files).assert_stopped_by_the_check(
        [
            "forskning/tiltak-3.md:5: internal_fields[0]: «budsjett» kan ikke skjules: "
            "action har ikke feltet «budsjett»; mente du «budget»?"
        ]
    )


def test_everything_under_an_internal_entity_is_internal_too():
    import textwrap

    from strategy_site.checks.analysis import analyse
    from strategy_site.core.load import SourceDoc
    from strategy_site.core.scales import Scales

    docs = [SourceDoc(path, textwrap.dedent(text).lstrip("\n")) for path, text in INTERNAL_SITE.items()]
    model = analyse(docs, Scales.from_config(None, None, None, None)).model
    assert hidden_entities(model) == {"s-hemmelig", "s-hemmelig-del", "s-tiltak-hemmelig"}
    action = model.get("s-tiltak-2")
    assert isinstance(action, Action)
    public = public_entity(action, {"s-hemmelig"})
    assert public.budget is None and public.financing is None and public.risk.note is None
    assert public.risk.level == "high" and public.goals == ["s-forskning-2"]
