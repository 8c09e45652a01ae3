"""Check a built documentation site: every internal link and anchor resolves.

Usage: python tools/check_site.py SITE_DIR [--records]

Reads every HTML page under SITE_DIR, collects the ids (and ``name`` anchors) each one
defines, and checks each internal ``href`` and ``src``: the file must exist (a folder
means its ``index.html``) and a ``#fragment`` must be an id of the target page. Links
with a scheme (``https:``, ``mailto:``, ...) leave the site and are not fetched.

With ``--records`` it also checks that every event, actor and source of the installed
pakru has its page and its entry in ``objects.inv``. Exit status 1 lists every problem.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["Page", "check_links", "check_records", "main", "parse_page"]

_LINK_ATTRS = {"href", "src"}


class Page(HTMLParser):
    """The ids and outgoing links of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the ids a tag defines and the addresses it points at."""
        del tag  # every tag may carry an id or a link
        for key, value in attrs:
            if value is None:
                continue
            if key == "id" or (key == "name" and value):
                self.ids.add(value)
            elif key in _LINK_ATTRS:
                self.links.append((self.getpos()[0], value))


def parse_page(path: Path) -> Page:
    """Parse one HTML file."""
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _target(site: Path, page: Path, path: str) -> Path:
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path.lstrip("/"))).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_links(site: Path) -> list[str]:
    """Every broken internal link or anchor under ``site``, as ``page:line: problem``."""
    site = site.resolve()
    pages = {p.resolve(): parse_page(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        where = path.relative_to(site)
        for line, link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = path if not parts.path else _target(site, path, parts.path)
            if not target.is_relative_to(site):
                problems.append(f"{where}:{line}: link {link!r} leaves the site")
                continue
            if not target.is_file():
                problems.append(f"{where}:{line}: link {link!r}: no such file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if fragment not in ids:
                    shown = target.relative_to(site)
                    problems.append(f"{where}:{line}: link {link!r}: no id {fragment!r} in {shown}")
    return problems


def _inventory_names(path: Path) -> set[tuple[str, str]]:
    data = path.read_bytes().split(b"\n", 4)
    names = set()
    for line in zlib.decompress(data[4]).decode("utf-8").splitlines():
        name, kind = line.split(" ", 2)[:2]
        names.add((name, kind))
    return names


def check_records(site: Path) -> list[str]:
    """Every record of the installed pakru without its page or its inventory entry."""
    import pakru  # noqa: PLC0415 - only this check needs the data
    from pakru.ext.links import record_path  # noqa: PLC0415

    dataset = pakru.dataset()
    records = [("event", e.id) for e in dataset]
    records += [("actor", a.id) for a in dataset.actors()]
    records += [("source", s.id) for s in dataset.sources()]
    inventory = site / "objects.inv"
    names = _inventory_names(inventory) if inventory.is_file() else set()
    problems = [] if names else [f"{inventory}: missing or empty"]
    for kind, id in records:
        page = site / record_path(kind, id) / "index.html"
        if not page.is_file():
            problems.append(f"{kind} {id}: no page {page.relative_to(site)}")
        if names and (id, "std:label") not in names:
            problems.append(f"{kind} {id}: no std:label entry in objects.inv")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check the site folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument(
        "--records", action="store_true", help="also check every record has its page"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.stderr.write(f"check_site: {args.site} has no index.html; build the site first\n")
        return 2
    problems = check_links(args.site)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    if args.records:
        problems += check_records(args.site)
    for problem in problems:
        sys.stdout.write(problem + "\n")
    if problems:
        sys.stdout.write(f"{len(problems)} problem(s) in {pages} pages\n")
        return 1
    sys.stdout.write(f"{pages} pages: every internal link and anchor resolves\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
