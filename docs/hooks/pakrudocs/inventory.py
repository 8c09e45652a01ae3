"""The Sphinx inventory (``objects.inv``) of the site: the API and every record.

Sphinx (intersphinx) and MkDocs (mkdocstrings, mkdocs-autorefs) read this file to link
to another site's objects by name. mkdocstrings writes the API's entries; this module
adds one ``std:label`` per event, actor and source, named by its id with its title as
display name, and one ``std:doc`` per record page, so another site can write
``:ref:`pakru:1966-01-10-tashkent-declaration``` (Sphinx) or
``[1966-01-10-tashkent-declaration][]`` (MkDocs) and get a link to its page.

The format is Sphinx's version 2: four comment lines, then zlib-compressed lines of
``name domain:role priority uri display-name``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

import attrs

from pakru import Dataset
from pakru.ext.links import record_path, reference

__all__ = ["Item", "merge", "read", "record_items", "write"]

_LINE = re.compile(r"(?x)(.+?)\s+(\S+?):(\S+)\s+(-?\d+)\s+(\S*)\s+(.*)")


@attrs.frozen
class Item:
    """One inventory entry."""

    name: str
    domain: str
    role: str
    priority: int
    uri: str
    dispname: str

    def line(self) -> str:
        """The entry as a line of the inventory (with Sphinx's two abbreviations)."""
        uri = self.uri[: -len(self.name)] + "$" if self.uri.endswith(self.name) else self.uri
        dispname = "-" if self.dispname == self.name else self.dispname
        return f"{self.name} {self.domain}:{self.role} {self.priority} {uri} {dispname}"


def read(data: bytes) -> tuple[str, str, list[Item]]:
    """The project, version and entries of an inventory file."""
    lines = data.split(b"\n", 4)
    if len(lines) < 5 or lines[0].rstrip() != b"# Sphinx inventory version 2":
        msg = "not a Sphinx version 2 inventory"
        raise ValueError(msg)
    project = lines[1].decode("utf-8").removeprefix("# Project: ").strip()
    version = lines[2].decode("utf-8").removeprefix("# Version: ").strip()
    items = []
    for line in zlib.decompress(lines[4]).decode("utf-8").splitlines():
        m = _LINE.fullmatch(line.strip())
        if m is None:
            continue
        name, domain, role, priority, uri, dispname = m.groups()
        uri = uri[:-1] + name if uri.endswith("$") else uri
        items.append(
            Item(name, domain, role, int(priority), uri, name if dispname == "-" else dispname)
        )
    return project, version, items


def write(project: str, version: str, items: Iterable[Item]) -> bytes:
    """An inventory file of these entries, sorted so equal inputs give equal bytes."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    ordered = sorted(items, key=lambda i: (i.domain, i.role, i.name))
    body = "".join(i.line() + "\n" for i in ordered)
    return header.encode("utf-8") + zlib.compress(body.encode("utf-8"), 9)


def record_items(dataset: Dataset) -> list[Item]:
    """A ``std:label`` and a ``std:doc`` entry for every event, actor and source."""
    ids = [e.id for e in dataset]
    ids += [a.id for a in dataset.actors()]
    ids += [s.id for s in dataset.sources()]
    items = []
    for id in ids:
        ref = reference(id, dataset)
        title = " ".join(ref.title.split())
        path = record_path(ref.kind, id)
        items.append(Item(id, "std", "label", -1, path, title))
        items.append(Item(path.rstrip("/"), "std", "doc", -1, path, title))
    return items


def merge(existing: bytes | None, project: str, version: str, items: Iterable[Item]) -> bytes:
    """``existing`` (for example the API inventory) with ``items`` added or replacing."""
    kept: dict[tuple[str, str, str], Item] = {}
    if existing:
        _, _, old = read(existing)
        kept = {(i.domain, i.role, i.name): i for i in old}
    for item in items:
        kept[item.domain, item.role, item.name] = item
    return write(project, version, kept.values())
