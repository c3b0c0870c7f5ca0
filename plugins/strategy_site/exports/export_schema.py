"""The JSON Schema of `export/strategy.json`, published beside it as `export/strategy.schema.json`.

Written out here rather than generated: the export is plain dictionaries, and this is the contract readers of
the export rely on. A test validates the example site's export against it.
"""

from __future__ import annotations

import json
from typing import Any

from strategy_site.core.models import MODELS
from strategy_site.exports.schema import SCHEMA_DIALECT

EXPORT_SCHEMA_FILE = "strategy.schema.json"

_COUNT = {"type": "integer", "minimum": 0}
_SHARE = {"type": ["number", "null"], "description": "Andel 0–1, fire desimaler"}
_PERCENT = {"type": ["integer", "null"], "description": "Andelen i hele prosent, slik sidene viser den"}
_PERIOD = {"type": "string"}
_NUMBER_OR_NULL = {"type": ["number", "null"]}

_ATTAINMENT = {
    "goals": _COUNT,
    "rated": _COUNT,
    "unrated": _COUNT,
    "reached": _COUNT,
    "share_reached": _SHARE,
    "share_reached_percent": _PERCENT,
    "rating_distribution": {"type": "object", "additionalProperties": _COUNT},
    "mean_score": _NUMBER_OR_NULL,
}
_ACTIONS = {
    "goals": _COUNT,
    "goals_with_actions": _COUNT,
    "actions": _COUNT,
    "actions_started": _COUNT,
    "actions_done": _COUNT,
    "actions_unreported": _COUNT,
    "mean_status": {"type": ["number", "null"], "description": "Gjennomsnittlig status, én desimal"},
    "status_distribution": {"type": "object", "additionalProperties": _COUNT},
    "rates_goals": {"type": "boolean"},
}
_FIGURES = {
    "type": "object",
    "properties": {**_ACTIONS, **_ATTAINMENT},
    "required": [*_ACTIONS],
    # A unit that rates goals has every attainment figure; one that does not has none of them.
    "if": {"properties": {"rates_goals": {"const": True}}},
    "then": {"required": list(_ATTAINMENT)},
    "else": {"not": {"required": ["rated"]}},
}

_GOAL = {
    "type": "object",
    "properties": {
        "rated": {"type": "boolean"},
        "rates_goals": {"const": False},
        "period": _PERIOD,
        "rating": {"type": "string", "description": "Merket som skrevet; deler skilt med « + »"},
        "level": {"type": "string"},
        "label": {"type": "string"},
        "score": _NUMBER_OR_NULL,
        "reached": {"type": "boolean"},
        "in_parts": {"type": "boolean"},
        "parts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"part": {"type": ["string", "null"]}, "rating": {"type": "string"}},
                "required": ["part", "rating"],
            },
        },
        "combined_by": {"const": "weakest_part"},
        "period_note": {"type": "string", "description": "Når kilden ikke daterer merket: datoen er nettstedets"},
        "sub_goals": {"type": "object", "properties": _ATTAINMENT, "required": list(_ATTAINMENT)},
    },
    "required": ["rated"],
    "if": {"properties": {"rated": {"const": True}}},
    "then": {"required": ["period", "rating", "level", "label", "score", "reached", "in_parts"]},
    "additionalProperties": False,
}
_INDICATOR = {
    "type": "object",
    "properties": {
        "decimals": {"type": "integer", "minimum": 0},
        "latest": {
            "type": ["object", "null"],
            "properties": {"period": _PERIOD, "value": {"type": "number"}},
            "required": ["period", "value"],
        },
        "share_of_way": _SHARE,
        "share_of_way_percent": _PERCENT,
        "reached": {"type": ["boolean", "null"]},
        "on_track": {"type": ["boolean", "null"]},
        "path_value": _NUMBER_OR_NULL,
        "path_period": {"type": ["string", "null"]},
    },
    "required": [
        "decimals",
        "latest",
        "share_of_way",
        "share_of_way_percent",
        "reached",
        "on_track",
        "path_value",
        "path_period",
    ],
    "additionalProperties": False,
}
_ACTION = {
    "type": "object",
    "properties": {
        "reported": {"type": "boolean"},
        "period": _PERIOD,
        "level": {"type": "integer"},
        "label": {"type": ["string", "null"]},
        "started": {"type": "boolean"},
        "done": {"type": "boolean"},
    },
    "required": ["reported"],
    "if": {"properties": {"reported": {"const": True}}},
    "then": {"required": ["period", "level", "label", "started", "done"]},
    "additionalProperties": False,
}


def _computed_for(kind: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "if": {"properties": {"type": {"const": kind}}},
        "then": {"required": ["attainment"], "properties": {"attainment": schema}},
    }


def export_schema() -> dict[str, Any]:
    """The schema of the export as a dictionary."""
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": EXPORT_SCHEMA_FILE,
        "title": "Eksport av strateginettstedet (export/strategy.json)",
        "type": "object",
        "required": ["version", "strategies", "entities"],
        "properties": {
            "version": {"type": "integer"},
            "strategies": {
                "type": "array",
                "items": {
                    "allOf": [
                        _FIGURES,
                        {
                            "type": "object",
                            "required": ["id", "title", "unit", "period", "areas"],
                            "properties": {
                                "id": {"type": "string"},
                                "title": {"type": "string"},
                                "unit": {"type": "string"},
                                "period": {
                                    "type": "object",
                                    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
                                    "required": ["start", "end"],
                                },
                                "areas": {
                                    "type": "array",
                                    "items": {
                                        "allOf": [
                                            _FIGURES,
                                            {
                                                "type": "object",
                                                "required": ["id", "title", "goal_ids"],
                                                "properties": {
                                                    "goal_ids": {"type": "array", "items": {"type": "string"}}
                                                },
                                            },
                                        ]
                                    },
                                },
                            },
                        },
                    ]
                },
            },
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "id", "title", "url", "file", "placed_in"],
                    "properties": {
                        "type": {"enum": list(MODELS)},
                        "id": {"type": "string"},
                        "url": {"type": "string"},
                        "file": {"type": "string"},
                        "placed_in": {
                            "type": "object",
                            "properties": {
                                "strategy": {"type": ["string", "null"]},
                                "area": {"type": ["string", "null"]},
                            },
                            "required": ["strategy", "area"],
                        },
                    },
                    "allOf": [
                        _computed_for("goal", _GOAL),
                        _computed_for("indicator", _INDICATOR),
                        _computed_for("action", _ACTION),
                    ],
                },
            },
        },
    }


def export_schema_json() -> str:
    """The schema as the file the site publishes."""
    return json.dumps(export_schema(), ensure_ascii=False, indent=2) + "\n"
