"""Where a build's CPU time goes: one `mkdocs build` in this process, timed per plugin event and per phase.

    python -m bench.phases /tmp/strategy-bench/2000/mkdocs.yml /tmp/out-site

Every plugin's event handlers (from the public `config.plugins.events`), MkDocs' Markdown rendering of the
pages, reading them, copying static files and cleaning the site folder are each timed in CPU seconds
(`time.process_time`, so other processes on a shared machine count for little). What is left is mostly
rendering the theme's page templates. A measuring harness: it wraps functions for the length of one build
and is never part of the site or the plugin.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import Counter
from collections.abc import Callable

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure import files as mkdocs_files
from mkdocs.structure import pages as mkdocs_pages


def measure(config_file: str, site_dir: str) -> tuple[float, Counter[str], Counter[str]]:
    """Build once; returns the total CPU seconds and the seconds and calls per phase."""
    seconds: Counter[str] = Counter()
    calls: Counter[str] = Counter()

    def timed(name: str, function: Callable) -> Callable:
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] += time.process_time() - start
                calls[name] += 1

        return run

    start = time.process_time()
    config = load_config(config_file=config_file, site_dir=site_dir)
    seconds["konfigurasjon og import av plugins"] = time.process_time() - start
    for event, handlers in config.plugins.events.items():
        for i, handler in enumerate(handlers):
            owner = getattr(handler, "__self__", None)
            name = f"{type(owner).__module__.split('.')[0]}: on_{event}" if owner else f"on_{event}"
            handlers[i] = timed(name, handler)
    originals = {
        (mkdocs_pages.Page, "render"): "MkDocs: Markdown → HTML",
        (mkdocs_pages.Page, "read_source"): "MkDocs: lese sider og frontmatter",
        (mkdocs_files.Files, "copy_static_files"): "MkDocs: kopiere og skrive filer",
    }
    saved = {key: getattr(*key) for key in originals}
    for (owner, attr), name in originals.items():
        setattr(owner, attr, timed(name, saved[(owner, attr)]))
    collecting = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            collecting.append(time.process_time())
        else:
            seconds["Python: søppeltømming (inngår i de andre)"] += time.process_time() - collecting.pop()

    gc.callbacks.append(on_gc)
    try:
        start = time.process_time()
        mkdocs_build.build(config)
        total = time.process_time() - start + seconds["konfigurasjon og import av plugins"]
    finally:
        gc.callbacks.remove(on_gc)
        for (owner, attr), function in saved.items():
            setattr(owner, attr, function)
    accounted = sum(v for k, v in seconds.items() if not k.startswith("Python: søppeltømming"))
    seconds["resten (mest Materials sidemaler)"] = total - accounted
    return total, seconds, calls


def main() -> None:
    total, seconds, calls = measure(sys.argv[1], sys.argv[2])
    print(f"{total:.2f}")
    for name, value in seconds.most_common():
        print(f"{value:.3f}\t{calls[name]}\t{name}")


if __name__ == "__main__":
    main()
