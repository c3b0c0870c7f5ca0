"""Site settings in mkdocs.yml (scales, lints, current period) are checked like frontmatter: every mistake,
named by option, item and key, in one message."""

from __future__ import annotations

import yaml
from conftest import BASE_SITE, ROOT, build_in_process

from strategy_site.core.scales import defaults
from strategy_site.core.settings import SettingsError, site_settings


def problems(options: dict) -> list[str]:
    """The lines of the settings error the options give (none: they are fine)."""
    try:
        site_settings(options)
    except SettingsError as exc:
        assert str(exc).startswith("ugyldige innstillinger i mkdocs.yml:\n")
        return exc.problems
    return []


def ratings(*extra: dict) -> list[dict]:
    """A small valid rating scale, with `extra` levels after it."""
    return [
        {"key": "JA", "label": "Nådd", "score": 100, "color": "#1e7b34", "reached": True, "aliases": ["Ja"]},
        {"key": "NEI", "label": "Ikke nådd", "score": 0, "color": "#b3261e"},
        *extra,
    ]


STATUSES = [
    {"level": 0, "label": "Ikke startet", "color": "#6b6b6b"},
    {"level": 1, "label": "I gang", "color": "#2b7bba"},
    {"level": 2, "label": "Levert", "color": "#1e7b34"},
]


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_the_defaults_and_the_example_site_load_unchanged():
    plain = site_settings({})
    assert [level.key for level in plain.scales.ratings.levels][:3] == ["JA", "JA-", "JA--"]
    assert plain.scales.ratings.resolve("ja").label == "Nådd"
    assert (plain.scales.statuses.started, plain.scales.statuses.done) == (2, 4)
    assert plain.lints.severities["action-without-goal"] == "warning"
    assert site_settings(defaults()).scales == plain.scales
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    options = next(p["strategy"] for p in config["plugins"] if isinstance(p, dict) and "strategy" in p)
    example = site_settings(options)
    assert example.scales.ratings.levels == plain.scales.ratings.levels
    # A score stays as written (100, not 100.0): it is shown and exported.
    assert type(example.scales.ratings.levels[0].score) is int


def test_misspelt_keys_of_a_rating_are_named_with_a_did_you_mean():
    assert problems({"ratings": ratings({"key": "JA-", "lable": "Nesten nådd", "reachd": True})}) == [
        "ratings[2] «JA-»: ukjent felt «lable»; mente du «label»?",
        "ratings[2] «JA-»: ukjent felt «reachd»; mente du «reached»?",
    ]


def test_an_unknown_key_without_a_close_match_lists_the_known_ones():
    assert problems({"ratings": ratings({"key": "TJA", "farge": "#e0a400"})}) == [
        "ratings[2] «TJA»: ukjent felt «farge»; kjente felt: key, label, score, color, reached, aliases"
    ]


def test_a_rating_without_a_key():
    assert problems({"ratings": ratings({"label": "Tja"})}) == ["ratings[2]: key: feltet mangler"]


def test_a_score_outside_0_to_100():
    assert problems({"ratings": ratings({"key": "MER", "score": 120})}) == [
        "ratings[2] «MER»: score: skal være mellom 0 og 100 (fikk «120»)"
    ]


def test_a_score_that_is_not_a_number():
    assert problems({"ratings": ratings({"key": "TJA", "score": "50%"})}) == [
        "ratings[2] «TJA»: score: skal være et tall fra 0 til 100, eller null for ingen poengsum (fikk «50%»)"
    ]


def test_a_colour_that_is_not_hex():
    assert problems({"ratings": ratings({"key": "TJA", "color": "yellow"}, {"key": "NEI+", "color": "#d9622"})}) == [
        'ratings[2] «TJA»: color: «yellow» er ikke en farge; skriv #rgb eller #rrggbb, f.eks. "#1e7b34"',
        'ratings[3] «NEI+»: color: «#d9622» er ikke en farge; skriv #rgb eller #rrggbb, f.eks. "#1e7b34"',
    ]


def test_an_unquoted_colour_read_as_a_comment():
    # `color: #e0a400` without quotes is a YAML comment: the value is empty.
    level = yaml.safe_load("key: TJA\ncolor: #e0a400\n")
    assert problems({"ratings": ratings(level)}) == [
        "ratings[2] «TJA»: color: mangler verdi; sett farger i anførselstegn, ellers leser YAML # som en kommentar"
    ]


def test_reached_that_is_not_true_or_false():
    assert problems({"ratings": ratings({"key": "TJA", "reached": "ja"})}) == [
        "ratings[2] «TJA»: reached: skal være true eller false (fikk «ja»)"
    ]


def test_aliases_that_are_not_a_list():
    assert problems({"ratings": ratings({"key": "TJA", "aliases": "Tja"})}) == [
        "ratings[2] «TJA»: aliases: skal være en liste (fikk «Tja»)"
    ]


def test_a_mark_on_two_levels():
    # Marks are matched without regard to case and spacing, so «ja » is the JA level's alias «Ja».
    assert problems({"ratings": ratings({"key": "Nei"}, {"key": "KANSKJE", "aliases": ["ja "]})}) == [
        "ratings[2] «Nei»: key: «Nei» hører allerede til ratings[1] «NEI»; en karakter kan bare høre til ett nivå",
        "ratings[3] «KANSKJE»: aliases[0]: «ja » hører allerede til ratings[0] «JA»; "
        "en karakter kan bare høre til ett nivå",
    ]


def test_a_level_that_is_not_a_mapping_and_a_scale_that_is_not_a_list():
    assert problems({"ratings": ratings("TJA")}) == ["ratings[2]: skal være en mapping (nøkkel: verdi) (fikk «TJA»)"]
    assert problems({"ratings": "JA, NEI"}) == ["ratings: skal være en liste (fikk «JA, NEI»)"]
    assert problems({"ratings": []}) == ["ratings: kan ikke være tom; la innstillingen stå ute for å bruke standarden"]


def test_a_misspelt_status_key():
    statuses = [*STATUSES, {"level": 3, "lable": "Evaluert"}]
    assert problems({"statuses": statuses, "status_started": 1, "status_done": 2}) == [
        "statuses[3]: ukjent felt «lable»; mente du «label»?"
    ]


def test_a_status_level_that_is_not_a_whole_number():
    statuses = [*STATUSES, {"level": "3", "label": "Evaluert"}]
    assert problems({"statuses": statuses, "status_started": 1, "status_done": 2}) == [
        "statuses[3] «Evaluert»: level: skal være et heltall (fikk «3»)"
    ]


def test_a_status_level_twice():
    statuses = [*STATUSES, {"level": 2, "label": "Evaluert"}]
    assert problems({"statuses": statuses, "status_started": 1, "status_done": 2}) == [
        "statuses[3] «Evaluert»: level: nivå 2 finnes allerede i statuses[2]"
    ]


def test_started_and_done_must_be_levels_of_the_status_scale():
    assert problems({"statuses": STATUSES, "status_started": 1, "status_done": 5}) == [
        "status_done: 5 er ikke et nivå på statusskalaen (0, 1, 2)"
    ]
    # Unset, the default (2 and 4) must be on the site's own scale too.
    assert problems({"statuses": STATUSES}) == [
        "status_done: er ikke satt, og standardverdien 4 er ikke et nivå på statusskalaen (0, 1, 2)"
    ]


def test_started_after_done():
    assert problems({"status_started": 4, "status_done": 2}) == [
        "status_started: 4 er høyere enn status_done (2); et tiltak må regnes som igangsatt før det er gjennomført"
    ]


def test_a_severity_that_is_not_one_of_the_four():
    assert problems({"lints": {"action_without_owner": "warn", "goal_without_indicator": True}}) == [
        "lints: action_without_owner: «warn» er ikke error, warning, info eller off; mente du «warning»?",
        "lints: goal_without_indicator: «true» er ikke error, warning, info eller off",
    ]


def test_an_unknown_lint_is_named_as_written():
    assert problems({"lints": {"action_without_ownr": "warning", "goal-without-deadlin": "off"}}) == [
        "lints: ukjent sjekk «action_without_ownr»; mente du «action_without_owner»?",
        "lints: ukjent sjekk «goal-without-deadlin»; mente du «goal-without-deadline»?",
    ]


def test_a_start_limit_that_is_not_a_whole_number():
    assert problems({"lints": {"start_limit": "fem"}}) == ["lints: start_limit: skal være et heltall (fikk «fem»)"]
    assert problems({"lints": {"start_limit": -1}}) == ["lints: start_limit: kan ikke være negativ (fikk «-1»)"]


def test_lints_off_written_bare_and_unset_lints_keep_their_default():
    # YAML reads a bare `off` as false; an empty value keeps the default.
    lints = yaml.safe_load("goal_without_indicator: off\naction-without-owner: error\naction_without_goal:\n")
    severities = site_settings({"lints": lints}).lints.severities
    assert severities["goal-without-indicator"] == "off"
    assert severities["action-without-owner"] == "error"
    assert severities["action-without-goal"] == "warning"


def test_a_current_period_that_is_not_a_period():
    assert problems({"current_period": "2019-T4"}) == ["current_period: «2019-T4»: tertial må være 1–3"]
    assert site_settings({"current_period": 2019}).lints.current_period == "2019"


def test_every_mistake_is_reported_at_once():
    found = problems(
        {
            "ratings": ratings({"key": "JA-", "lable": "Nesten nådd", "reachd": True}),
            "statuses": [*STATUSES, {"level": 1, "label": "Igjen"}],
            "status_started": 1,
            "status_done": 2,
            "lints": {"too_many_start": "info"},
        }
    )
    assert found == [
        "lints: ukjent sjekk «too_many_start»; mente du «too_many_starts»?",
        "ratings[2] «JA-»: ukjent felt «lable»; mente du «label»?",
        "ratings[2] «JA-»: ukjent felt «reachd»; mente du «reached»?",
        "statuses[3] «Igjen»: level: nivå 1 finnes allerede i statuses[1]",
    ]


def test_a_misspelt_key_in_mkdocs_yml_fails_the_build_with_the_message(build_site):
    options = """
        ratings:
          - {key: "JA", label: "Nådd", score: 100, color: "#1e7b34", reached: true}
          - {key: "JA-", lable: "Nesten nådd", score: 85, color: "#4c9a2a", reachd: true}
          - {key: "NEI", label: "Ikke nådd", score: 0, color: "#b3261e"}
        lints:
          action_without_ownr: warning
        """
    built = build_site(BASE_SITE, options=options)
    assert not built.ok and "Traceback" not in built.log
    # The build stops at the settings, with one error listing these three mistakes, and nothing else.
    assert built.lines("ERROR", "WARNING") == [
        "strategy: ugyldige innstillinger i mkdocs.yml:\n"
        "  lints: ukjent sjekk «action_without_ownr»; mente du «action_without_owner»?\n"
        "  ratings[1] «JA-»: ukjent felt «lable»; mente du «label»?\n"
        "  ratings[1] «JA-»: ukjent felt «reachd»; mente du «reached»?"
    ], built.log
    assert built.log.splitlines()[-1] == "Error: Aborted with a BuildError!"


def test_an_unknown_lint_fails_even_a_build_that_is_not_strict(tmp_path):
    # MkDocs itself only warns about an unknown option; a settings mistake stops the build either way.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hei\n", encoding="utf-8")
    config = {"site_name": "Test", "plugins": [{"strategy": {"lints": {"action_without_ownr": "warning"}}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    built = build_in_process(tmp_path / "mkdocs.yml", tmp_path / "site", strict=False)
    assert not built.ok
    # MkDocs' warning about the unknown option would not stop a build that is not strict; this error does.
    assert built.lines("ERROR") == [
        "strategy: ugyldige innstillinger i mkdocs.yml:\n"
        "  lints: ukjent sjekk «action_without_ownr»; mente du «action_without_owner»?"
    ], built.log
    assert "Traceback" not in built.log
