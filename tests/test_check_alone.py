"""The check alone knows what a build knows: every block and the default sections of every page type.

`strategy check` imports only the check (`strategy_site.checks.precheck`), not the MkDocs plugin. Blocks once
registered themselves when the module defining them was imported, so the check alone knew 14 blocks and a build
19: a page using one of the other five passed the build and failed the check. Each side is read here in a fresh
interpreter, so nothing imported by another test can fill in the registry.
"""

from __future__ import annotations

import json
import subprocess
import sys

from strategy_site.blocks import BLOCKS, DEFAULT_SECTIONS

# Prints what the registry holds after `import <module>`, and whether the plugin (and MkDocs' build) came with it.
READ_REGISTRY = """
import json, sys
import {module}
from strategy_site.blocks import BLOCKS, DEFAULT_SECTIONS
print(json.dumps({{
    "blocks": sorted(BLOCKS),
    "sections": DEFAULT_SECTIONS,
    "plugin imported": "strategy_site.plugin" in sys.modules,
}}))
"""

# Checks a page using each named block, with only the check imported; prints the problems about unknown blocks.
CHECK_BLOCKS = """
import json, sys
from strategy_site.checks.precheck import check_site
from strategy_site.core.load import decode_source
from strategy_site.core.scales import Scales

page = "# Blokker\\n\\n" + "".join(f"<!-- strategy/{name} -->\\n\\n" for name in json.loads(sys.argv[1]))
doc, unreadable = decode_source("blokker.md", page.encode())
problems = check_site([doc], Scales.from_config(), unreadable).problems
print(json.dumps([str(p) for p in problems if "ukjent blokk" in p.message]))
assert "strategy_site.plugin" not in sys.modules
"""


def fresh(script: str, *args: str):
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_check_alone_has_the_same_blocks_and_sections_as_a_build(base_site):
    alone = fresh(READ_REGISTRY.format(module="strategy_site.checks.precheck"))
    with_plugin = fresh(READ_REGISTRY.format(module="strategy_site.plugin"))
    assert alone["plugin imported"] is False and with_plugin["plugin imported"] is True
    assert alone["blocks"] == with_plugin["blocks"]
    assert alone["sections"] == with_plugin["sections"]
    # And the same as in this process, which has run full builds (base_site).
    assert base_site.ok
    assert alone["blocks"] == sorted(BLOCKS)
    assert alone["sections"] == json.loads(json.dumps(DEFAULT_SECTIONS))


def test_every_default_section_is_a_known_block():
    named = {block for before, after in DEFAULT_SECTIONS.values() for block in [*before, *(b for _, b in after)]}
    assert named <= set(BLOCKS)


def test_the_check_alone_accepts_every_block_a_build_renders(base_site):
    assert base_site.ok
    assert len(BLOCKS) > 14
    assert fresh(CHECK_BLOCKS, json.dumps(sorted(BLOCKS))) == []
    # It does reject a block no build knows, so the empty list above means something.
    assert len(fresh(CHECK_BLOCKS, json.dumps(["finnes-ikke"]))) == 1
