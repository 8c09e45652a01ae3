"""A mapping that remembers the source line of itself and of each key, for error messages."""

from __future__ import annotations

from typing import Any

__all__ = ["LineDict"]


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
