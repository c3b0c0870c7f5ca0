"""The editors' guide ("Slik redigerer du"), generated from the same JSON Schema the editors' tools use.

Every field of every page type, with its type, whether it is required and its description, comes from the
content models through `schema.page_schema`, so the guide cannot drift from what the build accepts. The
page's text is the template `strategy/pages/guide.md`; the short names of types are labels.
"""

from __future__ import annotations

from typing import Any

import jinja2

from strategy_site.core.graph import SiteModel
from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.models import ID_PATTERN, MODELS, PERIOD_PATTERN
from strategy_site.exports.schema import page_schema
from strategy_site.site.page_templates import markdown_environment, render_page

# JSON Schema's simple types -> the label of their short Norwegian name.
_SIMPLE = {
    "string": "type_text",
    "integer": "type_integer",
    "number": "type_number",
    "boolean": "type_boolean",
    "null": "type_empty",
}


def _type(schema: dict[str, Any], labels: Labels) -> str:
    """A short Norwegian name of a JSON Schema type."""
    either = f" {labels['type_or']} "
    if "$ref" in schema:
        return labels["type_mapping_below"]
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return either.join(f"`{v}`" for v in schema["enum"])
    options = schema.get("anyOf")
    if options:
        patterns = {o.get("pattern") for o in options}
        if ID_PATTERN in patterns:
            return labels["type_id"]
        if PERIOD_PATTERN in patterns:
            return labels["type_period"]
        names = [_type(o, labels) for o in options if o.get("type") != "null"]
        return either.join(dict.fromkeys(names))
    kind = schema.get("type")
    if kind == "array":
        return labels.text("type_list_of", items=_type(schema.get("items", {}), labels))
    if kind == "object":
        values = schema.get("additionalProperties")
        if isinstance(values, dict):
            return labels.text("type_mapping_by_period", values=_type(values, labels))
        return labels["type_mapping"]
    if isinstance(kind, list):
        if "string" in kind:
            return labels["type_text"]
        return either.join(labels[_SIMPLE[k]] if k in _SIMPLE else k for k in kind)
    return labels[_SIMPLE.get(kind, "type_value")]


def _refs(schema: dict[str, Any], in_list: bool = False) -> list[tuple[str, bool]]:
    """The nested models a field holds, each with whether it comes as a list."""
    found = []
    if "$ref" in schema:
        found.append((schema["$ref"].rsplit("/", 1)[-1], in_list))
    for option in schema.get("anyOf", []):
        found.extend(_refs(option, in_list))
    if isinstance(schema.get("items"), dict):
        found.extend(_refs(schema["items"], True))
    return found


def field_rows(kind: str, labels: Labels = DEFAULT) -> list[tuple[str, str, bool, str]]:
    """(field, type, required, description) for every field of a page type, nested fields as `a[].b`."""
    schema = page_schema(kind)
    defs = schema.get("$defs", {})
    page_type = labels["type_the_page_type"]
    rows: list[tuple[str, str, bool, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            description = prop.get("description") or (page_type if name == "type" and not prefix else "")
            rows.append((prefix + name, _type(prop, labels), name in required, description))
            for ref, is_list in dict.fromkeys(_refs(prop)):
                walk(defs[ref], f"{prefix}{name}{'[]' if is_list else ''}.")

    walk(schema, "")
    return rows


def guide_markdown(model: SiteModel, env: jinja2.Environment | None = None) -> str:
    """The whole guide page as Markdown, from the template `strategy/pages/guide.md`.

    `env` is the site's template environment (its overrides first); the model gives the site's labels and
    the folder of its short links.
    """
    kinds = [(kind, model.labels.text(f"kind_{kind}"), field_rows(kind, model.labels)) for kind in MODELS]
    return render_page(markdown_environment(env), "guide", kinds=kinds, short_url_prefix=model.short_url_prefix)
