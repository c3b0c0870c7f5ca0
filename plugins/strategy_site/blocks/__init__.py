"""Blocks: `<!-- strategy/<name> key=value -->` in a page, rendered to HTML from the model.

Importing this package registers every block, so the registry (`BLOCKS`) is the same for the check command
and for a build, whatever is imported first.
"""

from strategy_site.blocks import actions, charts, editors, meetings, owners, strategy
from strategy_site.blocks.renderer import BLOCKS, ID_ARGUMENTS, BlockRenderer, Directive
from strategy_site.blocks.sections import DEFAULT_SECTIONS, default_sections

# The modules whose import registers their blocks.
BLOCK_MODULES = (strategy, actions, charts, editors, meetings, owners)

__all__ = [
    "BLOCKS",
    "BLOCK_MODULES",
    "DEFAULT_SECTIONS",
    "ID_ARGUMENTS",
    "BlockRenderer",
    "Directive",
    "default_sections",
]
