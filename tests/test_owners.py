"""Owners' pages («Hvem er ansvarlig»): the right items per owner, what is due, contact details and edit links."""

from __future__ import annotations

import html as html_module
import json
import re

from conftest import BASE_CONFIG, BASE_SITE

OWNED = {
    **BASE_SITE,
    "forskning/tiltak-2.md": """
        ---
        type: action
        id: s-tiltak-2
        goals: [s-forskning-1]
        title: Felles laboratorium
        owner: "prodekan  Forskning"
        start: 2019-01
        end: 2021-12
        ---
        """,
    "forskning/tiltak-3.md": """
        ---
        type: action
        id: s-tiltak-3
        goals: [s-forskning-2]
        title: Starter senere
        owner: Prodekan forskning
        start: 2021-01
        end: 2021-12
        ---
        """,
    "forskning/doktorgrader.md": """
        ---
        type: indicator
        id: s-doktorgrader
        goals: [s-forskning-2]
        title: Doktorgrader per år
        owner: Prodekan forskning
        values: {"2018": 40}
        ---
        """,
}
OPTIONS = """
owners:
  Prodekan forskning: {email: prodekan@example.no, unit: Fakultetet}
"""
CONFIG = BASE_CONFIG + "repo_url: https://example.org/org/repo\nedit_uri: edit/main/docs/\n"


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))


def owner_config(options: str) -> str:
    block = ":\n" + "\n".join("      " + line for line in options.strip("\n").splitlines())
    return CONFIG.format(options=block)


def test_each_owner_page_lists_their_items_with_what_is_due(build_site):
    built = build_site(OWNED, config=owner_config(OPTIONS))
    assert built.ok, built.log
    page = built.html("ansvarlige/prodekan-forskning/index.html")
    body = text(page[page.index("<article") : page.index("</article>")])
    # The three actions and the indicator whose owner is «Prodekan forskning», however it is spelt.
    assert "Ansvarlig: Prodekan forskning" in body
    assert "0 mål, 1 indikatorer og 3 tiltak. 2 mangler noe for gjeldende rapporteringsperiode." in body
    assert "Fakultetet · prodekan@example.no" in body
    # The unit's current period is 2019-T3 (its latest status): the reported action and the one that has not
    # started are in order; the other owes its status; the indicator its value for 2019.
    assert "Etablere forskerskole I orden" in body
    assert "Starter senere I orden" in body
    assert "Felles laboratorium Status for 3. tertial 2019 mangler" in body
    assert "Doktorgrader per år Verdi for 2019 mangler" in body
    assert "Forskergrupper" not in body and "Styrke forskergrupper" not in body
    assert 'href="https://example.org/org/repo/edit/main/docs/forskning/tiltak-2.md"' in page
    other = built.html("ansvarlige/forskningsdirektor/index.html")
    other = text(other[other.index("<article") : other.index("</article>")])
    assert "Styrke forskergrupper" in other and "Etablere forskerskole" not in other


def test_the_index_counts_each_owners_items(build_site):
    built = build_site(OWNED, config=owner_config(OPTIONS))
    assert built.ok, built.log
    index = built.html("ansvarlige/index.html")
    rows = [text(row).strip() for row in re.findall(r"<tr>(.*?)</tr>", index, flags=re.S)]
    assert rows[1:] == ["Forskningsdirektør 1 0 0 0 0", "Prodekan forskning Fakultetet 0 1 3 2 0"]


def test_no_owner_no_pages_and_public_builds_leave_them_out(build_site, tmp_path):
    plain = {path: page.replace("owner: ", "editor: ") for path, page in BASE_SITE.items()}
    built = build_site(plain)
    assert built.ok, built.log
    assert not (built.site / "ansvarlige").exists()
    public = build_site(OWNED, options="audience: public")
    assert public.ok, public.log
    assert not (public.site / "ansvarlige").exists()


def test_a_bad_owners_option_names_owner_and_key(build_site):
    built = build_site(BASE_SITE, options="owners:\n  Prodekan forskning: {mail: x@example.no, email: nei}")
    assert not built.ok
    assert "owners: «Prodekan forskning»: mail: ukjent felt; bruk email og unit" in built.log
    assert "owners: «Prodekan forskning»: email: «nei» er ikke en e-postadresse" in built.log


def test_the_items_are_tables_kept_out_of_search(build_site):
    """The tables repeat the items' own pages: HTML from the start (no Markdown table per owner) and not in the
    search index, while the page itself (its title, who it is, what is due) can still be found."""
    built = build_site(OWNED, config=owner_config(OPTIONS))
    assert built.ok, built.log
    page = built.html("ansvarlige/prodekan-forskning/index.html")
    tables = re.findall(r'<table data-strategy-block="owner-items">.*?</table>', page, flags=re.S)
    assert len(tables) == 2  # indicators and actions; the owner has no goals
    assert '<th scope="col">Tiltak</th>' in tables[1] and '<th scope="col">Redigere</th>' in tables[1]
    assert 'href="../../forskning/tiltak-2/">Felles laboratorium</a>' in tables[1]
    index = json.loads((built.site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [e for e in index["docs"] if e["location"].startswith("ansvarlige/prodekan-forskning/")]
    indexed = " ".join(e["title"] + " " + e["text"] for e in entries)
    assert "Ansvarlig: Prodekan forskning" in indexed and "mangler noe for gjeldende" in indexed
    assert "Felles laboratorium" not in indexed and "Doktorgrader per år" not in indexed


def test_the_owner_block_elsewhere_is_named_as_a_mistake(build_site):
    site = {**OWNED, "index.md": BASE_SITE["index.md"] + "\n<!-- strategy/owner-items type=goals -->\n"}
    built = build_site(site, config=owner_config(OPTIONS))
    assert not built.ok
    assert any(p.startswith("index.md:") and "står bare på sidene deres" in p for p in built.problems()), built.log
