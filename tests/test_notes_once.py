"""Each content note is logged once per build: strict or not, and by `mkdocs serve --strict` (what ./dev serve runs)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import BASE_SITE, ROOT, build_in_process, write_site

# Two actions without an owner, budget or risk: notes (info), which neither build fails on.
FILES = {
    **BASE_SITE,
    **{
        f"forskning/tiltak-{n}.md": f"""
            ---
            type: action
            id: s-tiltak-{n}
            goals: [s-forskning-1]
            title: Tiltak {n}
            start: 2019-01
            end: 2019-12
            ---
            """
        for n in (7, 8)
    },
}
NOTE = "forskning/tiltak-7.md:2: owner: tiltaket mangler eier (owner): hvem har ansvaret?"


def notes(log: str) -> Counter[str]:
    return Counter(re.findall(r"^INFO +-  strategy_site: (.+)$", log, re.M))


@pytest.mark.parametrize("strict", [True, False])
def test_a_build_logs_each_note_once(tmp_path: Path, strict: bool):
    built = build_in_process(write_site(tmp_path, FILES), tmp_path / "site", strict=strict)
    assert built.ok, built.log
    counted = notes(built.log)
    assert counted[NOTE] == 1, built.log
    assert len(counted) >= 6 and set(counted.values()) == {1}, built.log


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("dirty", [["--dirty"], []], ids=["dirty", "full"])
def test_serve_with_strict_logs_each_note_once(tmp_path: Path, dirty: list[str]):
    config = write_site(tmp_path, FILES)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", *dirty, "--no-livereload", "-f", str(config)]
    command += ["-a", f"127.0.0.1:{_free_port()}"]
    # ./dev serve runs exactly this (with its own address), ./dev serve --full without --dirty; a build before it
    # logged every note a second time.
    assert "mkdocs serve --strict " + " ".join(dirty) in (ROOT / "dev").read_text(encoding="utf-8")
    server = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Serving on" in line:
                break
    finally:
        server.terminate()
        server.wait(timeout=30)
    log = "".join(lines)
    assert "Serving on" in log, log
    counted = notes(log)
    assert counted[NOTE] == 1 and set(counted.values()) == {1}, log
    if dirty:
        # MkDocs' note on dirty builds would stop a strict serve as a warning; the plugin logs it at INFO.
        assert re.search(r"^INFO +- +A 'dirty' build is being performed", log, re.M), log
