"""Let a script pin the data version (and, if it likes, the exact data) it was written for."""

from __future__ import annotations

import re

from pakru._version import DATA_VERSION
from pakru.errors import DataVersionError, QueryError, QueryTypeError

__all__ = ["require"]

_CLAUSE = re.compile(
    r"(?P<op>==|!=|>=|<=|~=|>|<)?\s*(?P<major>[0-9]+)(?:\.(?P<minor>[0-9]+|\*))?"
    r"(?:\.(?P<patch>[0-9]+|\*))?"
)
_HEX = re.compile(r"[0-9a-f]{8,64}")
_ACCEPTED = (
    "a version such as '1', '1.2', '1.2.3', or PEP 440 clauses such as '==1.2.3', "
    "'>=0.2', '>=0.2,<0.4', '~=0.2', '!=0.3.1' or '==0.2.*'"
)

Version = tuple[int, int, int]


def _parts(version: str) -> Version:
    major, minor, patch = (int(x) for x in version.split("."))
    return major, minor, patch


def _clause_ok(clause: str, have: Version) -> bool:
    m = _CLAUSE.fullmatch(clause.strip())
    if m is None or (m["minor"] == "*" and m["patch"] is not None):
        raise QueryError(f"require: cannot read {clause.strip()!r}; expected {_ACCEPTED}")
    op = m["op"]
    given = [m["major"], m["minor"], m["patch"]]
    if "*" in given:  # ==1.2.* or !=1.*: a prefix match
        if op not in ("==", "!="):
            raise QueryError(f"require: '*' goes with == or != only, got {clause.strip()!r}")
        prefix = tuple(int(x) for x in given if x not in (None, "*"))
        same = have[: len(prefix)] == prefix
        return same if op == "==" else not same
    want: Version = (int(given[0]), int(given[1] or 0), int(given[2] or 0))
    if op is None:  # a bare version: compatible under semantic versioning
        if want[0] == 0:
            return have[:2] == want[:2] and have >= want
        return have[0] == want[0] and have >= want
    if op == "~=":
        if given[1] is None:
            raise QueryError(f"require: '~=' needs at least two parts, got {clause.strip()!r}")
        depth = 1 if given[2] is None else 2
        return have >= want and have[:depth] == want[:depth]
    compare = {
        "==": have == want,
        "!=": have != want,
        ">=": have >= want,
        "<=": have <= want,
        ">": have > want,
        "<": have < want,
    }
    return compare[op]


def require(
    spec: str | None = None,
    *,
    digest: str | None = None,
    installed: str = DATA_VERSION,
    installed_digest: str | None = None,
) -> str:
    """Fail unless the installed data satisfies ``spec`` (and ``digest``); return its version.

    ``spec`` is a data version or PEP 440 clauses joined by commas. A bare version is
    read under semantic versioning: ``"1.2"`` accepts the same major version from 1.2.0
    on (for 0.x, the same minor version, as 0.x releases may break); ``"1.2.3"`` means
    at least 1.2.3 in that line. The operators ``==``, ``!=``, ``>=``, ``<=``, ``>``,
    ``<`` and ``~=`` and the prefix ``==0.2.*`` mean what they mean in PEP 440.
    ``digest`` pins the exact data: the start (8 or more hex digits) of
    ``pakru.dataset().digest``, as ``pakru info`` prints it. ``installed`` and
    ``installed_digest`` say what to check against (default: the installed data); they
    are for tests and tools.

    Returns the installed data version. Raises :class:`~pakru.errors.DataVersionError`
    when the data does not satisfy them, :class:`~pakru.errors.QueryError` (a
    ``ValueError``) for a spec it cannot read and :class:`~pakru.errors.QueryTypeError`
    (a ``TypeError``) for a non-string.

    ```python
    >>> import pakru
    >>> pakru.require(">=0.2,<1") == pakru.DATA_VERSION
    True

    ```
    """
    if spec is None and digest is None:
        raise QueryError(f"require: give a version spec, a digest or both; a spec is {_ACCEPTED}")
    for name, value in (("spec", spec), ("digest", digest)):
        if value is not None and not isinstance(value, str):
            raise QueryTypeError(
                f"require: expected {name} as a string such as '1.0', got {type(value).__name__}"
            )
    if spec is not None:
        clauses = spec.split(",")
        if not spec.strip() or any(not c.strip() for c in clauses):
            raise QueryError(f"require: cannot read {spec!r}; expected {_ACCEPTED}")
        have = _parts(installed)
        results = [_clause_ok(c, have) for c in clauses]  # every clause is read first
        if not all(results):
            raise DataVersionError(
                f"this script needs pakru data {spec.strip()} but the installed data is "
                f"{installed}; install a pakru release whose DATA_VERSION satisfies it "
                f"(pakru.DATA_VERSION tells the installed one)"
            )
    if digest is not None:
        wanted = digest.strip().lower().removeprefix("sha256:")
        if not _HEX.fullmatch(wanted):
            raise QueryError(
                f"require: digest {digest!r} is not 8 to 64 hex digits (pakru info prints it)"
            )
        if installed_digest is None:
            from pakru.handoff import handed  # noqa: PLC0415

            installed_digest = str(handed("dataset")().digest)
        if not installed_digest.startswith(wanted):
            raise DataVersionError(
                f"this script needs the pakru data with sha256 {wanted[:12]}... but the "
                f"installed data has {installed_digest[:12]}... (pakru info prints it)"
            )
    return installed
