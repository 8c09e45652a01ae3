"""The records pakru returns: frozen, typed values whose sequences are tuples.

Records refer to each other by id (an event names its actors and sources by id), so each
record is a plain value that can be compared, hashed, serialised and cited on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import validators as v

from pakru.dates import EDTFDate
from pakru.fingerprint import Fingerprint
from pakru.rules import CLAIM_STATUSES, KINDS

__all__ = [
    "Actor",
    "Claim",
    "Creator",
    "Dispute",
    "Event",
    "Evidence",
    "Fingerprint",
    "Inference",
    "Office",
    "Participant",
    "Skip",
    "Source",
    "Tombstone",
]

_str = v.instance_of(str)
_opt_str = v.optional(_str)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    # A bare string is a sequence too; refuse it rather than split it into letters.
    if isinstance(value, str):
        msg = f"expected a sequence of strings, got the string {value!r}"
        raise TypeError(msg)
    return tuple(value)


def _tuple_of(cls: type) -> Any:
    return v.deep_iterable(v.instance_of(cls), v.instance_of(tuple))


@attrs.frozen
class Evidence:
    """A stand-off pointer to the passage of a source that attests a claim.

    The passage is ``text[start:end]`` of the source's corpus document read as UTF-8
    (code-point indices, half-open), inside paragraph ``paragraph`` (non-empty lines
    numbered from 1); ``sha256`` is the digest of the passage's UTF-8 bytes, so anyone
    holding the document can re-locate and check it. ``fingerprint`` (text-free, see
    :mod:`pakru.fingerprint`) finds the passage again in any other copy of the source;
    the shipped data has one for every passage, a user's data may leave it out.
    """

    source: str = attrs.field(validator=_str)
    paragraph: int = attrs.field(validator=v.instance_of(int))
    start: int = attrs.field(validator=v.instance_of(int))
    end: int = attrs.field(validator=v.instance_of(int))
    sha256: str = attrs.field(validator=_str)
    fingerprint: Fingerprint | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(Fingerprint)),
        metadata={"derived": True},  # computed from the passage: no content of its own
    )


@attrs.frozen
class Participant:
    """An actor taking part in an event, with its role (see ``pakru.ROLES``)."""

    actor: str = attrs.field(validator=_str)
    role: str = attrs.field(validator=_str)


@attrs.frozen
class Office:
    """An office a person held, with its term as an EDTF interval."""

    title: str = attrs.field(validator=_str)
    date: EDTFDate = attrs.field(validator=v.instance_of(EDTFDate))
    of: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Actor:
    """A state, organisation, armed group, company or person.

    States carry their ISO 3166-1 alpha-3 code (or the ISO 3166-3 code of a former state),
    their Correlates of War code and their Gleditsch–Ward code. The USSR and the Russian
    Federation are distinct actors linked through ``successor`` and ``predecessor``.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    kind: str = attrs.field(validator=_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_tuple_of(str))
    iso3: str | None = attrs.field(default=None, validator=_opt_str)
    cow: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    predecessor: str | None = attrs.field(default=None, validator=_opt_str)
    successor: str | None = attrs.field(default=None, validator=_opt_str)
    offices: tuple[Office, ...] = attrs.field(default=(), validator=_tuple_of(Office))
    description: str | None = attrs.field(default=None, validator=_opt_str)
    gw: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))


@attrs.frozen
class Creator:
    """A person or body credited for a source, with the role the source gives them."""

    name: str = attrs.field(validator=_str)
    role: str = attrs.field(default="author", validator=_str)
    institutional: bool = attrs.field(default=False, validator=v.instance_of(bool))


@attrs.frozen
class Skip:
    """A paragraph of a source that a curator read and that no event needs to cite.

    ``reason`` is one of :data:`pakru.SKIP_REASONS` (page furniture, opinion, background,
    off-topic, a repeat); ``note`` may say more. ``pakru coverage`` counts such paragraphs
    as reviewed, so what stays uncited is what is still to be read.
    """

    paragraph: int = attrs.field(validator=v.instance_of(int))
    reason: str = attrs.field(validator=_str)
    note: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Source:
    """A document of the corpus that events cite, with its bibliographic record.

    ``document`` is the corpus document id and ``sha256`` the digest of its bytes;
    ``length`` (code points) and ``paragraphs`` let evidence spans be checked without
    the corpus at hand. ``title_supplied`` marks a title in square brackets that pakru
    wrote because the document shows none, as cataloguers supply one for untitled works.
    """

    id: str = attrs.field(validator=_str)
    document: str = attrs.field(validator=_str)
    sha256: str = attrs.field(validator=_str)
    length: int = attrs.field(validator=v.instance_of(int))
    paragraphs: int = attrs.field(validator=v.instance_of(int))
    kind: str = attrs.field(validator=_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    title_supplied: bool = attrs.field(default=False, validator=v.instance_of(bool))
    creators: tuple[Creator, ...] = attrs.field(default=(), validator=_tuple_of(Creator))
    publisher: str | None = attrs.field(default=None, validator=_opt_str)
    container: str | None = attrs.field(default=None, validator=_opt_str)
    issued: EDTFDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(EDTFDate))
    )
    url: str | None = attrs.field(default=None, validator=_opt_str)
    accessed: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.date))
    )
    language: str = attrs.field(default="en", validator=_str)
    note: str | None = attrs.field(default=None, validator=_opt_str)
    skipped: tuple[Skip, ...] = attrs.field(default=(), validator=_tuple_of(Skip))


@attrs.frozen
class Claim:
    """What one source says about a disputed point, and pakru's verdict on it.

    ``value`` states the claim in pakru's normal form (an EDTF date, a number, a name);
    ``paragraph`` points at the source's passage, which the event's evidence lists.
    ``status`` is ``accepted`` (the editorial value), ``rejected`` (contradicted by better
    evidence) or ``unresolved``.
    """

    source: str = attrs.field(validator=_str)
    value: str = attrs.field(validator=_str)
    status: str = attrs.field(validator=v.in_(CLAIM_STATUSES))
    paragraph: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))


@attrs.frozen
class Dispute:
    """Sources disagree on one point of an event; each claim is kept with its status."""

    field: str = attrs.field(validator=_str)
    claims: tuple[Claim, ...] = attrs.field(validator=_tuple_of(Claim))
    resolution: str = attrs.field(validator=_str)


@attrs.frozen
class Inference:
    """A fact of an event that a cited passage implies without stating it in words.

    The support check (:mod:`pakru.support`) accepts the fact because ``paragraph`` of
    ``source``, which the event cites, implies it; ``reason`` says how (e.g. "the Security
    Council met at the UN headquarters in New York", "¶3 gives the delegation's size in
    words").
    """

    fact: str = attrs.field(validator=_str)
    source: str = attrs.field(validator=_str)
    paragraph: int = attrs.field(validator=v.instance_of(int))
    reason: str = attrs.field(validator=_str)


@attrs.frozen
class Event:
    """A dated development, with its participants and the passages that attest it."""

    id: str = attrs.field(validator=_str)
    date: EDTFDate = attrs.field(validator=v.instance_of(EDTFDate))
    title: str = attrs.field(validator=_str)
    summary: str = attrs.field(validator=_str)
    type: str = attrs.field(validator=_str)
    participants: tuple[Participant, ...] = attrs.field(validator=_tuple_of(Participant))
    evidence: tuple[Evidence, ...] = attrs.field(validator=_tuple_of(Evidence))
    place: str | None = attrs.field(default=None, validator=_opt_str)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_tuple_of(str))
    note: str | None = attrs.field(default=None, validator=_opt_str)
    disputes: tuple[Dispute, ...] = attrs.field(default=(), validator=_tuple_of(Dispute))
    inferences: tuple[Inference, ...] = attrs.field(default=(), validator=_tuple_of(Inference))

    def __repr__(self) -> str:
        return f"Event({self.id!r}, {self.date.edtf}, {self.title!r})"

    def _repr_html_(self) -> str:
        from pakru.notebook import event_html  # noqa: PLC0415

        return event_html(self)

    @property
    def actors(self) -> tuple[str, ...]:
        """Ids of the participating actors, in the order given."""
        return tuple(p.actor for p in self.participants)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources cited, each once, in the order first cited."""
        return tuple(dict.fromkeys(e.source for e in self.evidence))


@attrs.frozen
class Tombstone:
    """What became of an id that a release retired.

    ``replaced_by`` is the id (of the same kind) that carries the record on, for example
    the event two duplicates were merged into; None when the record was withdrawn
    without a successor. ``reason`` says why, for the people who stored the old id.
    """

    id: str = attrs.field(validator=_str)
    kind: str = attrs.field(validator=v.in_(tuple(KINDS.values())))
    retired_in: str = attrs.field(validator=_str)
    replaced_by: str | None = attrs.field(validator=_opt_str)
    reason: str = attrs.field(validator=_str)
