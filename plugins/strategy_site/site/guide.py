"""The editors' guide ("Slik redigerer du"), generated from the same JSON Schema the editors' tools use.

Every field of every page type, with its type, whether it is required and its description, comes from the
content models through `schema.page_schema`, so the guide cannot drift from what the build accepts.
"""

from __future__ import annotations

from typing import Any

from strategy_site.core.models import ID_PATTERN, MODELS, PERIOD_PATTERN
from strategy_site.exports.schema import page_schema

# The page types as editors know them, with a one-line Norwegian explanation.
KIND_TEXT = {
    "strategy": ("Strategi", "Én strategi for én enhet, med strategiperiode og målbilde."),
    "area": ("Innsatsområde", "Et område i strategien (kjerneoppgave, tverrgående område) med pilarer og mål."),
    "goal": ("Mål", "Et utviklingsmål, hovedmål eller delmål med vurderinger av måloppnåelse."),
    "indicator": ("Indikator", "En måleindikator med utgangspunkt, målverdi og verdier per periode."),
    "action": ("Tiltak", "Et tiltak i handlingsplanen med ansvarlig, tidsplan, budsjett, risiko og status."),
}
_SIMPLE = {"string": "tekst", "integer": "heltall", "number": "tall", "boolean": "true/false", "null": "tom"}


def _type(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short Norwegian name of a JSON Schema type."""
    if "$ref" in schema:
        return "mapping (se under)"
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return " eller ".join(f"`{v}`" for v in schema["enum"])
    options = schema.get("anyOf")
    if options:
        patterns = {o.get("pattern") for o in options}
        if ID_PATTERN in patterns:
            return "id"
        if PERIOD_PATTERN in patterns:
            return "periode"
        names = [_type(o, defs) for o in options if o.get("type") != "null"]
        return " eller ".join(dict.fromkeys(names))
    kind = schema.get("type")
    if kind == "array":
        return f"liste av {_type(schema.get('items', {}), defs)}"
    if kind == "object":
        values = schema.get("additionalProperties")
        return f"mapping (periode: {_type(values, defs)})" if isinstance(values, dict) else "mapping"
    if isinstance(kind, list):
        return "tekst" if "string" in kind else " eller ".join(_SIMPLE.get(k, k) for k in kind)
    return _SIMPLE.get(kind, "verdi")


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


def field_rows(kind: str) -> list[tuple[str, str, bool, str]]:
    """(field, type, required, description) for every field of a page type, nested fields as `a[].b`."""
    schema = page_schema(kind)
    defs = schema.get("$defs", {})
    rows: list[tuple[str, str, bool, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            description = prop.get("description") or ("Sidetypen." if name == "type" and not prefix else "")
            rows.append((prefix + name, _type(prop, defs), name in required, description))
            for ref, is_list in dict.fromkeys(_refs(prop)):
                walk(defs[ref], f"{prefix}{name}{'[]' if is_list else ''}.")

    walk(schema, "")
    return rows


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no raw HTML (a description like `/m/<id>/` is text), no cell breaks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")


def guide_markdown() -> str:
    """The whole guide page as Markdown."""
    out = [
        "---\ntitle: Slik redigerer du\n---\n",
        "# Slik redigerer du\n",
        "Hver side i strategien er en Markdown-fil med et frontmatter-felt øverst (mellom to linjer med `---`). "
        "Feltnavnene er på engelsk, verdiene på norsk. Sidetypen står i `type`, og `id` er unik på tvers av "
        "nettstedet: den gir siden en fast kort lenke `/m/<id>/` som virker også når filen flyttes eller får "
        "ny tittel. Tidligere id-er føres opp under `aliases`, så gamle lenker fortsatt virker.\n",
        "## Før du sender inn en endring\n",
        "- Kjør `strategy check` i repositoriet. Den viser hver feil som `fil:linje: felt: melding` og er den "
        "samme kontrollen som bygget gjør.\n"
        '- Lag nye sider med `strategy new goal --area <område-id> --title "…"` (eller `indicator`/`action` med '
        "`--goal <mål-id>`); kommandoen velger neste ledige id og riktig mappe.\n"
        "- I VS Code får du forslag og kontroll av frontmatter mens du skriver med utvidelsen *remark* "
        "(`unifiedjs.vscode-remark`), se README.\n",
        "## Lenker, blokker og interne opplysninger\n",
        "- Lenk til en annen side med id: `[[vm-forskning-2]]`, `[[vm-forskning-2|egen tekst]]` eller "
        "`[tekst](id:vm-forskning-2)`.\n"
        "- Tabeller settes inn med blokker, for eksempel `<!-- strategy/goals area=vm-forskning -->`.\n"
        "- HTML-kommentarer (`<!-- … -->`), som merknader fra gjennomlesing, kommer aldri med på nettstedet.\n"
        "- `visibility: internal` holder en hel side utenfor den offentlige utgaven; `internal_fields: [budget, "
        "risk.note]` holder enkeltfelt utenfor.\n"
        "- `editor` er sidens ansvarlige redaktør; den vises nederst på siden sammen med datoen siden sist ble "
        "endret. Sider som ikke er endret på lenge, merkes.\n",
        "## Felt per sidetype\n",
        "Tabellene under lages av den samme modellen som bygget kontrollerer mot, og er derfor alltid "
        "oppdatert. Felt med punktum (`assessments[].rating`) står inne i et annet felt; `[]` betyr en liste.\n",
    ]
    for kind in MODELS:
        name, text = KIND_TEXT.get(kind, (kind, ""))
        out.append(f"### {name} (`type: {kind}`) {{ #felt-{kind} }}\n")
        out.append(f"{text}\n")
        out.append("| Felt | Type | Påkrevd | Beskrivelse |\n|---|---|---|---|")
        for field, kind_name, required, description in field_rows(kind):
            out.append(f"| `{field}` | {_cell(kind_name)} | {'ja' if required else 'nei'} | {_cell(description)} |")
        out.append("")
    return "\n".join(out) + "\n"
