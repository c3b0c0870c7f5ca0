"""An assessment, value or status after the current period: a note while its period has begun on the build day
(a status round fills in the period under way before `current_period` moves on), the lint
`period-after-current` (default: a warning naming file, line and field) for a period that has not begun."""

from __future__ import annotations

import datetime as dt

from conftest import BASE_SITE, build_in_process, write_site

from strategy_site.checks.analysis import analyse
from strategy_site.core.load import SourceDoc
from strategy_site.core.scales import Scales
from strategy_site.core.settings import LintSettings

# Testmuseet's current period is 2022; its action reports for 2023-T1 (January to April 2023).
FILES = {
    **BASE_SITE,
    "index.md": BASE_SITE["index.md"].replace("period:", 'current_period: "2022"\nperiod:'),
    "forskning/tiltak-1.md": BASE_SITE["forskning/tiltak-1.md"].replace(
        "  - {period: 2019-T3, level: 2, note: Igangsatt.}\n",
        "  - {period: 2019-T3, level: 2, note: Igangsatt.}\n  - {period: 2023-T1, level: 3, note: Godt i gang.}\n",
    ),
}
NOTE = (
    "forskning/tiltak-1.md:14: status[2].period: perioden 1. tertial 2023 er etter strategiens gjeldende periode (2022)"
)
WARNING = f"{NOTE} og har ikke begynt ennå (bygget 2022-12-31); skriv den perioden det gjelder"


def findings(today: dt.date, **severities: str) -> list[tuple[str, str, str | None]]:
    docs = [SourceDoc(path, text) for path, text in FILES.items()]
    lints = LintSettings.from_options(severities)
    lints.today = today
    return [
        (str(p), p.severity, p.code)
        for p in analyse(docs, Scales.from_config(), lints=lints).problems
        if "gjeldende periode" in p.message
    ]


def test_a_status_for_the_period_running_now_is_a_note():
    assert findings(dt.date(2023, 1, 1)) == [(NOTE, "info", "content")]
    assert findings(dt.date(2025, 6, 1)) == [(NOTE, "info", "content")]


def test_a_status_for_a_period_that_has_not_begun_is_a_warning_with_its_place():
    assert findings(dt.date(2022, 12, 31)) == [(WARNING, "warning", "period-after-current")]


def test_its_severity_is_a_lint_setting():
    assert findings(dt.date(2022, 12, 31), period_after_current="error") == [(WARNING, "error", "period-after-current")]
    assert findings(dt.date(2022, 12, 31), period_after_current="off") == []


def test_the_build_judges_by_its_own_day(tmp_path):
    """SOURCE_DATE_EPOCH is the build day: a strict build fails before the period begins and passes in it."""
    config = write_site(tmp_path, FILES)
    before = build_in_process(config, tmp_path / "a", env={"SOURCE_DATE_EPOCH": "1672444800"})  # 2022-12-31
    assert not before.ok and f"strategy_site: {WARNING}" in before.warnings(), before.log
    during = build_in_process(config, tmp_path / "b", env={"SOURCE_DATE_EPOCH": "1672531200"})  # 2023-01-01
    assert during.ok and not during.warnings(), during.log
