"""`internal_fields`: the paths of the fields a public build leaves out of one page, checked and applied.

A path names a field and, through `.`, a field inside it: `risk.note`, `budget`. A field that holds a list
of items is entered the same way and the path then means that field of *every* item: `status.note` (or
`status[].note`, which says the same and shows that `status` is a list) hides the note of each status entry.
A path must name a field that exists and may be left out: a required field (`risk.level`, `baseline.value`)
cannot be hidden alone, since the rest of its item would then not be valid; hide the item (`risk`) instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from strategy_site.core.models import ALWAYS_PUBLIC, Entity
from strategy_site.core.problems import Problem


def _steps(path: str) -> list[str]:
    """`status[].note` and `status.note` -> ["status", "note"]."""
    return [part.removesuffix("[]").strip() for part in str(path).split(".")]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's value can hold: itself, the items of a list, the members of a union."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        found += [m for m in _models_in(arg) if m not in found]
    return found


def path_problem(model: type[Entity], path: str) -> str | None:
    """Why `path` cannot be an internal field of a page of this type, or None when it can."""
    steps = _steps(path)
    if not all(steps):
        return f"«{path}» er ikke en feltsti; skriv f.eks. risk.note eller status.note"
    if steps[0] in ALWAYS_PUBLIC:
        return f"«{steps[0]}» kan ikke skjules: den identifiserer siden (bruk visibility: internal for hele siden)"
    holders: list[type[BaseModel]] = [model]
    for depth, name in enumerate(steps):
        fields = {n: info for holder in holders for n, info in holder.model_fields.items()}
        if name not in fields:
            where = ".".join(steps[:depth]) or model.__name__.lower()
            known = sorted(set(fields) - (ALWAYS_PUBLIC if depth == 0 else set()))
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; mente du «{'.'.join([*steps[:depth], close[0]])}»?" if close else f"; kjente: {', '.join(known)}"
            return f"«{path}» kan ikke skjules: {where} har ikke feltet «{name}»{hint}"
        info = fields[name]
        if info.is_required():
            parent = ".".join(steps[:depth])
            instead = f"; skjul «{parent}» i stedet" if parent else ""
            return f"«{path}» kan ikke skjules: feltet er påkrevd{instead}"
        if depth < len(steps) - 1:
            holders = _models_in(info.annotation)
            if not holders:
                return f"«{path}» kan ikke skjules: «{'.'.join(steps[: depth + 1])}» har ingen underfelt"
    return None


def internal_field_problems(entity: Entity, path: str, line_of) -> list[Problem]:
    """A problem for each of the entity's `internal_fields` that names nothing or a required field.

    `line_of(*loc)` gives the line of a field, as `Record.line` does.
    """
    problems = []
    for i, name in enumerate(entity.internal_fields):
        message = path_problem(type(entity), name)
        if message:
            problems.append(Problem(path, message, line=line_of("internal_fields", i), field=f"internal_fields[{i}]"))
    return problems


def _without(value: Any, steps: list[str]) -> Any:
    """`value` with the field at `steps` set back to its default, in every item where a step is a list."""
    if isinstance(value, list):
        return [_without(item, steps) for item in value]
    if not isinstance(value, BaseModel) or steps[0] not in type(value).model_fields:
        return value
    name, rest = steps[0], steps[1:]
    if rest:
        return value.model_copy(update={name: _without(getattr(value, name), rest)})
    info = type(value).model_fields[name]
    return value.model_copy(update={name: info.get_default(call_default_factory=True)})


def without_internal_fields(entity: Entity, paths: Iterable[str] | None = None) -> Entity:
    """The entity with its internal fields (checked by `internal_field_problems`) cleared, and the list emptied."""
    for path in entity.internal_fields if paths is None else paths:
        entity = _without(entity, _steps(path))
    return entity.model_copy(update={"internal_fields": []})
