"""CSL-JSON items for sources and for the dataset itself.

CSL-JSON is the model shared by Zotero, pandoc and every CSL processor; pakru builds one
item per source from its bibliographic record, and the other formats start from these
items. Source kinds map to CSL types as follows:

==================  ====================  ==========================================
pakru kind          CSL type              where the publisher goes
==================  ====================  ==========================================
news-report         article-newspaper     ``container-title`` (the newspaper)
opinion             article-newspaper     ``container-title``
magazine-article    article-magazine      ``container-title`` (the magazine)
interview           interview             ``publisher``
commentary          post-weblog           ``container-title`` (the blog or site)
web-page            webpage               ``container-title`` (the site)
reference           entry-encyclopedia    ``container-title`` (the reference work)
analysis            report                ``publisher``
official            report                ``publisher``
==================  ====================  ==========================================

A source's own ``container`` always wins as the container title; the publisher then
stays the publisher.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pakru.dates import Precision

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.dates import EDTFDate
    from pakru.model import Creator, Source

__all__ = [
    "CSL_TYPES",
    "DATASET_TITLE",
    "DATASET_URL",
    "csl_date",
    "csl_name",
    "dataset_item",
    "source_item",
    "title_supplied",
]

#: The CSL type of each source kind.
CSL_TYPES = {
    "news-report": "article-newspaper",
    "opinion": "article-newspaper",
    "magazine-article": "article-magazine",
    "interview": "interview",
    "commentary": "post-weblog",
    "web-page": "webpage",
    "reference": "entry-encyclopedia",
    "analysis": "report",
    "official": "report",
}

# Types whose publisher is the periodical, site or reference work the item appears in.
_CONTAINER_FROM_PUBLISHER = {
    "article-newspaper",
    "article-magazine",
    "post-weblog",
    "webpage",
    "entry-encyclopedia",
}

#: The title pakru is cited under (as in CITATION.cff); "pakru" keeps its lower case.
DATASET_TITLE = (
    "pakru: events, actors and sources of Pakistan–Soviet and Pakistan–Russian relations"
)
_AUTHOR = "The pakru project"
#: The address of pakru's documentation site, where the data and its versions are
#: described (the same as ``site_url`` in mkdocs.yml and ``url`` in CITATION.cff).
DATASET_URL = "https://pakru.readthedocs.io/"


def csl_name(creator: Creator) -> dict[str, str]:
    """A CSL name: a body or a one-word name stays whole, a person splits at the last space.

    The last word is taken as the family name and the rest as given names, which fits
    the names in pakru's sources; a name that does not split that way is given as a
    ``literal`` so no processor reorders or abbreviates it.
    """
    name = " ".join(creator.name.split())
    if creator.institutional or " " not in name:
        return {"literal": name}
    given, family = name.rsplit(" ", 1)
    return {"family": family, "given": given}


def csl_date(date: EDTFDate) -> dict[str, Any] | None:
    """A CSL date: ``date-parts`` to the precision known, ``circa`` when uncertain.

    Intervals become two ``date-parts``; decades and centuries, which CSL dates cannot
    express, become a ``literal`` with the EDTF text. Open or unknown interval ends
    give ``None`` when nothing is known.
    """
    points = [p for p in (date.start, date.end) if p is not None]
    if not points:
        return None
    if date.is_set:  # one date somewhere in a range: CSL has no form for it
        return {"literal": date.edtf}
    parts: list[list[int]] = []
    for point in points if date.is_interval else points[:1]:
        if point.precision in (Precision.DECADE, Precision.CENTURY):
            return {"literal": date.edtf}
        day = point.earliest
        if point.precision is Precision.DAY:
            parts.append([day.year, day.month, day.day])
        elif point.precision is Precision.MONTH:
            parts.append([day.year, day.month])
        elif point.precision is Precision.SEASON:
            return {"date-parts": [[day.year]], "season": _season(point.text)}
        else:
            parts.append([day.year])
    out: dict[str, Any] = {"date-parts": parts}
    if date.uncertain or date.approximate:
        out["circa"] = True
    return out


def _season(text: str) -> int:
    return int(text[5:7]) - 20


def title_supplied(source: Source) -> bool:
    """Whether the source's title is a description supplied in square brackets."""
    return source.title_supplied


def _day(day: dt.date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def source_item(source: Source) -> dict[str, Any]:
    """The CSL-JSON item of a source; its ``id`` is the source id."""
    kind = CSL_TYPES.get(source.kind, "webpage")
    item: dict[str, Any] = {"id": source.id, "type": kind}
    if source.title is not None:
        if title_supplied(source):
            # CSL has no flag for a supplied title; the styles print a work's description
            # (``genre``) by their rule for untitled works: APA in square brackets,
            # Chicago and MLA plain, never in quotation marks or italics.
            item["genre"] = source.title.strip().removeprefix("[").removesuffix("]")
        else:
            item["title"] = source.title
    for role, csl_role in (
        ("author", "author"),
        ("interviewee", "author"),
        ("interviewer", "interviewer"),
        ("editor", "editor"),
    ):
        names = [csl_name(c) for c in source.creators if c.role == role]
        if names:
            item.setdefault(csl_role, []).extend(names)
    container = source.container
    publisher = source.publisher
    if container is None and kind in _CONTAINER_FROM_PUBLISHER:
        container, publisher = publisher, None
    if container is not None:
        item["container-title"] = container
    if publisher is not None:
        item["publisher"] = publisher
    if source.issued is not None:
        issued = csl_date(source.issued)
        if issued is not None:
            item["issued"] = issued
    if source.url is not None:
        item["URL"] = source.url
        if source.accessed is not None:  # an access date only means something online
            item["accessed"] = _day(source.accessed)
    item["language"] = source.language
    return item


def dataset_item(dataset: Dataset) -> dict[str, Any]:
    """The CSL-JSON item of a dataset: its title, data version, address and digest.

    The item describes the dataset passed (an overlay has its own data version and
    digest). The pakru project is the author; as the work has no separate publisher,
    none is given, so no reference names the project twice. The digest and the package
    version go in the note, where a reader who wants to check the data finds them.
    """
    return {
        "id": dataset_key(dataset),
        "type": "dataset",
        "title": DATASET_TITLE.replace("pakru", '<span class="nocase">pakru</span>', 1),
        "author": [{"literal": _AUTHOR}],
        "version": dataset.data_version,
        "genre": "Data set",
        "URL": DATASET_URL,
        "note": (
            f"Data SHA-256 {dataset.digest}; pakru package {dataset.package_version}; "
            f"licence {dataset.license}"
        ),
        "language": "en",
    }


def dataset_key(dataset: Dataset) -> str:
    """The id (and BibTeX key) of the dataset: stable for one data version."""
    return f"pakru-data-{dataset.data_version}"
