"""The Markdown of the generated dataset reference, built from a :class:`pakru.Dataset`.

Every event, actor and source gets a page at ``<folder>/<id>.md`` (served as
``<folder>/<id>/``, see :mod:`pakru.ext.links`); the timeline has an index page with the
figure for all years and one page per decade. Links between pages are relative ``.md``
links, which MkDocs checks (a broken one fails the strict build).
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

import pakru
from pakru import ACTOR_KINDS, EVENT_TYPES, ROLES, SOURCE_KINDS, Actor, Dataset, Event, Source
from pakru.counts import Coverage, count_events, dataset_coverage
from pakru.ext.links import FOLDERS, human_date
from pakrudocs.figure import event_year, group_legend, timeline_svg
from pakrudocs.relations import relations_block

__all__ = [
    "TIMELINE",
    "build_pages",
    "decade_of",
    "decades",
    "figure_block",
    "page_of",
    "rel",
]

TIMELINE = "timeline"
_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]|"} | {"<": "&lt;", ">": "&gt;"})
_DATA_MODEL = "data-model.md"


def esc(text: str) -> str:
    """Text made safe to drop into Markdown (link text, table cells, paragraphs)."""
    return " ".join(text.translate(_ESCAPE).split())


def page_of(kind: str, id: str) -> str:
    """The Markdown file of a record: ``events/<id>.md`` and so on."""
    return f"{FOLDERS[kind]}/{id}.md"


def rel(here: str, there: str) -> str:
    """A relative link from the Markdown file ``here`` to ``there`` (both from the docs root)."""
    anchor = ""
    if "#" in there:
        there, anchor = there.split("#", 1)
        anchor = "#" + anchor
    return posixpath.relpath(there, posixpath.dirname(here) or ".") + anchor


def decade_of(event: Event) -> int:
    """The decade an event is listed under: that of the year it began."""
    return event_year(event) // 10 * 10


def decades(dataset: Iterable[Event]) -> list[int]:
    """The decades that have events, in order."""
    return sorted({decade_of(e) for e in dataset})


def _decade_page(decade: int) -> str:
    return f"{TIMELINE}/{decade}s.md"


def _decade_url(decade: int) -> str:
    return f"{TIMELINE}/{decade}s/"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def figure_block(
    events: Iterable[Event],
    years: range,
    *,
    ident: str,
    title: str,
    link: Callable[[int], str | None],
    label_every: int = 10,
    caption: str | None = None,
    cover: Coverage | None = None,
) -> str:
    """The timeline figure as a raw-HTML block to put in a Markdown page."""
    svg = timeline_svg(
        events, years, ident=ident, title=title, link=link, label_every=label_every, cover=cover
    ).strip()
    wide = " pakru-figure-wide" if len(years) > 20 else ""
    if wide and caption:
        caption += ' <span class="pakru-swipe">Swipe the figure sideways to see every year.</span>'
    cap = f"\n<figcaption>{caption}</figcaption>" if caption else ""
    legend = group_legend()
    return f'<figure class="pakru-figure{wide}">\n{svg}\n{legend}{cap}\n</figure>\n'


def _year_span(dataset: Iterable[Event]) -> range:
    years = [event_year(e) for e in dataset]
    return range(min(years), max(years) + 1)


def home_figure(dataset: Dataset, root: str) -> str:
    """The figure of every year, for a page ``root`` away from the site's root.

    ``root`` is the relative address of the site's root from the page (``""`` on the
    home page, ``"../"`` one folder down); each bar links to its year on its decade page.
    """
    began = {event_year(e) for e in dataset}
    return figure_block(
        dataset,
        _year_span(dataset),
        ident="pakru-all-years",
        title="Events per year, by kind of event",
        # Only years where events began have a heading on their decade's page.
        link=lambda y: f"{root}{_decade_url(y // 10 * 10)}#{y}" if y in began else None,
        caption=(
            f"{_plural(len(dataset), 'event')}, counted per year with their uncertainty: a bar "
            "is the expected count (an event dated only to a decade, or lasting years, is "
            "spread over them), its whisker the range from events certainly in the year to "
            "events possibly in it. Select a bar to read that year's events; the colours "
            "group the event types by their PLOVER category."
        ),
        cover=dataset_coverage(dataset),
    )


# -- records ----------------------------------------------------------------------------


def _link(here: str, kind: str, id: str, text: str) -> str:
    return f"[{esc(text)}]({rel(here, page_of(kind, id))})"


def _source_name(source: Source) -> str:
    """A source's title, or for an untitled one its outlet and date (or its id)."""
    if source.title:
        return source.title
    outlet = source.container or source.publisher
    if outlet is None:
        return source.id
    when = "undated" if source.issued is None else human_date(source.issued)
    return f"Untitled: {outlet}, {when}"


def _actor_link(here: str, dataset: Dataset, actor_id: str) -> str:
    return _link(here, "actor", actor_id, dataset.actor(actor_id).name)


def _source_line(source: Source) -> str:
    """Who issued a source and when, in a few words (the facts of its record only)."""
    parts = []
    creators = [c.name for c in source.creators if c.role in ("author", "interviewee")]
    if creators:
        parts.append(", ".join(esc(n) for n in creators))
    outlet = source.container or source.publisher
    if outlet:
        parts.append(f"*{esc(outlet)}*")
    parts.append(human_date(source.issued) if source.issued is not None else "undated")
    return ", ".join(parts)


def _paragraphs(numbers: Iterable[int]) -> str:
    ordered = sorted(set(numbers))
    noun = "paragraph" if len(ordered) == 1 else "paragraphs"
    return f"{noun} " + ", ".join(str(n) for n in ordered)


def _citation_blocks(event: Event, dataset: Dataset | None = None) -> str:
    """The "Cite" block of an event page: APA and BibLaTeX from ``pakru.cite``."""
    dataset = pakru.dataset() if dataset is None else dataset
    tabs = []
    for label, style, lexer in (("APA", "apa", "text"), ("BibLaTeX", "bibtex", "bibtex")):
        text = str(pakru.cite(event, style=style, dataset=dataset)).strip()
        body = "\n".join(f"    {line}" if line else "" for line in text.splitlines())
        tabs.append(f'=== "{label}"\n\n    ```{lexer}\n{body}\n    ```\n')
    intro = "Copy a citation of the sources this event rests on, with their pinpoints:\n\n"
    return intro + '<div class="pakru-cite" markdown>\n\n' + "\n".join(tabs) + "\n</div>\n"


def _dl(rows: Iterable[tuple[str, str | None]]) -> str:
    """The facts of a record: a definition list of the rows whose value is not None."""
    body = "".join(f"{term}\n:   {value}\n\n" for term, value in rows if value is not None)
    return f'<div class="pakru-facts" markdown>\n\n{body}</div>\n\n'


def _front_matter(title: str) -> str:
    """The page's title for the browser tab and the search results (JSON is YAML)."""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"


def _trail(here: str, *steps: tuple[str, str]) -> str:
    """A line of links from the dataset's top to the page's index (a breadcrumb)."""
    links = [f"[{esc(text)}]({rel(here, target)})" for text, target in steps]
    return '<p class="pakru-trail" markdown>' + " › ".join(links) + "</p>\n\n"


def _date_row(date: pakru.EDTFDate) -> str:
    known = f"known to the {date.precision.value}"
    flags = [
        f for f, on in (("uncertain", date.uncertain), ("approximate", date.approximate)) if on
    ]
    if flags:
        known += ", " + " and ".join(flags)
    text = f"{human_date(date)} (EDTF `{date.edtf}`, {known})"
    if date.wording:
        text += f"; the source says “{esc(date.wording)}”"
    return text


def _type_row(event_type: str) -> str:
    t = EVENT_TYPES[event_type]
    plover = (t.plover or "none") + (f" ({t.plover_mode})" if t.plover_mode else "")
    anchor = rel("events/x.md", f"{_DATA_MODEL}#controlled-vocabularies")
    return f"[{esc(t.label)}]({anchor}) (`{t.id}`; PLOVER {plover}; CAMEO {t.cameo or 'none'})"


def event_page(
    event: Event, dataset: Dataset, neighbours: tuple[Event | None, Event | None]
) -> str:
    """The page of one event."""
    here = page_of("event", event.id)
    out = [
        _front_matter(event.title),
        _trail(here, ("Dataset", f"{TIMELINE}/index.md"), ("Events", "events/index.md")),
        f"# {esc(event.title)}\n\n",
        f"{esc(event.summary)}\n\n",
    ]
    decade = decade_of(event)
    out.append(
        _dl(
            [
                ("Date", _date_row(event.date)),
                ("Type", _type_row(event.type)),
                ("Place", esc(event.place) if event.place else None),
                ("Tags", ", ".join(f"`{t}`" for t in event.tags) or None),
                ("Id", f"`{event.id}`"),
                (
                    "Timeline",
                    f"[{decade}s]({rel(here, _decade_page(decade))}#{event_year(event)})",
                ),
            ]
        )
    )
    out.append("## Participants\n\n| Actor | Role | Kind |\n| --- | --- | --- |\n")
    for p in event.participants:
        actor = dataset.actor(p.actor)
        out.append(
            f"| {_actor_link(here, dataset, actor.id)} | {p.role}: {esc(ROLES[p.role])} "
            f"| {actor.kind} |\n"
        )
    out.append("\n## Sources\n\n")
    for source_id in event.sources:
        source = dataset.source(source_id)
        paras = _paragraphs(e.paragraph for e in event.evidence if e.source == source_id)
        link = _link(here, "source", source_id, _source_name(source))
        out.append(f"- {link}: {_source_line(source)}; {paras}\n")
    out.append(
        '\n??? info "Evidence locators (verify them with `pakru verify`)"\n\n'
        "    | Source | Paragraph | Characters | SHA-256 of the passage |\n"
        "    | --- | --- | --- | --- |\n"
    )
    for e in event.evidence:
        out.append(
            f"    | `{e.source}` | {e.paragraph} | {e.start}–{e.end} | `{e.sha256[:16]}…` |\n"
        )
    out.append(f"\n    See [Verifying the evidence]({rel(here, 'verifying.md')}).\n\n")
    if event.disputes:
        out.append("## Disputes\n\n")
        for dispute in event.disputes:
            out.append(f"**{esc(dispute.field)}**: {esc(dispute.resolution)}\n\n")
            out.append("| Source | Paragraph | Claim | Status |\n| --- | --- | --- | --- |\n")
            for c in dispute.claims:
                name = _source_name(dataset.source(c.source))
                para = "" if c.paragraph is None else str(c.paragraph)
                out.append(
                    f"| {_link(here, 'source', c.source, name)} | {para} "
                    f"| `{esc(c.value)}` | {c.status} |\n"
                )
            out.append("\n")
    if event.note:
        out.append(f"## Note\n\n{esc(event.note)}\n\n")
    out.append("## Cite\n\n" + _citation_blocks(event, dataset) + "\n")
    before, after = neighbours
    links = []
    if before is not None:
        links.append(f"Earlier: {_link(here, 'event', before.id, before.title)}")
    if after is not None:
        links.append(f"Later: {_link(here, 'event', after.id, after.title)}")
    if links:
        out.append("---\n\n" + " · ".join(links) + "\n")
    return "".join(out)


def _event_row(here: str, event: Event, extra: str = "") -> str:
    link = _link(here, "event", event.id, event.title)
    return f"| {human_date(event.date)} | {link} | {EVENT_TYPES[event.type].label} |{extra}\n"


def actor_page(actor: Actor, dataset: Dataset) -> str:
    """The page of one actor: who it is, its codes and offices, and its events over time."""
    here = page_of("actor", actor.id)
    out = [
        _front_matter(actor.name),
        _trail(here, ("Dataset", f"{TIMELINE}/index.md"), ("Actors", "actors/index.md")),
        f"# {esc(actor.name)}\n\n",
    ]
    if actor.description:
        out.append(f"{esc(actor.description)}\n\n")

    def actor_ref(other: str | None) -> str | None:
        return None if other is None else _actor_link(here, dataset, other)

    out.append(
        _dl(
            [
                ("Id", f"`{actor.id}`"),
                ("Kind", f"{actor.kind}: {ACTOR_KINDS[actor.kind]}"),
                ("Also known as", "; ".join(esc(a) for a in actor.aliases) or None),
                ("ISO 3166 code", f"`{actor.iso3}`" if actor.iso3 else None),
                ("Correlates of War code", str(actor.cow) if actor.cow is not None else None),
                ("Predecessor", actor_ref(actor.predecessor)),
                ("Successor", actor_ref(actor.successor)),
            ]
        )
    )
    if actor.offices:
        out.append("## Offices\n\n| Office | Of | Term |\n| --- | --- | --- |\n")
        for office in actor.offices:
            of = "" if office.of is None else _actor_link(here, dataset, office.of)
            out.append(f"| {esc(office.title)} | {of} | {human_date(office.date)} |\n")
        out.append("\n")
    events = dataset.events(actor=actor.id)
    out.append("## Events\n\n")
    if not events:
        out.append("No event names this actor.\n")
        return "".join(out)
    cover = dataset_coverage(dataset)
    first, last = event_year(events[0]), event_year(events[-1])
    span = str(first) if first == last else f"{first} to {last}"
    out.append(f"{_plural(len(events), 'event')}, {span}.\n\n")
    if len(events) >= 5 and last > first:
        # Every year an event may fall in, open-ended dates included.
        reach = [b.key for b in count_events(events, "year", coverage_of=cover) if b.max]
        years = range(int(min(reach)), int(max(reach)) + 1)
        out.append(
            figure_block(
                events,
                years,
                ident=f"pakru-actor-{actor.id}",
                title=f"Events of {actor.name} per year, by kind of event",
                link=lambda _year: None,
                label_every=1 if len(years) <= 12 else 10,
                cover=cover,
            )
            + "\n"
        )
    out.append("| Date | Event | Type | Role |\n| --- | --- | --- | --- |\n")
    for event in events:
        roles = ", ".join(dict.fromkeys(p.role for p in event.participants if p.actor == actor.id))
        out.append(_event_row(here, event, f" {roles} |"))
    return "".join(out)


def source_page(source: Source, dataset: Dataset) -> str:
    """The page of one source: its bibliographic record and the events it attests."""
    here = page_of("source", source.id)
    out = [
        _front_matter(_source_name(source)),
        _trail(here, ("Dataset", f"{TIMELINE}/index.md"), ("Sources", "sources/index.md")),
        f"# {esc(_source_name(source))}\n\n",
    ]
    creators = "; ".join(
        esc(c.name) + f" ({c.role}{', institution' if c.institutional else ''})"
        for c in source.creators
    )
    out.append(
        _dl(
            [
                ("Id", f"`{source.id}`"),
                ("Title", esc(source.title) if source.title else "none given"),
                ("Creators", creators or "none named"),
                ("In", esc(source.container) if source.container else None),
                ("Publisher", esc(source.publisher) if source.publisher else None),
                (
                    "Issued",
                    f"{human_date(source.issued)} (EDTF `{source.issued.edtf}`)"
                    if source.issued is not None
                    else "undated",
                ),
                ("Kind", f"{source.kind}: {SOURCE_KINDS[source.kind]}"),
                ("Language", f"`{source.language}`"),
                ("Address", f"<{source.url}>" if source.url else None),
                ("Accessed", source.accessed.isoformat() if source.accessed else None),
                ("Note", esc(source.note) if source.note else None),
                (
                    "Corpus document",
                    f"`{source.document}`: {source.length} characters in "
                    f"{_plural(source.paragraphs, 'paragraph')}, SHA-256 `{source.sha256}`",
                ),
            ]
        )
    )
    events = dataset.events(source=source.id)
    out.append(f"## Events it attests\n\n{_plural(len(events), 'event')}.\n\n")
    out.append("| Date | Event | Type | Paragraphs |\n| --- | --- | --- | --- |\n")
    for event in events:
        paras = sorted({e.paragraph for e in event.evidence if e.source == source.id})
        out.append(_event_row(here, event, f" {', '.join(map(str, paras))} |"))
    claims = [
        (event, dispute, claim)
        for event in dataset
        for dispute in event.disputes
        for claim in dispute.claims
        if claim.source == source.id
    ]
    if claims:
        out.append("\n## Its claims in disputes\n\n| Event | Point | Claim | Status |\n")
        out.append("| --- | --- | --- | --- |\n")
        for event, dispute, claim in claims:
            link = _link(here, "event", event.id, event.title)
            out.append(
                f"| {link} | {esc(dispute.field)} | `{esc(claim.value)}` | {claim.status} |\n"
            )
    return "".join(out)


# -- indexes and the timeline -----------------------------------------------------------


def events_index(dataset: Dataset) -> str:
    """Every event in date order."""
    here = "events/index.md"
    out = [
        "# All events\n\n",
        f"{_plural(len(dataset), 'event')}, in date order (earliest day, then latest day). "
        f"The [timeline]({rel(here, TIMELINE + '/index.md')}) gives them by decade with "
        "their summaries.\n\n",
        "| Date | Event | Type |\n| --- | --- | --- |\n",
    ]
    out += [_event_row(here, e) for e in dataset]
    return "".join(out)


def actors_index(dataset: Dataset) -> str:
    """Every actor, by kind."""
    here = "actors/index.md"
    out = [f"# Actors\n\n{_plural(len(dataset.actors()), 'actor')}, by kind.\n\n"]
    for kind, meaning in ACTOR_KINDS.items():
        actors = sorted(dataset.actors(kind), key=lambda a: a.name.casefold())
        if not actors:
            continue
        out.append(f"## {kind.capitalize().replace('-', ' ')}s\n\n{meaning.capitalize()}.\n\n")
        out.append("| Actor | Id | Codes | Events |\n| --- | --- | --- | --- |\n")
        for actor in actors:
            codes = ", ".join(
                x for x in (actor.iso3, None if actor.cow is None else f"COW {actor.cow}") if x
            )
            n = len(dataset.events(actor=actor.id))
            out.append(
                f"| {_actor_link(here, dataset, actor.id)} | `{actor.id}` | {codes} | {n} |\n"
            )
        out.append("\n")
    return "".join(out)


def sources_index(dataset: Dataset) -> str:
    """Every source, with its kind, date and how many events cite it."""
    here = "sources/index.md"
    sources = sorted(dataset.sources(), key=lambda s: (_source_name(s).casefold(), s.id))
    out = [
        f"# Sources\n\n{_plural(len(sources), 'source')}, by title. Each is a document of "
        f"the corpus; see [Verifying the evidence]({rel(here, 'verifying.md')}).\n\n",
        "| Source | Kind | Issued | Events |\n| --- | --- | --- | --- |\n",
    ]
    for source in sources:
        issued = human_date(source.issued) if source.issued is not None else "undated"
        n = len(dataset.events(source=source.id))
        link = _link(here, "source", source.id, _source_name(source))
        out.append(f"| {link} | {source.kind} | {issued} | {n} |\n")
    return "".join(out)


def timeline_index(dataset: Dataset) -> str:
    """The timeline's first page: the figure of every year and the decades."""
    here = f"{TIMELINE}/index.md"
    by_decade: Mapping[int, int] = dict.fromkeys(decades(dataset), 0)
    by_decade = dict(by_decade)
    for event in dataset:
        by_decade[decade_of(event)] += 1
    out = [
        "# Timeline\n\n",
        "Every event of the dataset, decade by decade. An event that lasts for years is "
        "listed under the year it began.\n\n",
        home_figure(dataset, "../"),
        "\n## Relations over time\n\n",
        relations_block(dataset),
        "\n## Decades\n",
        "\n| Decade | Events |\n| --- | --- |\n",
    ]
    for decade, n in by_decade.items():
        out.append(f"| [{decade}s]({rel(here, _decade_page(decade))}) | {n} |\n")
    out.append("\n## Events by decade\n")
    for decade in by_decade:
        out.append(
            f"\n### [{decade}s]({rel(here, _decade_page(decade))})\n\n"
            "| Date | Event | Type |\n| --- | --- | --- |\n"
        )
        out += [_event_row(here, e) for e in dataset if decade_of(e) == decade]
    return "".join(out)


def decade_page(dataset: Dataset, decade: int) -> str:
    """One decade: its figure, then its events year by year with their summaries."""
    here = _decade_page(decade)
    events = [e for e in dataset if decade_of(e) == decade]
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_year[event_year(event)].append(event)
    years = range(decade, decade + 10)
    out = [
        f"# The {decade}s\n\n",
        f"{_plural(len(events), 'event')} began in the {decade}s.\n\n",
        figure_block(
            events,
            years,
            ident=f"pakru-{decade}s",
            title=f"Events per year in the {decade}s, by kind of event",
            link=lambda y: f"#{y}" if by_year.get(y) else None,
            label_every=1,
            caption=(
                "The decade's events per year: bars are expected counts, whiskers the range "
                "from certain to possible. Select a bar to read that year's events."
            ),
            cover=dataset_coverage(dataset),
        ),
    ]
    for year in sorted(by_year):
        out.append(f"\n## {year}\n\n")
        for event in by_year[year]:
            link = _link(here, "event", event.id, event.title)
            label = EVENT_TYPES[event.type].label
            out.append(
                f"- **{human_date(event.date)}**: {link} ({label})  \n  {esc(event.summary)}\n"
            )
    all_decades = decades(dataset)
    i = all_decades.index(decade)
    nav = []
    if i > 0:
        nav.append(
            f"Earlier: [{all_decades[i - 1]}s]({rel(here, _decade_page(all_decades[i - 1]))})"
        )
    if i + 1 < len(all_decades):
        nav.append(f"Later: [{all_decades[i + 1]}s]({rel(here, _decade_page(all_decades[i + 1]))})")
    if nav:
        out.append("\n---\n\n" + " · ".join(nav) + "\n")
    return "".join(out)


def build_pages(dataset: Dataset) -> dict[str, str]:
    """Every generated page: its Markdown file (from the docs root) and its text."""
    pages = {
        f"{TIMELINE}/index.md": timeline_index(dataset),
        "events/index.md": events_index(dataset),
        "actors/index.md": actors_index(dataset),
        "sources/index.md": sources_index(dataset),
    }
    for decade in decades(dataset):
        pages[_decade_page(decade)] = decade_page(dataset, decade)
    ordered = list(dataset)
    for i, event in enumerate(ordered):
        before = ordered[i - 1] if i > 0 else None
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        pages[page_of("event", event.id)] = event_page(event, dataset, (before, after))
    for actor in dataset.actors():
        pages[page_of("actor", actor.id)] = actor_page(actor, dataset)
    for source in dataset.sources():
        pages[page_of("source", source.id)] = source_page(source, dataset)
    return pages


def nav_decades(dataset: Dataset) -> list[dict[str, str]]:
    """Navigation entries of the decade pages."""
    return [{f"{d}s": _decade_page(d)} for d in decades(dataset)]
