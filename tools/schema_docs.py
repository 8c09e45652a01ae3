"""Write docs/schema.md from the JSON Schema pakru generates from its model.

Usage: python tools/schema_docs.py [--check]

``--check`` exits 1 when the page is stale instead of writing it. The test suite checks
the page too.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pakru.schemas import _edtf_pattern, schema  # noqa: E402

PAGE = ROOT / "docs" / "schema.md"

INTRO = """\
# JSON Schema

pakru publishes a [JSON Schema](https://json-schema.org/) (draft 2020-12) of its
records and of its JSON exports. It is generated from the record classes themselves
(`pakru.model`): each field, its type and whether it may be null come from the class,
the value rules (id patterns, non-empty text, bounds) from pakru's validators, and the
closed lists from its vocabularies. A field added to the model appears here without a
hand edit, and the test suite checks that every shipped record validates and that this
page matches the generated schema.

Get it from Python or the command line:

```python
import pakru

pakru.schema()  # a whole `json` export: {"pakru": ..., "events", "actors", "sources"}
pakru.schema("event")  # one event; also "actor", "source", and "line" (one JSONL line)
```

```sh
pakru schema > pakru.schema.json
pakru schema --kind event
```

Validate with any draft 2020-12 validator, for example Python's `jsonschema`:

```python
import jsonschema, json

doc = json.load(open("out/pakru.json"))
jsonschema.Draft202012Validator(pakru.schema()).validate(doc)
```

Every field is always present in an export; a field with no value is `null` (lists are
empty). Events also carry the day bounds and precision derived from their date
(`earliest`, `latest`, `precision`). Rules the schema cannot state (a passage's `end`
after its `start`, an EDTF date that names a real day, ids that resolve to records) are
checked by pakru when it loads data.

"""


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    kind = prop.get("type", "string")
    if kind == "array":
        return f"list of {_type(prop['items'])}"
    if prop.get("format") == "date":
        kind = ["date (YYYY-MM-DD)", *(["null"] if "null" in kind else [])]
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def _rule(prop: dict[str, Any]) -> str:
    parts = []
    if "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        parts.append("one of " + ", ".join(f"`{v}`" for v in values))
    options = prop.get("anyOf", [prop])
    pattern = next((o["pattern"] for o in options if o.get("pattern")), None)
    if pattern == _edtf_pattern():
        parts.append("EDTF level 0 or 1")
    elif pattern and pattern != r"\S":
        parts.append(f"`{pattern}`")
    items = prop.get("items", {})
    if isinstance(items, dict) and items.get("pattern"):
        parts.append(f"items `{items['pattern']}`")
    longest = next((o["maxLength"] for o in options if "maxLength" in o), None)
    if longest is not None:
        parts.append(f"at most {longest} characters")
    for key, text in (("minimum", "at least {}"), ("minItems", "at least {} item(s)")):
        if key in prop:
            parts.append(text.format(prop[key]))
    if prop.get("uniqueItems"):
        parts.append("no repeats")
    return "; ".join(parts).replace("|", "\\|")


def render() -> str:
    """The page text."""
    full = schema()
    lines = [INTRO, "## Records\n"]
    for name, definition in full["$defs"].items():
        if definition.get("type") != "object":
            continue
        lines.append(f"### {name}\n")
        lines.append(f"{definition.get('description', '')}\n")
        lines.append("| field | type | rule | meaning |")
        lines.append("| --- | --- | --- | --- |")
        for field, prop in definition["properties"].items():
            desc = str(prop.get("description", "")).replace("|", "\\|")
            lines.append(f"| `{field}` | {_type(prop)} | {_rule(prop)} | {desc} |")
        lines.append("")
    lines.append("## The schema\n")
    lines.append("The whole schema of a `json` export, as `pakru.schema()` returns it:\n")
    lines.append("```json")
    lines.append(json.dumps(full, ensure_ascii=False, indent=2))
    lines.append("```\n")
    return "\n".join(lines)


def main() -> int:
    """Write (or check) the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not PAGE.is_file() or PAGE.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{PAGE} is stale: run python tools/schema_docs.py\n")
            return 1
        return 0
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {PAGE.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
