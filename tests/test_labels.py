"""Interface text: a site's labels and page templates replace the plugin's, and the short link shows its folder."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, BASE_SITE

from strategy_site.core.labels import DEFAULT, LabelError, Labels

SITE_WITH_OVERRIDES = BASE_CONFIG.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")


def test_a_site_label_replaces_the_packaged_one_and_unknown_keys_get_a_did_you_mean():
    labels = Labels({"not_assessed": "Ikke vurdert ennå"})
    assert labels.text("not_assessed") == "Ikke vurdert ennå"
    assert labels.text("not_reported") == DEFAULT.text("not_reported")
    with pytest.raises(LabelError, match="ukjent nøkkel «not_asessed»; mente du «not_assessed»"):
        Labels({"not_asessed": "x"})


def test_a_site_overriding_a_label_and_a_page_template_sees_its_text(build_site, tmp_path: Path):
    template = tmp_path / "overrides/strategy/pages/dashboard.md"
    template.parent.mkdir(parents=True)
    template.write_text(
        '{% extends "strategy/pages/page.md" %}\n'
        "{% block title %}Tavle for {{ name }}{% endblock %}\n"
        "{% block body %}# Tavle for {{ name | md }}\n\n<!-- strategy/key-figures id={{ entity.id }} -->\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    options = (
        'labels:\n  not_assessed: "Ikke vurdert ennå"\n  section_values: "Målte verdier"\n'
        '  reports_nav: "Rapport {period}"'
    )
    config = SITE_WITH_OVERRIDES.format(options=":\n" + textwrap.indent(options, "      "))
    built = build_site(BASE_SITE, config=config)
    assert built.ok, built.log
    # The label: a badge, a heading after an indicator's text, a navigation label.
    goal = built.html("forskning/s-forskning-2/index.html")
    assert "Ikke vurdert ennå" in goal
    indicator = built.html("forskning/besok/index.html")
    assert 'id="malte-verdier"' in indicator and ">Målte verdier<" in indicator
    assert ">Verdier<" not in indicator
    assert re.search(r">\s*Rapport [^<]*2019", goal)
    # The page template: the unit's dashboard says what the site's template says, and only that.
    dashboard = built.html("styringskort/s/index.html")
    assert "<title>Tavle for Testmuseet" in dashboard and ">Tavle for Testmuseet<" in dashboard
    assert "Nøkkeltall, diagrammer og måloppnåelse" not in dashboard
    assert 'data-strategy-block="key-figures"' in dashboard


def test_an_unknown_label_key_fails_the_build_with_a_did_you_mean(build_site):
    built = build_site(BASE_SITE, options="labels:\n  not_asessed: Ikke vurdert ennå\n")
    assert not built.ok and "Traceback" not in built.log
    # MkDocs stops at the configuration, with this one message and no other.
    assert built.lines("ERROR", "WARNING") == [
        "Config value 'plugins': Plugin 'strategy' option 'labels': "
        "labels: ukjent nøkkel «not_asessed»; mente du «not_assessed»?"
    ], built.log


def test_the_short_link_shows_the_configured_folder_everywhere(build_site):
    built = build_site(BASE_SITE, options="short_url_prefix: k\n")
    assert built.ok, built.log
    assert (built.site / "k/s-forskning-1/index.html").is_file()
    goal = built.html("forskning/s-forskning-1/index.html")
    assert "<code>k/s-forskning-1/</code>" in goal
    assert "<code>/k/&lt;id&gt;/</code>" in built.html("slik-redigerer-du/index.html")
    pages = [p for p in built.site.rglob("*.html")]
    assert len(pages) > 10
    shown = [str(p.relative_to(built.site)) for p in pages if re.search(r"(?<![\w.-])m/", p.read_text("utf-8"))]
    assert shown == []


def test_a_site_label_reaches_the_charts():
    from test_charts import SITE, model_of

    from strategy_site.charts import charts_for

    model = model_of(SITE)
    strategy = model.strategies[0]
    before = [c.title for c in charts_for(model, strategy)]
    model = model_of(SITE)
    model.labels = Labels({"chart_ratings_title": "Vurderinger i {title}"})
    titles = [c.title for c in charts_for(model, strategy)]
    assert any(t.startswith("Vurderinger i ") for t in titles)
    assert not any(t.startswith("Vurderinger i ") for t in before)
