"""Print the re-anchoring figures of docs/verifying.md.

Every cited passage is found again in the transformed copies of every corpus document
that tests/copies.py builds; one row per transformation, one column per verdict.

Usage: python tools/anchor_figures.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from copies import TRANSFORMATIONS  # noqa: E402

import pakru  # noqa: E402
from pakru.anchoring import VERDICTS, anchor_text, summary  # noqa: E402
from pakru.corpus import Corpus  # noqa: E402


def main() -> int:
    """Anchor every passage in every copy; print one table row per transformation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS") or str(ROOT.parent / "shared" / "corpus"),
    )
    args = parser.parse_args()
    corpus = Corpus(args.corpus)
    texts = {s.id: corpus.text(s.document) for s in pakru.sources()}
    copies = {"identity": (lambda t: t, False), **TRANSFORMATIONS}
    sys.stdout.write("| copy | " + " | ".join(VERDICTS) + " |\n")
    for name, (transform, is_html) in copies.items():
        counts = dict.fromkeys(VERDICTS, 0)
        for source, text in texts.items():
            for verdict, n in summary(anchor_text(source, transform(text), html=is_html)).items():
                counts[verdict] += n
        sys.stdout.write(f"| {name} | " + " | ".join(str(counts[v]) for v in VERDICTS) + " |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
