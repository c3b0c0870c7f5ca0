"""Adding a status entry by text insertion: each shape of `status` an editor writes, hostile notes, other bytes kept."""

from __future__ import annotations

import pytest

from strategy_site.core.load import SourceDoc, load_document
from strategy_site.core.status_edit import EditError, NewStatus, add_status, yaml_quoted

HEAD = "---\ntype: action\nid: t-1\ntitle: Tiltak\n"
ENTRY = NewStatus("2025-T3", 3, "Godt i gang")


def statuses(text: str) -> list[dict]:
    record, problems = load_document(SourceDoc("t.md", text))
    assert not problems and record is not None and not isinstance(record, str), problems
    return [e.model_dump(exclude={"inferred"}) for e in record.entity.status]


NEW = {"period": "2025-T3", "level": 3, "note": "Godt i gang"}
OLD = {"period": "2019", "level": 0, "note": None}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ('status:\n  - {period: "2019", level: 0}  # kommentar\n# om risiko\nrisk: {level: low}\n',
         'status:\n  - {period: "2019", level: 0}  # kommentar\n'
         '  - {period: "2025-T3", level: 3, note: "Godt i gang"}\n# om risiko\nrisk: {level: low}\n'),
        ("status:\n- {period: 2019, level: 0}\n",
         '- {period: 2019, level: 0}\n- {period: "2025-T3", level: 3, note: "Godt i gang"}\n'),
        ("status:\n  - period: 2019\n    level: 0\n    note: |\n      lang\n\nowner: Eier\n",
         '    note: |\n      lang\n  - period: "2025-T3"\n    level: 3\n    note: "Godt i gang"\n\nowner: Eier\n'),
        ("status: [{period: 2019, level: 0}]\n",
         'status: [{period: 2019, level: 0}, {period: "2025-T3", level: 3, note: "Godt i gang"}]\n'),
        ("status: []\n", 'status: [{period: "2025-T3", level: 3, note: "Godt i gang"}]\n'),
        ("status:   # ingen ennå\nowner: Eier\n",
         'status:   # ingen ennå\n  - {period: "2025-T3", level: 3, note: "Godt i gang"}\nowner: Eier\n'),
        ("owner: Eier\n", 'owner: Eier\nstatus:\n  - {period: "2025-T3", level: 3, note: "Godt i gang"}\n'),
    ],
)
def test_the_entry_goes_in_the_lists_own_style(status, expected):
    text = HEAD + status + "---\nTekst.\n"
    new = add_status(text, ENTRY)
    assert expected in new
    # An empty `status:` does not load (it is null); once filled in it does.
    after = statuses(new)
    assert after[-1] == NEW and len(after) == status.count("period") + 1
    assert new.endswith("---\nTekst.\n")


def test_crlf_bom_and_comments_are_kept_byte_for_byte():
    text = HEAD + "# eier kommer\nstatus:\n  - {period: '2019', level: 0}\n---\nTekst\n"
    text = "\ufeff" + text.replace("\n", "\r\n")
    new = add_status(text, ENTRY)
    line = '  - {period: "2025-T3", level: 3, note: "Godt i gang"}\r\n'
    assert new.replace(line, "") == text and line in new
    assert statuses(new)[-1] == NEW


@pytest.mark.parametrize(
    "note",
    [
        "kolon: og # kommentar",
        '"sitert" og \'enkel\'',
        "- ser ut som en liste",
        "* stjerne",
        "linje en\nlinje to\n\nfire",
        "{flyt: [mapping]}, & *alias !tag |",
        "baklengs \\ skråstrek \\n ikke linjeskift",
        "NEL\x85 LS\u2028 PS\u2029 tab\t slutt",
        "emoji 🎉 og æøå",
        "null",
        "3",
    ],
)
def test_hostile_notes_read_back_exactly(note):
    text = HEAD + "status:\n  - {period: '2019', level: 0}\n---\n"
    added = add_status(text, NewStatus("2025-T3", 3, note))
    for written in (added, add_status(HEAD + "---\n", NewStatus("2025", 1, note))):
        assert statuses(written)[-1]["note"] == note
    assert "\n" not in yaml_quoted(note)


def test_replace_keeps_the_items_place_and_the_rest():
    text = HEAD + "status:\n  - {period: '2019', level: 0}  # først\n  - {period: '2020', level: 1}\n---\n"
    new = add_status(text, NewStatus("2019", 2, None), replace=0)
    assert new == text.replace("{period: '2019', level: 0}", '{period: "2019", level: 2}')


@pytest.mark.parametrize(
    "status",
    ["status: null\n", "status: tekst\n", "status: {period: 2019}\n"],
)
def test_a_status_that_is_not_a_list_is_refused(status):
    with pytest.raises(EditError):
        add_status(HEAD + status + "---\n", ENTRY)


def test_a_page_without_frontmatter_is_refused():
    with pytest.raises(EditError, match="frontmatter"):
        add_status("# Bare tekst\n", ENTRY)
