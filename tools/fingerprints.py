"""Compute src/pakru/data/fingerprints.json from the corpus, then refresh the manifest.

Usage: python tools/fingerprints.py [--corpus DIR] [--check]

Every evidence passage of the data gets the text-free fingerprint of its normalised text
(pakru.fingerprint), keyed by the passage's SHA-256. The passage is read from the corpus
(``--corpus``, default ``$PAKRU_CORPUS`` or ``../shared/corpus``) and must match its
digest. Run it after adding or changing evidence; it rewrites the data manifest too.
``--check`` exits 1 when the file is stale (or lists a passage no evidence cites)
instead of writing anything.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pakru._version import DATA_VERSION  # noqa: E402
from pakru.corpus import Corpus, digest  # noqa: E402
from pakru.errors import DataError, Problem  # noqa: E402
from pakru.fingerprint import Fingerprint, fingerprint  # noqa: E402
from pakru.loader.fingerprints import render_fingerprints  # noqa: E402
from pakru.loader.manifest import FINGERPRINTS, MANIFEST, data_files, render_manifest  # noqa: E402
from pakru.loader.tree import _from_yaml  # noqa: E402

DATA = ROOT / "src" / "pakru" / "data"


def compute(corpus: Corpus) -> dict[str, Fingerprint]:
    """The fingerprint of every passage the data files cite, by passage SHA-256."""
    files = {k: v for k, v in data_files(DATA).items() if k != FINGERPRINTS}
    problems: list[Problem] = []
    found = _from_yaml(files, "src/pakru/data", problems)
    if problems:
        raise DataError(problems)
    documents = {s.record.id: s.record.document for s in found["sources"]}  # type: ignore[union-attr]
    texts: dict[str, str] = {}
    table: dict[str, Fingerprint] = {}
    for item in found["events"]:
        for ev in item.record.evidence:  # type: ignore[union-attr]
            if ev.sha256 in table:
                continue
            document = documents.get(ev.source, ev.source)
            if document not in texts:
                texts[document] = corpus.text(document)
            passage = texts[document][ev.start : ev.end]
            if digest(passage) != ev.sha256:
                msg = (
                    f"{item.file}: {item.record.id}: the passage [{ev.start}, {ev.end}) of "
                    f"{document} does not match its SHA-256; relocate it with pakru locate"
                )
                raise SystemExit(msg)
            table[ev.sha256] = fingerprint(passage)
    return table


def main() -> int:
    """Write (or check) the fingerprint file and the manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        default=os.environ.get("PAKRU_CORPUS") or str(ROOT.parent / "shared" / "corpus"),
        help="corpus folder (default: $PAKRU_CORPUS or ../shared/corpus)",
    )
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not pathlib.Path(args.corpus).is_dir():
        sys.stderr.write(f"corpus folder not found: {args.corpus}\n")
        return 2
    text = render_fingerprints(compute(Corpus(args.corpus)))
    target = DATA / FINGERPRINTS
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{target} is stale: run python tools/fingerprints.py\n")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    manifest = DATA / MANIFEST
    manifest.write_text(render_manifest(data_files(DATA), DATA_VERSION), encoding="utf-8")
    sys.stdout.write(f"wrote {target.relative_to(ROOT)} and {manifest.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
