"""Record the ids of the current data version in src/pakru/data/releases/.

Usage:
  python tools/record_release.py [--check]
  python tools/record_release.py --retire KIND:ID [--replaced-by ID] --reason TEXT

Writes ``releases/<DATA_VERSION>.json``: every event, actor and source id of the data with
a digest of its content, and the ids this version retires, each with a tombstone. Files
of earlier versions are never rewritten. The tool refuses to write a release in which an
id of the previous release is gone without a tombstone (``--retire``; ``--replaced-by``
names the id that carries the record on, for example after a merge). ``--check`` exits 1
when the release file is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pakru._version import DATA_VERSION  # noqa: E402
from pakru.loader import load_tree  # noqa: E402
from pakru.model import Tombstone  # noqa: E402
from pakru.releases import (  # noqa: E402
    KINDS,
    RELEASES,
    check_registry,
    read_releases,
    release_of,
    render_release,
)


def main() -> int:
    """Write (or check) the release record of the current data version."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--retire", metavar="KIND:ID", help="retire an id, e.g. event:1966-x")
    parser.add_argument("--replaced-by", metavar="ID", help="the id that replaces it")
    parser.add_argument("--reason", help="why the id is retired (required with --retire)")
    args = parser.parse_args()
    data = ROOT / "src" / "pakru" / "data"
    folder = data / RELEASES
    releases = [r for r in read_releases(folder, "releases") if r.data_version != DATA_VERSION]
    current = {r.data_version: r for r in read_releases(folder, "releases")}.get(DATA_VERSION)
    retired = list(current.retired) if current is not None else []
    if args.retire:
        kind, _, ident = args.retire.partition(":")
        if kind not in KINDS.values() or not ident or not args.reason:
            parser.error("--retire takes KIND:ID (event, actor or source) and needs --reason")
        retired = [t for t in retired if (t.kind, t.id) != (kind, ident)]
        retired.append(Tombstone(ident, kind, DATA_VERSION, args.replaced_by, args.reason))
    dataset = load_tree(data, "src/pakru/data", compiled=False)
    release = release_of(dataset, DATA_VERSION, retired)
    problems = check_registry([*releases, release])
    if problems:
        sys.stderr.write("".join(f"{p}\n" for p in problems))
        return 1
    text = render_release(release)
    target = folder / f"{DATA_VERSION}.json"
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{target} is stale: run python tools/record_release.py\n")
            return 1
        return 0
    folder.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {target.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
