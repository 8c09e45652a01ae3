"""The ``pakru`` command line: query the shipped data, and the curation tools."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from pakru.errors import DataError, PakruError, printable
from pakru.rules import DATE_MATCHES

if TYPE_CHECKING:
    from pakru.collection import EventList
    from pakru.corpus import Corpus

__all__ = ["main"]

FORMATS = ("table", "json", "jsonl", "csv")


def __getattr__(name: str) -> object:
    if name == "EXPORT_FORMATS":  # the formats of ``pakru export``: pakru.exports.FORMATS
        from pakru.exports.writers import FORMATS as export_formats  # noqa: PLC0415

        return export_formats
    raise AttributeError(f"module 'pakru.cli' has no attribute {name!r}")


class _Usage(Exception):
    """Bad command-line input: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Usage(f"{self.prog}: {message} (see '{self.prog} --help')")


def _emit(
    rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], *, wide: bool = False
) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_flat(r.get(c)) for c in columns])
        return buf.getvalue()
    from pakru.terminal import fit_table, terminal_width  # noqa: PLC0415

    cells = [[_flat(r.get(c)) for c in columns] for r in rows]
    lines = fit_table(columns, cells, None if wide else terminal_width())
    noun = "row" if len(rows) == 1 else "rows"
    return "\n".join(lines) + f"\n({len(rows)} {noun})\n"


def _emit_for(
    args: argparse.Namespace, rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]
) -> str:
    """:func:`_emit`, with the line's ``--wide``."""
    return _emit(rows, fmt, columns, wide=bool(getattr(args, "wide", False)))


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        if "actor" in value and "role" in value:
            return f"{value['actor']} ({value['role']})"
        if "source" in value and "paragraph" in value:
            return f"{value['source']} ¶{value['paragraph']}"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


#: The event filters of ``pakru events``, ``bibliography`` and ``export``: the keyword
#: arguments of :meth:`pakru.Dataset.events` other than ``between`` and ``date_match``.
FILTERS = (
    "actor",
    "all_actors",
    "follow_succession",
    "type",
    "tag",
    "source",
    "text",
    "place",
    "role",
)


def _add_filters(p: argparse.ArgumentParser) -> None:
    """The event filters, defined once for every command that selects events."""
    p.add_argument(
        "--between",
        nargs=2,
        metavar=("START", "END"),
        help="years or EDTF dates; '..' for an open end",
    )
    match = p.add_mutually_exclusive_group()
    match.add_argument(
        "--possible",
        dest="date_match",
        action="store_const",
        const="possible",
        help="also list events that only may fall in --between, marked 'possible' "
        "(default: only those certainly in it)",
    )
    match.add_argument(
        "--within",
        dest="date_match",
        action="store_const",
        const="within",
        help="events whose days all lie in --between, '?' and '~' dates included",
    )
    match.add_argument(
        "--date-match",
        dest="date_match",
        choices=DATE_MATCHES,
        help="the date rule by name (default: certain)",
    )
    p.add_argument("--actor", action="append", help="actor id, name or alias (repeatable)")
    p.add_argument("--all-actors", action="store_true", help="require every --actor (default: any)")
    p.add_argument(
        "--follow-succession",
        action="store_true",
        help="let an actor stand for its predecessors and successors",
    )
    p.add_argument("--type", action="append", help="event type (repeatable)")
    p.add_argument("--tag", action="append", help="tag (repeatable)")
    p.add_argument("--source", action="append", help="source id (repeatable)")
    p.add_argument(
        "--text",
        help="case-insensitive text in the title, summary, note, place or participants' names",
    )
    p.add_argument("--place", action="append", help="text in the event's place (repeatable)")
    p.add_argument(
        "--role", action="append", help="a participant's role; with --actor, that actor's"
    )


def _filtered(args: argparse.Namespace) -> bool:
    """Whether any event filter was given on the line."""
    return args.between is not None or any(getattr(args, k) not in (None, False) for k in FILTERS)


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    _add_wide(p)


def _add_wide(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--wide",
        action="store_true",
        help="tables: one line per row, however long (default: fit the terminal's width)",
    )


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="pakru",
        description="Query the pakru dataset of Pakistan–Soviet and Pakistan–Russian relations.",
    )
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    ev = sub.add_parser("events", help="list events matching filters")
    _add_filters(ev)
    _add_format(ev)

    show = sub.add_parser("show", help="show one event, actor or source by id")
    show.add_argument("id")
    _add_format(show)
    _add_context_commands(sub, show)

    act = sub.add_parser("actors", help="list actors")
    act.add_argument("--kind", help="only actors of this kind")
    act.add_argument("--text", help="text in the id, name or an alias (any case)")
    _add_format(act)

    src = sub.add_parser("sources", help="list sources")
    _add_format(src)

    for name, what in (
        ("tags", "tags (old names of merged tags still find their events)"),
        ("types", "event types"),
        ("roles", "participant roles"),
    ):
        _add_format(sub.add_parser(name, help=f"list the {what}, with definitions and counts"))

    info = sub.add_parser("info", help="versions, counts, digest and licence of the data")
    _add_format(info)

    loc = sub.add_parser("locate", help="curation: print the evidence locator of a phrase")
    loc.add_argument("document", help="corpus document id")
    loc.add_argument("phrase", help="text to find (exactly as in the document)")
    loc.add_argument("--to", help="extend the passage through this later text")
    loc.add_argument("--occurrence", type=int, help="which occurrence (1-based)")
    loc.add_argument("--sentence", action="store_true", help="widen to whole sentences")
    loc.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS"),
        help="corpus folder (default: $PAKRU_CORPUS)",
    )

    stub = sub.add_parser(
        "stub-source", help="curation: print the computed fields of a source record"
    )
    stub.add_argument("document", help="corpus document id")
    stub.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS"),
        help="corpus folder (default: $PAKRU_CORPUS)",
    )

    cov = sub.add_parser("coverage", help="curation: per source, the paragraphs no event cites")
    cov.add_argument("--uncited-only", action="store_true", help="hide fully cited sources")
    _add_format(cov)

    val = sub.add_parser(
        "validate",
        help="check your own data (folder, YAML file or JSON export); list every problem",
    )
    val.add_argument("path", help="a data folder, a .yaml file or a pakru .json export")
    val.add_argument(
        "--overlay", action="store_true", help="check it as an overlay on the shipped data"
    )

    chg = sub.add_parser("changes", help="ids added, changed and retired between data versions")
    chg.add_argument(
        "versions",
        nargs="+",
        metavar="VERSION",
        help="OLD NEW, or NEW alone (the changes since the release before it)",
    )
    chg.add_argument(
        "--format",
        choices=(*FORMATS, "markdown"),
        default="table",
        help="output format (default: table)",
    )
    _add_wide(chg)
    _add_citation_commands(sub)

    ver = sub.add_parser("verify", help="recompute every digest against a corpus folder")
    ver.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS"),
        help="corpus folder (default: $PAKRU_CORPUS)",
    )
    _add_support(sub)
    _add_export(sub)
    return parser


def _add_support(sub: Any) -> None:
    sup = sub.add_parser(
        "support",
        help="curation: facts of titles, summaries and places that no cited passage carries",
    )
    sup.add_argument(
        "path", nargs="?", help="your own data (folder, YAML or export); default: shipped data"
    )
    sup.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS"),
        help="corpus folder (default: $PAKRU_CORPUS)",
    )
    _add_format(sup)


def _add_context_commands(sub: Any, show: argparse.ArgumentParser) -> None:
    """``show --corpus/--copy`` and ``anchor``: passages in context and in other copies."""
    shown = show.add_mutually_exclusive_group()
    shown.add_argument(
        "--corpus", metavar="DIR", help="an event: each passage in its paragraph, from the corpus"
    )
    shown.add_argument(
        "--copy", metavar="FILE", help="an event: its passages found in a copy of a source"
    )
    show.add_argument("--width", type=int, default=80, help="columns of the text (default: 80)")

    anc = sub.add_parser(
        "anchor",
        help="find every passage cited from a source in a copy of it (web page, PDF text)",
        description="Find every passage the data cites from SOURCE in FILE, any copy of that "
        "source (an HTML page saved from the web, text extracted from a PDF, a reflowed "
        "text), and report where it lies and whether it matches exactly, after "
        "normalisation, or not at all. Exit status 1 when a passage is not found.",
    )
    anc.add_argument("source", help="source id")
    anc.add_argument("file", help="the copy: .html/.htm is read as HTML, anything else as text")
    kind = anc.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_true", default=None, help="read FILE as HTML")
    kind.add_argument("--text", dest="html", action="store_false", help="read FILE as text")
    _add_format(anc)


def _add_citation_commands(sub: Any) -> None:
    from pakru.citation.cite import MARKUPS, STYLES  # noqa: PLC0415

    def style_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--style", choices=STYLES, default="apa", help="(default: apa)")
        p.add_argument(
            "--markup", choices=MARKUPS, default="text", help="italics in apa/chicago/mla"
        )

    cite = sub.add_parser("cite", help="cite events, sources or the dataset")
    cite.add_argument("ids", nargs="*", metavar="ID", help="event or source ids")
    cite.add_argument("--dataset", action="store_true", help="cite the dataset itself")
    style_options(cite)

    bib = sub.add_parser("bibliography", help="the sources of the events matching filters")
    _add_filters(bib)
    style_options(bib)


def _cite(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415

    if args.dataset and args.ids:
        raise _Usage("pakru cite: give ids or --dataset, not both")
    if args.dataset:
        return pakru.cite(pakru.dataset(), args.style, markup=args.markup)
    if not args.ids:
        raise _Usage("pakru cite: give one or more event or source ids, or --dataset")
    target: object = args.ids[0] if len(args.ids) == 1 else list(args.ids)
    return pakru.cite(target, args.style, markup=args.markup)


def _query(args: argparse.Namespace) -> EventList:
    """The events that the filters of ``pakru events`` (and its kin) on the line select."""
    import pakru  # noqa: PLC0415

    return pakru.events(
        None if args.between is None else tuple(args.between),
        date_match=args.date_match or "certain",
        **{k: getattr(args, k) for k in FILTERS},
    )


def _bibliography(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415

    found = _query(args)
    if not found:
        raise _Usage("pakru bibliography: no event matches these filters")
    return pakru.cite(list(found), args.style, markup=args.markup)


def _add_export(sub: Any) -> None:
    from pakru.exports.writers import FORMATS as EXPORT_FORMATS  # noqa: PLC0415
    from pakru.schemas import KINDS as SCHEMA_KINDS  # noqa: PLC0415

    exp = sub.add_parser(
        "export",
        help="write the data (or the events matching filters) in another format",
        description="Write the data into a folder; with filters, only the matching events "
        "and the actors and sources they name.",
    )
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="export format")
    exp.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    _add_filters(exp)
    exp.add_argument(
        "--corpus",
        metavar="DIR",
        help="web-annotation only: quote each passage from this corpus folder",
    )
    sch = sub.add_parser("schema", help="print the JSON Schema of exports or of one record kind")
    sch.add_argument(
        "kind_given",
        nargs="?",
        metavar="KIND",
        choices=SCHEMA_KINDS,
        help="what the schema describes, as --kind: " + ", ".join(SCHEMA_KINDS),
    )
    sch.add_argument(
        "--kind",
        default="export",
        choices=SCHEMA_KINDS,
        help="what the schema describes (default: a whole JSON export)",
    )


def _export(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415

    data: Any = _query(args) if _filtered(args) else pakru.dataset()
    if args.corpus is not None and not os.path.isdir(args.corpus):  # noqa: PTH112
        raise _Usage(f"pakru: corpus folder not found: {args.corpus}")
    written = pakru.export(data, args.format, args.out, corpus=args.corpus)
    return "".join(f"{path}\n" for path in written)


def _schema(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415

    kind = args.kind
    if args.kind_given is not None:
        if kind not in ("export", args.kind_given):
            raise _Usage(f"pakru schema: give the kind once ({args.kind_given!r} or {kind!r})")
        kind = args.kind_given
    return json.dumps(pakru.schema(kind), ensure_ascii=False, indent=2) + "\n"


EVENT_COLUMNS = ("date", "id", "type", "title")
EVENT_CSV = (
    "id",
    "date",
    "earliest",
    "latest",
    "precision",
    "type",
    "title",
    "summary",
    "participants",
    "evidence",
    "place",
    "tags",
)


def _events(args: argparse.Namespace) -> str:
    from pakru.serialize import event_to_dict  # noqa: PLC0415

    found = _query(args)
    rows = [event_to_dict(e) for e in found]
    columns: tuple[str, ...] = EVENT_CSV if args.format == "csv" else EVENT_COLUMNS
    if args.between is not None and args.date_match not in (None, "certain"):
        # The answer mixes certain and possible events: every format says which is which.
        for row, match in zip(rows, found.matches, strict=True):
            row["match"] = match
        table = args.format == "table"
        columns = (*columns[:-1], "match", columns[-1]) if table else (*columns, "match")
    if args.format == "table":  # readable dates for people; machine formats keep EDTF
        from pakru.terminal import short_date  # noqa: PLC0415

        for row, event in zip(rows, found, strict=True):
            row["date"] = short_date(event.date)
        if not args.wide:
            return _stacked_events(rows, columns)
    return _emit_for(args, rows, args.format, columns)


def _stacked_events(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    """The events table at the terminal's width.

    One column per field when that fits; else the date (and match) beside the id, with
    the title and type below the id.
    """
    from pakru.terminal import fit_table, fits, terminal_width  # noqa: PLC0415

    width = terminal_width()
    if fits(columns, [[_flat(r.get(c)) for c in columns] for r in rows], width):
        return _emit(rows, "table", columns)
    cells = [
        [
            r["date"] + (f"\n{r['match']}" if r.get("match") else ""),
            f"{r['id']}\n  {r['title']} ({r['type']})",
        ]
        for r in rows
    ]
    marked = any(r.get("match") for r in rows)
    lines = fit_table(("date/match" if marked else "date", "event"), cells, width)
    noun = "row" if len(rows) == 1 else "rows"
    return "\n".join(lines) + f"\n({len(rows)} {noun})\n"


def _show(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415
    from pakru.serialize import to_dict  # noqa: PLC0415

    data = pakru.dataset()
    if args.corpus is not None or args.copy is not None:
        from pakru.context import in_context  # noqa: PLC0415

        if args.corpus is not None and not os.path.isdir(args.corpus):  # noqa: PTH112
            raise _Usage(f"pakru: corpus folder not found: {args.corpus}")
        if args.copy is not None and not os.path.isfile(args.copy):  # noqa: PTH113
            raise _Usage(f"pakru: no such file: {args.copy}")
        if args.width < 20:
            raise _Usage("pakru show: --width must be 20 or more")
        if args.id not in data.events().ids:
            for find in (data.actor, data.source):
                try:
                    find(args.id)
                except KeyError:
                    continue
                raise _Usage(
                    f"pakru show: {args.id} is not an event; --corpus and --copy show the "
                    "passages of an event"
                )
        return in_context(args.id, corpus=args.corpus, copy=args.copy).text(args.width)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pakru.PakruWarning)
        try:
            record: Any = data.resolve(args.id)
        except pakru.UnknownIdError as exc:
            try:  # an actor may also be named by its name or an alias
                record = data.actor(args.id)
            except pakru.UnknownIdError:
                raise exc from None
    for warning in caught:
        sys.stderr.write(f"pakru: {warning.message}\n")
    import attrs  # noqa: PLC0415

    row = attrs.asdict(record) if isinstance(record, pakru.Tombstone) else to_dict(record)
    if args.format == "table":
        from pakru.terminal import record_block, terminal_width  # noqa: PLC0415

        return record_block(row, 10**6 if args.wide else terminal_width())
    return _emit_for(args, [row], args.format, list(row))


def _actors(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415
    from pakru.serialize import actor_to_dict  # noqa: PLC0415

    rows = [actor_to_dict(a) for a in pakru.actors(args.kind, text=args.text)]
    return _emit_for(args, rows, args.format, ("id", "kind", "name", "aliases"))


def _sources(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415
    from pakru.serialize import source_to_dict  # noqa: PLC0415

    rows = [source_to_dict(s) for s in pakru.sources()]
    columns = (
        ("id", "issued", "title", "url")
        if args.format == "table"
        else ("id", "title", "issued", "url", "publisher", "kind", "document", "sha256")
    )
    return _emit_for(args, rows, args.format, columns)


def _vocabulary(args: argparse.Namespace) -> str:
    """``pakru tags``, ``types`` and ``roles``: each value, its definition and its count."""
    import collections  # noqa: PLC0415

    import pakru  # noqa: PLC0415
    from pakru.vocabulary import EVENT_TYPES, ROLES, TAG_ALIASES, TAGS  # noqa: PLC0415

    data = pakru.dataset()
    counts: collections.Counter[str] = collections.Counter()
    for event in data:
        if args.command == "tags":
            counts.update(set(event.tags))
        elif args.command == "types":
            counts[event.type] += 1
        else:
            counts.update({p.role for p in event.participants})
    if args.command == "tags":
        merged: dict[str, list[str]] = {}
        for old, new in TAG_ALIASES.items():
            merged.setdefault(new, []).append(old)
        defined = dict(TAGS)
        rows = [
            {"tag": t, "events": counts[t], "definition": d, "also": merged.get(t, [])}
            for t, d in sorted(defined.items())
        ]
        rows += [
            {"tag": t, "events": n, "definition": None, "also": []}
            for t, n in sorted(counts.items())
            if t not in defined
        ]
        if args.format == "table":
            for row in rows:
                also: list[str] = row["also"]  # type: ignore[assignment]
                if also:
                    row["definition"] = f"{row['definition']} (was: {', '.join(also)})"
            return _emit_for(args, rows, args.format, ("tag", "events", "definition"))
        return _emit_for(args, rows, args.format, ("tag", "events", "also", "definition"))
    if args.command == "types":
        rows = [
            {"type": t.id, "events": counts[t.id], "label": t.label, "definition": t.definition}
            for t in EVENT_TYPES.values()
        ]
        return _emit_for(args, rows, args.format, ("type", "events", "definition"))
    rows = [{"role": r, "events": counts[r], "definition": d} for r, d in ROLES.items()]
    return _emit_for(args, rows, args.format, ("role", "events", "definition"))


def _info(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415

    data = pakru.dataset()
    row = {
        "package_version": data.package_version,
        "data_version": data.data_version,
        **dict(data.counts),
        "digest": data.digest,
        "license": data.license,
    }
    if args.format == "table":
        from pakru.terminal import terminal_width  # noqa: PLC0415

        key = max(len(k) for k in row)
        width = terminal_width()
        # A value too long for its line (the digest, on a narrow terminal) goes whole
        # on the next one, so that it can still be copied in one piece.
        return "".join(
            f"{k.ljust(key)}  {v}\n" if key + 2 + len(str(v)) <= width else f"{k}\n  {v}\n"
            for k, v in row.items()
        )
    return _emit_for(args, [row], args.format, list(row))


def _corpus(args: argparse.Namespace) -> Corpus:
    from pakru.corpus import Corpus  # noqa: PLC0415

    if not args.corpus:
        raise _Usage("pakru: give the corpus folder with --corpus DIR (or set PAKRU_CORPUS)")
    if not os.path.isdir(args.corpus):  # noqa: PTH112
        raise _Usage(f"pakru: corpus folder not found: {args.corpus}")
    return Corpus(args.corpus)


def _locate(args: argparse.Namespace) -> str:
    from pakru.corpus import locate  # noqa: PLC0415

    corpus = _corpus(args)
    loc = locate(
        corpus.text(args.document),
        args.phrase,
        to=args.to,
        occurrence=args.occurrence,
        sentence=args.sentence,
    )
    return (
        f"- {{source: {json.dumps(args.document)}, paragraph: {loc.paragraph}, "
        f"start: {loc.start}, end: {loc.end}, sha256: {loc.sha256}}}\n"
    )


def _stub(args: argparse.Namespace) -> str:
    from pakru.corpus import source_stub  # noqa: PLC0415

    fields = source_stub(_corpus(args), args.document)
    return "- " + "\n  ".join(f"{k}: {json.dumps(v)}" for k, v in fields.items()) + "\n"


def _coverage(args: argparse.Namespace) -> str:
    import pakru  # noqa: PLC0415
    from pakru.corpus import coverage  # noqa: PLC0415

    report = coverage(pakru.dataset())
    rows = [
        {
            "source": c.source,
            "paragraphs": c.paragraphs,
            "cited": len(c.cited),
            "skipped": len(c.skipped),
            "uncited": len(c.uncited),
            "uncited_paragraphs": list(c.uncited),
        }
        for c in report
        if c.uncited or not args.uncited_only
    ]
    columns = ("source", "paragraphs", "cited", "skipped", "uncited", "uncited_paragraphs")
    out = _emit_for(args, rows, args.format, columns)
    if args.format == "table":
        cited = sum(len(c.cited) for c in report)
        skipped = sum(len(c.skipped) for c in report)
        uncited = sum(len(c.uncited) for c in report)
        total = sum(c.paragraphs for c in report)
        used = sum(1 for c in report if c.cited)
        out += (
            f"{used} of {len(report)} sources cited; of {total} paragraphs, {cited} cited, "
            f"{skipped} skipped with a reason, {uncited} still to review\n"
        )
        for c in report:
            if c.stale:
                out += f"{c.source}: paragraph(s) {list(c.stale)} are skipped but cited\n"
    return out


def _verify(args: argparse.Namespace) -> tuple[str, int]:
    import pakru  # noqa: PLC0415
    from pakru.corpus import verify  # noqa: PLC0415
    from pakru.loader import package_data  # noqa: PLC0415
    from pakru.releases import RELEASES, read_releases, served_mismatches  # noqa: PLC0415

    data = pakru.dataset()
    corpus = _corpus(args)
    folder = package_data().joinpath(RELEASES)
    label = f"pakru/data/{RELEASES}"
    problems: list[object] = [*served_mismatches(data, read_releases(folder, label), label)]
    problems += verify(data, corpus)
    c = data.counts
    if problems:
        lines = "".join(f"{p}\n" for p in problems)
        return lines + f"{len(problems)} mismatch(es)\n", 1
    prints = sum(1 for e in data for ev in e.evidence if ev.fingerprint is not None)
    return (
        f"ok: {c['events'] + c['actors'] + c['sources']} records match their release record; "
        f"{c['sources']} source digests, {c['evidence']} evidence digests and {prints} "
        "passage fingerprints match the corpus\n"
    ), 0


def _support(args: argparse.Namespace) -> tuple[str, int]:
    import pakru  # noqa: PLC0415
    from pakru.support import support  # noqa: PLC0415

    corpus = _corpus(args)
    if args.path is not None and not os.path.exists(args.path):  # noqa: PTH110
        raise _Usage(f"pakru support: no such file or folder: {args.path}")
    data = pakru.dataset() if args.path is None else pakru.load(args.path)
    findings = support(data, corpus)
    columns = ("event", "field", "kind", "fact", "other")
    rows = [{c: getattr(f, c) for c in columns} for f in findings]
    if args.format != "table":
        return _emit_for(args, rows, args.format, columns), 1 if rows else 0
    if not findings:
        return f"ok: every fact of {len(data)} events stands in a cited passage\n", 0
    events = len({f.event for f in findings})
    lines = "".join(f"{f}\n" for f in findings)
    return (
        f"{lines}{len(findings)} unsupported fact(s) in {events} event(s): cite the passage "
        "that states each, drop it, or record an inference\n"
    ), 1


ANCHOR_COLUMNS = ("event", "evidence", "paragraph", "verdict", "start", "end", "matches")


def _anchor(args: argparse.Namespace) -> tuple[str, int]:
    from pakru.anchoring import anchor, summary  # noqa: PLC0415

    if not os.path.isfile(args.file):  # noqa: PTH113
        raise _Usage(f"pakru anchor: no such file: {args.file}")
    found = anchor(args.source, args.file, html=args.html)
    rows = [
        {
            "event": a.event,
            "evidence": a.index + 1,
            "paragraph": a.evidence.paragraph,
            "verdict": a.verdict,
            "start": a.start,
            "end": a.end,
            "matches": a.matches,
            "hint": a.hint,
        }
        for a in found
    ]
    columns = ANCHOR_COLUMNS if args.format == "table" else (*ANCHOR_COLUMNS, "hint")
    out = _emit_for(args, rows, args.format, columns)
    counts = summary(found)
    if args.format == "table":
        out += (
            f"{len(found)} passages of {args.source}: "
            + ", ".join(f"{n} {verdict}" for verdict, n in counts.items() if n)
            + "\n"
        )
        out += "".join(
            f"{a.event} evidence {a.index + 1}: {a.hint}\n" for a in found if a.hint is not None
        )
    return out, 0 if all(a.found for a in found) else 1


def _validate(args: argparse.Namespace) -> tuple[str, int]:
    import pakru  # noqa: PLC0415

    if not os.path.exists(args.path):  # noqa: PTH110
        raise _Usage(f"pakru validate: no such file or folder: {printable(args.path)}")
    try:
        data = pakru.load(args.path, base=pakru.dataset() if args.overlay else None)
    except DataError as exc:
        count = len(exc.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "".join(f"{p}\n" for p in exc.problems)
        return f"{lines}{count} {noun} in {printable(args.path)}\n", 1
    c = data.counts
    where = printable(args.path)
    return (
        f"ok: {where}: {c['events']} events, {c['actors']} actors, {c['sources']} sources "
        f"(data version {data.data_version}, sha256 {data.digest[:12]})\n" + _tag_notes(data)
    ), 0


def _tag_notes(data: Any) -> str:
    """Notes on tags outside pakru's vocabulary: allowed in your data, but worth a look."""
    from pakru.errors import UnknownIdError  # noqa: PLC0415
    from pakru.vocabulary import TAG_ALIASES, TAGS  # noqa: PLC0415

    notes = []
    for tag in sorted({t for event in data for t in event.tags}):
        if tag in TAG_ALIASES:
            notes.append(f"note: tag {tag!r} was merged into {TAG_ALIASES[tag]!r}; use that\n")
        elif tag not in TAGS:
            hint = UnknownIdError("tag", tag, TAGS).message.replace("no tag with id", "tag")
            notes.append(f"note: {hint} is not in pakru's tag vocabulary (pakru tags)\n")
    return "".join(notes)


def _changes(args: argparse.Namespace) -> str:
    from pakru.loader import package_data  # noqa: PLC0415
    from pakru.releases import (  # noqa: PLC0415
        RELEASES,
        changes,
        changes_markdown,
        read_releases,
        version_key,
    )

    releases = read_releases(package_data().joinpath(RELEASES), f"pakru/data/{RELEASES}")
    recorded = [r.data_version for r in releases]
    if len(args.versions) > 2:
        raise _Usage("pakru changes: give NEW, or OLD NEW (two versions at most)")
    for version in args.versions:
        if version not in recorded:
            raise _Usage(
                f"pakru changes: {version!r} is not a recorded data version; recorded: "
                + ", ".join(recorded)
            )
    if len(args.versions) == 2:
        old, new = args.versions
        if version_key(old) > version_key(new):
            raise _Usage(f"pakru changes: give the older version first ({new} {old})")
    else:
        new = args.versions[0]
        earlier = [v for v in recorded if version_key(v) < version_key(new)]
        old = earlier[-1] if earlier else None
    found = changes(releases, old, new)
    if args.format == "markdown":
        return changes_markdown(found, old, new)
    rows = [
        {
            "change": c.change,
            "kind": c.kind,
            "id": c.id,
            "replaced_by": c.replaced_by,
            "reason": c.reason,
        }
        for c in found
    ]
    columns = ("change", "kind", "id", "replaced_by")
    return _emit_for(
        args, rows, args.format, (*columns, "reason") if args.format == "csv" else columns
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed check, 2 bad input)."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if args.version:
            from pakru._version import DATA_VERSION, __version__  # noqa: PLC0415

            sys.stdout.write(f"pakru {__version__} (data {DATA_VERSION})\n")
            return 0
        if args.command is None:
            parser.print_help()
            return 2
        status = 0
        if args.command == "verify":
            out, status = _verify(args)
        elif args.command == "validate":
            out, status = _validate(args)
        elif args.command == "support":
            out, status = _support(args)
        elif args.command == "anchor":
            out, status = _anchor(args)
        else:
            handler = {
                "events": _events,
                "show": _show,
                "actors": _actors,
                "sources": _sources,
                "info": _info,
                "tags": _vocabulary,
                "types": _vocabulary,
                "roles": _vocabulary,
                "locate": _locate,
                "stub-source": _stub,
                "coverage": _coverage,
                "changes": _changes,
                "cite": _cite,
                "bibliography": _bibliography,
                "export": _export,
                "schema": _schema,
            }[args.command]
            out = handler(args)
        _write(sys.stdout, out)
    except _Usage as exc:
        _write(sys.stderr, f"{printable(str(exc))}\n")
        return 2
    except DataError as exc:  # one line per problem, each made printable by Problem
        _write(sys.stderr, f"pakru: {exc}\n")
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piping into head
        return 0
    except KeyboardInterrupt:
        _write(sys.stderr, "pakru: interrupted\n")
        return 130
    except PakruError as exc:
        _write(sys.stderr, f"pakru: {_one_line(exc)}\n")
        return 2
    except OSError as exc:  # a file that cannot be read or written, a full disk
        _write(sys.stderr, f"pakru: {_one_line(exc)}\n")
        return 74
    except (RecursionError, MemoryError, OverflowError, ValueError) as exc:
        _write(sys.stderr, f"pakru: cannot use this input: {_one_line(exc)}\n")
        return 2
    return status


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line, bounded, with control characters escaped."""
    message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    message = " ".join(message.split("\n")).strip() or type(exc).__name__
    return printable(message[:2000] + ("..." if len(message) > 2000 else ""))


def _write(stream: Any, text: str) -> None:
    """Write ``text``; characters the stream cannot encode are written escaped."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
