"""The compiled form of the data: the parsed YAML as one JSON document, made at build time.

YAML is the authoring format; parsing it at run time costs more than everything else
pakru does on first use. The wheel therefore carries ``compiled.json``: for each data file
its SHA-256 and its parsed content, with the line of every mapping and key kept so that
validation messages still point into the YAML. The loader uses a file's compiled content
only when its digest equals the manifest's (and so the YAML's); otherwise it parses the
YAML. Records are validated the same way on both paths.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from pakru.errors import DataError
from pakru.linedict import LineDict

__all__ = ["COMPILED", "FORMAT", "compile_files", "decode", "encode", "read_compiled"]

COMPILED = "compiled.json"
FORMAT = 1
_LINES = "\x00lines"


def encode(value: Any) -> Any:
    """Plain JSON for parsed YAML; a mapping keeps its lines under a reserved key."""
    if isinstance(value, LineDict):
        out: dict[str, Any] = {_LINES: [value.line, [value.key_lines[k] for k in value]]}
        for key, item in value.items():
            out[key] = encode(item)
        return out
    if isinstance(value, list):
        return [encode(item) for item in value]
    return value


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`: mappings become :class:`LineDict` again."""
    if isinstance(value, dict):
        line, key_lines = value[_LINES]
        out = LineDict(line)
        keys = [k for k in value if k != _LINES]
        for key, key_line in zip(keys, key_lines, strict=True):
            out[key] = decode(value[key])
            out.key_lines[key] = key_line
        return out
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def compile_files(files: Mapping[str, bytes]) -> str:
    """The compiled JSON for ``files`` (path -> YAML bytes).

    Files that fail to parse are left out, so the loader parses (and reports on) them.
    """
    from pakru.yamlsafe import load_yaml  # noqa: PLC0415 - YAML is needed only here

    entries: dict[str, Any] = {}
    for path in sorted(files):
        try:
            parsed = load_yaml(files[path], path)
        except DataError:
            continue
        entries[path] = {
            "sha256": hashlib.sha256(files[path]).hexdigest(),
            "data": encode(parsed),
        }
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return f'{{"format":{FORMAT},"sha256":"{digest}","files":{payload}}}\n'


def read_compiled(raw: bytes, file: str) -> dict[str, Any]:
    """The files of a compiled document, checked against its own digest."""
    try:
        text = raw.decode("utf-8")
        prefix = f'{{"format":{FORMAT},"sha256":"'
        if not text.startswith(prefix):
            msg = f"not a format-{FORMAT} compiled data file"
            raise ValueError(msg)
        digest = text[len(prefix) : len(prefix) + 64]
        payload = text[len(prefix) + 64 + len('","files":') : text.rindex("}")]
        if hashlib.sha256(payload.encode("utf-8")).hexdigest() != digest:
            msg = "its content does not match its digest (the file was changed or damaged)"
            raise ValueError(msg)
        files: dict[str, Any] = json.loads(payload)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataError.single(file, None, "", f"unusable compiled data: {exc}") from None
    return files
