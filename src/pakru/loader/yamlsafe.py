"""Read YAML safely, keeping the line of every mapping and key for error messages.

Only plain data is built (mappings, sequences, strings, numbers, booleans, null), straight
from the parser's event stream and without recursion, so no input can crash the process:

- tags that would construct objects (``!!python/object``, ``!!set``, custom ``!tags``)
  are refused and nothing is ever called;
- duplicate keys are an error (PyYAML would silently keep the last one), keys must be
  strings, and merge keys (``<<``) are refused;
- dates stay strings (pakru parses them as EDTF);
- documents are bounded: at most :data:`MAX_BYTES` bytes, :data:`MAX_DEPTH` levels of
  nesting, and aliases may repeat at most :data:`MAX_ALIAS_NODES` nodes and
  :data:`MAX_ALIAS_CHARS` characters of text in all (an
  "alias bomb" of a few lines that would expand to millions of nodes fails at once);
  an alias inside the collection it names (a recursive structure) is refused;
- one document per file; bytes must be UTF-8 (a leading byte-order mark is dropped).

Every failure is one :class:`~pakru.errors.DataError` naming the file and line.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from pakru.errors import DataError
from pakru.linedict import LineDict, LineList, short
from pakru.loader.files import decode_text
from pakru.rules import MAX_ALIAS_CHARS, MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_INT

__all__ = ["MAX_ALIAS_NODES", "MAX_BYTES", "MAX_DEPTH", "load_yaml"]

#: Largest data file read, in bytes.
MAX_BYTES = MAX_FILE_BYTES

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = f"{_TAG}str", f"{_TAG}map", f"{_TAG}seq"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "value")}


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 implicit typing, except that dates and times stay strings."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {  # type: ignore[misc]
        first: [(tag, rx) for tag, rx in resolvers if tag != f"{_TAG}timestamp"]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


class _Constructor(yaml.constructor.SafeConstructor):
    """Only for its scalar conversions (integers in any YAML notation, floats, booleans)."""


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _Frame:
    """An open mapping or sequence, while its items are read."""

    __slots__ = ("anchor", "key", "nodes", "size", "value")

    def __init__(self, value: LineDict | LineList, anchor: str | None) -> None:
        self.value = value
        self.anchor = anchor
        self.nodes = 1
        self.size = 1
        self.key: str | None = None


def _line(event: yaml.Event) -> int:
    mark: Any = event.start_mark
    return 1 if mark is None else int(mark.line) + 1


class _PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """The pure-Python parser, for PyYAML builds without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


#: libyaml's parser when PyYAML has it (fast); both send the same events.
_Parser: type[Any] = getattr(yaml.cyaml, "CParser", _PythonParser)


_BOOLS = yaml.constructor.SafeConstructor.bool_values


def _scalar(event: yaml.ScalarEvent, resolver: _Resolver, constructor: _Constructor) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == f"{_TAG}merge":
        raise _Refused(_line(event), "YAML merge keys ('<<') are not supported; write them out")
    if tag not in _SCALAR_TAGS:
        raise _Refused(_line(event), f"YAML tag {tag!r} is not allowed in pakru data")
    value: str = event.value
    if tag in (_STR, f"{_TAG}value"):
        return value
    if tag == f"{_TAG}null":
        return None
    if tag == f"{_TAG}bool":
        if value.lower() not in _BOOLS:
            raise _Refused(_line(event), f"{short(value)} is not a YAML boolean")
        return _BOOLS[value.lower()]
    node = yaml.ScalarNode(tag, value)
    try:
        if tag == f"{_TAG}float":
            return constructor.construct_yaml_float(node)
        number = constructor.construct_yaml_int(node)
    except (ValueError, OverflowError) as exc:
        raise _Refused(_line(event), f"cannot read the number {short(value)}: {exc}") from None
    if not -MAX_INT < number < MAX_INT:
        raise _Refused(_line(event), f"the integer {short(value)} is out of range")
    return number


def _build(text: str) -> Any:
    """The one document of ``text`` as LineDicts, LineLists and scalars (None if empty)."""
    parser = _Parser(text)
    try:
        parser.get_event()  # StreamStart
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # DocumentStart
        root = _Builder(parser).node()
        parser.get_event()  # DocumentEnd
        if not parser.check_event(yaml.StreamEndEvent):
            event = parser.peek_event()
            raise _Refused(
                _line(event), "a second YAML document; a pakru data file holds exactly one"
            )
        return root
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


class _Builder:
    """Builds one node from the event stream with an explicit stack (no recursion)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.resolver = _Resolver()
        self.constructor = _Constructor()
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.repeated = 0
        self.repeated_size = 0

    def node(self) -> Any:
        """Read events until the node that starts here is complete; return it."""
        while True:
            event = self.parser.get_event()
            line = _line(event)
            if isinstance(event, yaml.AliasEvent):
                value, nodes, size = self._alias(str(event.anchor), line)
            elif isinstance(event, yaml.ScalarEvent):
                value, nodes = _scalar(event, self.resolver, self.constructor), 1
                size = len(value) if isinstance(value, str) else 1
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, size)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._open(event, line)
                continue
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = self.stack.pop()
                value, nodes, size, line = frame.value, frame.nodes, frame.size, frame.value.line
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (value, nodes, size)
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise _Refused(line, f"unexpected YAML event {type(event).__name__}")
            if not self.stack:
                return value
            self._attach(self.stack[-1], value, (nodes, size), line)

    def _alias(self, name: str, line: int) -> tuple[Any, int, int]:
        if name in self.open_anchors:
            raise _Refused(
                line,
                f"alias *{name} is inside the collection it names; "
                "recursive structures are not allowed",
            )
        if name not in self.anchors:
            raise _Refused(line, f"alias *{name} names no anchor defined before it")
        value, nodes, size = self.anchors[name]
        self.repeated += nodes
        self.repeated_size += size
        if self.repeated > MAX_ALIAS_NODES:
            raise _Refused(
                line,
                f"aliases repeat more than {MAX_ALIAS_NODES} nodes in all; "
                "write the data out instead",
            )
        if self.repeated_size > MAX_ALIAS_CHARS:
            raise _Refused(
                line,
                f"aliases repeat more than {MAX_ALIAS_CHARS} characters of text in all; "
                "write the data out instead",
            )
        return value, nodes, size

    def _open(self, event: yaml.CollectionStartEvent, line: int) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, LineDict) and top.key is None:
            raise _Refused(line, "keys must be strings, got a collection")
        if event.tag not in (None, "!", _MAP if is_map else _SEQ):
            raise _Refused(line, f"YAML tag {event.tag!r} is not allowed in pakru data")
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(line, f"nested deeper than {MAX_DEPTH} levels")
        self.stack.append(_Frame(LineDict(line) if is_map else LineList(line), event.anchor))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)

    @staticmethod
    def _attach(top: _Frame, value: Any, weight: tuple[int, int], line: int) -> None:
        top.nodes += weight[0]
        top.size += weight[1]
        container = top.value
        if isinstance(container, LineList):
            container.append(value)
            container.item_lines.append(line)
        elif top.key is None:
            if not isinstance(value, str):
                raise _Refused(line, f"keys must be strings, got {short(value)}")
            if value in container.key_lines:
                raise _Refused(
                    line,
                    f"duplicate key {short(value)} (first at line {container.key_lines[value]})",
                )
            container.key_lines[value] = line
            top.key = value
        else:
            container[top.key] = value
            top.key = None


def load_yaml(data: bytes, file: str) -> Any:
    """Parse one YAML document from ``data``; any failure is a :class:`DataError`."""
    text = decode_text(data, file)
    try:
        return _build(text)
    except _Refused as exc:
        raise DataError.single(file, exc.line, "", str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where: int | None = None if mark is None else int(mark.line) + 1
        position = getattr(exc, "position", None)  # a reader error: a character refused
        if where is None and isinstance(position, int):
            where = text.count("\n", 0, position) + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError.single(file, where, "", f"not valid YAML: {problem}") from None
