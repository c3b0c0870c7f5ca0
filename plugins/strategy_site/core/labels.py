"""The site's Norwegian interface text: one file of labels (`labels.yml`), which a site can override.

Code asks for a label by key (`labels.text("redirect_moved")`); templates get the same object as `t`.
Keys are checked: a key the file does not have is a programming error, and a site's override of an unknown
key is a settings error with a did-you-mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import cache
from importlib import resources

import yaml


class LabelError(ValueError):
    """A site's `labels` setting names a key that does not exist or is not text."""


@cache
def default_labels() -> dict[str, str]:
    """The packaged labels (`labels.yml`)."""
    text = resources.files("strategy_site").joinpath("labels.yml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


class Labels(Mapping[str, str]):
    """The labels of one site: the packaged ones with the site's overrides applied."""

    def __init__(self, overrides: Mapping[str, object] | None = None) -> None:
        base = default_labels()
        self._text = dict(base)
        self._overrides = dict(overrides or {})
        for key, value in (overrides or {}).items():
            if key not in base:
                close = difflib.get_close_matches(str(key), base, n=1)
                hint = f"; mente du «{close[0]}»?" if close else ""
                raise LabelError(f"labels: ukjent nøkkel «{key}»{hint}")
            if not isinstance(value, str):
                raise LabelError(f"labels: {key}: skal være tekst")
            self._text[key] = value

    def text(self, key: str, **values: object) -> str:
        """The label `key` with `{name}` filled in from `values`."""
        return self._text[key].format(**values) if values else self._text[key]

    def risk(self, level: str) -> str:
        """The words for an action's risk level (`low`, `medium`, `high`)."""
        return self.text(f"risk_{level}")

    def __getitem__(self, key: str) -> str:
        return self._text[key]

    def __iter__(self):
        return iter(self._text)

    def __len__(self) -> int:
        return len(self._text)

    def __repr__(self) -> str:
        # Stable across builds: `serve --dirty` compares the plugin's settings by their repr.
        return f"Labels({self._overrides!r})"


# The labels as packaged, for code that runs without a site (the check command, tests).
DEFAULT = Labels()
