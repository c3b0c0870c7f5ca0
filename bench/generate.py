"""Write a synthetic but realistic strategy site in the content contract, sized by a page count.

A university with N units: each unit has a strategy with target-picture statements, six areas, goals
(some with sub-goals) assessed over several years, indicators with values per year, and an action plan
whose actions report a status every tertial. Every page is valid and complete, so the site builds with
`--strict`; the text is Norwegian and varied enough that search and page sizes are like real content.

    python -m bench.generate --pages 2000 --out /tmp/strategy-2000

The output folder gets `docs/` and a `mkdocs.yml` that inherits the repository's `mkdocs.yml`, so the
generated site is built with exactly the shipped configuration (theme, features, plugins, scales).
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AREAS_PER_UNIT = 6
# Units sit in faculty folders, as a university organises them: the navigation lists a handful of faculties
# at the top, not every unit on every page.
UNITS_PER_FACULTY = 6
FACULTIES = [
    ("naturvitenskap", "Fakultet for naturvitenskap"),
    ("humaniora", "Det humanistiske fakultet"),
    ("samfunn", "Fakultet for samfunns- og utdanningsvitenskap"),
    ("ie", "Fakultet for informasjonsteknologi og elektroteknikk"),
    ("ingenior", "Fakultet for ingeniørvitenskap"),
    ("medisin", "Fakultet for medisin og helsevitenskap"),
    ("ad", "Fakultet for arkitektur og design"),
    ("okonomi", "Fakultet for økonomi"),
    ("felles", "Fellesadministrasjonen"),
]
GOALS_PER_AREA = 5
SUB_GOALS_PER_AREA = 2
INDICATORS_PER_AREA = 3
ACTIONS_PER_AREA = 5
CROSS_AREA_ACTIONS = 3
# 1 strategy + 6 × (1 area + 5 goals + 2 sub-goals + 3 indicators + 5 actions) + 3 cross-area actions.
PAGES_PER_UNIT = 1 + AREAS_PER_UNIT * (1 + GOALS_PER_AREA + SUB_GOALS_PER_AREA + INDICATORS_PER_AREA + ACTIONS_PER_AREA)
PAGES_PER_UNIT += CROSS_AREA_ACTIONS

STRATEGY_START, STRATEGY_END = 2019, 2026
ASSESSED_YEARS = range(2020, 2025)
VALUE_YEARS = range(2019, 2025)
CURRENT_TERTIAL = (2024, 3)

SUBJECTS = [
    ("biologi", "Institutt for biologi"),
    ("kjemi", "Institutt for kjemi"),
    ("fysikk", "Institutt for fysikk"),
    ("matematikk", "Institutt for matematiske fag"),
    ("historie", "Institutt for historiske og klassiske studier"),
    ("psykologi", "Institutt for psykologi"),
    ("sosiologi", "Institutt for sosiologi og statsvitenskap"),
    ("okonomi", "Institutt for samfunnsøkonomi"),
    ("datateknologi", "Institutt for datateknologi og informatikk"),
    ("elkraft", "Institutt for elkraftteknikk"),
    ("bygg", "Institutt for bygg- og miljøteknikk"),
    ("geografi", "Geografisk institutt"),
    ("sprak", "Institutt for språk og litteratur"),
    ("musikk", "Institutt for musikk"),
    ("arkitektur", "Institutt for arkitektur og planlegging"),
    ("medisin", "Institutt for klinisk og molekylær medisin"),
    ("sykepleie", "Institutt for helsevitenskap"),
    ("pedagogikk", "Institutt for pedagogikk og livslang læring"),
    ("filosofi", "Institutt for filosofi og religionsvitenskap"),
    ("marin", "Institutt for marin teknikk"),
    ("materialer", "Institutt for materialteknologi"),
    ("geologi", "Institutt for geovitenskap og petroleum"),
    ("design", "Institutt for design"),
    ("kunst", "Institutt for kunst og medievitenskap"),
    ("bibliotek", "Universitetsbiblioteket"),
    ("museum", "Vitenskapsmuseet"),
    ("okonomiavd", "Økonomiavdelingen"),
    ("hr", "HR- og HMS-avdelingen"),
    ("it", "IT-avdelingen"),
    ("eiendom", "Campusservice"),
]

AREAS = [
    ("utdanning", "Utdanning og læringsmiljø", "Kjerneoppgaver"),
    ("forskning", "Forskning", "Kjerneoppgaver"),
    ("formidling", "Formidling og samfunnskontakt", "Kjerneoppgaver"),
    ("innovasjon", "Innovasjon og nyskaping", "Kjerneoppgaver"),
    ("digitalisering", "Digitalisering", "Tverrgående områder"),
    ("arbeidsmiljo", "Medarbeidere og arbeidsmiljø", "Tverrgående områder"),
    ("baerekraft", "Bærekraft", "Tverrgående områder"),
    ("internasjonalt", "Internasjonalisering", "Tverrgående områder"),
    ("campus", "Campus og infrastruktur", "Tverrgående områder"),
]

VERBS = ["Øke", "Styrke", "Utvikle", "Etablere", "Forbedre", "Redusere", "Sikre", "Videreutvikle", "Fornye"]
OBJECTS = [
    "andelen studenter som fullfører på normert tid",
    "gjennomslaget på eksterne forskningssøknader",
    "samarbeidet med arbeidslivet i regionen",
    "kvaliteten i veiledningen av ph.d.-kandidater",
    "tverrfaglige forskergrupper på høyt internasjonalt nivå",
    "digitale læringsressurser i alle emner",
    "formidlingen til barn og unge",
    "åpen tilgang til forskningsdata og publikasjoner",
    "et inkluderende og helsefremmende arbeidsmiljø",
    "klimagassutslippene fra reiser og drift",
    "sambruk av laboratorier og infrastruktur",
    "rekrutteringen av kvinner til faste vitenskapelige stillinger",
    "studentenes deltakelse i utveksling",
    "samarbeidet med kulturminneforvaltningen",
    "bruken av samlingene i forskning og undervisning",
    "arbeidet med innovasjon og kommersialisering",
    "samhandlingen med nasjonale og internasjonale partnere",
    "kompetansen i digitale verktøy blant ansatte",
]
SENTENCES = [
    "Målet bygger videre på arbeidet fra forrige strategiperiode og er forankret i ledergruppen.",
    "Vi skal bruke ressursene der de gir størst effekt for studenter, ansatte og samfunnet.",
    "Arbeidet krever samarbeid på tvers av seksjoner og med fakultetets fellestjenester.",
    "Resultatene følges opp i den årlige virksomhetsrapporten og i tertialrapportene.",
    "Det er satt av midler i budsjettet, men gjennomføringen avhenger også av ekstern finansiering.",
    "Vi måler framdriften med indikatorene som er knyttet til målet, og vurderer måloppnåelsen hvert år.",
    "Tiltakene er prioritert etter forventet effekt, kostnad og risiko.",
    "Erfaringene så langt viser at tett oppfølging og tydelig ansvar gir best resultater.",
    "Studentrepresentantene og de tillitsvalgte er involvert i arbeidet.",
    "Målet støtter opp under universitetets overordnede strategi og FNs bærekraftmål.",
    "Vi vil dele erfaringer med andre enheter og lære av dem som har kommet lengre.",
    "Framdriften har vært noe forsinket, blant annet på grunn av omprioriteringer under pandemien.",
]
OWNERS = ["Instituttleder", "Nestleder forskning", "Nestleder utdanning", "Kontorsjef", "Prodekan", "HR-rådgiver"]
RATINGS = ["JA", "JA-", "JA--", "JA?", "JA/NEI", "TJA", "NEI/JA", "NEI+", "NEI", "Vet ikke"]
STATUS_NOTES = [
    "Ikke igangsatt.",
    "Tiltaksplan vedtatt i ledermøtet.",
    "Arbeidet er igangsatt.",
    "Under gjennomføring som planlagt.",
    "Gjennomført.",
    "Rapportert i årsrapporten.",
]
MEASURES = [
    ("Studiepoeng per student", "studiepoeng", "increase", 45, 52),
    ("Publikasjonspoeng per faglig årsverk", "poeng", "increase", 1.1, 1.6),
    ("Eksterne forskningsmidler", "mill. kr", "increase", 40, 65),
    ("Sykefravær", "prosent", "decrease", 5.8, 4.5),
    ("Flyreiser per årsverk", "reiser", "decrease", 3.2, 1.5),
    ("Publikumsbesøk", "besøk", "increase", 80000, 120000),
    ("Gjennomføring på normert tid", "prosent", "increase", 48, 60),
    ("Innovasjonsmeldinger", "meldinger", "increase", 6, 12),
]


@dataclass
class Page:
    path: str
    front: str
    body: str

    def text(self) -> str:
        return f"---\n{self.front.strip()}\n---\n\n{self.body.strip()}\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _paragraphs(rng: random.Random, count: int, extra: str = "") -> str:
    out = []
    for i in range(count):
        sentences = rng.sample(SENTENCES, 3)
        if i == 0 and extra:
            sentences.insert(1, extra)
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def _tertials(start_year: int, start_tertial: int):
    """Every tertial from the given one up to the current one."""
    year, tertial = start_year, start_tertial
    while (year, tertial) <= CURRENT_TERTIAL:
        yield year, tertial
        year, tertial = (year, tertial + 1) if tertial < 3 else (year + 1, 1)


def unit_slug(index: int) -> str:
    slug = SUBJECTS[index % len(SUBJECTS)][0]
    return slug if index < len(SUBJECTS) else f"{slug}{index // len(SUBJECTS) + 1}"


def unit_name(index: int) -> str:
    name = SUBJECTS[index % len(SUBJECTS)][1]
    return name if index < len(SUBJECTS) else f"{name} {index // len(SUBJECTS) + 1}"


def unit_pages(index: int, rng: random.Random, area_count: int = AREAS_PER_UNIT) -> list[Page]:
    """All pages of one unit: strategy, areas, goals, sub-goals, indicators and actions."""
    u, unit = unit_slug(index), unit_name(index)
    statements = "\n".join(
        f"  - text: {_quote(f'I {STRATEGY_END} har vi {rng.choice(OBJECTS)} som en styrke.')}\n"
        f'    assessments: [{{period: "{year}", rating: {_quote(rng.choice(RATINGS))}}}]'
        for year in (2022, 2023, 2024)
    )
    pages = [
        Page(
            f"{u}/index.md",
            f"""
type: strategy
id: {u}
title: {_quote(f"Strategi for {unit} {STRATEGY_START}–{STRATEGY_END}")}
unit: {_quote(unit)}
period: {{start: {STRATEGY_START}, end: {STRATEGY_END}}}
current_period: "{CURRENT_TERTIAL[0]}-T{CURRENT_TERTIAL[1]}"
statements:
{statements}
""",
            f"{_paragraphs(rng, 2)}\n\n<!-- review: Ledergruppen ønsker en kortere innledning. -->\n\n"
            f"## Målbildet\n\n<!-- strategy/statements strategy={u} -->\n",
        )
    ]
    first = index * 7 % len(AREAS)
    areas = [AREAS[(first + i) % len(AREAS)] for i in range(area_count)]
    goals: list[str] = []
    actions: list[Page] = []
    action_no = 0
    for order, (area_slug, area_title, group) in enumerate(areas, start=1):
        a = f"{u}-{area_slug}"
        pillars = "\n".join(f"  - {_quote(o[0].upper() + o[1:])}" for o in rng.sample(OBJECTS, 3))
        pages.append(
            Page(
                f"{u}/{area_slug}/index.md",
                f"""
type: area
id: {a}
strategy: {u}
title: {_quote(area_title)}
group: {group}
order: {order}
owner: {rng.choice(OWNERS)}
pillars:
{pillars}
""",
                _paragraphs(rng, 2, f"Området er en del av [[{u}]]."),
            )
        )
        area_goals = []
        for n in range(1, GOALS_PER_AREA + 1):
            gid = f"{a}-{n}"
            area_goals.append(gid)
            pages.append(_goal(rng, f"{u}/{area_slug}/{gid}.md", gid, f"area: {a}", str(n), a))
        for k, parent in enumerate(area_goals[:SUB_GOALS_PER_AREA]):
            gid = f"{parent}{'ab'[k]}"
            area_goals.append(gid)
            number = f"{parent.rsplit('-', 1)[1]}{'ab'[k]}"
            pages.append(_goal(rng, f"{u}/{area_slug}/{gid}.md", gid, f"parent: {parent}", number, parent))
        goals.extend(area_goals)
        # Indicators measure the goals in turn, so every goal has at least one.
        for k in range(INDICATORS_PER_AREA):
            measured = area_goals[k::INDICATORS_PER_AREA]
            pages.append(_indicator(rng, u, f"{u}-ind-{order}{k + 1}", measured))
        for k in range(ACTIONS_PER_AREA):
            action_no += 1
            actions.append(_action(rng, u, action_no, [area_goals[k % len(area_goals)]]))
    for _ in range(CROSS_AREA_ACTIONS):
        action_no += 1
        actions.append(_action(rng, u, action_no, rng.sample(goals, 2)))
    return pages + actions


def _goal(rng: random.Random, path: str, gid: str, place: str, number: str, up: str) -> Page:
    assessments = []
    for year in ASSESSED_YEARS:
        if rng.random() < 0.8:
            note = f", note: {_quote(rng.choice(SENTENCES))}" if rng.random() < 0.3 else ""
            assessments.append(f'  - {{period: "{year}", rating: {_quote(rng.choice(RATINGS))}{note}}}')
    listed = "\n".join(assessments) if assessments else ""
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    body = _paragraphs(rng, rng.randint(1, 3), f"Målet følger opp [[{up}]].")
    if rng.random() < 0.3:
        body += "\n\n<!-- review: Bør vi tallfeste dette målet? -->"
    return Page(
        path,
        f"""
type: goal
id: {gid}
{place}
number: "{number}"
title: {_quote(title)}
owner: {rng.choice(OWNERS)}
deadline: {rng.choice([2024, 2025, 2026])}
assessments:{" []" if not listed else ""}
{listed}
""",
        body,
    )


def _indicator(rng: random.Random, u: str, iid: str, goals: list[str]) -> Page:
    title, unit, direction, base, target = rng.choice(MEASURES)
    step = (target - base) / (len(VALUE_YEARS) + 2)
    decimals = 0 if base >= 100 else 2
    values = ", ".join(
        f'"{year}": {round(base + step * (i + 1) * rng.uniform(0.4, 1.4), decimals)}'
        for i, year in enumerate(VALUE_YEARS)
    )
    return Page(
        f"{u}/indikatorer/{iid}.md",
        f"""
type: indicator
id: {iid}
goals: [{", ".join(goals)}]
title: {_quote(title)}
unit_of_measure: {unit}
direction: {direction}
baseline: {{period: "2018", value: {base}}}
target: {{period: "{STRATEGY_END}", value: {target}}}
values: {{{values}}}
source: Database for statistikk om høyere utdanning (DBH)
""",
        _paragraphs(rng, 1),
    )


def _action(rng: random.Random, u: str, number: int, goals: list[str]) -> Page:
    start_year = rng.randint(STRATEGY_START, CURRENT_TERTIAL[0])
    start_tertial = rng.randint(1, 3) if start_year < CURRENT_TERTIAL[0] else rng.randint(1, CURRENT_TERTIAL[1])
    end_year = min(start_year + rng.randint(1, 3), STRATEGY_END)
    level = 0
    entries = []
    for year, tertial in _tertials(start_year, start_tertial):
        level = min(5, level + (1 if rng.random() < 0.35 else 0))
        entries.append(f"  - {{period: {year}-T{tertial}, level: {level}, note: {_quote(STATUS_NOTES[level])}}}")
    milestones = ""
    if rng.random() < 0.4:
        milestones = f'milestones:\n  - {{period: "{end_year}", title: "Sluttrapport levert", done: false}}\n'
    links = ", ".join(f"[{g}](id:{g})" for g in goals)
    aid = f"{u}-t{number}"
    return Page(
        f"{u}/tiltak/{aid}.md",
        f"""
type: action
id: {aid}
goals: [{", ".join(goals)}]
title: {_quote(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}")}
plan: Tiltaksplan {STRATEGY_START}–{STRATEGY_END}
number: "{number}"
owner: {rng.choice(OWNERS)}
responsible: Arbeidsgruppe {number}
start: {start_year}-{(start_tertial - 1) * 4 + 1:02d}
end: {end_year}-12
budget: {{hours: {rng.randint(1, 40) * 25}, nok: {rng.randint(1, 60) * 25000}}}
risk: {{level: {rng.choice(["low", "medium", "high"])}, note: {_quote(rng.choice(SENTENCES))}}}
{milestones}status:
{chr(10).join(entries)}
""",
        _paragraphs(rng, rng.randint(1, 2), f"Tiltaket følger opp {links}."),
    )


def site_pages(pages: int, seed: int = 8) -> list[Page]:
    """The pages of a site with about `pages` pages: whole units of PAGES_PER_UNIT, plus a front page.

    Below one whole unit the single unit gets fewer areas, so a test can build a small site quickly.
    """
    rng = random.Random(seed)
    units = max(1, round((pages - 1) / PAGES_PER_UNIT))
    per_area = (PAGES_PER_UNIT - 1 - CROSS_AREA_ACTIONS) // AREAS_PER_UNIT
    area_count = max(1, min(AREAS_PER_UNIT, (pages - 2 - CROSS_AREA_ACTIONS) // per_area))
    front = Page(
        "index.md",
        "title: Strategier",
        "# Strategier\n\nStrategiene, målene, indikatorene og tiltakene for enhetene.\n\n<!-- strategy/units -->\n",
    )
    out = [front]
    for index in range(units):
        faculty = index // UNITS_PER_FACULTY
        slug, name = FACULTIES[faculty % len(FACULTIES)]
        folder = slug if faculty < len(FACULTIES) else f"{slug}{faculty // len(FACULTIES) + 1}"
        unit = unit_pages(index, rng, area_count if units == 1 else AREAS_PER_UNIT)
        if index % UNITS_PER_FACULTY == 0:
            members = range(index, min(units, index + UNITS_PER_FACULTY))
            links = "\n".join(f"- [[{unit_slug(i)}]]" for i in members)
            out.append(Page(f"{folder}/index.md", f"title: {_quote(name)}", f"# {name}\n\nEnhetene:\n\n{links}\n"))
        out.extend(Page(f"{folder}/{page.path}", page.front, page.body) for page in unit)
    return out


def config_text(out: Path) -> str:
    """A mkdocs.yml that inherits the repository's, with its own docs folder and the repository's overrides."""
    return textwrap.dedent(
        f"""\
        INHERIT: {ROOT / "mkdocs.yml"}
        docs_dir: {out / "docs"}
        site_dir: {out / "site"}
        theme:
          name: material
          custom_dir: {ROOT / "overrides"}
        """
    )


def generate(pages: int, out: Path, seed: int = 8) -> int:
    """Write the site into `out` (replacing its `docs/`); returns the number of Markdown pages written."""
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    # Assets of the example site (images, scripts named in mkdocs.yml) come along; its pages do not.
    for asset in (ROOT / "content").rglob("*"):
        if asset.is_file() and asset.suffix != ".md":
            target = docs / asset.relative_to(ROOT / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target)
    written = site_pages(pages, seed)
    for page in written:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text(), encoding="utf-8")
    # The inherited options read indicator values from `data/indikatorer.csv` next to mkdocs.yml; the example
    # site's rows name its own indicators, so the generated site gets the file with the header only.
    (out / "data").mkdir(exist_ok=True)
    (out / "data" / "indikatorer.csv").write_text("indicator;period;value\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(config_text(out), encoding="utf-8")
    return len(written)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="about how many pages (whole units of 100)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write docs/ and mkdocs.yml into")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    count = generate(args.pages, args.out.resolve(), args.seed)
    print(f"{count} sider skrevet til {args.out / 'docs'}; bygg med: mkdocs build -f {args.out / 'mkdocs.yml'}")


if __name__ == "__main__":
    main()
