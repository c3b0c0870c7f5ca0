"""A strict public build of a site with internal content reached every way an editor (or an attacker) could:
every file it writes, unpacked, holds none of the secrets, or the build is refused naming the file."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import BASE_SITE, build_in_process, write_site

PUBLIC = {"STRATEGY_AUDIENCE": "public"}
PLAIN = "---\n{}\n---\nHEMMELIG-SYNLIGHET-16\n"

# Each secret is a string that appears nowhere else.
LEAKY_SITE = {
    **BASE_SITE,
    "forskning/hemmelig.md": """
        ---
        type: goal
        id: s-hemmelig
        aliases: [gammel-hemmelig]
        area: s-forskning
        title: HEMMELIG-TITTEL-01
        visibility: internal
        ---
        HEMMELIG-TEKST-02
        """,
    # A public goal whose parent is the internal one, named by its old id (alias).
    "forskning/via-alias.md": """
        ---
        type: goal
        id: s-via-alias
        parent: gammel-hemmelig
        title: HEMMELIG-DELMAAL-03
        ---
        """,
    "forskning/noter.md": """
        ---
        type: goal
        id: s-noter
        area: s-forskning
        title: Mål med interne vurderingsnotater
        assessments:
          - {period: "2021", rating: "NEI", note: HEMMELIG-VURDERING-04}
          - {period: "2022", rating: "JA", note: HEMMELIG-VURDERING-05}
        internal_fields: [assessments.note]
        ---
        """,
    "forskning/tiltak-2.md": """
        ---
        type: action
        id: s-tiltak-2
        goals: [s-forskning-2, gammel-hemmelig]
        title: Åpent tiltak
        owner: Prodekan
        budget: {hours: 10, nok: 987654321}
        risk: {level: high, note: HEMMELIG-RISIKO-06}
        status:
          - {period: 2019-T2, level: 1, note: HEMMELIG-STATUS-07}
          - {period: 2019-T3, level: 2, note: HEMMELIG-STATUS-08}
        internal_fields: [budget, risk.note, "status[].note"]
        ---
        Se [[s-hemmelig]], [[gammel-hemmelig]] og [dette](id:gammel-hemmelig).

        <!-- strategy/goal-links id=gammel-hemmelig -->

        <!-- HEMMELIG-KOMMENTAR-09 -->
        Kode \\`<!-- HEMMELIG-KOMMENTAR-10 -->\\` med escapede backticks.

        <!-- strategy-slot:0 HEMMELIG-MARKOR-11 -->
        <!-- strategy-late:0 HEMMELIG-MARKOR-12 -->
        """,
    "indikator.md": """
        ---
        type: indicator
        id: s-indikator
        goals: [s-forskning-1]
        title: Indikator med flere mål
        target:
          - {period: "2024", value: 10}
          - {period: "2025", value: 20}
        source: HEMMELIG-KILDE-13
        internal_fields: [source]
        ---
        """,
    "referat.md": """
        ---
        title: Referat
        visibility: internal
        ---
        HEMMELIG-REFERAT-14
        """,
}

SECRETS = [
    "HEMMELIG-TITTEL-01",
    "HEMMELIG-TEKST-02",
    "HEMMELIG-DELMAAL-03",
    "HEMMELIG-VURDERING-04",
    "HEMMELIG-VURDERING-05",
    "987654321",
    "HEMMELIG-RISIKO-06",
    "HEMMELIG-STATUS-07",
    "HEMMELIG-STATUS-08",
    "HEMMELIG-KOMMENTAR-09",
    "HEMMELIG-KOMMENTAR-10",
    "HEMMELIG-MARKOR-11",
    "HEMMELIG-MARKOR-12",
    "HEMMELIG-KILDE-13",
    "HEMMELIG-REFERAT-14",
    "HEMMELIG-UTENFOR-15",
    "HEMMELIG-SYNLIGHET-16",
]


def unpacked(site: Path) -> dict[str, bytes]:
    """Every file the build wrote, with workbooks unzipped and gzip files unpacked, by path."""
    out: dict[str, bytes] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        name, data = str(path.relative_to(site)), path.read_bytes()
        out[name] = data
        if path.suffix == ".gz":
            out[name + "!"] = gzip.decompress(data)
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for part in book.namelist():
                    out[f"{name}!{part}"] = book.read(part)
    return out


def hits(site: Path) -> list[str]:
    if not site.exists():
        return []
    return [
        f"{secret} in {name}" for name, data in unpacked(site).items() for secret in SECRETS if secret.encode() in data
    ]


def test_the_internal_build_shows_what_the_public_one_hides(tmp_path):
    built = build_in_process(write_site(tmp_path, LEAKY_SITE), tmp_path / "site")
    assert built.ok, built.log
    found = {hit.split(" ")[0] for hit in hits(built.site)}
    # Comments and forged markers are never shown, not even internally; the rest is.
    shown = set(SECRETS) - {s for s in SECRETS if "KOMMENTAR" in s or "MARKOR" in s or "UTENFOR" in s}
    assert shown - {"HEMMELIG-SYNLIGHET-16"} <= found
    assert not {s for s in found if "KOMMENTAR" in s or "MARKOR" in s}


def test_a_strict_public_build_writes_no_secret_in_any_file(tmp_path):
    built = build_in_process(write_site(tmp_path, LEAKY_SITE), tmp_path / "site", env=PUBLIC)
    assert built.ok, built.log
    files = unpacked(built.site)
    assert "sitemap.xml.gz!" in files and "search/search_index.json" in files
    assert any(name.endswith(".xlsx!xl/worksheets/sheet2.xml") for name in files)
    assert any(name.endswith("actions.csv") for name in files)
    assert hits(built.site) == []
    # What is public stays, and so do the theme's own files (they are not in the docs folder, and not links).
    assert any(name.startswith("assets/javascripts/bundle.") for name in files)
    assert b"Prodekan" in files["forskning/tiltak-2/index.html"]
    assert "forskning/noter/index.html" in files and "forskning/via-alias/index.html" not in files
    assert "m/gammel-hemmelig/index.html" not in files


@pytest.mark.parametrize(
    ("name", "extra", "named"),
    [
        ("symlink to a file", {"lekk.md": "link:secret.md"}, "lekk.md"),
        ("symlink to a folder", {"mappe": "link:outside"}, "mappe"),
        ("misspelt visibility value", {"synlig.md": PLAIN.format("visibility: Internal")}, "synlig.md"),
        ("misspelt visibility key", {"synlig.md": PLAIN.format("visibilty: internal")}, "synlig.md"),
        ("Norwegian visibility value", {"synlig.md": PLAIN.format("visibility: intern")}, "synlig.md"),
    ],
)
def test_a_strict_public_build_refuses_what_it_cannot_hide_naming_the_file(tmp_path, name, extra, named):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# HEMMELIG-UTENFOR-15\n", encoding="utf-8")
    config = write_site(tmp_path, LEAKY_SITE)
    for path, text in extra.items():
        target = tmp_path / "docs" / path
        if text.startswith("link:"):
            os.symlink(outside / text[5:] if text != "link:outside" else outside, target)
        else:
            target.write_text(text, encoding="utf-8")
    built = build_in_process(config, tmp_path / "site", env=PUBLIC)
    assert not built.ok, name
    assert "Traceback" not in built.log
    assert any(f": {named}" in w for w in built.warnings()), built.log
    assert hits(built.site) == []
