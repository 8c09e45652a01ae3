"""Checks across records: unique ids and aliases, references that resolve, spans in bounds."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from pakru.errors import Problem
from pakru.model import Actor, Event, Source

__all__ = ["Located", "check_references"]


@attrs.frozen
class Located:
    """A record with the file and line it was read from, for error messages."""

    record: Event | Actor | Source
    file: str
    line: int | None


def _unique(items: Sequence[Located], kind: str, problems: list[Problem]) -> None:
    seen: dict[str, Located] = {}
    for item in items:
        ident = item.record.id
        if ident in seen:
            first = seen[ident]
            problems.append(
                Problem(
                    item.file,
                    item.line,
                    f"{ident}.id",
                    f"duplicate {kind} id (first defined at {first.file}:{first.line})",
                )
            )
        else:
            seen[ident] = item


def check_references(
    events: Sequence[Located],
    actors: Sequence[Located],
    sources: Sequence[Located],
    problems: list[Problem],
) -> None:
    """Add a problem for every id clash and every reference that does not resolve."""
    _unique(events, "event", problems)
    _unique(actors, "actor", problems)
    _unique(sources, "source", problems)
    _check_actors(actors, problems)
    actor_ids = {a.record.id for a in actors}
    source_by_id = {s.record.id: s.record for s in sources if isinstance(s.record, Source)}
    _check_events(events, actor_ids, source_by_id, problems)


def _check_actors(actors: Sequence[Located], problems: list[Problem]) -> None:
    """Aliases pick out one actor; links and offices name known actors; succession is sound."""
    actor_ids = {a.record.id for a in actors}
    names: dict[str, str] = {}
    for item in actors:
        actor = item.record
        assert isinstance(actor, Actor)  # noqa: S101 - narrowing for the type checker
        for name in {actor.id, actor.name, *actor.aliases}:
            key = name.casefold()
            owner = names.setdefault(key, actor.id)
            if owner != actor.id:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{actor.id}.aliases",
                        f"name or alias {name!r} also names actor {owner!r}; "
                        "an alias must pick out one actor",
                    )
                )
        for field in ("predecessor", "successor"):
            target = getattr(actor, field)
            if target is not None and target not in actor_ids:
                problems.append(
                    Problem(
                        item.file, item.line, f"{actor.id}.{field}", f"unknown actor {target!r}"
                    )
                )
        for office in actor.offices:
            if office.of is not None and office.of not in actor_ids:
                problems.append(
                    Problem(
                        item.file, item.line, f"{actor.id}.offices", f"unknown actor {office.of!r}"
                    )
                )
    by_id = {a.record.id: a.record for a in actors}
    for item in actors:
        actor = item.record
        assert isinstance(actor, Actor)  # noqa: S101
        for field, back in (("successor", "predecessor"), ("predecessor", "successor")):
            other = by_id.get(getattr(actor, field) or "")
            if isinstance(other, Actor) and getattr(other, back) != actor.id:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{actor.id}.{field}",
                        f"{other.id!r} does not name {actor.id!r} as its {back}; "
                        "succession links must go both ways",
                    )
                )
        seen = {actor.id}
        step: object = actor
        while isinstance(step, Actor) and step.successor is not None:
            if step.successor in seen:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{actor.id}.successor",
                        "the chain of successors comes back to an actor it already passed "
                        f"({step.successor!r}); succession cannot loop",
                    )
                )
                break
            seen.add(step.successor)
            step = by_id.get(step.successor)


def _check_events(
    events: Sequence[Located],
    actor_ids: set[str],
    source_by_id: dict[str, Source],
    problems: list[Problem],
) -> None:
    """Participants and evidence resolve; spans fit their source; disputes cite evidence."""
    for item in events:
        event = item.record
        assert isinstance(event, Event)  # noqa: S101
        for i, part in enumerate(event.participants):
            if part.actor not in actor_ids:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{event.id}.participants[{i}]",
                        f"unknown actor {part.actor!r}",
                    )
                )
        if len(set(event.participants)) != len(event.participants):
            problems.append(
                Problem(
                    item.file,
                    item.line,
                    f"{event.id}.participants",
                    "lists the same actor and role twice",
                )
            )
        if len(set(event.evidence)) != len(event.evidence):
            problems.append(
                Problem(
                    item.file, item.line, f"{event.id}.evidence", "lists the same passage twice"
                )
            )
        cited = {(e.source, e.paragraph) for e in event.evidence}
        for d, dispute in enumerate(event.disputes):
            for c, claim in enumerate(dispute.claims):
                located = any(
                    s == claim.source and (claim.paragraph in (None, p)) for s, p in cited
                )
                if not located:
                    where = f"{event.id}.disputes[{d}].claims[{c}]"
                    at = "" if claim.paragraph is None else f" paragraph {claim.paragraph}"
                    problems.append(
                        Problem(
                            item.file,
                            item.line,
                            where,
                            f"no evidence of the event cites {claim.source!r}"
                            f"{at}; add the passage to its evidence",
                        )
                    )
        for n, inference in enumerate(event.inferences):
            if (inference.source, inference.paragraph) not in cited:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{event.id}.inferences[{n}]",
                        f"no evidence of the event cites {inference.source!r} paragraph "
                        f"{inference.paragraph}; an inference rests on a cited passage",
                    )
                )
        for i, ev in enumerate(event.evidence):
            field = f"{event.id}.evidence[{i}]"
            source = source_by_id.get(ev.source)
            if source is None:
                problems.append(
                    Problem(item.file, item.line, field, f"unknown source {ev.source!r}")
                )
                continue
            if ev.paragraph > source.paragraphs:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        field,
                        f"paragraph {ev.paragraph} is past the last paragraph "
                        f"({source.paragraphs}) of {source.id!r}",
                    )
                )
            if ev.end > source.length:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        field,
                        f"span end {ev.end} is past the end of {source.id!r} "
                        f"({source.length} characters)",
                    )
                )
