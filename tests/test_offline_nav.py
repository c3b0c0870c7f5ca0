"""Offline by default (each thing a site would load from outside warns, `offline: false` allows it), and the
navigation named from the content rather than from folder names and ids."""

from __future__ import annotations

import pytest
from conftest import BASE_CONFIG, BASE_SITE, write_site
from test_init import nav_titles

from strategy_site.checks.offline import content_findings, is_remote, settings_findings

PAGE = {"om.md": "---\ntitle: Om\n---\n\n# Om oss\n\nTekst.\n"}
# mkdocs.yml as a new user writes it: Material in Norwegian, nothing said about fonts.
WITH_FONT = BASE_CONFIG.replace("  font: false\n", "")
ALLOW = "(et nettsted med «offline: false» under strategy i mkdocs.yml kan hente innhold utenfra)"


def offline_off(config: str) -> str:
    return config.replace("  - strategy{options}", "  - strategy:\n      offline: false").replace(
        "  - strategy\n", "  - strategy:\n      offline: false\n"
    )


def test_material_google_fonts_warn_and_offline_false_allows_them(build_site, tmp_path):
    built = build_site({**BASE_SITE, **PAGE}, config=WITH_FONT.format(options=""))
    built.assert_stopped_by_the_check(
        [
            "mkdocs.yml: theme.font: Material henter skriften fra Google Fonts; sett «font: false» under theme, "
            f"eller legg skriften i nettstedet selv (se README) {ALLOW}"
        ]
    )

    allowed = build_site({**BASE_SITE, **PAGE}, config=offline_off(WITH_FONT).format(options=""))
    assert allowed.ok, allowed.log
    assert "fonts.googleapis.com" in allowed.html("om/index.html")


def test_a_cdn_script_warns_naming_it_and_offline_false_allows_it(build_site):
    cdn = "https://cdn.jsdelivr.net/npm/mermaid@10/dist/mermaid.min.js"
    config = BASE_CONFIG + f"extra_javascript:\n  - {cdn}\n  - js/lokal.js\n"
    files = {**BASE_SITE, **PAGE, "js/lokal.js": "console.log(1);\n"}
    built = build_site(files, config=config.format(options=""))
    built.assert_stopped_by_the_check(
        [f"mkdocs.yml: extra_javascript[0]: «{cdn}» hentes fra utenfor nettstedet; legg filen i nettstedet {ALLOW}"]
    )

    allowed = build_site(files, config=offline_off(config).format(options=""))
    assert allowed.ok, allowed.log


def test_a_remote_image_in_a_page_warns_with_file_and_line_and_offline_false_allows_it(build_site):
    page = {
        "om.md": """
            ---
            title: Om
            ---

            # Om oss

            ![Kart over kommunen](https://kart.example.no/kommune.png)

            <iframe src="//video.example.no/embed/42"></iframe>

            `![eksempel](https://kode.example.no/vises-bare.png)`
            """
    }
    built = build_site({**BASE_SITE, **page})
    built.assert_stopped_by_the_check(
        [
            "om.md:7: innhold: bildet henter «https://kart.example.no/kommune.png» fra utenfor nettstedet; legg filen "
            "i nettstedet og vis den derfra (et nettsted med «offline: false» under strategy i mkdocs.yml kan hente "
            "innhold utenfra)",
            "om.md:9: innhold: <iframe> henter «//video.example.no/embed/42» fra utenfor nettstedet; legg filen i "
            "nettstedet og vis den derfra (et nettsted med «offline: false» under strategy i mkdocs.yml kan hente "
            "innhold utenfra)",
        ]
    )

    allowed = build_site({**BASE_SITE, **page}, options="offline: false")
    assert allowed.ok, allowed.log


def test_check_command_reports_a_remote_image_on_its_line(tmp_path, monkeypatch, capsys):
    from strategy_site.cli.main import main

    page = {"om.md": "---\ntitle: Om\n---\n\n<img src='https://bilder.example.no/a.png' alt=''>\n"}
    config = write_site(tmp_path, {**BASE_SITE, **page})
    monkeypatch.chdir(tmp_path)
    assert main(["-f", str(config), "check"]) == 1
    assert "docs/om.md:5: advarsel: innhold: <img> henter «https://bilder.example.no/a.png»" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "remote"),
    [("https://a.no/x.js", True), ("HTTP://a.no", True), ("//a.no/x.css", True), ("js/x.js", False), ("/x.js", False)],
)
def test_remote_addresses_are_those_on_another_host(url, remote):
    assert is_remote(url) is remote


def test_code_comments_frontmatter_and_links_load_nothing():
    source = (
        "---\nsource: https://kilde.example.no/rapport.pdf\n---\n"
        "Se [rapporten](https://kilde.example.no/rapport.pdf).\n"
        '```html\n<script src="https://cdn.example.no/x.js"></script>\n```\n'
        '<!-- <img src="https://gammel.example.no/x.png"> -->\n'
        '<img src="bilder/lokalt.png" alt="">\n'
    )
    assert content_findings("side.md", source) == []


def test_reference_images_srcset_and_css_urls_are_found_at_their_lines():
    source = (
        "Tekst\n"
        "![Kart][kart]\n"
        '<img srcset="liten.png 1x, https://cdn.example.no/stor.png 2x" alt="">\n'
        "<div style=\"background: url('https://bg.example.no/b.png')\"></div>\n"
        "\n[kart]: https://kart.example.no/k.png\n"
    )
    found = [(p.line, p.message.split(" fra ")[0]) for p in content_findings("side.md", source)]
    assert found == [
        (2, "bildet henter «https://kart.example.no/k.png»"),
        (3, "<img> henter «https://cdn.example.no/stor.png»"),
        (4, "CSS-en henter «https://bg.example.no/b.png»"),
    ]


def test_settings_that_load_from_outside():
    fields = [
        p.field
        for p in settings_findings(
            "mkdocs.yml",
            theme="material",
            font={"text": "Roboto"},
            extra_javascript=["js/a.js", "https://unpkg.com/x.js"],
            extra_css=["//cdn.example.no/x.css"],
            analytics={"provider": "google", "property": "G-1"},
        )
    ]
    assert fields == ["theme.font", "extra_javascript[1]", "extra_css[0]", "extra.analytics"]
    assert settings_findings("mkdocs.yml", theme="mkdocs", font=None, extra_javascript=[], extra_css=[]) == []
    assert settings_findings("mkdocs.yml", theme="material", font=False, extra_javascript=[], extra_css=[]) == []


# Navigation named from the content: a site laid out by kind of page, its strategy at the docs root.
BY_KIND = {
    "index.md": """
        ---
        type: strategy
        id: fv
        title: Omstillingsprogram for Fjellvik kommune 2024–2029
        unit: Fjellvik kommune
        period: {start: 2024, end: 2029}
        ---
        Programmet.
        """,
    "omrader/helse.md": """
        ---
        type: area
        id: fv-helse
        title: Helse og omsorg
        order: 1
        ---
        """,
    "omrader/skole.md": """
        ---
        type: area
        id: fv-skole
        title: Oppvekst og skole
        order: 2
        ---
        """,
    "mal/fv-helse-1.md": """
        ---
        type: goal
        id: fv-helse-1
        area: fv-helse
        number: "1"
        title: Flere bor hjemme lenger
        ---
        """,
    "mal/fv-skole-1.md": """
        ---
        type: goal
        id: fv-skole-1
        area: fv-skole
        number: "1"
        title: Alle elever leser godt
        ---
        """,
    "tiltak/fv-helse-1-tiltak-1.md": """
        ---
        type: action
        id: fv-helse-1-tiltak-1
        goals: [fv-helse-1]
        title: Velferdsteknologi i hjemmetjenesten
        status:
          - {period: 2024-T2, level: 2}
        ---
        """,
    "indikatorer/lesing.md": """
        ---
        type: indicator
        id: fv-lesing
        goals: [fv-skole-1]
        title: Andel elever over kritisk grense i lesing
        unit_of_measure: prosent
        baseline: {period: "2023", value: 70}
        target: {period: "2029", value: 90}
        ---
        """,
    # An area folder whose area page is not its index: named by the area, not «Kultur».
    "kultur/omrade.md": """
        ---
        type: area
        id: fv-kultur
        title: Kultur og frivillighet
        order: 3
        ---
        """,
    "kultur/fv-kultur-1.md": """
        ---
        type: goal
        id: fv-kultur-1
        area: fv-kultur
        number: "1"
        title: Flere deltar i frivillig arbeid
        ---
        """,
    # A folder without strategy pages keeps MkDocs' name.
    "praktisk/kontakt.md": "---\ntitle: Kontakt\n---\n\nRing oss.\n",
}


def test_folders_are_named_from_what_they_hold_and_dashboards_by_the_unit(build_site):
    built = build_site(BY_KIND)
    assert built.ok, built.log
    titles = nav_titles(built.html("mal/fv-helse-1/index.html"))
    assert {"Mål", "Tiltak", "Indikatorer", "Områder", "Kultur og frivillighet", "Praktisk"} <= set(titles)
    assert {"Mal", "Omrader", "Kultur"}.isdisjoint(titles)
    dashboards = nav_titles(built.html("styringskort/fv/index.html"))
    assert "Styringskort" in dashboards
    assert "Fjellvik kommune" in dashboards
    assert "Fv" not in dashboards
    assert {"Helse og omsorg", "Oppvekst og skole"} <= set(nav_titles(built.html("omrader/helse/index.html")))


def test_a_nav_in_mkdocs_yml_keeps_the_editors_titles(build_site):
    config = BASE_CONFIG + (
        "nav:\n"
        "  - Programmet: index.md\n"
        "  - Våre mål:\n"
        "      - mal/fv-helse-1.md\n"
        "      - mal/fv-skole-1.md\n"
        "  - Alt annet:\n"
        "      - omrader/helse.md\n"
        "      - omrader/skole.md\n"
        "      - kultur/omrade.md\n"
        "      - kultur/fv-kultur-1.md\n"
        "      - tiltak/fv-helse-1-tiltak-1.md\n"
        "      - indikatorer/lesing.md\n"
        "      - praktisk/kontakt.md\n"
    )
    built = build_site(BY_KIND, config=config.format(options=""))
    assert built.ok, built.log
    titles = nav_titles(built.html("mal/fv-helse-1/index.html"))
    assert {"Våre mål", "Alt annet"} <= set(titles)
    assert "Mål" not in titles
