"""A mapping that remembers the source line of itself and of each key, for error messages."""

from __future__ import annotations

from typing import Any

__all__ = ["LineDict", "LineList", "short"]


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


def short(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters, so messages stay readable and bounded."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + " ...>"
