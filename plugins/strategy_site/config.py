"""Options of the `strategy` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from strategy_site.core.labels import LabelError, Labels


class _LabelsOption(BaseConfigOption[Labels]):
    """A mapping of label keys to text, read into the site's `Labels` (an unknown key is an error)."""

    def run_validation(self, value: object) -> Labels:
        if value is None:
            return Labels()
        if not isinstance(value, dict):
            raise ValidationError("labels: skal være en mapping fra nøkkel til tekst")
        try:
            return Labels(value)
        except LabelError as exc:
            raise ValidationError(str(exc)) from exc


class StrategyConfig(Config):
    enabled = c.Type(bool, default=True)
    """Switch the plugin off (the site builds as plain Markdown).

    ```yaml
    plugins:
      - strategy:
          enabled: !ENV [STRATEGY_ENABLED, true]
    ```
    """

    # Scales: ratings for goal assessments, statuses for actions. Checked by `core.settings`, which reports
    # every unknown key, wrong value and duplicate at once.
    ratings = c.Optional(c.Type(list))
    """The rating scale, best first. Each level: key, label, score (0–100 or null), color (`"#rgb"` or
    `"#rrggbb"`, quoted), reached (true/false), aliases (other ways of writing the key). Only key is required.

    ```yaml
    ratings:
      - {key: "JA", label: "Nådd", score: 100, color: "#1e7b34", reached: true, aliases: ["Ja"]}
      - {key: "NEI", label: "Ikke nådd", score: 0, color: "#b3261e"}
    ```
    """
    statuses = c.Optional(c.Type(list))
    """The status scale for actions. Each level: level (whole number), label, color; level and label required.

    ```yaml
    statuses:
      - {level: 0, label: "Ikke igangsatt", color: "#6b6b6b"}
    ```
    """
    rating_scales = c.Optional(c.Type(dict))
    """More rating scales, by name, for a strategy that rates its goals otherwise than the site: each is a list
    of levels written as in `ratings`. A strategy chooses one with `rating_scale: <name>` (`none`: its goals are
    not rated; unset or `default`: `ratings`).

    ```yaml
    rating_scales:
      skole:
        - {key: "A", label: "Svært godt", score: 100, color: "#1e7b34", reached: true}
        - {key: "B", label: "Godt", score: 50, color: "#f2c14e"}
        - {key: "C", label: "Svakt", score: 0, color: "#b3261e"}
    ```
    """
    status_scales = c.Optional(c.Type(dict))
    """More status scales, by name, for a strategy whose actions report otherwise: each is a list of levels
    written as in `statuses` (started and done are then `status_started` and `status_done`, which must be
    levels of it), or `{levels: [...], started: N, done: N}`. A strategy chooses one with
    `status_scale: <name>` (`none`: its actions get no status; unset or `default`: `statuses`).

    ```yaml
    status_scales:
      prosjekt:
        levels:
          - {level: 1, label: "Planlagt", color: "#6b6b6b"}
          - {level: 2, label: "Pågår", color: "#2b7bba"}
          - {level: 3, label: "Ferdig", color: "#1e7b34"}
        started: 2
        done: 3
    ```
    """
    status_started = c.Optional(c.Type(int))
    """Lowest status level that counts as started (default 2); must be a level of the status scale.
    `status_started: 2`"""
    status_done = c.Optional(c.Type(int))
    """Lowest status level that counts as done (default 4); must be a level of the status scale. `status_done: 4`"""

    # Content: folders whose every page must be a strategy page.
    entity_folders = c.ListOfItems(c.Type(str), default=[])
    """Folders (in the docs folder, with their sub-folders) where every page must be a strategy page with a
    `type`: a page there that MkDocs would read as a plain page (say, its first line is `--`) fails the build.

    ```yaml
    entity_folders: [vm/forskning, mh/utdanning]
    ```
    """

    # Output: short links and the machine-readable export.
    short_url_prefix = c.Type(str, default="m")
    """Folder of the stable short links: every entity is reachable at `/<prefix>/<id>/`. `short_url_prefix: m`"""
    export = c.Type(bool, default=True)
    """Write `export/strategy.json` with the whole computed model. `export: true`"""

    # Dashboards (styringskort): generated pages with key figures, charts and attainment tables.
    dashboards = c.Type(bool, default=True)
    """Generate one dashboard per strategy and per area. `dashboards: true`"""
    dashboards_dir = c.Type(str, default="styringskort")
    """Folder of the generated dashboards, e.g. `/vm/styringskort/vm-forskning/`. `dashboards_dir: styringskort`"""

    # Action plans: reporting periods, lints, editors' overview and exports per unit.
    current_period = c.Optional(c.Type((str, int)))
    """The site's current reporting period; a strategy's own `current_period` wins, else the latest with data.
    `current_period: 2019-T3`"""
    lints = c.Type(dict, default={})
    """Severity per lint: error or warning (fail `--strict`), info (listed for the editors only) or off, and
    `start_limit`, the most actions of one unit that may start in the same period before `too_many_starts`
    reports them. An unset lint keeps its default; an unknown name fails the build. The defaults:

    ```yaml
    lints:
      action_without_goal: warning
      action_without_owner: info
      action_without_timeline: info
      action_without_budget: info
      action_without_risk: info
      goal_without_indicator: info
      goal_without_deadline: info
      status_not_reported: info
      too_many_starts: info
      too_many_periods: warning   # more than 100 distinct status periods in a unit
      period_after_current: warning   # after the current period and not begun on the build day
      start_limit: 5
    ```
    """
    indicator_data = c.ListOfItems(c.Type(str), default=[])
    """CSV or Excel files (paths from the folder of mkdocs.yml) with indicator values: the first row names the
    columns `indicator, period, value` and optionally `note, source`. A CSV file is UTF-8 and delimited by `,`
    (decimal point: 12.5) or `;` (decimal comma and spaces between thousands: 104 000,5, as Norwegian
    spreadsheets save it); an Excel file is read from its first sheet. The values join those in the
    indicators' frontmatter; one period given twice is an error naming both places.

    ```yaml
    indicator_data: [data/indikatorer.csv, data/ssb.xlsx]
    ```
    """
    reports = c.Type(bool, default=True)
    """Generate a status report page per reporting period of each unit, at `<unit>/rapporter/<period>/`.
    `reports: true`"""
    reports_fold_past_years = c.Type(bool, default=True)
    """Reports of the periods in years before the current period's year are one report per year (its end
    against the year before), so a unit that reports every tertial gets a page per tertial of this year and
    one per earlier year. `false`: a page for every period. `reports_fold_past_years: true`"""
    editor_overview = c.Type(str, default="redaktor/index.md")
    """Where the generated editors' overview page goes (empty: none). `editor_overview: redaktor/index.md`"""
    # Meetings: the briefing book of each meeting page.
    meeting_pdfs = c.Type(bool, default=False)
    """Print each meeting page to an A4 PDF beside it (Chromium through Playwright) and link it as «Last ned som
    PDF». Without a Chromium the build goes on and says once that no PDFs were made.
    `meeting_pdfs: !ENV [STRATEGY_MEETING_PDFS, false]`"""

    # Owners' pages («Hvem er ansvarlig»): what each owner of goals, indicators and actions has to do.
    owners_dir = c.Type(str, default="ansvarlige")
    """Folder of the generated owners' pages: an index of everyone named as `owner` and one page per owner with
    their goals, indicators and actions, what is due for the current period, stale pages and edit links. Only
    in the internal build; an empty string leaves them out. `owners_dir: ansvarlige`"""
    owners = c.Type(dict, default={})
    """Contact details shown on an owner's page, by the owner as written in `owner` (e-mail and unit).

    ```yaml
    owners:
      Prodekan forskning: {email: prodekan.forskning@example.no, unit: Fakultet for medisin og helsevitenskap}
    ```
    """

    # Editors: who and when, stale pages, the editors' guide.
    stale_after_days = c.Type(int, default=365)
    """A page not changed for this many days is flagged as stale and listed for the editors (0: never).

    Measured from the date of the newest commit, not the build day, so one commit gives one site.
    `stale_after_days: 365`
    """
    editor_guide = c.Type(str, default="slik-redigerer-du.md")
    """Where the generated editors' guide ("Slik redigerer du") goes; an empty string leaves it out.
    `editor_guide: slik-redigerer-du.md`
    """

    # Offline: the site loads nothing from outside itself.
    offline = c.Type(bool, default=True)
    """Warn (and fail `--strict`) when the site would load something from another host: Material's Google
    Fonts (unless `theme.font: false`), a script or stylesheet from a CDN in `extra_javascript`/`extra_css`,
    an analytics script, or an image, frame, script or stylesheet at an `http(s)://` address in a page.
    A public site that wants them sets it off.
    `offline: true`
    """

    # Audience: a public build leaves out internal pages and fields.
    audience = c.Choice(("internal", "public"), default="internal")
    """Who the site is built for. `public` leaves out pages with `visibility: internal`, the fields listed in
    a page's `internal_fields`, and every page and link that only internal readers have. The environment
    variable `STRATEGY_AUDIENCE` overrides it, so one mkdocs.yml serves both builds.
    `audience: internal`
    """

    # Interface text: the plugin's Norwegian labels (`labels.yml` in the package).
    labels = _LabelsOption()
    """Replace any of the plugin's interface labels (badges, navigation, headings); `{name}` marks a value
    the plugin fills in. Longer text is in the templates, overridden in `overrides/strategy/`.

    ```yaml
    labels:
      not_assessed: "Ikke vurdert ennå"
      reports_nav: "Rapport for {period}"
    ```
    """

    # Search: which blocks the search index reads.
    search_blocks = c.ListOfItems(c.Type(str), default=["facts", "statements"])
    """Blocks whose text goes into the search index; the others are put in the page after it is indexed.

    The page's own text, headings and key facts are found; tables and lists that repeat other pages (goal
    lists, attainment, histories, charts) are not, so a search leads to the page that says a thing, and the
    index stays small.

    ```yaml
    search_blocks: [facts, statements]
    ```
    """
