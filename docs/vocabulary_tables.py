"""Print pakru's controlled vocabularies as Markdown tables, for docs/data-model.md.

Usage: python docs/vocabulary_tables.py

The tables in the data model page are this script's output, pasted; rerun it whenever
``pakru.vocabulary`` changes so the page and the code agree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence

import pakru


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def described(vocabulary: Mapping[str, str]) -> list[list[str]]:
    """Rows of ``id | meaning`` for a vocabulary of descriptions."""
    return [[f"`{key}`", meaning] for key, meaning in vocabulary.items()]


def main() -> int:
    """Print the four tables."""
    event_types = [
        [
            f"`{t.id}`",
            t.label,
            t.definition,
            (t.plover or "none") + (f" ({t.plover_mode})" if t.plover_mode else ""),
            f"{t.cameo} (root {t.cameo_root})" if t.cameo else "none",
        ]
        for t in pakru.EVENT_TYPES.values()
    ]
    out = [
        "#### Event types (`pakru.EVENT_TYPES`)\n",
        table(("type", "label", "definition", "PLOVER (mode)", "CAMEO"), event_types),
        "#### Participant roles (`pakru.ROLES`)\n",
        table(("role", "the actor ..."), described(pakru.ROLES)),
        "#### Actor kinds (`pakru.ACTOR_KINDS`)\n",
        table(("kind", "meaning"), described(pakru.ACTOR_KINDS)),
        "#### Source kinds (`pakru.SOURCE_KINDS`)\n",
        table(("kind", "meaning"), described(pakru.SOURCE_KINDS)),
    ]
    sys.stdout.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
