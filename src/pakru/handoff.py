"""Hand-offs from the core classes to the layers above them, bound by the package facade.

:class:`~pakru.collection.Dataset` and :class:`~pakru.collection.EventList` offer
``export``, ``to_pandas``, ``to_arrow`` and ``overlay`` for convenience, but the work is
done by the output and loading layers, which import the core and not the other way
round. The facade (:mod:`pakru`) binds those functions here when pakru is imported;
nothing is imported until a method is called.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: this module loads with pakru
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["bind", "handed"]

_BOUND: dict[str, Callable[..., Any]] = {}


def bind(**functions: Callable[..., Any]) -> None:
    """Name the functions the core methods hand over to (``export``, ``load``, ...)."""
    _BOUND.update(functions)


def handed(name: str) -> Callable[..., Any]:
    """The function bound to ``name``."""
    try:
        return _BOUND[name]
    except KeyError:  # pragma: no cover - the facade binds every name when pakru is imported
        msg = f"pakru.handoff: nothing is bound to {name!r}; import pakru first"
        raise RuntimeError(msg) from None
