"""The content contract: one pydantic model per page type, validated from a page's frontmatter.

These models are the single source of the field list: the loader validates with them, the JSON Schema
and the editors' guide are generated from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from strategy_site.core.periods import parse_period

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$"
# The period forms parse_period accepts, for the JSON Schema (the validator itself is parse_period).
PERIOD_PATTERN = r"^\d{4}(?:-[TtQqHh]\d|-\d{1,2}(?:-\d{1,2})?)?$"


def _to_text(value: Any) -> Any:
    """YAML reads 2019 as a number and 2019-06-30 as a date; ids and periods are text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _check_period(value: str) -> str:
    parse_period(value)
    return value


# The JSON Schema of ids, periods and text also accepts the numbers YAML reads `2019` or `12` as, since the
# loader turns them into text (editors need not quote years).
Id = Annotated[
    str,
    BeforeValidator(_to_text),
    Field(pattern=ID_PATTERN, max_length=80, description="Id: små bokstaver, tall og bindestrek"),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": ID_PATTERN, "maxLength": 80}, {"type": "integer", "minimum": 0}],
            "description": "Id: små bokstaver, tall og bindestrek",
        }
    ),
]
PeriodKey = Annotated[
    str,
    BeforeValidator(_to_text),
    AfterValidator(_check_period),
    Field(description="Periode: 2019, 2019-T2, 2019-Q3, 2019-H1, 2019-06 eller 2019-06-30"),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": PERIOD_PATTERN}, {"type": "integer", "minimum": 1000}],
            "description": "Periode: 2019, 2019-T2, 2019-Q3, 2019-H1, 2019-06 eller 2019-06-30",
        }
    ),
]
Text = Annotated[str, BeforeValidator(_to_text), WithJsonSchema({"type": ["string", "number"]})]


class _Model(BaseModel):
    # No .inf or .nan: they are not numbers anyone reports, and JSON cannot hold them.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


# Fields that identify a page: a page is internal as a whole (visibility), never just these.
VISIBILITIES = ("public", "internal")
ALWAYS_PUBLIC = {"type", "id", "title", "aliases", "visibility", "internal_fields"}

# Figures far beyond any budget or measure: larger ones overflow to infinity in sums and charts.
LARGEST = 1e15
Amount = Annotated[float, Field(ge=-LARGEST, le=LARGEST)]


class Entity(_Model):
    """Fields every page type has."""

    type: str
    # The short link's folder is a site setting (`short_url_prefix`): the guide shows it, the schema cannot.
    id: Id = Field(
        description="Unik id på tvers av nettstedet; gir siden en fast kort adresse som virker også når filen flyttes."
    )
    title: Text = Field(min_length=1, json_schema_extra={"minLength": 1}, description="Tittel.")
    aliases: list[Id] = Field(default_factory=list, description="Tidligere id-er som skal videresendes hit.")
    visibility: Literal["public", "internal"] = Field(
        default="public", description="internal: kommer ikke med i en offentlig bygg."
    )
    owner: Text | None = Field(default=None, description="Ansvarlig (rolle eller person).")
    editor: Text | None = Field(default=None, description="Ansvarlig redaktør for siden.")
    internal_fields: list[Text] = Field(
        default_factory=list,
        description=(
            "Felt som bare vises i intern bygg, f.eks. [budget, risk.note]; i lister gjelder stien hvert element "
            "(status.note eller status[].note)."
        ),
    )


class Assessment(_Model):
    """A qualitative rating of a goal (or a target-picture statement) for a period."""

    period: PeriodKey
    rating: Text = Field(description="Vurdering på skalaen, skrevet som i kilden (JA, JA-, NEI, «Vet ikke» …).")
    part: Text | None = Field(default=None, description="Delen av målet vurderingen gjelder, når målet har flere.")
    note: Text | None = Field(default=None, description="Merknad.")


class Statement(_Model):
    """A statement of the target picture (målbilde) with its assessments."""

    text: Text = Field(min_length=1, description="Utsagnet.")
    assessments: list[Assessment] = Field(default_factory=list, description="Vurderinger av utsagnet.")


class StrategyPeriod(_Model):
    start: int = Field(ge=1900, le=2200, description="Første år.")
    end: int = Field(ge=1900, le=2200, description="Siste år.")

    @model_validator(mode="after")
    def _ordered(self) -> StrategyPeriod:
        if self.end < self.start:
            raise ValueError(f"slutt ({self.end}) er før start ({self.start})")
        return self


class CycleEvent(_Model):
    """A recurring yearly planning or reporting event (årshjul), spanning one or more months."""

    title: Text = Field(min_length=1, description="Hendelsen, f.eks. «Godkjent handlingsplan iverksettes».")
    start: int = Field(ge=1, le=12, description="Første måned (1–12).")
    end: int | None = Field(default=None, ge=1, le=12, description="Siste måned (1–12); kan være før start (des–jan).")
    kind: Text | None = Field(default=None, description="Slag hendelse, f.eks. «Plan» eller «Rapportering».")
    note: Text | None = Field(default=None, description="Merknad.")


class DateNote(_Model):
    """Marks dated by the site, not by their source: for which periods, why, and where the strategy page says so."""

    periods: list[PeriodKey] = Field(min_length=1, description="Periodene vurderingene er datert til av nettstedet.")
    note: Text = Field(
        min_length=1, description="Kort merknad: kilden oppgir ingen dato, hvilken nettstedet bruker og hvorfor."
    )
    section: Text | None = Field(
        default=None, description="Ankeret til avsnittet på strategisiden som forklarer dateringen."
    )


class Strategy(Entity):
    """One strategy of one organisational unit (strategi)."""

    type: Literal["strategy"]
    unit: Text = Field(description="Enheten strategien gjelder.")
    period: StrategyPeriod = Field(description="Strategiperioden, f.eks. {start: 2018, end: 2025}.")
    current_period: PeriodKey | None = Field(
        default=None, description="Gjeldende rapporteringsperiode; ellers den siste med data."
    )
    statements: list[Statement] = Field(default_factory=list, description="Målbildets utsagn med vurdering.")
    annual_cycle: list[CycleEvent] = Field(
        default_factory=list, description="Årshjulet: faste planleggings- og rapporteringshendelser hvert år."
    )
    undated_assessments: DateNote | None = Field(
        default=None,
        description="Vurderinger kilden ikke daterer: hver vurdering i disse periodene får merknaden, "
        "med lenke til avsnittet.",
    )
    rating_scale: Text | None = Field(
        default=None,
        description="Vurderingsskalaen strategiens mål vurderes på: navnet på en skala under rating_scales i "
        "mkdocs.yml, none når målene ikke vurderes; ellers nettstedets skala (ratings).",
    )
    status_scale: Text | None = Field(
        default=None,
        description="Statusskalaen strategiens tiltak rapporteres på: navnet på en skala under status_scales i "
        "mkdocs.yml, none når tiltakene ikke får status; ellers nettstedets skala (statuses).",
    )


class Area(Entity):
    """A strategy area (innsatsområde, kjerneoppgave, tverrgående område)."""

    type: Literal["area"]
    strategy: Id | None = Field(default=None, description="Strategiens id; kan utelates når det bare er én.")
    group: Text | None = Field(default=None, description="Gruppe, f.eks. «Kjerneoppgaver».")
    order: int | None = Field(default=None, description="Rekkefølge i navigasjon og tabeller.")
    pillars: list[Text] = Field(default_factory=list, description="Pilarer områdets strategi er tuftet på.")


class Goal(Entity):
    """A goal (utviklingsmål, hovedmål, effektmål, resultatmål, delmål)."""

    type: Literal["goal"]
    area: Id | None = Field(default=None, description="Området målet hører til.")
    parent: Id | None = Field(default=None, description="Overordnet mål, for delmål.")
    number: Text | None = Field(default=None, description="Visningsnummer, f.eks. «HP nr.».")
    level: Text | None = Field(default=None, description="Målnivå, f.eks. effektmål eller resultatmål.")
    deadline: PeriodKey | None = Field(default=None, description="Frist; ellers strategiperiodens slutt.")
    assessments: list[Assessment] = Field(default_factory=list, description="Vurderinger av måloppnåelse.")


class Measurement(_Model):
    period: PeriodKey
    value: Amount = Field(description="Verdien.")


class Indicator(Entity):
    """A measure with a unit, direction, baseline, target(s) and values per period (indikator)."""

    type: Literal["indicator"]
    goals: list[Id] = Field(default_factory=list, description="Målene indikatoren måler.")
    unit_of_measure: Text | None = Field(default=None, description="Måleenhet, f.eks. «besøk».")
    direction: Literal["increase", "decrease"] = Field(default="increase", description="increase eller decrease.")
    baseline: Measurement | None = Field(default=None, description="Utgangspunkt: periode og verdi.")
    target: Measurement | list[Measurement] | None = Field(default=None, description="Mål, ett eller flere.")
    values: dict[PeriodKey, Amount] = Field(default_factory=dict, description="Verdier per periode.")
    source: Text | None = Field(default=None, description="Kilde for tallene.")
    example_data: bool = Field(default=False, description="true når tallene er eksempeldata, ikke fra kilden.")

    def targets(self) -> list[Measurement]:
        if self.target is None:
            return []
        return self.target if isinstance(self.target, list) else [self.target]


class Budget(_Model):
    hours: float | None = Field(default=None, ge=0, le=LARGEST, description="Timer.")
    nok: float | None = Field(default=None, ge=0, le=LARGEST, description="Kroner.")


class Risk(_Model):
    level: Literal["low", "medium", "high"] = Field(description="Risikonivå: low, medium eller high.")
    note: Text | None = Field(default=None, description="Hva risikoen består i.")


class Milestone(_Model):
    period: PeriodKey
    title: Text = Field(description="Milepælen.")
    done: bool = Field(default=False, description="true når milepælen er nådd.")


class StatusEntry(_Model):
    """An action's reported status for a period."""

    period: PeriodKey
    level: int = Field(description="Nivå på statusskalaen (0–5 som standard).")
    note: Text | None = Field(default=None, description="Statustekst.")
    inferred: bool = Field(default=False, description="true når nivået er lest ut av statusteksten.")


class Action(Entity):
    """An action in an action plan (tiltak)."""

    type: Literal["action"]
    goals: list[Id] = Field(default_factory=list, description="Målene tiltaket følger opp.")
    plan: Text | None = Field(default=None, description="Handlingsplanen tiltaket står i.")
    number: Text | None = Field(default=None, description="Tiltakets nummer i handlingsplanen.")
    responsible: Text | None = Field(default=None, description="Ansvarlig gruppe eller prosjektleder.")
    start: PeriodKey | None = Field(default=None, description="Oppstart, f.eks. 2019-01.")
    end: PeriodKey | None = Field(default=None, description="Slutt, f.eks. 2020-12.")
    budget: Budget | None = Field(default=None, description="Budsjett i timer og kroner.")
    financing: Text | None = Field(default=None, description="Finansiering.")
    risk: Risk | None = Field(default=None, description="Risikovurdering.")
    milestones: list[Milestone] = Field(default_factory=list, description="Milepæler.")
    status: list[StatusEntry] = Field(default_factory=list, description="Status per periode.")


def _check_date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise ValueError(f"«{value}» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2022-09-02")
    return value


Day = Annotated[
    str,
    BeforeValidator(_to_text),
    AfterValidator(_check_date),
    Field(description="Dato: ÅÅÅÅ-MM-DD, f.eks. 2022-09-02"),
    WithJsonSchema({"type": "string", "format": "date", "description": "Dato: ÅÅÅÅ-MM-DD, f.eks. 2022-09-02"}),
]


class MeetingItem(_Model):
    """A case on a meeting's agenda: an entity by id, with what the meeting is to discuss about it."""

    ref: Id = Field(description="Id-en til et mål, tiltak, en indikator, et område eller strategien.")
    note: Text | None = Field(default=None, description="Hva møtet skal drøfte, eller hva som ble sagt.")


class Meeting(Entity):
    """A meeting of a leader group or board (møte): its agenda items with live status, and its decisions."""

    type: Literal["meeting"]
    date: Day = Field(description="Møtedatoen, f.eks. 2022-09-02.")
    strategy: Id | None = Field(default=None, description="Strategiens id; kan utelates når det bare er én.")
    period: PeriodKey | None = Field(
        default=None, description="Rapporteringsperioden møtet ser på; ellers strategiens gjeldende periode."
    )
    items: list[MeetingItem] = Field(default_factory=list, description="Sakene: id og merknad, i rekkefølge.")
    decisions: list[Text] = Field(default_factory=list, description="Vedtakene, i rekkefølge.")


MODELS: dict[str, type[Entity]] = {
    "strategy": Strategy,
    "area": Area,
    "goal": Goal,
    "indicator": Indicator,
    "action": Action,
    "meeting": Meeting,
}
