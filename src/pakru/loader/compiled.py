"""The compiled form of the data: validated records as one JSON document, made at build time.

YAML is the authoring format, and parsing it at run time costs more than everything else
pakru does on first use. When the wheel is built, the data is loaded from YAML and fully
validated (a wheel cannot be built from invalid data); the records are then written to
``compiled.json`` together with the SHA-256 of every YAML file they came from and the
SHA-256 of the records' canonical text, which is the dataset digest.

At run time the loader checks every data file against the manifest as always, and
serves the compiled records when they match their digest and were made from exactly the
files the manifest lists; otherwise it reads and validates the YAML. Records
checked this way were validated when the wheel was built, so they are rebuilt without
running each field's validator again (:func:`trusted`); dates are still parsed by
:class:`~pakru.EDTFDate`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from pakru.errors import DataError
from pakru.serialize import (
    actor_from_dict,
    event_from_dict,
    records_digest,
    records_json,
    source_from_dict,
)

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.model import Actor, Event, Source

__all__ = ["COMPILED", "FORMAT", "Compiled", "compile_dataset", "read_compiled", "trusted"]

COMPILED = "compiled.json"
FORMAT = 3
T = TypeVar("T")
_PREFIX = f'{{"format":{FORMAT},"sha256":"'
_FILES = '","files":'
_DATA = ',"data":'
# The end of the files object: this cannot occur inside a JSON string, where '"' is escaped.
_END_OF_FILES = "}" + _DATA


@attrs.frozen
class Compiled:
    """Records read from a compiled document, and the data files they were made from."""

    files: Mapping[str, str]
    digest: str
    """The SHA-256 of the records' canonical text: the dataset digest."""
    events: tuple[Event, ...]
    actors: tuple[Actor, ...]
    sources: tuple[Source, ...]


def compile_dataset(dataset: Dataset, files: Mapping[str, str]) -> str:
    """The compiled JSON of a validated ``dataset`` made from ``files`` (path: sha256).

    The document holds the records' canonical text (:func:`pakru.serialize.records_json`)
    and its SHA-256, so the digest that a loaded dataset reports is the one of the
    records it serves.
    """
    records = records_json(dataset, dataset.actors(), dataset.sources())
    listed = json.dumps(dict(sorted(files.items())), ensure_ascii=False, separators=(",", ":"))
    return f"{_PREFIX}{records_digest(records)}{_FILES}{listed}{_DATA}{records}}}\n"


_MAKERS: dict[type, Any] = {}


def _maker(cls: type) -> Any:
    """A function that sets the fields of a new ``cls`` as ``__init__`` would, unchecked.

    Its source is generated once per class, as attrs generates ``__init__``: the same
    parameters (names, order, defaults), and one assignment per field, no validator.
    """
    found = _MAKERS.get(cls)
    if found is not None:
        return found
    scope: dict[str, Any] = {
        "_new_": object.__new__,
        "_put_": object.__setattr__,
        "_cls_": cls,
        "_missing_": attrs.NOTHING,
    }
    positional: list[str] = []
    keyword: list[str] = []
    computed: list[str] = []
    for i, field in enumerate(f for f in attrs.fields(cls) if f.init):
        name, default = field.name, field.default
        params = keyword if field.kw_only else positional
        if default is attrs.NOTHING:
            params.append(name)
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            scope[f"_factory{i}_"] = default.factory
            params.append(f"{name}=_missing_")
            made = f"_factory{i}_(_record_)" if default.takes_self else f"_factory{i}_()"
            computed.append(f"    if {name} is _missing_:\n        {name} = {made}")
        else:
            scope[f"_default{i}_"] = default
            params.append(f"{name}=_default{i}_")
    names = [p.split("=")[0] for p in positional + keyword]
    signature = ", ".join(positional + (["*", *keyword] if keyword else []))
    source = "\n".join(
        [
            f"def make({signature}):",
            "    _record_ = _new_(_cls_)",
            *computed,
            *(f"    _put_(_record_, {n!r}, {n})" for n in names),
            "    return _record_",
        ]
    )
    exec(compile(source, f"<pakru trusted {cls.__qualname__}>", "exec"), scope)  # noqa: S102
    make = scope["make"]
    _MAKERS[cls] = make  # made twice by two threads, the two are the same
    return make


def trusted(cls: type[T], /, *args: Any, **kwargs: Any) -> T:
    """A record of ``cls`` from values validated before, set without running validators.

    Only for the records of a compiled document whose digest was checked: they were
    built with every check when the wheel was made. The values must already have their
    final types (tuples, not lists), as :mod:`pakru.serialize` gives them.
    """
    record: T = _maker(cls)(*args, **kwargs)
    return record


def read_compiled(raw: bytes, file: str) -> Compiled:
    """Records of a compiled document, checked against their digest."""
    try:
        text = raw.decode("utf-8")
        if not text.startswith(_PREFIX):
            msg = f"not a format-{FORMAT} compiled data file"
            raise ValueError(msg)
        digest = text[len(_PREFIX) : len(_PREFIX) + 64]
        rest = text[len(_PREFIX) + 64 :]
        if not rest.startswith(_FILES) or _END_OF_FILES not in rest:
            msg = "its layout is not the one pakru writes"
            raise ValueError(msg)
        cut = rest.index(_END_OF_FILES)
        records = rest[cut + len(_END_OF_FILES) : rest.rindex("}")]
        if records_digest(records) != digest:
            msg = "its records do not match their digest (the file was changed or damaged)"
            raise ValueError(msg)
        files: dict[str, str] = json.loads(rest[len(_FILES) : cut + 1])
        body: dict[str, Any] = json.loads(records)
        return Compiled(
            files=files,
            digest=digest,
            events=tuple(event_from_dict(e, make=trusted) for e in body["events"]),
            actors=tuple(actor_from_dict(a, make=trusted) for a in body["actors"]),
            sources=tuple(source_from_dict(s, make=trusted) for s in body["sources"]),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise DataError.single(file, None, "", f"unusable compiled data: {exc}") from None
