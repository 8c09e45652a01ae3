"""Read YAML safely, keeping the line of every mapping and key for error messages.

Only plain data is built (mappings, sequences, strings, numbers, booleans, null):
tags that would construct objects are refused, duplicate keys are an error (PyYAML
would silently keep the last one), dates stay strings (pakru parses them as EDTF), and
documents are bounded in size and depth.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from pakru.errors import DataError
from pakru.linedict import LineDict, LineList

__all__ = ["load_yaml"]

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader with line-tracking mappings, no implicit timestamps, no custom tags."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.SafeLoader.yaml_constructors)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader._depth += 1
    try:
        if loader._depth > MAX_DEPTH:
            raise _Refused(_line(node), f"nested deeper than {MAX_DEPTH} levels")
        loader.flatten_mapping(node)
        result = LineDict(_line(node))
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _Refused(_line(key_node), f"keys must be strings, got {key!r}")
            if key in result:
                raise _Refused(
                    _line(key_node),
                    f"duplicate key {key!r} (first at line {result.key_lines[key]})",
                )
            result.key_lines[key] = _line(key_node)
            result[key] = loader.construct_object(value_node, deep=True)
        return result
    finally:
        loader._depth -= 1


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    loader._depth += 1
    try:
        if loader._depth > MAX_DEPTH:
            raise _Refused(_line(node), f"nested deeper than {MAX_DEPTH} levels")
        result = LineList(_line(node))
        for child in node.value:
            result.append(loader.construct_object(child, deep=True))
            result.item_lines.append(_line(child))
        return result
    finally:
        loader._depth -= 1


def _refuse_tag(loader: _Loader, _suffix: str, node: yaml.Node) -> None:
    del loader
    raise _Refused(_line(node), f"YAML tag {node.tag!r} is not allowed in pakru data")


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:omap", None)
for _tag in ("tag:yaml.org,2002:set", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp"):
    _Loader.yaml_constructors.pop(_tag, None)
_Loader.add_multi_constructor("", _refuse_tag)


def load_yaml(data: bytes, file: str) -> Any:
    """Parse one YAML document from ``data``; any failure is a :class:`DataError`."""
    if len(data) > MAX_BYTES:
        raise DataError.single(file, None, "", f"file is larger than {MAX_BYTES} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError.single(file, line, "", f"not UTF-8 text ({exc.reason})") from None
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except _Refused as exc:
        raise DataError.single(file, exc.line, "", str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where: int | None = None if mark is None else int(mark.line) + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError.single(file, where, "", f"not valid YAML: {problem}") from None
    except RecursionError:
        raise DataError.single(file, None, "", "structure too deeply nested") from None
    finally:
        loader.dispose()
