"""How the plugin's settings are checked and their mistakes worded: one line per mistake, in Norwegian.

Shared by `core.settings` (scales, lints, current period) and its named scales; each line names the option,
the item and the key, then says what is wrong.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from strategy_site.core.problems import field_path

Severity = Literal["error", "warning", "info", "off"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info", "off")


def validated(adapter: TypeAdapter, value: Any, where: str, problems: list[str], keys: list[str]) -> Any:
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
        message_for(err, where, keys) for err in errors if not (err["type"] == "missing" and err["loc"] in meant)
    )
    return None


# Norwegian for the validation errors settings meet; others fall back to pydantic's text.
_MESSAGES = {
    "missing": "feltet mangler",
    "string_type": "skal være tekst",
    "int_type": "skal være et heltall",
    "bool_type": "skal være true eller false",
    "list_type": "skal være en liste",
    "model_type": "skal være en mapping (nøkkel: verdi)",
    "dict_type": "skal være en mapping (navn: verdi)",
    "string_too_short": "kan ikke være tom",
    "too_short": "kan ikke være tom; la innstillingen stå ute for å bruke standarden",
    "greater_than_equal": "kan ikke være negativ",
}


def message_for(err: Any, where: str, keys: list[str]) -> str:
    """One line: where the mistake is ('ratings[2] «JA--»: score'), then what is wrong, in Norwegian."""
    kind, loc, value = err["type"], err["loc"], err.get("input")
    if kind == "extra_forbidden":
        return f"{_join(where, field_path(loc[:-1]))}: {_unknown(str(loc[-1]), where, keys)}"
    path = _join(where, field_path(loc))
    if kind == "literal_error":
        close = difflib.get_close_matches(str(value), SEVERITIES, n=1) if isinstance(value, str) else []
        hint = f"; mente du «{close[0]}»?" if close else ""
        return f"{path}: «{shown(value)}» er ikke error, warning, info eller off{hint}"
    if kind == "value_error":
        return f"{path}: {err['ctx']['error']}"
    if value is None and kind != "missing":
        hint = "; sett farger i anførselstegn, ellers leser YAML # som en kommentar" if loc[-1:] == ("color",) else ""
        return f"{path}: mangler verdi{hint}"
    message = _MESSAGES.get(kind, err["msg"])
    if kind not in ("missing", "too_short") and not isinstance(value, Mapping | list):
        message += f" (fikk «{shown(value)}»)"
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


def shown(value: Any) -> str:
    """A value as it is written in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)
