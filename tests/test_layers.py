"""The package is layered one way: no module imports from a layer above its own.

Layers, bottom up: core records and rules, loading, outputs, then the command line and
the facade. Every import statement of every module counts (at module level or inside a
function), except those under ``if TYPE_CHECKING:``, which never run. The source is read
with ``ast``, so the test sees imports that a run would only reach on some paths.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import pakru
from pakru.collection import Dataset

SRC = Path(pakru.__file__).parent

#: The layer of each module, by the longest matching module-name prefix.
LAYERS = {
    "pakru._version": 0,
    "pakru.errors": 0,
    "pakru.fileio": 0,
    "pakru.rules": 0,
    "pakru.handoff": 0,
    "pakru.dates": 0,
    "pakru.datewords": 0,
    "pakru.model": 0,
    "pakru.vocabulary": 0,
    "pakru.linedict": 0,
    "pakru.query": 0,
    "pakru.collection": 0,
    "pakru.releases": 0,
    "pakru.pinning": 0,
    "pakru.serialize": 0,
    "pakru.schemas": 0,
    "pakru.tables": 0,
    "pakru.fingerprint": 0,
    "pakru.quads": 0,
    "pakru.notebook": 0,
    "pakru.loader": 1,
    "pakru.exports": 2,
    "pakru.citation": 2,
    "pakru.ext": 2,
    "pakru.corpus": 2,
    "pakru.support": 2,
    "pakru.anchoring": 2,
    "pakru.context": 2,
    "pakru.annotation": 2,
    "pakru.counts": 2,
    "pakru.panels": 2,
    "pakru.shapes": 2,
    "pakru.graph": 2,
    "pakru.terminal": 2,
    "pakru.cli": 3,
    "pakru.__main__": 3,
    "pakru": 3,  # the facade
}
NAMES = {0: "core", 1: "loading", 2: "outputs", 3: "interfaces"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(f"{p}.")), key=len)
    return LAYERS[best]


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node that can run: the bodies of ``if TYPE_CHECKING:`` left out."""
    out: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        out.append(node)
        if isinstance(node, ast.If) and _type_checking(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return out


def _package_of(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def imports(module: str) -> set[str]:
    """The pakru modules ``module`` imports at run time (submodules named as modules)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "pakru")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(module).split(".")
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([base] if base else [])])
            if base.split(".")[0] != "pakru":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {m for m in found if m != module and m in MODULES}


GRAPH = {m: imports(m) for m in MODULES}


def test_the_layer_table_covers_every_module() -> None:
    assert "pakru.loader.documents" in MODULES
    for module in MODULES:
        assert _layer(module) in NAMES, module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_higher_layer(module: str) -> None:
    upward = sorted(m for m in GRAPH[module] if _layer(m) > _layer(module))
    assert not upward, (
        f"{module} ({NAMES[_layer(module)]}) imports from a higher layer: "
        + ", ".join(f"{m} ({NAMES[_layer(m)]})" for m in upward)
    )


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_checker_sees_upward_and_function_level_imports() -> None:
    # The layering test must be able to fail: the facade imports loading inside functions.
    assert "pakru.loader" in GRAPH["pakru"]
    assert _layer("pakru") > _layer("pakru.loader")
    # ... and imports under TYPE_CHECKING are not counted.
    source = MODULES["pakru.collection"].read_text(encoding="utf-8")
    assert "TYPE_CHECKING" in source
    assert "pathlib" not in {m.split(".")[0] for m in GRAPH["pakru.collection"]}


def test_no_module_reaches_private_names_of_another() -> None:
    reached = []
    for module in MODULES:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        for node in _runtime_nodes(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pakru"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                reached += [f"{module}: {node.module}.{n}" for n in private if n != "__version__"]
    assert not reached


def test_the_facade_events_keeps_the_signature_of_dataset_events() -> None:
    ours = inspect.signature(pakru.events)
    theirs = inspect.signature(Dataset.events)
    params = list(theirs.parameters.values())[1:]  # without self
    assert list(ours.parameters.values()) == params
    assert ours.return_annotation == theirs.return_annotation


def test_import_pakru_loads_no_record_module(run_python: object) -> None:
    code = (
        "import sys, pakru\n"
        "print(sorted(m for m in sys.modules if m.startswith('pakru')))\n"
        "print('attrs' in sys.modules, 'yaml' in sys.modules)\n"
        "assert pakru.Event.__module__ == 'pakru.model'\n"
        "assert 'Dataset' in dir(pakru)\n"
    )
    result = run_python("-c", code)  # type: ignore[operator]
    assert result.returncode == 0, result.stderr
    modules, heavy = result.stdout.splitlines()
    assert modules == "['pakru', 'pakru._version', 'pakru.handoff']"
    assert heavy == "False False"
