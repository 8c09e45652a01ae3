"""Read JSON the way :mod:`pakru.loader.yamlsafe` reads YAML: plain data, lines kept, bounded.

Objects become :class:`~pakru.linedict.LineDict` (every key gets the line the object
starts on) and arrays :class:`~pakru.linedict.LineList`, so validation can name a line.
Duplicate keys are an error (``json`` would keep the last one), ``NaN`` and
``Infinity`` are refused, integers must be below 2**63, nesting is bounded, and every
failure is one :class:`~pakru.errors.DataError`.
"""

from __future__ import annotations

import array
import bisect
import json
import json.decoder
import json.scanner
from collections.abc import Iterator
from typing import Any

from pakru.errors import DataError
from pakru.linedict import LineDict, LineList, short
from pakru.loader.files import decode_text
from pakru.rules import MAX_DEPTH, MAX_INT

__all__ = ["load_json"]


class _Refused(Exception):
    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos


def _located(scan_once: Any) -> Any:
    """``scan_once`` that reports a refused value (NaN, a huge integer) with its position."""

    def scan(text: str, index: int) -> Any:
        try:
            return scan_once(text, index)
        except json.JSONDecodeError:
            raise
        except ValueError as exc:
            raise _Refused(index, str(exc)) from None

    return scan


def _newlines(text: str) -> Iterator[int]:
    at = text.find("\n")
    while at != -1:
        yield at
        at = text.find("\n", at + 1)


class _Decoder(json.JSONDecoder):
    """A decoder with the pure-Python scanner, whose object and array hooks see positions."""

    def __init__(self, text: str) -> None:
        super().__init__(strict=True)
        # Offsets of the line breaks, 8 bytes each (a list of ints took about 40 per line).
        self._newlines = array.array("q", _newlines(text))
        self._depth = 0
        self.parse_object = self._object
        self.parse_array = self._array
        self.parse_constant = self._constant
        self.parse_int = self._int
        self.memo: dict[str, str] = {}
        self.scan_once = _located(json.scanner.py_make_scanner(self))  # type: ignore[attr-defined]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def _enter(self, pos: int) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(pos, f"nested deeper than {MAX_DEPTH} levels")

    def _object(self, s_and_end: tuple[str, int], *args: Any) -> tuple[LineDict, int]:
        end = s_and_end[1]
        self._enter(end)
        try:
            strict, scan_once, memo = args[0], args[1], args[4]
            pairs, after = json.decoder.JSONObject(  # type: ignore[attr-defined]
                s_and_end, strict, _located(scan_once), None, list, memo
            )
        finally:
            self._depth -= 1
        line = self.line(end - 1)
        result = LineDict(line)
        for key, value in pairs:
            if key in result:
                raise _Refused(end, f"duplicate key {short(key)} in the object at line {line}")
            result[key] = value
            result.key_lines[key] = line
        return result, after

    def _array(self, s_and_end: tuple[str, int], scan_once: Any) -> tuple[LineList, int]:
        end = s_and_end[1]
        self._enter(end)
        try:
            items, after = json.decoder.JSONArray(  # type: ignore[attr-defined]
                s_and_end, _located(scan_once)
            )
        finally:
            self._depth -= 1
        result = LineList(self.line(end - 1))
        result.extend(items)
        # Items carry their own lines when they are objects or arrays.
        result.item_lines.extend(
            item.line if isinstance(item, (LineDict, LineList)) else result.line for item in items
        )
        return result, after

    @staticmethod
    def _constant(name: str) -> Any:
        raise ValueError(f"{name} is not allowed in pakru data")

    @staticmethod
    def _int(text: str) -> int:
        if len(text) > 20:
            raise ValueError(f"the integer {short(text)} is out of range")
        number = int(text)
        if not -MAX_INT < number < MAX_INT:
            raise ValueError(f"the integer {short(text)} is out of range")
        return number


def load_json(data: bytes, file: str) -> Any:
    """Parse one JSON document from ``data``; any failure is a :class:`DataError`."""
    text = decode_text(data, file)
    decoder = _Decoder(text)
    try:
        return decoder.decode(text)
    except _Refused as exc:
        raise DataError.single(file, decoder.line(exc.pos), "", str(exc)) from None
    except json.JSONDecodeError as exc:
        raise DataError.single(file, exc.lineno, "", f"not valid JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise DataError.single(file, None, "", f"not valid JSON: {short(str(exc), 200)}") from None
