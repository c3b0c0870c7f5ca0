"""The Markdown of generated pages from Jinja templates in `templates/strategy/pages/`, which a site overrides.

A site replaces a generated page's text by writing `overrides/strategy/pages/<name>.md`, the way it replaces
a block's `overrides/strategy/<block>.html`: the plugin's template environment looks in the site's overrides
first. Every page extends `page.md`, the one place that writes a generated page's frontmatter.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jinja2

from strategy_site.exports.safe_text import markdown_literal

TEMPLATES = str(resources.files("strategy_site").joinpath("templates"))


def _yaml_text(text: str) -> str:
    # JSON is valid YAML and quotes any colon or quote in a title safely.
    return json.dumps(str(text), ensure_ascii=False)


def _table_cell(text: str) -> str:
    """Text for a Markdown table cell: no raw HTML (a description like `/m/<id>/` is text), no cell breaks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")


@lru_cache(maxsize=8)
def markdown_environment(env: jinja2.Environment | None = None) -> jinja2.Environment:
    """An environment for Markdown with the loader of `env` (the site's overrides, then ours), or ours alone.

    Nothing is HTML-escaped: the text is Markdown, and editors' text goes in through the `md` filter, which
    makes it literal (no links, emphasis or HTML). One per `env`, so each template is compiled once (in
    `mkdocs serve`, once for all builds; `env` says whether to look for a changed template file first).
    """
    loader = env.loader if env is not None and env.loader is not None else jinja2.FileSystemLoader(TEMPLATES)
    markdown = jinja2.Environment(
        loader=loader,
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=env is None or env.auto_reload,
    )
    markdown.filters["md"] = markdown_literal
    markdown.filters["yaml_text"] = _yaml_text
    markdown.filters["table_cell"] = _table_cell
    return markdown


def render_page(env: jinja2.Environment, template: str, /, **context: object) -> str:
    """The Markdown of the generated page from the template `strategy/pages/<template>.md`."""
    return env.get_template(f"strategy/pages/{template}.md").render(**context)
