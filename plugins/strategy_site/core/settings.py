"""A site's settings for the plugin (scales, lints, current period), validated like frontmatter.

The options arrive as plain YAML data from mkdocs.yml. Each option and each level of a scale is checked
against a typed model that forbids unknown keys, so `{key: JA, lable: Nådd}` is an error with a did-you-mean
rather than a level labelled «JA». Every mistake is collected and reported at once, in Norwegian, naming the
option, the item and the key.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from strategy_site.core.models import PeriodKey, Text
from strategy_site.core.periods import parse_period
from strategy_site.core.problems import field_path
from strategy_site.core.scales import (
    RatingLevel,
    RatingScale,
    Scales,
    StatusLevel,
    StatusScale,
    defaults,
    mark_key,
)

Severity = Literal["error", "warning", "info", "off"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info", "off")
DEFAULT_COLOR = "#6b6b6b"
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


class SettingsError(ValueError):
    """Settings the plugin cannot use; `problems` has one line per mistake, each naming option, item and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"ugyldige innstillinger i mkdocs.yml:\n{lines}")


def _check_color(value: str) -> str:
    if not _COLOR.fullmatch(value):
        raise ValueError(f'«{value}» er ikke en farge; skriv #rgb eller #rrggbb, f.eks. "#1e7b34"')
    return value


def _check_score(value: Any) -> int | float:
    # Checked by hand rather than as `float`, which would turn a score of 100 into 100.0 in the output.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"skal være et tall fra 0 til 100, eller null for ingen poengsum (fikk «{_shown(value)}»)")
    if not 0 <= value <= 100:
        raise ValueError(f"skal være mellom 0 og 100 (fikk «{value}»)")
    return value


def _off_when_false(value: Any) -> Any:
    # YAML reads a bare `off` (and `no`, `false`) as false, which means the lint is off.
    return "off" if value is False else value


Color = Annotated[str, Field(strict=True), AfterValidator(_check_color)]
Name = Annotated[Text, Field(min_length=1)]
Whole = Annotated[int, Field(strict=True)]
Score = Annotated[int | float, PlainValidator(_check_score)]
SeveritySetting = Annotated[Severity, BeforeValidator(_off_when_false)]


class RatingLevelSetting(BaseModel):
    """One level of the `ratings` option: how a mark is shown and what it counts as."""

    model_config = ConfigDict(extra="forbid")

    key: Name
    label: Text | None = None
    score: Score | None = None
    color: Color = DEFAULT_COLOR
    reached: Annotated[bool, Field(strict=True)] = False
    aliases: list[Name] = Field(default_factory=list)

    def level(self) -> RatingLevel:
        """The level on the site's rating scale; without a label it shows its key."""
        return RatingLevel(self.key, self.label or self.key, self.score, self.color, self.reached, tuple(self.aliases))


class StatusLevelSetting(BaseModel):
    """One level of the `statuses` option."""

    model_config = ConfigDict(extra="forbid")

    level: Whole
    label: Name
    color: Color = DEFAULT_COLOR

    def status(self) -> StatusLevel:
        """The level on the site's status scale."""
        return StatusLevel(self.level, self.label, self.color)


class LintsSetting(BaseModel):
    """The `lints` option: each lint's severity and the start limit; the defaults are the product's.

    The action without a goal defaults to a warning: it follows up nothing, so no report or figure can show it.
    The rest default to info, so real content that lacks them (as the example site's does) still builds
    strictly while editors see them listed. A lint may be named with - or _.
    """

    model_config = ConfigDict(extra="forbid")

    action_without_goal: SeveritySetting = "warning"
    action_without_owner: SeveritySetting = "info"
    action_without_timeline: SeveritySetting = "info"
    action_without_budget: SeveritySetting = "info"
    action_without_risk: SeveritySetting = "info"
    goal_without_indicator: SeveritySetting = "info"
    goal_without_deadline: SeveritySetting = "info"
    status_not_reported: SeveritySetting = "info"
    too_many_starts: SeveritySetting = "info"
    # Hundreds of distinct status periods in one unit are a typing or import mistake; only the latest get a report.
    too_many_periods: SeveritySetting = "warning"
    start_limit: Annotated[Whole, Field(ge=0)] = 5
    """Most actions of one unit that may start in the same period before `too_many_starts` reports them."""

    @model_validator(mode="before")
    @classmethod
    def _known_names_with_underscores(cls, data: Any) -> Any:
        # An empty value keeps the default; an unknown name stays as written, for the message.
        if not isinstance(data, Mapping):
            return data
        out = {}
        for name, value in data.items():
            known = str(name).replace("-", "_")
            if known not in cls.model_fields:
                out[name] = value
            elif value is not None:
                out[known] = value
        return out


DEFAULT_SEVERITIES: dict[str, Severity] = {
    name.replace("_", "-"): info.default for name, info in LintsSetting.model_fields.items() if name != "start_limit"
}
DEFAULT_START_LIMIT: int = LintsSetting.model_fields["start_limit"].default


@dataclass
class LintSettings:
    """Severity per lint code ('off' skips it), the most actions that may start in one period, the current period."""

    severities: dict[str, Severity] = field(default_factory=lambda: dict(DEFAULT_SEVERITIES))
    start_limit: int = DEFAULT_START_LIMIT
    current_period: str | None = None

    @classmethod
    def from_options(
        cls, severities: Mapping[str, Any] | None = None, start_limit: int | None = None, current: Any = None
    ) -> LintSettings:
        """Settings from a site's lint options (names with - or _; None keeps the default); raises SettingsError."""
        lints = {**(severities or {}), "start_limit": start_limit}
        return site_settings({"lints": lints, "current_period": current}).lints


@dataclass(frozen=True)
class SiteSettings:
    """What a site's options set: its scales and its lint settings."""

    scales: Scales
    lints: LintSettings


# The options this module checks and the shape of each; None (unset) means the default. The levels of a
# scale are checked one by one afterwards, so a mistake in one level does not hide those in the others.
_Levels = Annotated[list[Any], Field(min_length=1)]
_OPTIONS: dict[str, TypeAdapter] = {
    "ratings": TypeAdapter(_Levels | None),
    "statuses": TypeAdapter(_Levels | None),
    "status_started": TypeAdapter(Whole | None),
    "status_done": TypeAdapter(Whole | None),
    "lints": TypeAdapter(LintsSetting | None),
    "current_period": TypeAdapter(PeriodKey | None),
}
# The key that names a level in messages: the rating's key, the status's label.
_NAMED_BY = {"ratings": "key", "statuses": "label"}


def site_settings(options: Mapping[str, Any]) -> SiteSettings:
    """The scales and lint settings from the plugin's option values (plain YAML data; unset: the defaults).

    Only the options named in `_OPTIONS` are read; the others are not this module's. Raises `SettingsError`
    listing every mistake.
    """
    problems: list[str] = []
    lint_keys = list(LintsSetting.model_fields)
    values = {
        name: _validate(adapter, options.get(name), name, problems, lint_keys) for name, adapter in _OPTIONS.items()
    }
    # A scale whose option is not a list of levels has been reported; its levels are not checked further.
    valid = {name for name in _OPTIONS if options.get(name) is None or values[name] is not None}
    base = defaults()
    ratings = _levels("ratings", values["ratings"], RatingLevelSetting, problems) if "ratings" in valid else []
    statuses = _levels("statuses", values["statuses"], StatusLevelSetting, problems) if "statuses" in valid else []
    # Duplicates among the levels that are right in themselves; the levels only when all of them are.
    problems.extend(_rating_clashes([(i, level) for i, level in ratings if level is not None]))
    problems.extend(_status_clashes([(i, level) for i, level in statuses if level is not None]))
    if statuses and all(level is not None for _, level in statuses):
        problems.extend(_started_and_done(statuses, values, valid, base))
    if problems:
        raise SettingsError(problems)
    scales = Scales(
        RatingScale([level.level() for _, level in ratings]),
        StatusScale(
            sorted((level.status() for _, level in statuses), key=lambda s: s.level),
            _or_default(values["status_started"], base["status_started"]),
            _or_default(values["status_done"], base["status_done"]),
        ),
    )
    lints: LintsSetting = values["lints"] or LintsSetting()
    current = values["current_period"]
    return SiteSettings(
        scales,
        LintSettings(
            {code: getattr(lints, code.replace("-", "_")) for code in DEFAULT_SEVERITIES},
            lints.start_limit,
            None if current is None else parse_period(current).key,
        ),
    )


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def _validate(adapter: TypeAdapter, value: Any, where: str, problems: list[str], keys: list[str]) -> Any:
    """The validated value, or None with a message for each mistake added to `problems`.

    `keys` are those allowed in the mapping being checked, for the did-you-mean of an unknown key.
    """
    try:
        return adapter.validate_python(value)
    except ValidationError as exc:
        errors = exc.errors()
    # `lable: Nådd` is one mistake: the misspelt key is named, the label it leaves missing is not.
    meant = {
        (*err["loc"][:-1], close)
        for err in errors
        if err["type"] == "extra_forbidden"
        for close in difflib.get_close_matches(str(err["loc"][-1]), keys, n=1)
    }
    problems.extend(
        _message(err, where, keys) for err in errors if not (err["type"] == "missing" and err["loc"] in meant)
    )
    return None


def _levels(option: str, items: list[Any] | None, model: type[BaseModel], problems: list[str]) -> list:
    """Each level of a scale (the default scale when unset) with its index; None for a level with mistakes."""
    adapter, keys = TypeAdapter(model), list(model.model_fields)
    return [
        (index, _validate(adapter, item, _item_where(option, index, item), problems, keys))
        for index, item in enumerate(items if items is not None else defaults()[option])
    ]


def _item_where(option: str, index: int, item: Any) -> str:
    """'ratings[2] «JA--»': the option, the item's place and, when it has one, its name."""
    name = item.get(_NAMED_BY[option]) if isinstance(item, Mapping) else None
    named = f" «{name}»" if isinstance(name, str | int) and not isinstance(name, bool) and str(name) else ""
    return f"{option}[{index}]{named}"


def _rating_clashes(levels: list[tuple[int, RatingLevelSetting]]) -> list[str]:
    """A mark (key or alias, compared as marks are matched) may belong to one level only."""
    problems = []
    owner: dict[str, tuple[int, RatingLevelSetting]] = {}
    for index, level in levels:
        names = [("key", level.key)] + [(f"aliases[{i}]", alias) for i, alias in enumerate(level.aliases)]
        for key, name in names:
            first_index, first = owner.setdefault(mark_key(name), (index, level))
            if first_index != index:
                problems.append(
                    f"ratings[{index}] «{level.key}»: {key}: «{name}» hører allerede til "
                    f"ratings[{first_index}] «{first.key}»; en karakter kan bare høre til ett nivå"
                )
    return problems


def _status_clashes(levels: list[tuple[int, StatusLevelSetting]]) -> list[str]:
    problems = []
    first: dict[int, int] = {}
    for index, level in levels:
        earlier = first.setdefault(level.level, index)
        if earlier != index:
            problems.append(
                f"statuses[{index}] «{level.label}»: level: nivå {level.level} finnes allerede i statuses[{earlier}]"
            )
    return problems


def _started_and_done(
    levels: list[tuple[int, StatusLevelSetting]], values: dict[str, Any], valid: set[str], base: dict[str, Any]
) -> list[str]:
    """`status_started` and `status_done` (set or default) are levels of the status scale, in that order."""
    problems = []
    on_scale = sorted(level.level for _, level in levels)
    chosen = {}
    for option in ("status_started", "status_done"):
        if option not in valid:
            continue
        value = _or_default(values[option], base[option])
        chosen[option] = value
        if value not in on_scale:
            unset = f"er ikke satt, og standardverdien {value}" if values[option] is None else f"{value}"
            problems.append(f"{option}: {unset} er ikke et nivå på statusskalaen ({', '.join(map(str, on_scale))})")
    if len(chosen) == 2 and chosen["status_started"] > chosen["status_done"]:
        problems.append(
            f"status_started: {chosen['status_started']} er høyere enn status_done ({chosen['status_done']}); "
            "et tiltak må regnes som igangsatt før det er gjennomført"
        )
    return problems


# Norwegian for the validation errors settings meet; others fall back to pydantic's text.
_MESSAGES = {
    "missing": "feltet mangler",
    "string_type": "skal være tekst",
    "int_type": "skal være et heltall",
    "bool_type": "skal være true eller false",
    "list_type": "skal være en liste",
    "model_type": "skal være en mapping (nøkkel: verdi)",
    "string_too_short": "kan ikke være tom",
    "too_short": "kan ikke være tom; la innstillingen stå ute for å bruke standarden",
    "greater_than_equal": "kan ikke være negativ",
}


def _message(err: Any, where: str, keys: list[str]) -> str:
    """One line: where the mistake is ('ratings[2] «JA--»: score'), then what is wrong, in Norwegian."""
    kind, loc, value = err["type"], err["loc"], err.get("input")
    if kind == "extra_forbidden":
        return f"{_join(where, field_path(loc[:-1]))}: {_unknown(str(loc[-1]), where, keys)}"
    path = _join(where, field_path(loc))
    if kind == "literal_error":
        close = difflib.get_close_matches(str(value), SEVERITIES, n=1) if isinstance(value, str) else []
        hint = f"; mente du «{close[0]}»?" if close else ""
        return f"{path}: «{_shown(value)}» er ikke error, warning, info eller off{hint}"
    if kind == "value_error":
        return f"{path}: {err['ctx']['error']}"
    if value is None and kind != "missing":
        hint = "; sett farger i anførselstegn, ellers leser YAML # som en kommentar" if loc[-1:] == ("color",) else ""
        return f"{path}: mangler verdi{hint}"
    message = _MESSAGES.get(kind, err["msg"])
    if kind not in ("missing", "too_short") and not isinstance(value, Mapping | list):
        message += f" (fikk «{_shown(value)}»)"
    return f"{path}: {message}"


def _join(where: str, path: str) -> str:
    return f"{where}: {path}" if path else where


def _unknown(name: str, where: str, keys: list[str]) -> str:
    """'ukjent felt «lable»; mente du «label»?'; under `lints` it is a lint ('sjekk'), written with - or _."""
    if where != "lints":
        close = difflib.get_close_matches(name, keys, n=1)
        return f"ukjent felt «{name}»" + (f"; mente du «{close[0]}»?" if close else f"; kjente felt: {', '.join(keys)}")
    names = [key.replace("_", "-") for key in keys] if "-" in name else keys
    close = difflib.get_close_matches(name, names, n=1)
    return f"ukjent sjekk «{name}»" + (f"; mente du «{close[0]}»?" if close else f"; kjente: {', '.join(names)}")


def _shown(value: Any) -> str:
    """A value as it is written in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)
