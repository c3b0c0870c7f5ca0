"""Reminders as data (JSON) and as Markdown to paste into an e-mail or an issue, one section per owner.

The Markdown is made from the JSON data, so `strategy remind --format json` piped into `strategy remind-issues`
gives the issue bodies that `strategy remind` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strategy_site.core.labels import DEFAULT, Labels
from strategy_site.core.periods import Period
from strategy_site.core.scales import StatusScale
from strategy_site.measures.reporting import OwnerReminder


def reminders_data(
    found: list[OwnerReminder], period: Period, statuses_of: Callable[[str], StatusScale], path_of: dict[str, str]
) -> dict[str, Any]:
    """The reminders as plain data: the period and, per owner, the actions, indicators and stale pages.

    `statuses_of` gives an action's status scale by its id (`SiteModel.statuses_of`).
    """
    owners = []
    for reminder in found:
        actions = []
        for action, last in reminder.actions:
            level = statuses_of(action.id).get(last.level) if last else None
            actions.append(
                {
                    "id": action.id,
                    "title": action.title,
                    "path": path_of.get(action.id),
                    "last": None
                    if last is None
                    else {"period": last.period, "level": last.level, "label": level.label if level else None},
                }
            )
        indicators = [
            {"id": i.id, "title": i.title, "path": path_of.get(i.id), "due": due.key, "due_label": due.label}
            for i, due in reminder.indicators
        ]
        stale = [{"path": p.path, "title": p.title, "changed": p.changed.isoformat()} for p in reminder.stale_pages]
        owners.append({"owner": reminder.owner, "actions": actions, "indicators": indicators, "stale_pages": stale})
    return {"period": period.key, "period_label": period.label, "owners": owners}


def owner_name(owner: dict[str, Any], labels: Labels = DEFAULT) -> str:
    return owner["owner"] or labels.text("remind_no_owner")


def owner_markdown(owner: dict[str, Any], period_label: str, labels: Labels = DEFAULT) -> str:
    """What one owner still owes, as Markdown lists under small headings."""

    def action(item: dict[str, Any]) -> str:
        last, when = item["last"], labels.text("remind_never")
        if last:
            level = f"{last['level']} {last['label'] or ''}".strip()
            when = labels.text("remind_last", period=last["period"], level=level)
        return f"- [ ] `{item['id']}` {item['title']} ({when}) – `{item['path']}`"

    def indicator(item: dict[str, Any]) -> str:
        due = labels.text("remind_indicator_due", period=item["due_label"])
        return f"- [ ] `{item['id']}` {item['title']} ({due}) – `{item['path']}`"

    def stale(item: dict[str, Any]) -> str:
        changed = labels.text("remind_stale_changed", date=item["changed"])
        return f"- [ ] {item['title']} ({changed}) – `{item['path']}`"

    sections = [
        (labels.text("remind_actions", period=period_label), owner["actions"], action),
        (labels.text("remind_indicators"), owner["indicators"], indicator),
        (labels.text("remind_stale"), owner["stale_pages"], stale),
    ]
    parts = ["\n".join([f"**{heading}**", "", *map(line, items)]) for heading, items, line in sections if items]
    return "\n\n".join(parts) + "\n"


def reminders_markdown(data: dict[str, Any], labels: Labels = DEFAULT) -> str:
    """Every owner's reminder under the owner's name, ready to paste."""
    out = [f"# {labels.text('remind_heading', period=data['period_label'])}\n"]
    if not data["owners"]:
        out.append(labels.text("remind_nothing", period=data["period_label"]) + "\n")
    for owner in data["owners"]:
        out.append(f"## {labels.text('remind_owner', owner=owner_name(owner, labels))}\n")
        out.append(owner_markdown(owner, data["period_label"], labels))
    return "\n".join(out)
