"""The exceptions pakru raises: one root, a few kinds, each message says what to fix."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "DataError",
    "DataVersionError",
    "DateSyntaxError",
    "MissingExtraError",
    "PakruError",
    "PakruWarning",
    "Problem",
    "QueryError",
    "QueryTypeError",
    "RetiredIdError",
    "UnknownIdError",
    "printable",
    "require_extra",
]


def _escaped(char: str) -> str:
    code = ord(char)
    if char in "\n\r\t":
        return repr(char)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF  # a lone surrogate: a file name that is not UTF-8
        or code in (0x2028, 0x2029)
        or 0x202A <= code <= 0x202E  # bidirectional overrides reorder what follows
        or 0x2066 <= code <= 0x2069
    )


def printable(text: str) -> str:
    r"""``text`` safe for a terminal, on one line: control characters shown escaped.

    ESC, line breaks, other C0 and C1 controls, bidirectional overrides and lone
    surrogates become ``\x1b``, ``\n``, ``\u202e`` and so on, so text from data (a key, a
    file name, a value) can neither move the cursor, clear the screen nor forge a line.
    """
    if text.isprintable():
        return text
    return "".join(_escaped(c) if _unsafe(c) else c for c in text)


class PakruError(Exception):
    """Root of every exception pakru raises on purpose."""


class PakruWarning(UserWarning):
    """Something worked but deserves attention: for example an id that was retired.

    Filter it like any warning (``warnings.simplefilter("error", pakru.PakruWarning)``
    turns it into an exception).
    """


@attrs.frozen
class Problem:
    """One thing wrong in a data file: where it is and what would be accepted."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        # One line, whatever the file name, field or message hold (see :func:`printable`).
        file, field, message = printable(self.file), printable(self.field), printable(self.message)
        where = file if self.line is None else f"{file}:{self.line}"
        if field:
            return f"{where}: {field}: {message}"
        return f"{where}: {message}"


class DataError(PakruError, ValueError):
    """Data failed validation; nothing from it was returned.

    ``problems`` lists every problem found (not just the first), each naming its
    file, line and field.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = f"\n  ... and {more} more" if more > 0 else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid pakru data ({count} {noun}):\n{shown}{tail}")

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...]]]:
        # Rebuild from the problems, so the error survives pickling (process pools).
        return (type(self), (self.problems,))

    @classmethod
    def single(cls, file: str, line: int | None, field: str, message: str) -> DataError:
        """Build an error for one problem."""
        return cls([Problem(file, line, field, message)])


class DateSyntaxError(PakruError, ValueError):
    """Text is not an EDTF date pakru reads; the message lists the accepted forms."""


class DataVersionError(PakruError):
    """The installed data is not the version a script asked for with :func:`pakru.require`."""


class QueryError(PakruError, ValueError):
    """A query argument has the right type but a value pakru cannot use."""


class QueryTypeError(PakruError, TypeError):
    """A query argument has a type pakru does not accept."""


_LONGEST_SHOWN = 200  # longer than any id (rules.MAX_KEYWORD)


class UnknownIdError(PakruError, KeyError):
    """No record has this id (or alias); the message suggests close matches."""

    def __init__(self, kind: str, key: str, candidates: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        import difflib  # noqa: PLC0415 - only needed when a lookup fails

        # An id longer than any real one gets no suggestions (comparing it would be slow)
        # and is shown cut, so a huge argument gives a short message.
        close: list[str] = []
        if len(key) <= _LONGEST_SHOWN:
            pool = list(candidates)
            wanted = key.casefold().strip()
            close = difflib.get_close_matches(wanted, pool, n=3, cutoff=0.6)
            if not close and len(wanted) >= 3:  # 'war' suggests 'cold-war', 'ukraine-war'
                close = sorted(c for c in pool if wanted in c.casefold())[:3]
        self.suggestions: tuple[str, ...] = tuple(close)
        hint = ""
        if self.suggestions:
            hint = "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        shown = repr(key) if len(key) <= _LONGEST_SHOWN else f"{key[:_LONGEST_SHOWN]!r}..."
        self.message = f"no {kind} with id {shown}{hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        # KeyError would print the repr of its argument; show the plain message instead.
        return self.message

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[str, str, tuple[str, ...]]]:
        # Suggestions are recomputed from themselves, so they survive pickling.
        return (type(self), (self.kind, self.key, self.suggestions))


class RetiredIdError(UnknownIdError):
    """The id was released once but retired without a replacement.

    ``tombstone`` (a :class:`pakru.Tombstone`) says when and why; ``pakru.resolve``
    returns it instead of raising.
    """

    def __init__(self, tombstone: Any) -> None:
        self.tombstone = tombstone
        self.kind = str(tombstone.kind)
        self.key = str(tombstone.id)
        self.suggestions = ()
        self.message = (
            f"{self.kind} {self.key!r} was retired in data {tombstone.retired_in} with no "
            f"replacement: {tombstone.reason}"
        )
        KeyError.__init__(self, self.message)

    def __reduce__(self) -> tuple[type[RetiredIdError], tuple[Any]]:  # type: ignore[override]
        return (type(self), (self.tombstone,))


class MissingExtraError(PakruError, ImportError):
    """A feature needs an optional dependency that is not installed; names the extra."""

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {module.split('.', maxsplit=1)[0]}, which is not installed; "
            f"install pakru with the '{extra}' extra: pip install 'pakru[{extra}]'",
            name=module,
        )


def require_extra(module: str, extra: str, feature: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming the extra."""
    import importlib  # noqa: PLC0415 - only when an optional feature is used

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, module, extra) from None
