"""Rating and status scales: configured as data, matched by key or alias, with accessible colours."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def defaults() -> dict[str, Any]:
    """The plugin's default scales, read from the packaged `defaults.yml`."""
    text = resources.files("strategy_site").joinpath("defaults.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def mark_key(text: str) -> str:
    """How a mark is compared with a scale's keys and aliases: case and spacing do not count."""
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def text_color_for(background: str) -> str:
    """Black or white, whichever contrasts more with the background (WCAG relative luminance)."""
    hexa = background.lstrip("#")
    if len(hexa) == 3:
        hexa = "".join(c * 2 for c in hexa)
    channels = [int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def slug(text: str) -> str:
    """A CSS- and URL-safe token for a scale key ('JA-' -> 'ja-minus', 'NEI+' -> 'nei-pluss')."""
    words = str(text).casefold()
    for char, word in (
        ("+", " pluss "),
        ("?", " spm "),
        ("/", " "),
        ("-", " minus "),
        ("æ", "ae"),
        ("ø", "o"),
        ("å", "a"),
    ):
        words = words.replace(char, word)
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-") or "x"


@dataclass(frozen=True)
class RatingLevel:
    """One level of the rating scale for goal assessments."""

    key: str
    label: str
    score: float | None
    color: str
    reached: bool = False
    aliases: tuple[str, ...] = ()
    # The name of the scale in `rating_scales` it belongs to; empty for the site's own scale (`ratings`).
    scale: str = ""

    @property
    def css(self) -> str:
        return f"rating-{_scoped(self.scale)}{slug(self.key)}"


@dataclass(frozen=True)
class StatusLevel:
    """One level of the status scale for actions."""

    level: int
    label: str
    color: str
    # The name of the scale in `status_scales` it belongs to; empty for the site's own scale (`statuses`).
    scale: str = ""

    @property
    def css(self) -> str:
        return f"status-{_scoped(self.scale)}{self.level}"


def _scoped(scale: str) -> str:
    """The part of a level's CSS class that keeps a named scale's colours apart from the site's (slugs have no --)."""
    return f"{slug(scale)}--" if scale else ""


@dataclass
class RatingScale:
    """The ordered rating scale, best first, with lookup by key or alias."""

    levels: list[RatingLevel]
    # Its name in `rating_scales`; empty for the site's own scale.
    name: str = ""
    _index: dict[str, RatingLevel] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for level in self.levels:
            for name in (level.key, *level.aliases):
                self._index.setdefault(mark_key(name), level)

    def resolve(self, mark: str) -> RatingLevel | None:
        """The level a mark as written belongs to, or None when it is not on the scale."""
        return self._index.get(mark_key(mark))

    def names(self) -> list[str]:
        return [level.key for level in self.levels]


@dataclass
class StatusScale:
    """The status scale for actions with the levels that count as started and done."""

    levels: list[StatusLevel]
    started: int
    done: int
    # Its name in `status_scales`; empty for the site's own scale.
    name: str = ""

    def get(self, level: int) -> StatusLevel | None:
        return next((s for s in self.levels if s.level == level), None)

    def is_started(self, level: int) -> bool:
        return level >= self.started

    def is_done(self, level: int) -> bool:
        return level >= self.done


@dataclass
class Scales:
    """The scales a site uses: its own rating and status scale, and the named ones a strategy may choose."""

    ratings: RatingScale
    statuses: StatusScale
    rating_scales: dict[str, RatingScale] = field(default_factory=dict)
    status_scales: dict[str, StatusScale] = field(default_factory=dict)

    @classmethod
    def from_config(
        cls,
        ratings: list[Any] | None = None,
        statuses: list[Any] | None = None,
        started: int | None = None,
        done: int | None = None,
        rating_scales: dict[str, Any] | None = None,
        status_scales: dict[str, Any] | None = None,
    ) -> Scales:
        """The scales from a site's options (None: the default), checked as the plugin checks its settings."""
        # core.settings builds scales from the classes here, so it is imported when called.
        from strategy_site.core.settings import site_settings

        options = {
            "ratings": ratings,
            "statuses": statuses,
            "status_started": started,
            "status_done": done,
            "rating_scales": rating_scales,
            "status_scales": status_scales,
        }
        return site_settings(options).scales

    def css(self) -> str:
        """A stylesheet with one class per level; text colour chosen for contrast."""
        rules = []
        named = [
            level for scale in [*self.rating_scales.values(), *self.status_scales.values()] for level in scale.levels
        ]
        for level in [*self.ratings.levels, *self.statuses.levels, *named]:
            rules.append(f".strategy-badge.{level.css}{{background:{level.color};color:{text_color_for(level.color)}}}")
            rules.append(f".strategy-stack__part.{level.css}{{background:{level.color}}}")
        return "\n".join(rules) + "\n"
