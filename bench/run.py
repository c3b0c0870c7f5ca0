"""Benchmark: build the same generated site with the strategy plugin on and off, at several sizes.

    python -m bench.run --sizes 500,2000,5000 --output bench/RESULTS.md

For each size it generates a site (`bench.generate`), then builds it in fresh `mkdocs build` processes,
plugin on and off interleaved (the machine is shared, so both see the same noise), `--repeats` times each,
and reports medians: wall and CPU seconds, seconds per page, the on/off ratio, peak memory of the build
process, the size of the built site, the time `mkdocs serve` (and `mkdocs serve --dirty`) takes to show an
edit of one goal, the transfer size of a goal page and a dashboard page, and the size of the search index.
The targets of the project are checked at the end. `--profile` adds the CPU time per phase of one build
on and one off (`bench.phases`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .generate import ROOT, generate

# Targets of issue 20: plugin overhead (wall and CPU) at 2,000 pages and up, near-linear scaling, a preview of
# one edited goal in `serve --dirty` within seconds, and peak memory at the largest size.
MAX_RATIO = 1.5
RATIO_FROM_PAGES = 2000
MAX_PER_PAGE_GROWTH = 1.3
MAX_DIRTY_SECONDS = 2.0
REBUILD_TARGET_PAGES = 2000
MAX_MEMORY_RATIO = 2.0

ENV = {"NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}
# A unit's dashboard (the overview of them all is `styringskort/index.html` at the top).
DASHBOARD_GLOB = "**/styringskort/index.html"
# Assets a page loads from script when it has a chart: (marker in the page's HTML, glob of the file in the site).
LAZY_ASSETS = (("data-strategy-chart=", "**/plotly*.js"),)


@dataclass
class Build:
    """One `mkdocs build` in its own process."""

    enabled: bool
    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    warnings: int


@dataclass
class Serve:
    """`mkdocs serve`: the initial build and the time from saving one goal to the browsers being reloaded."""

    dirty: bool
    initial: float
    rebuilds: list[float] = field(default_factory=list)
    shown: bool = False


@dataclass
class SizeResult:
    pages: int
    builds: list[Build] = field(default_factory=list)
    site_mb: dict[bool, float] = field(default_factory=dict)
    site_files: dict[bool, int] = field(default_factory=dict)
    serves: list[Serve] = field(default_factory=list)
    weights: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    search_index: tuple[int, int] = (0, 0)

    def median(self, enabled: bool, what: str = "wall") -> float:
        return statistics.median(getattr(b, what) for b in self.builds if b.enabled is enabled)

    def ratio(self, what: str = "wall") -> float:
        return self.median(True, what) / self.median(False, what)

    def per_page(self, enabled: bool = True, what: str = "wall") -> float:
        return self.median(enabled, what) / self.pages


def _env(enabled: bool) -> dict[str, str]:
    return {**os.environ, **ENV, "STRATEGY_ENABLED": "true" if enabled else "false"}


def build(out: Path, enabled: bool, log: Path) -> Build:
    """Build the site in a fresh process; wall time, CPU time and peak memory of that process alone."""
    site = out / ("site-on" if enabled else "site-off")
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(out / "mkdocs.yml"), "-d", str(site)]
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.STDOUT, env=_env(enabled), cwd=out)
        # wait4 gives this child's own resource usage (getrusage(RUSAGE_CHILDREN) would mix all children).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8")
    if proc.returncode != 0:
        raise SystemExit(f"bygget feilet ({'på' if enabled else 'av'}), se {log}:\n{text[-2000:]}")
    return Build(
        enabled=enabled,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,
        returncode=proc.returncode,
        warnings=sum(1 for line in text.splitlines() if line.startswith("WARNING")),
    )


def tree_size(folder: Path) -> tuple[float, int]:
    """Megabytes and number of files under a folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, page: Path) -> dict[str, tuple[int, int]]:
    """Bytes and gzipped bytes of a page's HTML, its style sheets and its scripts (also those it loads lazily)."""
    html = page.read_text(encoding="utf-8")
    css = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    css += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    js = re.findall(r'<script[^>]+src="([^"]+)"', html)

    def resolve(refs: list[str]) -> list[Path]:
        paths = []
        for ref in dict.fromkeys(refs):
            if "://" in ref or ref.startswith("//"):
                continue
            path = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
            if path.is_file():
                paths.append(path)
        return paths

    js_files = resolve(js)
    for marker, pattern in LAZY_ASSETS:
        if marker in html:
            js_files += [p for p in site.glob(pattern) if p not in js_files]
    out = {"HTML": (len(html.encode()), _gzip_size(html.encode()))}
    for kind, files in (("CSS", resolve(css)), ("JS", js_files)):
        datas = [f.read_bytes() for f in files]
        out[kind] = (sum(len(d) for d in datas), sum(_gzip_size(d) for d in datas))
    out["Sum"] = (sum(v[0] for v in out.values()), sum(v[1] for v in out.values()))
    return out


def goal_files(docs: Path) -> list[Path]:
    """The first goal of every area of the generated site (`<faculty>/<unit>/<area>/<area id>-1.md`)."""
    return sorted(p for p in docs.glob("*/*/*/*-1.md") if p.parent.name not in ("tiltak", "indikatorer"))


def sample_pages(out: Path) -> dict[str, Path]:
    """A goal page and a dashboard page of the built site (the strategy page when there are no dashboards)."""
    docs, site = out / "docs", out / "site-on"
    goal = goal_files(docs)[0].relative_to(docs)
    pages = {"Målside": site / goal.with_suffix("") / "index.html"}
    found = sorted(p for p in site.glob(DASHBOARD_GLOB) if p.parent.parent != site)
    if found:
        pages["Styringskort"] = found[0]
    else:
        pages["Strategiside"] = site / goal.parts[0] / "index.html"
    return pages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(out: Path, dirty: bool, edits: int, log: Path) -> Serve:
    """Run `mkdocs serve`, save one goal with a new title `edits` times, time each rebuild until browsers reload."""
    docs = out / "docs"
    goals = goal_files(docs)
    goal = goals[len(goals) // 2]
    url_path = goal.relative_to(docs).with_suffix("").as_posix() + "/"
    original = goal.read_text(encoding="utf-8")
    port = _free_port()
    # As ./dev serve runs it: strict, and with --dirty by default (./dev serve --full without).
    args = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(out / "mkdocs.yml")]
    args += ["-a", f"127.0.0.1:{port}"]
    if dirty:
        args.append("--dirty")
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(True), cwd=out, bufsize=1
    )
    sink = log.open("w", encoding="utf-8")

    def read() -> None:
        for line in proc.stdout:
            sink.write(line)
            lines.put((time.perf_counter(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(text: str, timeout: float = 3600) -> float:
        deadline = time.perf_counter() + timeout
        while True:
            try:
                stamp, line = lines.get(timeout=max(0.1, deadline - time.perf_counter()))
            except queue.Empty as exc:
                raise SystemExit(f"mkdocs serve skrev aldri «{text}»; se {log}") from exc
            if text in line:
                return stamp
            if "Traceback" in line or "Aborted" in line:
                raise SystemExit(f"mkdocs serve feilet; se {log}")

    try:
        result = Serve(dirty=dirty, initial=wait_for("Serving on") - start)
        for i in range(1, edits + 1):
            time.sleep(2)  # let the file watcher settle after the previous build
            title = f"Endret mål nummer {i} i benchmarken"
            edited = re.sub(r"^title: .*$", f'title: "{title}"', original, count=1, flags=re.MULTILINE)
            saved = time.perf_counter()
            goal.write_text(edited, encoding="utf-8")
            result.rebuilds.append(wait_for("Reloading browsers") - saved)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{url_path}", timeout=60) as response:
                result.shown = title in response.read().decode("utf-8")
        return result
    finally:
        goal.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        sink.close()


def _phases(out: Path, enabled: bool) -> tuple[float, dict[str, float]]:
    args = [sys.executable, "-m", "bench.phases", str(out / "mkdocs.yml"), str(out / "site-phases")]
    proc = subprocess.run(args, env=_env(enabled), cwd=ROOT, check=True, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    phases = {}
    for line in lines[1:]:
        value, _, name = line.split("\t", 2)
        phases[name] = float(value)
    return float(lines[0]), phases


def profile(out: Path) -> str:
    """CPU seconds per phase of one build with the plugin on and one with it off (`bench.phases`), largest
    difference first: where the plugin's cost goes, its own work and what it makes MkDocs and Material do."""
    total_on, on = _phases(out, True)
    total_off, off = _phases(out, False)
    rows = sorted(on.keys() | off.keys(), key=lambda k: -(on.get(k, 0) - off.get(k, 0)))
    lines = ["| fase | på (s CPU) | av (s CPU) | forskjell |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {on.get(k, 0):.2f} | {off.get(k, 0):.2f} | {on.get(k, 0) - off.get(k, 0):+.2f} |" for k in rows]
    lines.append(f"| **hele bygget** | **{total_on:.2f}** | **{total_off:.2f}** | **{total_on - total_off:+.2f}** |")
    return "\n".join(lines)


def measure(size: int, work: Path, repeats: int, edits: int, with_serve: bool) -> SizeResult:
    out = work / str(size)
    pages = generate(size, out)
    result = SizeResult(pages=pages)
    print(f"\n== {pages} sider ({out})", flush=True)
    for r in range(repeats):
        # Alternate the order so neither mode always runs first after a pause or a cold cache.
        for enabled in (True, False) if r % 2 == 0 else (False, True):
            b = build(out, enabled, out / f"build-{'on' if enabled else 'off'}-{r}.log")
            result.builds.append(b)
            print(
                f"  bygg {'på ' if enabled else 'av '} {b.wall:7.1f} s vegg {b.cpu:7.1f} s CPU"
                f" {b.peak_mb:6.0f} MB  {b.warnings} advarsler",
                flush=True,
            )
    for enabled in (True, False):
        result.site_mb[enabled], result.site_files[enabled] = tree_size(out / ("site-on" if enabled else "site-off"))
    for name, page in sample_pages(out).items():
        result.weights[name] = page_weight(out / "site-on", page)
    index = (out / "site-on/search/search_index.json").read_bytes()
    result.search_index = (len(index), _gzip_size(index))
    if with_serve:
        for dirty in (False, True):
            s = serve(out, dirty, edits, out / f"serve{'-dirty' if dirty else ''}.log")
            result.serves.append(s)
            times = ", ".join(f"{t:.1f}" for t in s.rebuilds)
            print(f"  serve{' --dirty' if dirty else ''}: endring {times} s ({'vist' if s.shown else 'IKKE VIST'})")
    return result


def _size(n: int) -> str:
    """Bytes as kB (1000) below a megabyte, else MB."""
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def machine() -> str:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next(
            (line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line), ""
        )
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "pydantic", "PyYAML"))
    return (
        f"{cpu or platform.processor()}, {os.cpu_count()} kjerner{mem}; Python {platform.python_version()}, {versions}"
    )


def report(results: list[SizeResult], repeats: int, profile_text: str | None) -> str:
    """The results as Markdown: tables, the targets checked, and the profile if one was taken."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    out = [
        f"Målt {dt.datetime.now():%Y-%m-%d %H:%M} på commit `{commit.strip()}`.",
        f"Maskin: {machine()}.",
        f"Median av {repeats} bygg per modus, på og av vekselvis; hvert bygg er en ny `mkdocs build`-prosess.",
        "",
        "| sider | på: s (vegg) | av: s (vegg) | på/av vegg | på: s CPU | av: s CPU | på/av CPU "
        "| s per side (på) | per side vs. minste | topp minne på/av (MB) | nettsted på/av (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = results[0]
    for r in results:
        growth = r.per_page() / base.per_page()
        peak_on = max(b.peak_mb for b in r.builds if b.enabled)
        peak_off = max(b.peak_mb for b in r.builds if not b.enabled)
        out.append(
            f"| {r.pages} | {r.median(True):.1f} | {r.median(False):.1f} | {r.ratio():.2f} "
            f"| {r.median(True, 'cpu'):.1f} | {r.median(False, 'cpu'):.1f} | {r.ratio('cpu'):.2f} "
            f"| {r.per_page() * 1000:.1f} ms | {growth:.2f} | {peak_on:.0f} / {peak_off:.0f} "
            f"| {r.site_mb[True]:.1f} / {r.site_mb[False]:.1f} |"
        )
    if any(r.serves for r in results):
        out += [
            "",
            "Endre tittelen på ett mål mens `mkdocs serve` kjører (plugin på): sekunder fra lagring til «Reloading "
            "browsers», median av endringene, og andel av et fullt bygg (vegg, median).",
            "",
            "| sider | fullt bygg | `serve` | andel | `serve --dirty` | andel | endringen vist |",
            "|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in (r for r in results if r.serves):
            cells = []
            for s in r.serves:
                rebuild = statistics.median(s.rebuilds)
                cells.append(f"{rebuild:.1f} s | {rebuild / r.median(True):.0%}")
            shown = "ja" if all(s.shown for s in r.serves) else "nei"
            out.append(f"| {r.pages} | {r.median(True):.1f} s | {' | '.join(cells)} | {shown} |")
    last = results[-1]
    out += [
        "",
        f"Overføringsstørrelse ved {last.pages} sider (byte, gzip i parentes; JS medregnet det som lastes ved behov):",
        "",
        "| side | HTML | CSS | JS | sum |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, weights in last.weights.items():
        cells = " | ".join(f"{_size(raw)} ({_size(packed)})" for raw, packed in weights.values())
        out.append(f"| {name} | {cells} |")
    out += [
        "",
        "Søkeindeks (`search/search_index.json`): "
        + ", ".join(f"{r.pages} sider {_size(r.search_index[0])} ({_size(r.search_index[1])} gzip)" for r in results)
        + ".",
    ]
    out += ["", "Mål:", ""] + [f"- {line}" for line in targets(results)]
    if profile_text:
        out += ["", f"Hvor tiden går ved {last.pages} sider, ett bygg på og ett av (`python -m bench.phases`):", ""]
        out += [profile_text]
    return "\n".join(out) + "\n"


def targets(results: list[SizeResult]) -> list[str]:
    """Each target with the measured value and whether it is met."""

    def mark(ok: bool) -> str:
        return "**oppfylt**" if ok else "**ikke oppfylt**"

    lines = []
    base, last = results[0], results[-1]
    for r in results:
        if r.pages >= RATIO_FROM_PAGES * 0.95 or r is last:
            worst = max(r.ratio(), r.ratio("cpu"))
            lines.append(
                f"plugin-kostnad (på/av) ved {r.pages} sider ≤ {MAX_RATIO}: vegg {r.ratio():.2f}, "
                f"CPU {r.ratio('cpu'):.2f} — {mark(worst <= MAX_RATIO)}"
            )
    if len(results) > 1:
        wall = last.per_page() / base.per_page()
        cpu = last.per_page(what="cpu") / base.per_page(what="cpu")
        lines.append(
            f"kostnad per side ved {last.pages} ≤ {MAX_PER_PAGE_GROWTH}× den ved {base.pages}: vegg {wall:.2f}×, "
            f"CPU {cpu:.2f}× — {mark(max(wall, cpu) <= MAX_PER_PAGE_GROWTH)}"
        )
    near = min(results, key=lambda r: abs(r.pages - REBUILD_TARGET_PAGES))
    dirty = [s for s in near.serves if s.dirty]
    if dirty:
        seconds = statistics.median(dirty[0].rebuilds)
        lines.append(
            f"ett mål endret i `serve --dirty` ved {near.pages} sider ≤ {MAX_DIRTY_SECONDS:.0f} s til nettleseren: "
            f"{seconds:.1f} s — {mark(seconds <= MAX_DIRTY_SECONDS and dirty[0].shown)}"
        )
    peak_on = max(b.peak_mb for b in last.builds if b.enabled)
    peak_off = max(b.peak_mb for b in last.builds if not b.enabled)
    lines.append(
        f"toppminne på/av ved {last.pages} sider ≤ {MAX_MEMORY_RATIO:.0f}: {peak_on:.0f} / {peak_off:.0f} MB = "
        f"{peak_on / peak_off:.2f} — {mark(peak_on / peak_off <= MAX_MEMORY_RATIO)}"
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,5000", help="page counts, comma-separated")
    parser.add_argument("--repeats", type=int, default=3, help="builds per mode and size (median is reported)")
    parser.add_argument("--edits", type=int, default=2, help="edits of one goal per `mkdocs serve` run")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` measurement")
    parser.add_argument("--serve-max", type=int, default=10**9, help="measure `mkdocs serve` only up to this size")
    parser.add_argument(
        "--profile", action="store_true", help="add CPU time per phase, plugin on and off, at the largest size"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/strategy-bench"), help="folder for generated sites")
    parser.add_argument("--output", type=Path, help="write the Markdown report here as well")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    results = [
        measure(size, args.work.resolve(), args.repeats, args.edits, not args.no_serve and size <= args.serve_max)
        for size in sizes
    ]
    profile_text = profile(args.work.resolve() / str(sizes[-1])) if args.profile else None
    text = report(results, args.repeats, profile_text)
    print("\n" + text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
