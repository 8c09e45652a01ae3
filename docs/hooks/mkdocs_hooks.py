"""MkDocs hooks: build the dataset reference from the installed pakru at build time.

- ``on_config``: the timeline's decade pages join the navigation (and the citation
  guide, when the docs have one).
- ``on_files``: one page per event, actor and source, their indexes, the timeline and
  the changelog are added as generated files; none of them is written into ``docs/``.
- ``on_page_markdown``: ``<!-- pakru:timeline -->`` in a page becomes the timeline figure,
  and ``<!-- pakru:notebook -->`` the notebook display of a query and of an event.
- ``on_post_build``: every record joins the API entries in ``objects.inv``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from pakrudocs.inventory import merge, record_items
from pakrudocs.pages import TIMELINE, build_pages, home_figure, nav_decades

import pakru

PLACEHOLDER = "<!-- pakru:timeline -->"
NOTEBOOK = "<!-- pakru:notebook -->"


def notebook_example() -> str:
    """What a notebook shows for a query and for one event, as one raw HTML block."""
    found = pakru.events(between="1966", actor="ussr", date_match="within")
    event = pakru.event("1966-01-10-tashkent-declaration")
    # Each output in its own box, so each scrolls sideways only as far as it needs.
    return "".join(
        f'<div class="pakru-notebook">{shown._repr_html_()}</div>' for shown in (found, event)
    )


def _nav_with_decades(nav: Any, decades: list[dict[str, str]]) -> Any:
    """The navigation with the timeline's index expanded into its decade pages."""
    if isinstance(nav, list):
        return [_nav_with_decades(item, decades) for item in nav]
    if isinstance(nav, dict):
        return {key: _nav_with_decades(value, decades) for key, value in nav.items()}
    if nav == f"{TIMELINE}/index.md":
        return {"Timeline": [nav, *decades]}
    return nav


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the decade pages into the navigation."""
    config.nav = _nav_with_decades(config.nav, nav_decades(pakru.dataset()))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, made from the installed data, to the site's files."""
    for src_uri, text in build_pages(pakru.dataset()).items():
        # Record pages are reached from the indexes, not the navigation (hundreds of them).
        files.append(
            File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    changelog = Path(config.config_file_path).parent / "CHANGELOG.md"
    files.append(
        File.generated(config, "changelog.md", content=changelog.read_text(encoding="utf-8"))
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the placeholders with the timeline figure and the notebook example."""
    del config, files  # part of the hook's signature
    if NOTEBOOK in markdown:
        markdown = markdown.replace(NOTEBOOK, notebook_example())
    if PLACEHOLDER not in markdown:
        return markdown
    root = "../" * page.url.count("/")
    return markdown.replace(PLACEHOLDER, home_figure(pakru.dataset(), root))


# Docstrings name objects with Sphinx roles (":meth:`Dataset.events`"); MkDocs shows the
# code, so the role prefix is dropped.
_ROLE = re.compile(r":(?:py:)?(?:meth|func|class|mod|exc|attr|data|obj):(?=<code>)")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Drop the Sphinx role prefixes that docstrings carry in front of code."""
    del page, config, files  # part of the hook's signature
    return _ROLE.sub("", html)


@event_priority(-100)  # after mkdocstrings has written the API's inventory
def on_post_build(config: MkDocsConfig) -> None:
    """Add every event, actor and source to the site's ``objects.inv``."""
    path = Path(config.site_dir) / "objects.inv"
    existing = path.read_bytes() if path.is_file() else None
    dataset = pakru.dataset()
    path.write_bytes(merge(existing, "pakru", pakru.__version__, record_items(dataset)))
