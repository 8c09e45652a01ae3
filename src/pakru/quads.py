"""PLOVER's four quad classes, and the quad class of each pakru event type.

PLOVER (and CAMEO before it) groups its event types into four "quad" classes, the
aggregation event-data studies most often count: verbal and material cooperation,
verbal and material conflict. A pakru event type falls into the class of the PLOVER
event type it maps to (``pakru.EVENT_TYPES[...].plover``).
"""

from __future__ import annotations

from types import MappingProxyType

from pakru.vocabulary import EVENT_TYPES

__all__ = ["COOPERATION", "NO_QUAD", "QUADS", "QUAD_BINS", "QUAD_LABELS", "quad_of"]

#: The quad classes, in PLOVER's order (cooperation before conflict, words before deeds).
QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")

QUAD_LABELS = MappingProxyType(
    {
        "verbal-cooperation": "Verbal cooperation",
        "material-cooperation": "Material cooperation",
        "verbal-conflict": "Verbal conflict",
        "material-conflict": "Material conflict",
        "none": "No PLOVER type",
    }
)

#: The bin of a count by quad class for the types that map to no PLOVER type (periods,
#: eras, disputes), so that a count by quad class still holds every event.
NO_QUAD = "none"
QUAD_BINS = (*QUADS, NO_QUAD)

#: The cooperative quad classes; the other two are conflictual.
COOPERATION = frozenset({"verbal-cooperation", "material-cooperation"})

# PLOVER's event types by quad class (PLOVER codebook; FIGHT and ASSAULT are both force).
_PLOVER_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "verbal-cooperation"),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), "material-cooperation"),
    **dict.fromkeys(
        ("REQUEST", "DEMAND", "DISAPPROVE", "ACCUSE", "REJECT", "THREATEN"), "verbal-conflict"
    ),
    **dict.fromkeys(
        ("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT"), "material-conflict"
    ),
}


def quad_of(event_type: str) -> str | None:
    """The quad class of a pakru event type, or None for a type with no PLOVER equivalent.

    Periods, eras and disputes (``era``, ``territorial-dispute``, ...) map to no PLOVER
    type, so they fall in no quad class. An unknown type raises a ``KeyError``.
    """
    plover = EVENT_TYPES[event_type].plover
    return None if plover is None else _PLOVER_QUAD[plover]
