"""Property tests: whatever an editor writes, the loader answers with problems, never a crash; and every
valid page survives the trip through the JSON export unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_site.checks.precheck import check_site
from strategy_site.core.graph import build_model
from strategy_site.core.load import Record, SourceDoc, decode_source, load_documents
from strategy_site.core.models import MODELS
from strategy_site.core.scales import Scales
from strategy_site.exports.json_export import entity_from_export, export_json

SCALES = Scales.from_config()
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE = [
    SourceDoc("s.md", "---\ntype: strategy\nid: s\ntitle: S\nunit: U\nperiod: {start: 2018, end: 2025}\n---\n"),
    SourceDoc("a.md", "---\ntype: area\nid: a\ntitle: A\n---\n"),
    SourceDoc("g.md", "---\ntype: goal\nid: g\ntitle: G\narea: a\n---\nSe [[g]].\n"),
]

# Every field name of every page type, so random frontmatter often hits real fields with wrong values.
FIELDS = sorted({name for model in MODELS.values() for name in model.model_fields})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2019", "2019-T2", "2019-T4", "2019-13", "2019-02-30", "g", "a", "s", "JA", "KANSKJE", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner),
    max_leaves=12,
)
frontmatter_data = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=10),
    values,
    max_size=8,
) | st.builds(
    lambda kind, ident, rest: {"type": kind, "id": ident, **rest},
    st.sampled_from([*MODELS, "mål", 5, None]),
    st.sampled_from(["x", "g", "a", "tiltak 7", "X", "", 7]),
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=8),
)


def _mangle(text: str, data) -> str:
    """Editors' typical slips: a tab, a lost quote or bracket, a line cut short, Windows line endings."""
    how, position = data
    position = position % (len(text) + 1)
    return [
        text,
        text[:position] + "\t" + text[position:],
        text[:position] + '"' + text[position:],
        text[:position] + "[" + text[position:],
        text[:position],
        text.replace("\n", "\r\n"),
    ][how % 6]


def assert_only_problems(docs: list[SourceDoc], extra=()) -> None:
    analysis = check_site(docs, SCALES, extra)
    for problem in analysis.problems:
        line = str(problem)
        assert line.startswith(problem.path), line
        assert problem.line is None or problem.line >= 1, line
        assert "\n" not in line and "\r" not in line, line  # one line per problem, always


@PROPERTIES
@given(st.text(max_size=300))
def test_any_text_as_frontmatter_gives_problems_not_a_crash(text):
    assert_only_problems([*BASE, SourceDoc("x.md", f"---\n{text}\n---\nTekst\n")])


@PROPERTIES
@given(st.text(max_size=300))
def test_any_page_text_gives_problems_not_a_crash(text):
    assert_only_problems([*BASE, SourceDoc("x.md", text)])


@PROPERTIES
@given(st.binary(max_size=300))
def test_any_bytes_give_problems_not_a_crash(data):
    doc, problems = decode_source("x.md", data)
    assert_only_problems([*BASE, *([doc] if doc else [])], problems)


@PROPERTIES
@given(frontmatter_data, st.tuples(st.integers(0, 5), st.integers(0, 10_000)))
def test_random_frontmatter_gives_problems_not_a_crash(data, slip):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert_only_problems([*BASE, SourceDoc("x.md", f"---\n{_mangle(text, slip)}---\nSe [[x]].\n")])


# Valid pages: every field of every type, with any text an editor could write.
ids = st.from_regex(r"[a-z0-9](?:[a-z0-9_-]{0,12}[a-z0-9])?", fullmatch=True)
words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda t: t.strip() == t and t != "")
optional_words = st.none() | words
periods = st.builds(
    lambda year, kind, n: {
        "year": f"{year}",
        "tertial": f"{year}-T{n % 3 + 1}",
        "quarter": f"{year}-Q{n % 4 + 1}",
        "half": f"{year}-H{n % 2 + 1}",
        "month": f"{year}-{n % 12 + 1:02d}",
        "date": f"{year}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
    }[kind],
    st.integers(2000, 2040),
    st.sampled_from(["year", "tertial", "quarter", "half", "month", "date"]),
    st.integers(0, 100),
)
numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12) | st.integers(
    -(10**9), 10**9
)
ratings = st.sampled_from(["JA", "JA-", "NEI", "Vet ikke", "TJA"])
assessments = st.lists(
    st.fixed_dictionaries({"period": periods, "rating": ratings}, optional={"note": words, "part": words}),
    max_size=3,
)
common = {"owner": words, "editor": words, "visibility": st.sampled_from(["public", "internal"])}


def page(kind: str, required: dict, optional: dict):
    return st.fixed_dictionaries({"type": st.just(kind), **required}, optional={**common, **optional})


goal_pages = page(
    "goal",
    {"id": ids.map(lambda i: f"g-{i}"), "title": words, "area": st.just("a")},
    {"number": words, "level": words, "deadline": periods, "assessments": assessments},
)
indicator_pages = page(
    "indicator",
    {"id": ids.map(lambda i: f"i-{i}"), "title": words, "goals": st.just(["g"])},
    {
        "unit_of_measure": words,
        "direction": st.sampled_from(["increase", "decrease"]),
        "baseline": st.fixed_dictionaries({"period": periods, "value": numbers}),
        "target": st.fixed_dictionaries({"period": periods, "value": numbers})
        | st.lists(st.fixed_dictionaries({"period": periods, "value": numbers}), min_size=1, max_size=3),
        "values": st.dictionaries(periods, numbers, max_size=4),
        "source": words,
        "example_data": st.booleans(),
    },
)
action_pages = page(
    "action",
    {"id": ids.map(lambda i: f"t-{i}"), "title": words, "goals": st.just(["g"])},
    {
        "plan": words,
        "number": words,
        "responsible": words,
        "start": st.just("2019-01"),
        "end": st.sampled_from(["2019-06", "2020", "2021-T3"]),
        "budget": st.fixed_dictionaries({}, optional={"hours": st.integers(0, 10**6), "nok": st.floats(0, 1e9)}),
        "financing": words,
        "risk": st.fixed_dictionaries({"level": st.sampled_from(["low", "medium", "high"])}, optional={"note": words}),
        "milestones": st.lists(
            st.fixed_dictionaries({"period": periods, "title": words}, optional={"done": st.booleans()}), max_size=2
        ),
        "status": st.lists(
            st.fixed_dictionaries(
                {"period": periods, "level": st.integers(0, 5)}, optional={"note": words, "inferred": st.booleans()}
            ),
            max_size=3,
        ),
    },
)
strategy_pages = page(
    "strategy",
    {
        "id": st.just("s"),
        "title": words,
        "unit": words,
        "period": st.integers(1900, 2100).map(lambda y: {"start": y, "end": y + 7}),
    },
    {
        "current_period": periods,
        "statements": st.lists(
            st.fixed_dictionaries({"text": words}, optional={"assessments": assessments}), max_size=2
        ),
    },
)
area_pages = page(
    "area",
    {"id": st.just("a"), "title": words},
    {"strategy": st.just("s"), "group": words, "order": st.integers(-100, 100), "pillars": st.lists(words, max_size=3)},
)


def frontmatter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


@PROPERTIES
@given(
    strategy_pages,
    area_pages,
    goal_pages.map(lambda g: {**g, "id": "g"}),
    st.lists(goal_pages | indicator_pages | action_pages, max_size=4, unique_by=lambda p: p["id"]),
)
def test_every_valid_page_round_trips_through_the_json_export(strategy, area, goal, others):
    pages = [strategy, area, goal, *others]
    loaded = load_documents(SourceDoc(f"p{i}.md", frontmatter(data)) for i, data in enumerate(pages))
    assert loaded.problems == []
    model, problems = build_model(loaded.records, SCALES, loaded.broken_ids)
    assert [p for p in problems if p.severity == "error"] == []

    exported = json.loads(export_json(model, lambda ident: f"{ident}/"))

    by_id: dict[str, Record] = {r.id: r for r in loaded.records}
    assert sorted(e["id"] for e in exported["entities"]) == sorted(by_id)
    for entry in exported["entities"]:
        original = by_id[entry["id"]]
        assert entity_from_export(entry) == original.entity
        assert entry["file"] == original.path
    # The pages as written are what was loaded: the loader itself lost nothing.
    for data, record in zip(pages, loaded.records, strict=True):
        assert record.entity == MODELS[data["type"]].model_validate(data)


def test_the_export_written_an_entity_at_a_time_is_the_json_of_the_whole_export():
    # `export_json` writes each entity on its own (serve --dirty keeps them); the text is `json.dumps`'s.
    from strategy_site.exports.json_export import build_export
    from strategy_site.exports.safe_text import json_for_html
    from strategy_site.glue.command import load_site

    model = load_site(str(Path(__file__).resolve().parents[1] / "mkdocs.yml")).analysis.model
    url_of = lambda ident: f"{ident}/"  # noqa: E731
    whole = json_for_html(build_export(model, url_of), indent=2) + "\n"
    kept: dict[str, tuple[str, str]] = {}
    assert export_json(model, url_of) == whole == export_json(model, url_of, kept, lambda ident: "same")
    assert len(kept) == len(model.records)
    # Kept pieces are used while their key holds, and worked out again when it changes.
    goal = next(iter(model.goals_in(model.strategies[0])))
    kept[goal.id] = ("same", '    {"kept": true}')
    assert '{"kept": true}' in export_json(model, url_of, kept, lambda ident: "same")
    assert export_json(model, url_of, kept, lambda ident: "changed") == whole
    empty = type(model)(scales=model.scales)
    assert export_json(empty, url_of) == json_for_html(build_export(empty, url_of), indent=2) + "\n"
