"""Read pages: their text, their frontmatter (YAML read by `core.yamlread`) validated into typed models, with the
line of every field for messages."""

from __future__ import annotations

import codecs
import copy
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from strategy_site.core.hiding import internal_field_problems
from strategy_site.core.models import MODELS, VISIBILITIES, Entity
from strategy_site.core.nearfront import missing_type, near_frontmatter, outside_entity_folders
from strategy_site.core.problems import Problem, field_path
from strategy_site.core.yamlread import Path, parse_yaml

_OPEN = re.compile(r"^-{3}[ \t]*\n")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

# Norwegian messages for the validation errors editors meet; others fall back to pydantic's text.
_MESSAGES = {
    "missing": "feltet mangler",
    "extra_forbidden": "ukjent felt",
    "string_type": "skal være tekst",
    "int_parsing": "skal være et heltall",
    "int_type": "skal være et heltall",
    "int_from_float": "skal være et heltall",
    "float_parsing": "skal være et tall",
    "float_type": "skal være et tall",
    "finite_number": "skal være et vanlig tall, ikke .inf eller .nan",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "list_type": "skal være en liste",
    "dict_type": "skal være en mapping (nøkkel: verdi)",
    "model_type": "skal være en mapping (nøkkel: verdi)",
    "string_too_short": "kan ikke være tom",
    "string_too_long": "er for lang",
    "too_long": "er for lang",
    "greater_than_equal": "er for lite",
    "less_than_equal": "er for stort",
}


# Norwegian words editors reach for, and the field they mean.
_SYNONYMS = {
    "tittel": "title",
    "frist": "deadline",
    "eier": "owner",
    "ansvarlig": "owner",
    "område": "area",
    "omrade": "area",
    "mål": "goals",
    "mal": "goals",
    "vurdering": "assessments",
    "vurderinger": "assessments",
    "nummer": "number",
    "periode": "period",
    "enhet": "unit",
    "strategi": "strategy",
    "budsjett": "budget",
    "risiko": "risk",
    "notat": "note",
    "merknad": "note",
    "type_": "type",
    "rekkefølge": "order",
    "dato": "date",
    "saker": "items",
    "vedtak": "decisions",
}

# Norwegian names of the page types.
_TYPE_SYNONYMS = {
    "strategi": "strategy",
    "område": "area",
    "omrade": "area",
    "innsatsområde": "area",
    "mål": "goal",
    "mal": "goal",
    "delmål": "goal",
    "indikator": "indicator",
    "tiltak": "action",
    "møte": "meeting",
    "mote": "meeting",
}


@dataclass
class SourceDoc:
    """A page's source: its path relative to the docs folder and its text."""

    path: str
    text: str


@dataclass
class Record:
    """A validated entity with where it came from."""

    entity: Entity
    path: str
    lines: dict[Path, int] = field(default_factory=dict, repr=False)
    first_line: int = 1

    def line(self, *loc: str | int) -> int:
        """The 1-based line of a field (or of its nearest parent that has one)."""
        path = tuple(loc)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line

    @property
    def id(self) -> str:
        return self.entity.id


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids of pages that failed validation: references to them are not reported a second time.
    broken_ids: set[str] = field(default_factory=set)
    # Pages whose frontmatter has an error: a public build leaves them out rather than guess what they hide.
    broken_paths: set[str] = field(default_factory=set)


def decode_source(path: str, data: bytes) -> tuple[SourceDoc | None, list[Problem]]:
    """A page's bytes as text, or the problem that it is not UTF-8 (naming the line of the first bad byte).

    A UTF-8 byte order mark is dropped, as MkDocs does.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(path, "filen er lagret som UTF-16; lagre den som UTF-8", line=1)]
    try:
        return SourceDoc(path, data.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, offset) + 1
        byte = data[offset : offset + 1].hex()
        message = f"filen er ikke UTF-8 (byte 0x{byte}); lagre den som UTF-8"
        return None, [Problem(path, message, line=line)]


def normalise(text: str) -> str:
    """Text without a byte order mark and with Unix line endings, so line numbers match what editors see."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def page_body(text: str) -> tuple[str, int]:
    """The Markdown after the frontmatter and the 1-based line it starts on, split as MkDocs splits a page."""
    text = normalise(text)
    body = text
    opening = _OPEN.match(text)
    if opening:
        close = _CLOSE.search(text, opening.end())
        if close:
            body = text[close.end() + 1 :].lstrip("\n")
    return body, text.count("\n") - body.count("\n") + 1


def split_frontmatter(text: str) -> tuple[str | None, int]:
    """The frontmatter text (or None) and the 1-based line its first line is on."""
    if not _OPEN.match(text):
        return None, 0
    rest = text[_OPEN.match(text).end() :]
    close = _CLOSE.search(rest)
    if not close:
        return "", -1
    return rest[: close.start()], 2


def _validation_problems(exc: ValidationError, model: type[Entity], record: Record) -> list[Problem]:
    out: list[Problem] = []
    for err in exc.errors():
        kind = err["type"]
        # Drop pydantic's validator tags ("function-after[...]"); the unknown key itself (last) stays, even with a [.
        keep_last = kind == "extra_forbidden"
        loc = tuple(
            p
            for i, p in enumerate(err["loc"])
            if (keep_last and i == len(err["loc"]) - 1)
            or not (isinstance(p, str) and "[" in p and p not in model.model_fields)
        )
        message = _MESSAGES.get(kind, err["msg"])
        if kind == "extra_forbidden":
            name = str(loc[-1])
            known = _fields_at(model, loc[:-1])
            meant = _meant(name, known)
            message += f"; mente du «{meant}»?" if meant else f"; kjente felt: {', '.join(known)}"
        elif kind == "literal_error":
            message = f"«{err['input']}» er ikke tillatt; bruk {err['ctx']['expected']}"
        elif kind == "string_pattern_mismatch":
            message = f"«{err['input']}» er ikke en gyldig id: bruk små bokstaver a–z, tall og bindestrek"
        elif kind == "value_error":
            message = str(err["ctx"].get("error", err["msg"]))
        elif kind in ("missing",):
            pass
        elif err.get("input", "") is None:
            message = "mangler verdi"
        elif "input" in err and kind not in ("extra_forbidden",) and not isinstance(err["input"], dict | list):
            message += f" (fikk «{err['input']}»)"
        out.append(Problem(record.path, message, line=record.line(*loc), field=field_path(loc) or None))
    return out


def _fields_at(model: type[Entity], loc: Path) -> list[str]:
    """Names of the fields allowed where an unknown field was found."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = None
        if info is not None:
            for candidate in _model_types(info.annotation):
                current = candidate
                break
    return sorted(current.model_fields) if current is not None else []


def _model_types(annotation: Any) -> Iterable[type]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_types(arg)


def load_document(doc: SourceDoc, entity_folders: Sequence[str] = ()) -> tuple[Record | str | None, list[Problem]]:
    """Validate one page. Pages without frontmatter, or without `type` and any field only entities have, are
    plain pages, unless they look as if they meant to have frontmatter (`core.nearfront`) or lie in one of
    `entity_folders`, where every page must be an entity.

    Returns the record, or the page's id when the page names one but fails validation, or None.
    """
    record, problems = _load(doc)
    if record is None and not problems and entity_folders:
        problem = outside_entity_folders(doc.path, list(entity_folders))
        problems = [problem] if problem else []
    return record, problems


def _load(doc: SourceDoc) -> tuple[Record | str | None, list[Problem]]:
    text = normalise(doc.text)
    if not text.strip():
        return None, [Problem(doc.path, "filen er tom; skriv innhold i den eller slett den", line=1)]
    front, first_line = split_frontmatter(text)
    if front is None:
        return None, near_frontmatter(doc.path, text)
    if first_line < 0:
        return None, [Problem(doc.path, "frontmatter åpnes med --- men lukkes aldri", line=1)]
    numbers: dict[Path, str] = {}
    data, lines, problems = parse_yaml(front, doc.path, first_line, numbers)
    if data is None:
        return None, problems
    if not isinstance(data, dict):
        return None, [*problems, Problem(doc.path, "frontmatter må være nøkkel: verdi-par", line=first_line)]
    if "type" not in data:
        problems += plain_page_problems(doc.path, data, lines, first_line)
        untyped = missing_type(doc.path, data, first_line)
        if untyped is None:
            return None, problems
        return (str(data["id"]) if isinstance(data.get("id"), str | int) else None), [*problems, untyped]
    kind = data["type"]
    model = MODELS.get(str(kind))
    record = Record(entity=None, path=doc.path, lines=lines, first_line=first_line)  # type: ignore[arg-type]
    if model is None:
        close = [_TYPE_SYNONYMS[str(kind).lower()]] if str(kind).lower() in _TYPE_SYNONYMS else []
        close = close or difflib.get_close_matches(str(kind), MODELS, n=1)
        hint = f"; mente du «{close[0]}»?" if close else f"; bruk {', '.join(MODELS)}"
        problems.append(Problem(doc.path, f"ukjent sidetype «{kind}»{hint}", line=record.line("type"), field="type"))
        return None, problems
    try:
        record.entity = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc, model, record))
        # A misspelt field must not hide the rest of the page's problems: without the unknown fields the page
        # is read on, so its ratings, references and periods are checked in the same build.
        entity = _without_unknown_fields(model, data, exc)
        if entity is None:
            return (str(data["id"]) if isinstance(data.get("id"), str | int) else None), problems
        record.entity = entity
    invalid = [
        *internal_field_problems(record.entity, doc.path, record.line),
        *_changed_numbers(record, numbers),
    ]
    if invalid:
        return record.entity.id, [*problems, *invalid]
    return record, problems


def plain_page_problems(path: str, data: dict, lines: dict[Path, int], first_line: int) -> list[Problem]:
    """A plain page's `visibility`: only `public` or `internal`, and a key that looks like it is one."""
    problems = []
    if "visibility" in data and data["visibility"] not in VISIBILITIES:
        message = f"«{data['visibility']}» er ikke tillatt; bruk {' eller '.join(VISIBILITIES)}"
        problems.append(Problem(path, message, line=lines.get(("visibility",), first_line), field="visibility"))
    for key in data:
        name = str(key)
        near = name.lower() in ("synlighet", "visibility") or (
            difflib.SequenceMatcher(None, name.lower(), "visibility").ratio() >= 0.7
        )
        if name != "visibility" and near:
            message = "ukjent felt; mente du «visibility»?"
            problems.append(Problem(path, message, line=lines.get((key,), first_line), field=name))
    return problems


def _value_at(value: Any, loc: Path) -> Any:
    for part in loc:
        if isinstance(value, list | dict):
            try:
                value = value[part]
            except (IndexError, KeyError, TypeError):
                return None
        else:
            value = getattr(value, str(part), None)
    return value


def _changed_numbers(record: Record, numbers: dict[Path, str]) -> list[Problem]:
    """Text fields YAML read as a number that does not say what was written (`2.10` → 2.1, `010` → 8)."""
    problems = []
    for loc, written in numbers.items():
        value = _value_at(record.entity, loc)
        if isinstance(value, str) and value != written:
            message = f'YAML leser {written} som tallet {value}; skriv den i anførselstegn: "{written}"'
            problems.append(Problem(record.path, message, line=record.line(*loc), field=field_path(loc)))
    return problems


def _without_unknown_fields(model: type[Entity], data: dict, exc: ValidationError) -> Entity | None:
    """The entity validated with each unknown field dropped (or read as the missing field it is a misspelling
    of), when unknown and thereby missing fields were its only errors; else None."""
    errors = exc.errors()
    if any(err["type"] not in ("extra_forbidden", "missing") for err in errors):
        return None
    cleaned = copy.deepcopy(data)
    for err in errors:
        if err["type"] != "extra_forbidden":
            continue
        *parents, name = err["loc"]
        holder: Any = cleaned
        for part in parents:
            holder = holder[part] if isinstance(holder, dict | list) else None
        if isinstance(holder, dict):
            value = holder.pop(name, None)
            meant = _meant(str(name), _fields_at(model, tuple(parents)))
            if meant is not None and meant not in holder:
                holder[meant] = value
    try:
        return model.model_validate(cleaned)
    except ValidationError:
        return None


def _meant(name: str, known: list[str]) -> str | None:
    """The known field an unknown one is a misspelling of, as the message suggests it, or None."""
    if _SYNONYMS.get(name) in known:
        return _SYNONYMS[name]
    close = difflib.get_close_matches(name, known, n=1)
    return close[0] if close else None


def load_documents(
    docs: Iterable[SourceDoc], entity_folders: Sequence[str] = (), known: dict | None = None
) -> LoadResult:
    """Validate every page; collects all problems instead of stopping at the first.

    `known` keeps what each page gave by its path and text, from one call to the next (the builds of
    `mkdocs serve --dirty`): a page whose text is unchanged is not read again. Each call gets its own copy of
    a kept record, since a build may give the record's entity more values (the indicator data files).
    """
    result = LoadResult()
    kept: dict = {}
    for doc in docs:
        key = (doc.path, doc.text, tuple(entity_folders))
        loaded = known.get(key) if known is not None else None
        record, problems = kept[key] = loaded or load_document(doc, entity_folders)
        if known is not None and isinstance(record, Record):
            # A build may give a record another entity (the indicator data files' values): not the kept one.
            record = copy.copy(record)
        result.problems.extend(problems)
        if any(p.severity == "error" for p in problems):
            result.broken_paths.add(doc.path)
        if isinstance(record, Record):
            result.records.append(record)
        elif record is not None:
            result.broken_ids.add(record)
    if known is not None:
        known.clear()
        known.update(kept)
    return result
