"""Charts of the goals' ratings: the count per rating in each area, and the goal tree with each goal's mark."""

from __future__ import annotations

from strategy_site.charts.base import (
    NEUTRAL_COLOR,
    PATTERNS,
    UNRATED_COLOR,
    Chart,
    Pattern,
    areas_under,
    entity_label,
    layout,
    pattern,
    plain,
    short,
    stacked_bars,
)
from strategy_site.core.graph import SiteModel
from strategy_site.core.models import Area, Strategy
from strategy_site.core.numbers import percent
from strategy_site.core.scales import text_color_for
from strategy_site.measures.attainment import attainment_for, latest_rating

# The fill of a goal rated in parts, unlike any level's: a dense cross-hatch.
PARTS_PATTERN = Pattern("+", 4)


def rating_chart(model: SiteModel, ident: str) -> Chart | None:
    """How the goals of each area are rated (latest rating per goal), as stacked bars."""
    scale = model.rating_scale_for(ident)
    areas = areas_under(model, ident)
    if not areas or scale is None:
        return None
    summaries = [attainment_for(model.goals_in(a), scale) for a in areas]
    # Without any rating the bars would only repeat the goal count in grey; the key figures already say it.
    if not any(s.rated for s in summaries):
        return None
    names = [short(model.get(a).title) for a in areas]
    series = [
        (f"{lvl.key} – {lvl.label}", lvl.color, [s.distribution[lvl.key] for s in summaries]) for lvl in scale.levels
    ]
    series.append((model.labels.text("chart_unrated"), UNRATED_COLOR, [s.unrated for s in summaries]))
    series = [s for s in series if any(s[2])]
    total = attainment_for(model.goals_in(ident), scale)
    title = model.labels.text("chart_ratings_title", title=model.get(ident).title)
    figure = {
        "data": stacked_bars(names, series, "h", model.labels.text("chart_goals_unit")),
        "layout": layout(
            model.labels.text("chart_ratings_heading"),
            barmode="stack",
            height=max(260, 90 + 38 * len(areas)),
            xaxis={"dtick": 1 if total.goals <= 12 else None},
            yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        ),
    }
    common = max(((k, v) for k, v in total.distribution.items()), key=lambda kv: kv[1], default=None)
    summary = model.labels.text(
        "chart_ratings_summary",
        goals=total.goals,
        rated=total.rated,
        reached=total.reached,
        share=percent(total.share_reached),
    )
    if common and common[1]:
        summary += " " + model.labels.text("chart_ratings_most_common", rating=common[0], goals=common[1])
    columns = [model.labels.text("chart_column_area"), *(name for name, _, _ in series)]
    rows = [[model.get(a).title, *(str(counts[i]) for _, _, counts in series)] for i, a in enumerate(areas)]
    return Chart("ratings", ident, title, summary, figure, columns, rows)


def goal_tree_chart(model: SiteModel, ident: str) -> Chart | None:
    """A sunburst of strategy → area → goal (→ sub-goal), each goal coloured and labelled by its latest rating."""
    root = model.get(ident)
    if not isinstance(root, Strategy | Area):
        return None
    scale = model.ratings_of(ident)
    ids, parents, labels, colors, hover, fills = [], [], [], [], [], []
    rows = []

    def add(node_id: str, parent: str, label: str, color: str, text: str, fill: Pattern = PATTERNS[0]) -> None:
        ids.append(node_id)
        parents.append(parent)
        labels.append(label)
        colors.append(color)
        hover.append(text)
        fills.append(fill)

    add(root.id, "", short(root.title, 24), NEUTRAL_COLOR, plain(root.title))
    keys = [lvl.key for lvl in scale.levels]

    def add_goal(goal_id: str, parent: str, area_title: str) -> None:
        goal = model.get(goal_id)
        rating = latest_rating(goal, scale)
        mark = rating.mark if rating else "–"
        color = rating.level.color if rating else UNRATED_COLOR
        fill = PATTERNS[keys.index(rating.level.key) % len(PATTERNS)] if rating else Pattern(".")
        written = rating.mark if rating else ""
        if rating and rating.in_parts:
            # Parts are not a scale mark: their own pattern and the rule in words.
            fill, written = PARTS_PATTERN, model.labels.text("rating_parts", parts=rating.mark)
        state = (
            f"{written} ({rating.level.label}, {rating.period.label})" if rating else model.labels.text("chart_unrated")
        )
        add(
            goal_id,
            parent,
            plain(f"{goal.number or ''} {mark}".strip()),
            color,
            f"{plain(entity_label(model, goal_id))}<br>{plain(state)}",
            fill,
        )
        rows.append([area_title, entity_label(model, goal_id), state])

    def add_tree(goal_id: str, area_id: str, area_title: str) -> None:
        """A goal and its sub-goals, depth first, without recursion (a goal tree can be as deep as content makes it)."""
        stack = [(goal_id, area_id)]
        while stack:
            current, parent = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            add_goal(current, parent, area_title)
            stack.extend((child, current) for child in reversed(model.children.get(current, [])))

    seen: set[str] = set()
    for area_id in areas_under(model, ident):
        area = model.get(area_id)
        if area_id != root.id:
            add(area_id, root.id, short(area.title, 22), NEUTRAL_COLOR, plain(area.title))
        for goal_id in model.goals_of_area.get(area_id, []):
            add_tree(goal_id, area_id, area.title)
    total = attainment_for(model.goals_in(ident), scale)
    if not rows or not total.rated:
        return None
    title = model.labels.text("chart_goal_tree_title", title=root.title)
    figure = {
        "data": [
            {
                "type": "sunburst",
                "ids": ids,
                "parents": parents,
                "labels": labels,
                "hovertext": hover,
                "hoverinfo": "text",
                "marker": {
                    "colors": colors,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": pattern(fills),
                },
                # Black or white text, whichever reads best on each sector's colour, in both palettes. Plotly
                # writes the centre (the root) with the outside font, which otherwise takes the palette's
                # light grey in dark mode.
                "insidetextfont": {"color": [text_color_for(c) for c in colors]},
                "outsidetextfont": {"color": [text_color_for(c) for c in colors]},
                # Horizontal or radial, whichever lets the label be larger; too small to read is not drawn
                # (the hover text and the table under the chart carry every label).
                "insidetextorientation": "auto",
                "maxdepth": 3,
            }
        ],
        "layout": layout(
            model.labels.text("chart_goal_tree_heading"),
            height=560,
            margin={"l": 10, "r": 10, "t": 50, "b": 10},
            uniformtext={"minsize": 10, "mode": "hide"},
        ),
    }
    summary = model.labels.text(
        "chart_goal_tree_summary",
        goals=total.goals,
        areas=area_count(model.labels, len(areas_under(model, ident))),
        reached=total.reached,
        rated=total.rated,
    )
    columns = [
        model.labels.text(key) for key in ("chart_column_area", "chart_column_goal", "chart_column_latest_rating")
    ]
    return Chart("goal-tree", ident, title, summary, figure, columns, rows)


def area_count(labels, count: int) -> str:
    """ "1 område", "10 områder": the count of areas in words, singular for one."""
    return labels.text("area_count_one" if count == 1 else "area_count_other", count=count)
