"""Build hook: validate the packaged data and put its compiled form in wheels.

The YAML under ``src/pakru/data`` stays the one source of truth. Building a wheel loads
and validates it completely (invalid data fails the build) and adds
``pakru/data/compiled.json``: the validated records with the digests of the files they
came from, which the loader uses while those digests still match. Editable installs read
the YAML directly.
"""

from __future__ import annotations

import pathlib
import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileDataHook(BuildHookInterface):  # type: ignore[misc]
    """Compile the packaged YAML data into JSON for the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write build/compiled.json and map it into the wheel."""
        if self.target_name != "wheel" or version == "editable":
            return
        root = pathlib.Path(self.root)
        src = str(root / "src")
        sys.path.insert(0, src)
        try:
            from pakru.loader import load_tree  # noqa: PLC0415
            from pakru.loader.compiled import COMPILED, compile_dataset  # noqa: PLC0415
            from pakru.loader.manifest import data_files, read_manifest  # noqa: PLC0415
        finally:
            sys.path.remove(src)
        data = root / "src" / "pakru" / "data"
        dataset = load_tree(data, "src/pakru/data", compiled=False)
        manifest = read_manifest(data, data_files(data), "src/pakru/data")
        out = root / "build" / "pakru-data" / COMPILED
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(compile_dataset(dataset, manifest.files), encoding="utf-8")
        build_data["force_include"][str(out)] = f"pakru/data/{COMPILED}"
