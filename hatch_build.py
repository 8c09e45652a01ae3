"""Build hook: put the compiled form of the data (``pakru/data/compiled.json``) in wheels.

The YAML under ``src/pakru/data`` stays the one source of truth; the wheel also carries
its parsed content as JSON, which the loader uses only where each file's digest still
matches. Editable installs read the YAML directly.
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
            from pakru.compiled import COMPILED, compile_files  # noqa: PLC0415
            from pakru.manifest import data_files  # noqa: PLC0415
        finally:
            sys.path.remove(src)
        data = root / "src" / "pakru" / "data"
        out = root / "build" / "pakru-data" / COMPILED
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(compile_files(data_files(data)), encoding="utf-8")
        build_data["force_include"][str(out)] = f"pakru/data/{COMPILED}"
