"""Rewrite src/pakru/data/manifest.json after a curation edit.

Usage: python tools/update_manifest.py [--check]

The data version comes from ``pakru._version.DATA_VERSION``; bump it there (semver) when
the data changes. ``--check`` exits 1 when the manifest is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pakru._version import DATA_VERSION  # noqa: E402
from pakru.loader.manifest import MANIFEST, data_files, render_manifest  # noqa: E402


def main() -> int:
    """Write (or check) the manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    data = ROOT / "src" / "pakru" / "data"
    text = render_manifest(data_files(data), DATA_VERSION)
    target = data / MANIFEST
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{target} is stale: run python tools/update_manifest.py\n")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {target.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
