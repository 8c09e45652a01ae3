"""Let a script pin the data version it was written against."""

from __future__ import annotations

import re

from pakru._version import DATA_VERSION
from pakru.errors import DataVersionError, QueryError, QueryTypeError

__all__ = ["require"]

_SPEC = re.compile(r"(==)?\s*([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?")


def _parts(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(x) for x in version.split("."))
    return major, minor, patch


def require(spec: str, *, installed: str = DATA_VERSION) -> str:
    """Fail unless the installed data version satisfies ``spec``; return that version.

    ``"1.2"`` accepts any data compatible with 1.2 under semantic versioning: the same
    major version and at least 1.2.0 (for 0.x, the same minor version, as 0.x releases
    may break). ``"1.2.3"`` means at least 1.2.3 in the same line; ``"==1.2.3"`` (or a
    full version with ``==``) demands exactly that version.
    """
    if not isinstance(spec, str):
        raise QueryTypeError(
            f"require: expected a version string such as '1.0', got {type(spec).__name__}"
        )
    m = _SPEC.fullmatch(spec.strip())
    if m is None:
        raise QueryError(
            f"require: cannot read {spec!r}; expected a version such as '1', "
            "'1.2', '1.2.3' or '==1.2.3'"
        )
    exact = m[1] is not None
    want = (int(m[2]), int(m[3] or 0), int(m[4] or 0))
    have = _parts(installed)
    if exact:
        ok = have == want
    elif want[0] == 0:
        ok = have[:2] == want[:2] and have >= want
    else:
        ok = have[0] == want[0] and have >= want
    if not ok:
        raise DataVersionError(
            f"this script needs pakru data {spec.strip()} but the installed data is "
            f"{installed}; install a pakru release whose DATA_VERSION satisfies it "
            f"(pakru.DATA_VERSION tells the installed one)"
        )
    return installed
