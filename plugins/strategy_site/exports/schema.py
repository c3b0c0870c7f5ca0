"""JSON Schema of the frontmatter, generated from the content models, for editors' tools (VS Code, CI).

The committed files in `schema/` are the output of `strategy schema`; a test keeps them current.
"""

from __future__ import annotations

import json
from functools import reduce
from operator import or_
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from strategy_site.core.models import MODELS

# Draft 7: what editors' tools (ajv in remark-lint-frontmatter-schema, the YAML language server) read by default.
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
FRONTMATTER_FILE = "frontmatter.schema.json"


def page_schema(kind: str) -> dict[str, Any]:
    """The schema of one page type's frontmatter."""
    schema = MODELS[kind].model_json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **schema}


def frontmatter_schema() -> dict[str, Any]:
    """One schema for every page: pages with `type` or `id` are one of the page types; other pages are free.

    Each page type applies when `type` names it (if/then rather than oneOf), so an editor sees the
    problems of the page type they wrote, not of every other type as well.
    """
    union = reduce(or_, MODELS.values())
    defs = TypeAdapter(union).json_schema(ref_template="#/$defs/{model}").get("$defs", {})
    by_type = [
        {"if": {"properties": {"type": {"const": kind}}}, "then": {"$ref": f"#/$defs/{model.__name__}"}}
        for kind, model in MODELS.items()
    ]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": FRONTMATTER_FILE,
        "title": "Frontmatter for strategisider",
        "description": "strategy, area, goal, indicator, action eller meeting; sider uten type og id er vanlige sider.",
        "if": {"anyOf": [{"required": ["type"]}, {"required": ["id"]}]},
        "then": {
            "required": ["type"],
            "properties": {"type": {"enum": list(MODELS), "description": "Sidetypen."}},
            "allOf": by_type,
        },
        "$defs": defs,
    }


def schema_files() -> dict[str, str]:
    """File name -> text of every schema file, as stable JSON (same models, same bytes)."""
    files = {f"{kind}.schema.json": page_schema(kind) for kind in MODELS}
    files[FRONTMATTER_FILE] = frontmatter_schema()
    return {name: json.dumps(data, ensure_ascii=False, indent=2) + "\n" for name, data in files.items()}


def write_schemas(folder: Path) -> list[Path]:
    """Write the schema files into `folder`; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_files().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    return [
        name
        for name, text in schema_files().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
