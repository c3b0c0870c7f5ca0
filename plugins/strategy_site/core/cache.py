"""What a build works out once from the site model and then reuses: one cache per model, with typed keys.

The model does not change once built, so a figure worked out from it holds for the whole build: an
indicator's chart is drawn on its page, its goals' pages, its area's page and two dashboards, and every table
of a unit asks for the same actions' status. A key is a frozen dataclass that names what it stands for and,
through `Key[V]`, the type of its value; two keys of different classes never meet, even with equal fields.
A public build has a model of its own and therefore a cache of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class Key(Generic[V]):
    """Base of the cache keys; subclass as a frozen dataclass, e.g. `class ChartHtmlKey(Key[str | None])`."""

    __slots__ = ()


class Cache:
    """Values by key, each made the first time it is asked for."""

    def __init__(self) -> None:
        self._values: dict[Key[Any], Any] = {}

    def get(self, key: Key[V], make: Callable[[], V]) -> V:
        """The value kept for `key`, or `make()` kept for it (None is a value that is kept too)."""
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = make()
            return value

    def __contains__(self, key: Key[Any]) -> bool:
        return key in self._values

    def __len__(self) -> int:
        return len(self._values)
