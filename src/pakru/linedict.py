"""A mapping that remembers the source line of itself and of each key, for error messages."""

from __future__ import annotations

import contextlib
from typing import Any

__all__ = ["LineDict", "LineList", "short", "type_name"]


class LineDict(dict[str, Any]):
    """A mapping read from a data file that remembers its line and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """The 1-based line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence read from a data file that remembers the line of each item."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The 1-based line of item ``index`` (or of the sequence)."""
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def type_name(value: object) -> str:
    """The YAML/JSON name of a value's type, for messages: mapping, list, str, int, ..."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


class _Full(Exception):
    """The bounded repr has reached its limit."""


def short(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters, so messages stay readable and bounded.

    Only as much of ``value`` is rendered as the limit needs, so a huge or deeply nested
    value costs no more than a small one.
    """
    parts: list[str] = []
    size = 0

    def emit(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size > limit:
            raise _Full

    def walk(item: object, depth: int) -> None:
        if depth > 8:
            emit("...")
        elif isinstance(item, dict):
            emit("{")
            for i, (key, sub) in enumerate(item.items()):
                emit(", " if i else "")
                walk(key, depth + 1)
                emit(": ")
                walk(sub, depth + 1)
            emit("}")
        elif isinstance(item, list):
            emit("[")
            for i, sub in enumerate(item):
                emit(", " if i else "")
                walk(sub, depth + 1)
            emit("]")
        elif isinstance(item, str):
            emit(repr(item[: limit + 1]) if len(item) > limit else repr(item))
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 10**limit:
            emit("<a very large integer>")
        else:
            emit(repr(item)[: limit + 1])

    with contextlib.suppress(_Full):
        walk(value, 0)
    text = "".join(parts)
    return text if len(text) <= limit else text[: limit - 5] + " ...>"
