"""The scales in a site's settings: `ratings` and `statuses`, and the named `rating_scales` and `status_scales`.

Each level is checked against a typed model that forbids unknown keys, so `{key: JA, lable: Nådd}` is an error
with a did-you-mean rather than a level labelled «JA». A named scale is checked exactly as the site's own, and
its mistakes are named by its place: `rating_scales.skole[2] «C»: score: ...`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, TypeAdapter

from strategy_site.core.models import Text
from strategy_site.core.scales import RatingLevel, RatingScale, Scales, StatusLevel, StatusScale, defaults, mark_key
from strategy_site.core.setting_messages import shown, validated

DEFAULT_COLOR = "#6b6b6b"
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
# What a strategy writes in `rating_scale`/`status_scale` for no scale, and for the site's own: not scale names.
NO_SCALE = "none"
SITE_SCALE = "default"


def _check_color(value: str) -> str:
    if not _COLOR.fullmatch(value):
        raise ValueError(f'«{value}» er ikke en farge; skriv #rgb eller #rrggbb, f.eks. "#1e7b34"')
    return value


def _check_score(value: Any) -> int | float:
    # Checked by hand rather than as `float`, which would turn a score of 100 into 100.0 in the output.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"skal være et tall fra 0 til 100, eller null for ingen poengsum (fikk «{shown(value)}»)")
    if not 0 <= value <= 100:
        raise ValueError(f"skal være mellom 0 og 100 (fikk «{value}»)")
    return value


Color = Annotated[str, Field(strict=True), AfterValidator(_check_color)]
Name = Annotated[Text, Field(min_length=1)]
Whole = Annotated[int, Field(strict=True)]
Score = Annotated[int | float, PlainValidator(_check_score)]
Levels = Annotated[list[Any], Field(min_length=1)]
# A named scale: its levels. A status scale may also be a mapping with its levels and its own started and done.
NamedScales = dict[Name, Any]


class RatingLevelSetting(BaseModel):
    """One level of a rating scale: how a mark is shown and what it counts as."""

    model_config = ConfigDict(extra="forbid")

    key: Name
    label: Text | None = None
    score: Score | None = None
    color: Color = DEFAULT_COLOR
    reached: Annotated[bool, Field(strict=True)] = False
    aliases: list[Name] = Field(default_factory=list)

    def level(self, scale: str = "") -> RatingLevel:
        """The level on the rating scale named `scale` (empty: the site's); without a label it shows its key."""
        label = self.label or self.key
        return RatingLevel(self.key, label, self.score, self.color, self.reached, tuple(self.aliases), scale)


class StatusLevelSetting(BaseModel):
    """One level of a status scale."""

    model_config = ConfigDict(extra="forbid")

    level: Whole
    label: Name
    color: Color = DEFAULT_COLOR

    def status(self, scale: str = "") -> StatusLevel:
        """The level on the status scale named `scale` (empty: the site's)."""
        return StatusLevel(self.level, self.label, self.color, scale)


class StatusScaleSetting(BaseModel):
    """A named status scale written as a mapping: its levels, and which of them count as started and done."""

    model_config = ConfigDict(extra="forbid")

    levels: Levels
    started: Whole | None = None
    done: Whole | None = None


def scales_from(values: Mapping[str, Any], valid: set[str], problems: list[str]) -> Scales:
    """The site's scales from its checked options (`valid`: those right in shape); mistakes added to `problems`.

    The scales returned are only usable when no problem was added.
    """
    base = defaults()
    limits = {
        key: (option, values[option], base[option] if values[option] is None else values[option])
        for key, option in (("started", "status_started"), ("done", "status_done"))
        if option in valid
    }
    ratings = _rating_scale("ratings", values["ratings"] or base["ratings"], "", problems)
    statuses = _status_scale("statuses", values["statuses"] or base["statuses"], limits, "", problems)
    named_ratings = {
        name: _rating_scale(f"rating_scales.{name}", items, name, problems)
        for name, items in _free_names("rating_scales", values, problems)
    }
    named_statuses = {
        name: _named_status_scale(name, item, limits, problems)
        for name, item in _free_names("status_scales", values, problems)
    }
    # A scale with mistakes stands as an empty one; the problems stop the build before it is used.
    return Scales(
        ratings or RatingScale([]),
        statuses or StatusScale([], 0, 0),
        {name: scale or RatingScale([]) for name, scale in named_ratings.items()},
        {name: scale or StatusScale([], 0, 0) for name, scale in named_statuses.items()},
    )


def _free_names(option: str, values: Mapping[str, Any], problems: list[str]) -> list[tuple[str, Any]]:
    """The named scales of an option; a name a strategy cannot choose (`none`, `default`) is a mistake."""
    named = list((values[option] or {}).items())
    for name, _ in named:
        if name in (NO_SCALE, SITE_SCALE):
            problems.append(
                f"{option}.{name}: «{name}» kan ikke være navnet på en skala: en strategi skriver "
                f"«{NO_SCALE}» for ingen skala og «{SITE_SCALE}» for nettstedets"
            )
    return [(name, item) for name, item in named if name not in (NO_SCALE, SITE_SCALE)]


def _checked_levels(where: str, items: Any, setting: type, named_by: str, clashes_of, problems: list[str]):
    """A scale's levels as written, or None when one has a mistake or two clash (each added to `problems`)."""
    levels = _levels(where, items, setting, named_by, problems)
    if levels is None:
        return None
    clashes = clashes_of(where, [(i, level) for i, level in levels if level is not None])
    problems.extend(clashes)
    if clashes or any(level is None for _, level in levels):
        return None
    return [level for _, level in levels]


def _rating_scale(where: str, items: Any, name: str, problems: list[str]) -> RatingScale | None:
    """A rating scale from its levels as written, or None when it has mistakes (each added to `problems`)."""
    levels = _checked_levels(where, items, RatingLevelSetting, "key", _rating_clashes, problems)
    return None if levels is None else RatingScale([level.level(name) for level in levels], name)


def _status_scale(
    where: str, items: Any, limits: dict[str, tuple[str, int | None, int]], name: str, problems: list[str]
) -> StatusScale | None:
    """A status scale from its levels as written and the levels that count as started and done.

    `limits` gives, for `started` and `done`, the option that sets it, its value as written and the value used.
    """
    levels = _checked_levels(where, items, StatusLevelSetting, "label", _status_clashes, problems)
    if levels is None:
        return None
    # `status_started` and `status_done` are checked against the site's scale without naming it.
    prefix = f"{where}: " if name else ""
    limit_problems = _started_and_done(prefix, sorted(level.level for level in levels), limits)
    problems.extend(limit_problems)
    if limit_problems or len(limits) < 2:
        return None
    ordered = sorted((level.status(name) for level in levels), key=lambda s: s.level)
    return StatusScale(ordered, limits["started"][2], limits["done"][2], name)


def _named_status_scale(
    name: str, item: Any, limits: dict[str, tuple[str, int | None, int]], problems: list[str]
) -> StatusScale | None:
    """A named status scale: a list of levels (started and done as the site's), or a mapping with its own."""
    where = f"status_scales.{name}"
    if not isinstance(item, Mapping):
        before = len(problems)
        scale = _status_scale(where, item, limits, name, problems)
        if any(problem.startswith(f"{where}: status_") for problem in problems[before:]):
            problems.append(
                f"{where}: gi skalaen egne nivåer for igangsatt og gjennomført slik: "
                "{levels: [...], started: 1, done: 3}"
            )
        return scale
    keys = list(StatusScaleSetting.model_fields)
    setting = validated(TypeAdapter(StatusScaleSetting), item, where, problems, keys)
    if setting is None:
        return None
    own = {
        key: (key, written, limits[key][2] if written is None and key in limits else written)
        for key, written in (("started", setting.started), ("done", setting.done))
        if written is not None or key in limits
    }
    return _status_scale(where, setting.levels, own, name, problems)


def _levels(
    where: str, items: Any, model: type[BaseModel], named_by: str, problems: list[str]
) -> list[tuple[int, Any]] | None:
    """Each level of a scale with its index, None for a level with mistakes; None when `items` is not a list."""
    # The site's own scales are lists here (their option's shape is checked first); a named one is checked here.
    if items == []:
        problems.append(f"{where}: kan ikke være tom; en skala trenger minst ett nivå")
        return None
    items = validated(TypeAdapter(Levels), items, where, problems, [])
    if items is None:
        return None
    adapter, keys = TypeAdapter(model), list(model.model_fields)
    return [
        (index, validated(adapter, item, _item_where(where, index, item, named_by), problems, keys))
        for index, item in enumerate(items)
    ]


def _item_where(where: str, index: int, item: Any, named_by: str) -> str:
    """'ratings[2] «JA--»': the scale, the item's place and, when it has one, its name."""
    name = item.get(named_by) if isinstance(item, Mapping) else None
    named = f" «{name}»" if isinstance(name, str | int) and not isinstance(name, bool) and str(name) else ""
    return f"{where}[{index}]{named}"


def _rating_clashes(where: str, levels: list[tuple[int, RatingLevelSetting]]) -> list[str]:
    """A mark (key or alias, compared as marks are matched) may belong to one level only."""
    problems = []
    owner: dict[str, tuple[int, RatingLevelSetting]] = {}
    for index, level in levels:
        names = [("key", level.key)] + [(f"aliases[{i}]", alias) for i, alias in enumerate(level.aliases)]
        for key, name in names:
            first_index, first = owner.setdefault(mark_key(name), (index, level))
            if first_index != index:
                problems.append(
                    f"{where}[{index}] «{level.key}»: {key}: «{name}» hører allerede til "
                    f"{where}[{first_index}] «{first.key}»; en karakter kan bare høre til ett nivå"
                )
    return problems


def _status_clashes(where: str, levels: list[tuple[int, StatusLevelSetting]]) -> list[str]:
    problems = []
    first: dict[int, int] = {}
    for index, level in levels:
        earlier = first.setdefault(level.level, index)
        if earlier != index:
            problems.append(
                f"{where}[{index}] «{level.label}»: level: nivå {level.level} finnes allerede i {where}[{earlier}]"
            )
    return problems


def _started_and_done(prefix: str, on_scale: list[int], limits: dict[str, tuple[str, int | None, int]]) -> list[str]:
    """The levels that count as started and done (set or default) are on the scale, in that order."""
    problems = []
    for option, written, value in limits.values():
        if value not in on_scale:
            unset = f"er ikke satt, og standardverdien {value}" if written is None else f"{value}"
            problems.append(
                f"{prefix}{option}: {unset} er ikke et nivå på statusskalaen ({', '.join(map(str, on_scale))})"
            )
    if len(limits) == 2 and limits["started"][2] > limits["done"][2]:
        started, done = limits["started"], limits["done"]
        problems.append(
            f"{prefix}{started[0]}: {started[2]} er høyere enn {done[0]} ({done[2]}); "
            "et tiltak må regnes som igangsatt før det er gjennomført"
        )
    return problems
