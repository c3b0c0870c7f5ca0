"""Reading YAML frontmatter safely, with the line of every key, and Norwegian messages for what cannot be read.

Only plain data: every tag that would construct a Python object is refused, and so are aliases. Dates stay
text. The loader validates nothing about the content; `core.load` does that with the models.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from strategy_site.core.problems import Problem, field_path

# Where a value is in the data: keys and list indexes, e.g. ("assessments", 0, "rating").
Path = tuple[str | int, ...]


if getattr(yaml, "__with_libyaml__", False):

    class _SafeLoader(
        yaml.composer.Composer, yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
    ):
        """libyaml scans and parses (the pure-Python scanner was most of the build time of a large site);
        the nodes are composed in Python so that aliases can be refused where they are written."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:
    _SafeLoader = yaml.SafeLoader  # type: ignore[misc,assignment]


class _LineLoader(_SafeLoader):
    """Safe loader; refuses every tag that would construct a Python object, and aliases.

    Aliases (`*name`) are refused because they let a few lines expand into millions of values
    ("billion laughs") or refer to themselves; frontmatter never needs them.
    """

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, _ALIAS_PROBLEM, mark)
        return super().compose_node(parent, index)


_ALIAS_PROBLEM = "aliaser (*navn) er ikke tillatt; skriv verdien ut"

if getattr(yaml, "__with_libyaml__", False):

    class _NoAliasLoader(yaml.CSafeLoader):
        """libyaml composes the nodes too: for frontmatter without a `*`, which can hold no alias."""

    _FAST_LOADER: type | None = _NoAliasLoader
else:
    _FAST_LOADER = None

# Dates stay text: the models parse periods themselves, so 2019-02-30 gets our message, not a crash in PyYAML.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (_LineLoader, _FAST_LOADER):
    if _loader is not None:
        _loader.yaml_implicit_resolvers = _RESOLVERS


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


# Every page of a kind has the same field paths (`("assessments", 0, "period")`): one tuple for each path, shared
# by the line maps of all pages, which the build keeps for its messages.
_PATHS: dict[Path, Path] = {}


def _shared(path: Path) -> Path:
    return _PATHS.setdefault(path, path)


def _walk(
    node: yaml.Node,
    path: Path,
    offset: int,
    lines: dict[Path, int],
    dups: list[tuple[Path, int]],
    numbers: dict[Path, str] | None = None,
) -> None:
    if isinstance(node, yaml.ScalarNode):
        # A plain scalar YAML reads as a number: keep what the editor wrote (`2.10`, `010`), so that a field
        # that is text can tell when the number changed it.
        # (PyYAML marks a plain scalar with style None, libyaml with "".)
        if numbers is not None and node.tag in _NUMBER_TAGS and not node.style:
            numbers[path] = node.value
    elif isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = sys.intern(str(key.value))
            sub = _shared((*path, name))
            line = key.start_mark.line + offset
            if name in seen:
                dups.append((sub, line))
            seen.add(name)
            lines.setdefault(sub, line)
            _walk(value, sub, offset, lines, dups, numbers)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = _shared((*path, i))
            lines[sub] = item.start_mark.line + offset
            _walk(item, sub, offset, lines, dups, numbers)


def parse_yaml(
    text: str, path: str, first_line: int, numbers: dict[Path, str] | None = None
) -> tuple[Any, dict[Path, int], list[Problem]]:
    """Parse YAML safely. Returns the data, the line of each key and the problems found.

    `numbers`, when given, receives the text as written of every plain scalar YAML reads as a number.
    """
    lines: dict[Path, int] = {}
    dups: list[tuple[Path, int]] = []
    hidden = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if hidden:
        line = text.count("\n", 0, hidden.start()) + first_line
        message = f"ugyldig YAML: usynlig kontrolltegn (U+{ord(hidden.group()):04X}); slett det"
        return None, lines, [Problem(path, message, line=line)]
    loader = _FAST_LOADER(text) if _FAST_LOADER is not None and "*" not in text else _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines, []
        _walk(node, (), first_line, lines, dups, numbers)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is found at the end of the text; its start is the useful line.
        unclosed = exc.context_mark is not None and "end of stream" in str(exc.problem)
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        opened = None if unclosed or mark is None else _open_quote_line(text, mark.line)
        if opened is not None:
            message = "ugyldig YAML: anførselstegnet som åpnes her, lukkes ikke på samme linje"
            return None, lines, [Problem(path, message, line=opened + first_line)]
        line = mark.line + first_line if mark else first_line
        return None, lines, [Problem(path, _yaml_message(exc, text, mark), line=line, field=None)]
    except yaml.YAMLError as exc:
        return None, lines, [Problem(path, f"ugyldig YAML: {exc}", line=first_line)]
    except (ValueError, TypeError, OverflowError) as exc:
        # An explicit tag with a value it cannot hold, e.g. `!!int abc` or `!!timestamp 2019-02-30`.
        return None, lines, [Problem(path, f"ugyldig YAML: verdien kan ikke leses ({exc})", line=first_line)]
    except RecursionError:
        return None, lines, [Problem(path, "ugyldig YAML: verdiene er nøstet for dypt", line=first_line)]
    finally:
        loader.dispose()
    problems = [
        Problem(path, "feltet står to ganger; bare ett kan gjelde", line=line, field=field_path(p)) for p, line in dups
    ]
    return data, lines, problems


def _open_quote_line(text: str, last: int) -> int | None:
    """The first line (0-based, up to `last`) that ends inside a quoted value it opened, or None.

    A quoted value may go on over several lines in YAML, but in frontmatter that is almost always a quote
    left open: the parser then stumbles lines later, where the next quote closes it.
    """
    for number, line in enumerate(text.split("\n")[: last + 1]):
        quote, previous, i = "", "", 0
        while i < len(line):
            char = line[i]
            if quote == '"' and char == "\\":
                i += 2
                continue
            if quote and char == quote:
                if quote == "'" and line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                quote = ""
            elif not quote and char in "\"'" and previous in ("", ":", "-", "[", "{", ","):
                quote = char
            elif not quote and char == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            if not char.isspace():
                previous = char if not quote or char == quote else previous
            i += 1
        if quote:
            return number
    return None


# libyaml's problems as editors should read them.
_PROBLEMS = {
    "did not find expected key": "her ventet vi et nytt felt (nøkkel: verdi); sjekk innrykket og anførselstegnene",
    "mapping values are not allowed": "kolon (:) midt i en verdi; sett verdien i anførselstegn",
    "could not find expected ':'": "mangler kolon (:) etter feltnavnet",
    "cannot start any token": "tegnet kan ikke stå først i en verdi; sett verdien i anførselstegn",
    "did not find expected ',' or '}'": "mangler komma eller } i { … }",
    "did not find expected ',' or ']'": "mangler komma eller ] i [ … ]",
    "did not find expected '-' indicator": "listepunktet har feil innrykk",
    "expected <block end>": "feil innrykk; felt på samme nivå skal stå rett under hverandre",
    "unknown escape character": "ukjent \\-tegn i tekst med doble anførselstegn; bruk enkle anførselstegn",
    "expected alphabetic or numeric character": "ugyldig tegn etter & eller *; sett verdien i anførselstegn",
    "found duplicate anchor": "ankeret (&navn) står to ganger",
}


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    problem = exc.problem or str(exc)
    if mark is not None:
        bad = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in bad or "'\\t'" in problem:
            return "ugyldig YAML: tabulator i innrykk; bruk mellomrom"
    if "end of stream" in problem and exc.context:
        what = "anførselstegn" if "quoted" in exc.context else "parentes"
        return f"ugyldig YAML: {what} som åpnes her, lukkes aldri"
    if "unhashable key" in problem:
        return "ugyldig YAML: en nøkkel kan ikke være en liste eller en mapping"
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = re.search(r"'([^']*)'", problem)
        name = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else ""
        return f"ugyldig YAML: taggen «{name}» er ikke tillatt; bruk bare tekst, tall, lister og nøkkel: verdi"
    known = next((text for english, text in _PROBLEMS.items() if english in problem), None)
    return f"ugyldig YAML: {known}" if known else f"ugyldig YAML: {problem}"
