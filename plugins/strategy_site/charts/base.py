"""What every chart shares: the `Chart` itself, colours and patterns, the layout, and labels made safe for plotly.

Colours come from the configured scales; every coloured mark also carries a pattern or a text label, so
colour is never the only carrier of meaning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Area, Goal


@dataclass(frozen=True)
class Pattern:
    """A fill pattern: one of plotly's eight shapes, drawn at a size in pixels (smaller is denser)."""

    shape: str
    size: int = 7


# Patterns repeat the colour's meaning for people who cannot tell the colours apart, and on grey print.
# Plotly has eight shapes (and draws nothing for any other name), so the ninth to eleventh are the diagonals and
# the cross again, denser: a scale of ten levels and "not rated" stay apart.
PATTERNS = [Pattern(shape) for shape in ("", "/", "\\", "x", "-", "|", "+", ".")]
PATTERNS += [Pattern(shape, 4) for shape in ("/", "\\", "x")]
UNRATED_COLOR = "#c8c8c8"
NEUTRAL_COLOR = "#9fa8da"
# A colour-blind safe qualitative palette (Okabe–Ito) for series that have no colour of their own.
SERIES_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]


@dataclass
class Chart:
    """One chart: the figure to draw, and the same data as text and as a table."""

    kind: str
    target: str
    title: str
    summary: str
    figure: dict[str, Any]
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def spec_json(self) -> str:
        """The figure as compact JSON (the template escapes it for the HTML attribute it goes in)."""
        return json.dumps(self.figure, ensure_ascii=False, separators=(",", ":"))


def pattern(patterns: Pattern | list[Pattern]) -> dict[str, Any]:
    """A pattern drawn over the fill colour (not instead of it), dark enough to see on every scale colour.

    A list gives each point of a trace its own pattern (the sectors of a sunburst).
    """
    if isinstance(patterns, Pattern):
        shape, size = patterns.shape, patterns.size
    else:
        shape, size = [p.shape for p in patterns], [p.size for p in patterns]
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "rgba(0,0,0,0.4)", "fgopacity": 0.5, "size": size}


def layout(title: str, **extra: Any) -> dict[str, Any]:
    """Layout shared by all charts; the browser adds the palette's colours and fonts."""
    shared = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
        "legend": {"orientation": "h", "y": -0.15, "yanchor": "top", "traceorder": "normal"},
        "hovermode": "closest",
    }
    shared.update(extra)
    return shared


def entity_label(model: SiteModel, ident: str) -> str:
    """An entity's title, a goal's with its number in front."""
    entity = model.get(ident)
    if isinstance(entity, Goal) and entity.number:
        return f"{entity.number}. {entity.title}"
    return entity.title if entity else ident


def plain(text: str) -> str:
    """Editors' text for plotly, which reads a few HTML tags in labels: shown as written, never as markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def short(text: str, width: int = 40) -> str:
    """A label for a chart, cut to a width, as plain text for plotly."""
    return plain(text if len(text) <= width else text[: width - 1].rstrip() + "…")


def areas_under(model: SiteModel, ident: str) -> list[str]:
    """The areas a chart of `ident` has a bar or a branch for: an area itself, or a strategy's areas."""
    entity = model.get(ident)
    return [ident] if isinstance(entity, Area) else list(model.areas_of.get(ident, []))


def stacked_bars(
    categories: list[str], series: list[tuple[str, str, list[int]]], orientation: str, hover: str
) -> list[dict[str, Any]]:
    """One bar trace per series (name, colour, counts), each with its own pattern and the count as text."""
    traces = []
    category, count = ("y", "x") if orientation == "h" else ("x", "y")
    for i, (name, color, counts) in enumerate(series):
        axis_values = {"y": categories, "x": counts} if orientation == "h" else {"x": categories, "y": counts}
        traces.append(
            {
                "type": "bar",
                "orientation": orientation,
                "name": name,
                **axis_values,
                "marker": {
                    "color": color,
                    "line": {"color": "rgba(0,0,0,0.45)", "width": 1},
                    "pattern": pattern(PATTERNS[i % len(PATTERNS)]),
                },
                "text": [str(c) if c else "" for c in counts],
                "textposition": "inside",
                "textangle": 0,
                "insidetextanchor": "middle",
                "hovertemplate": f"%{{{category}}}<br>{name}: %{{{count}}} {hover}<extra></extra>",
            }
        )
    return traces
