"""Measure what pakru costs its users and print the results as a Markdown page.

Run it by hand (it is never part of the test suite)::

    python benchmarks/run.py                          # report on stdout
    python benchmarks/run.py --out docs/benchmarks.md

It measures, in one run so the figures can be compared:

* cold start: fresh interpreter processes (``python -c pass``, ``import attrs``,
  ``import pakru``, ``import pakru`` plus a first query, a pycountry lookup, and a floor
  that reads the same records from JSON into plain attrs classes), run round-robin;
* where the cold time goes: ``-X importtime`` and a profile of the first query;
* warm query latency in this process, after the data is loaded;
* growth: synthetic data trees 1x, 10x and 100x the shipped number of events.

pakru is measured twice where it matters: laid out as a wheel installs it (the package
with its compiled data, ``pakru/data/compiled.json``, made the way the wheel build does)
and as the source tree (an editable install, which reads the YAML). The default run takes
about two minutes on two cores (most of it the 100x growth step); ``--runs`` scales the
cold part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.metadata
import importlib.resources
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import pakru
from pakru.collection import Dataset
from pakru.loader import load_tree
from pakru.loader.manifest import data_files, read_manifest, render_manifest
from pakru.loader.yamlsafe import load_yaml
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict

#: Writes the compiled form of the data folder it is given, as the wheel build does.
Compiler = Callable[[Path], None]


def compiler() -> tuple[str, Compiler] | None:
    """The compiled data file's name and a function that compiles a data folder.

    It runs the steps of the wheel build hook (``hatch_build.py``) with pakru's own
    functions. None for a pakru without a compiled data form.
    """
    try:
        from pakru.loader import compiled  # noqa: PLC0415
    except ImportError:  # pragma: no cover - depends on the pakru version
        return None
    name: str = compiled.COMPILED
    by_records = getattr(compiled, "compile_dataset", None)  # validated records
    by_files = getattr(compiled, "compile_files", None)  # parsed YAML (older pakru)

    def write(folder: Path) -> None:
        if by_records is not None:
            data = load_tree(folder, "build")  # the folder has no compiled file yet
            files = read_manifest(folder, data_files(folder), "build").files
            text = by_records(data, files)
        elif by_files is not None:
            text = by_files(data_files(folder))
        else:  # pragma: no cover
            return
        (folder / name).write_text(text, encoding="utf-8")

    if by_records is None and by_files is None:  # pragma: no cover
        return None
    return name, write


#: The main job, as the README runs it.
QUERY = "pakru.events(between=('1965', '1972'), actor='ussr')"
WARM_TARGET_US = 20.0
GROWTH = (1, 10, 100)
#: Loads timed per growth size (the larger sizes take longer per load).
LOAD_REPEATS = {1: 15, 10: 5, 100: 2}
#: Warm-query calls per growth size, as a share of --iterations.
GROWTH_ITERATION_SHARE = {1: 1.0, 10: 0.25, 100: 0.05}
#: Where the editable install and the wheel-like copy differ.
INSTALLED, SOURCE = "installed", "source"


# -- statistics and Markdown --------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Summary of repeated measurements, all in one unit."""

    n: int
    minimum: float
    median: float
    p99: float
    maximum: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        """Summarise ``samples`` (at least one)."""
        ordered = sorted(samples)
        rank = max(0, -(-99 * len(ordered) // 100) - 1)  # nearest-rank 99th percentile
        return cls(len(ordered), ordered[0], statistics.median(ordered), ordered[rank], ordered[-1])


def fmt(value: float, digits: int = 1) -> str:
    """A number with a fixed number of decimals."""
    return f"{value:.{digits}f}"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; columns after the first are right-aligned."""
    align = ["---", *(["---:"] * (len(headers) - 1))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# -- the machine --------------------------------------------------------------------------


def cpu_model() -> str:
    """The CPU model named in /proc/cpuinfo, or what the platform module knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Hardware", "cpu model") and value.strip():
                return value.strip()
    return platform.processor() or "unknown"


def version_of(dist: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, or '?' where the system has none."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> list[tuple[str, str]]:
    """A short description of the machine and the software measured."""
    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    return [
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Platform", platform.platform()),
        ("CPUs", str(os.cpu_count())),
        ("CPU model", cpu_model()),
        ("Load average at start (1, 5, 15 min)", load_average()),
        ("pakru", f"{pakru.__version__} (data {pakru.DATA_VERSION})"),
        ("attrs", version_of("attrs")),
        ("PyYAML", f"{version_of('PyYAML')} (libyaml: {libyaml})"),
        ("pycountry", version_of("pycountry")),
        ("Date (UTC)", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")),
    ]


# -- processes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """A command run as a fresh process, with the extra environment it needs."""

    key: str
    label: str
    argv: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)


#: Where the measured processes keep their bytecode (set by :func:`main`).
PYCACHE: dict[str, str] = {}


def environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The environment of a measured process: this one's, plus ``extra``.

    Bytecode goes to one private cache for every process, so every module (pakru's
    included) loads from bytecode as after a normal install, even where
    PYTHONDONTWRITEBYTECODE is set or the source tree has no ``__pycache__``.
    """
    drop = ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(PYCACHE)
    env.update(extra)
    return env


def run_once(command: Command, cwd: Path) -> float:
    """Wall time of one process from spawn to exit, in milliseconds."""
    env = environment(command.env)
    start = time.perf_counter_ns()
    done = subprocess.run(
        command.argv,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter_ns() - start
    if done.returncode != 0:
        msg = f"{command.label} failed: {done.stderr.decode(errors='replace')}"
        raise RuntimeError(msg)
    return elapsed / 1e6


def output_of(
    argv: Sequence[str], cwd: Path, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a helper process and return its output; fail loudly if it fails."""
    done = subprocess.run(
        argv, cwd=cwd, env=environment(env), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        msg = f"{' '.join(argv)} failed:\n{done.stderr}"
        raise RuntimeError(msg)
    return done


# -- the layouts measured -----------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """One way pakru can be installed: the environment that selects it, and facts about it."""

    key: str
    label: str
    env: Mapping[str, str]
    yaml_imported: bool


def installed_copy(workdir: Path, notes: list[str]) -> Path | None:
    """Copy the package as a wheel installs it, compiled data included; None if impossible.

    The copy is the package folder plus ``data/compiled.json`` made by the same functions
    the wheel build hook calls; it is put first on PYTHONPATH, ahead of the editable install.
    """
    found = compiler()
    if found is None:
        notes.append("This pakru has no compiled data form: only the source tree is measured.")
        return None
    name, compile_data = found
    site = workdir / "site"
    package = site / "pakru"
    source = Path(str(importlib.resources.files("pakru")))
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__", name))
    data = package / "data"
    compile_data(data)
    return site


def layouts(workdir: Path, cwd: Path, notes: list[str]) -> list[Layout]:
    """The installed (wheel-like) layout when available, then the source tree."""
    found: list[Layout] = []
    site = installed_copy(workdir, notes)
    candidates: list[tuple[str, str, dict[str, str]]] = [
        (SOURCE, "source tree (editable install, reads YAML)", {})
    ]
    if site is not None:
        candidates.insert(
            0, (INSTALLED, "as installed from a wheel (compiled data)", {"PYTHONPATH": str(site)})
        )
    probe = f"import sys, pakru; {QUERY}; print(pakru.__file__); print('yaml' in sys.modules)"
    for key, label, env in candidates:
        where, yaml_loaded = output_of([sys.executable, "-c", probe], cwd, env).stdout.split()
        if key == INSTALLED and not where.startswith(str(site)):
            msg = f"the wheel-like copy was not the pakru imported ({where})"
            raise RuntimeError(msg)
        found.append(Layout(key, label, env, yaml_loaded == "True"))
    return found


# -- cold start ---------------------------------------------------------------------------


#: Reads pakru's records from JSON into plain frozen attrs classes, with no validation.
FLOOR_SCRIPT = Path(__file__).with_name("floor_attrs.py")


def write_floor(workdir: Path) -> tuple[Path, Path]:
    """Dump the shipped records as JSON and write the JSON-into-attrs floor script."""
    data = pakru.dataset()
    records = {
        "events": [event_to_dict(e) for e in data],
        "actors": [actor_to_dict(a) for a in data.actors()],
        "sources": [source_to_dict(s) for s in data.sources()],
    }
    json_path = workdir / "records.json"
    json_path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return FLOOR_SCRIPT, json_path


def cold_commands(workdir: Path, layouts_: Sequence[Layout], notes: list[str]) -> list[Command]:
    """The commands measured as fresh processes (pycountry only when installed)."""
    py = sys.executable
    script, json_path = write_floor(workdir)
    main_layout = layouts_[0]
    commands = [
        Command("pass", "`python -c pass`", (py, "-c", "pass")),
        Command("attrs", "`import attrs`", (py, "-c", "import attrs")),
        Command("import", "`import pakru`", (py, "-c", "import pakru"), main_layout.env),
    ]
    for layout in layouts_:
        commands.append(
            Command(
                f"query-{layout.key}",
                f"`import pakru` + first query, {layout.label}",
                (py, "-c", f"import pakru; {QUERY}"),
                layout.env,
            )
        )
    if importlib.util.find_spec("pycountry") is not None:
        commands.append(
            Command(
                "pycountry",
                "pycountry: import + `countries.get(alpha_3='PAK')`",
                (py, "-c", "import pycountry; pycountry.countries.get(alpha_3='PAK')"),
            )
        )
    else:
        notes.append("pycountry is not installed in this interpreter: its row is skipped.")
    commands.append(Command("floor", "JSON into attrs floor", (py, str(script), str(json_path))))
    return commands


def measure_cold(commands: Sequence[Command], runs: int, cwd: Path) -> dict[str, Stats]:
    """Run every command ``runs`` times, round-robin (rotating the order each round)."""
    for command in commands:  # warm the file cache and write bytecode caches
        for _ in range(2):
            run_once(command, cwd)
    samples: dict[str, list[float]] = {c.key: [] for c in commands}
    for round_no in range(runs):
        shift = round_no % len(commands)
        for command in [*commands[shift:], *commands[:shift]]:
            samples[command.key].append(run_once(command, cwd))
    return {key: Stats.of(values) for key, values in samples.items()}


# -- where the cold time goes -------------------------------------------------------------

PROFILE_SCRIPT = f'''\
"""Profile the first query in a fresh process; print cumulative times as JSON."""
import cProfile
import sys

import pakru

profile = cProfile.Profile()
profile.enable()
{QUERY}
profile.disable()

import json
import pstats

rows = [
    [path, func, cumulative * 1000]
    for (path, _, func), (_, _, _, cumulative, _) in pstats.Stats(profile).stats.items()
]
print(json.dumps(rows))
'''

IMPORTS_LABEL = "all imports made by the query"


def profile_label(path: str, func: str) -> str | None:
    """A row label for a profiled function: pakru's own functions and the import machinery."""
    if func == "_find_and_load":
        return IMPORTS_LABEL
    marker = f"{os.sep}pakru{os.sep}"
    if marker not in path:
        return None
    module = path.rsplit(marker, 1)[1].removesuffix(".py").replace(os.sep, ".")
    module = "pakru" if module == "__init__" else f"pakru.{module}"
    if func == "<module>":
        return f"`{module}` (importing the module)"
    if func.startswith("<"):  # comprehensions and lambdas: their callers have the time
        return None
    return f"`{module}.{func}`"


def measure_profile(runs: int, workdir: Path, layout: Layout) -> dict[str, float]:
    """Median cumulative ms per profiled pakru function over ``runs`` fresh processes."""
    script = workdir / "profile_first_query.py"
    script.write_text(PROFILE_SCRIPT, encoding="utf-8")
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = output_of([sys.executable, str(script)], workdir, layout.env)
        seen: dict[str, float] = {}
        for path, func, ms in json.loads(done.stdout):
            label = profile_label(path, func)
            if label is not None:
                seen[label] = max(ms, seen.get(label, 0.0))
        for label, ms in seen.items():
            samples.setdefault(label, []).append(ms)
    return {label: statistics.median(values) for label, values in samples.items()}


@dataclass(frozen=True)
class ImportRow:
    """One line of ``-X importtime`` output."""

    name: str
    depth: int
    self_us: int
    cumulative_us: int


def parse_importtime(stderr: str) -> list[ImportRow]:
    """The rows of ``-X importtime`` output, in the order printed."""
    rows: list[ImportRow] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, cumulative, name = line.split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        own = int(head.removeprefix("import time:"))
        rows.append(ImportRow(name.strip(), depth, own, int(cumulative)))
    return rows


def measure_imports(runs: int, cwd: Path, layout: Layout) -> list[list[ImportRow]]:
    """``-X importtime`` rows of ``import pakru`` + first query, one list per run."""
    argv = [sys.executable, "-X", "importtime", "-c", f"import pakru; {QUERY}"]
    return [parse_importtime(output_of(argv, cwd, layout.env).stderr) for _ in range(runs)]


ImportTables = tuple[list[list[str]], list[list[str]], list[list[str]]]


def import_tables(runs: list[list[ImportRow]]) -> ImportTables:
    """Rows for what ``import pakru`` imports, what the first query imports, and the
    modules with the most time of their own in both (ms, medians over the runs)."""
    by_name: dict[str, list[ImportRow]] = {}
    for rows in runs:
        for row in rows:
            by_name.setdefault(row.name, []).append(row)

    def cells(name: str) -> list[str]:
        cum = statistics.median(r.cumulative_us for r in by_name[name]) / 1000
        own = statistics.median(r.self_us for r in by_name[name]) / 1000
        return [f"`{name}`", fmt(cum), fmt(own)]

    def big(name: str) -> bool:
        return statistics.median(r.cumulative_us for r in by_name[name]) >= 300

    first = runs[0]
    names = [r.name for r in first]
    top = names.index("pakru")
    # A module's row prints when its import ends, after its children: pakru's subtree
    # is the run of deeper rows just before its own row.
    start = top
    while start > 0 and first[start - 1].depth > 0:
        start -= 1
    during_import = [cells(r.name) for r in first[start:top] if r.depth == 1 and big(r.name)]
    during_import.append(["**`pakru` (total)**", *cells("pakru")[1:]])
    after = first[top + 1 :]
    during_query = [cells(r.name) for r in after if r.depth == 0 and big(r.name)]
    total = sum(
        statistics.median(x.cumulative_us for x in by_name[r.name]) for r in after if r.depth == 0
    )
    during_query.append(["**everything the query imports (total)**", fmt(total / 1000), ""])
    mine = {r.name for r in first[start:]}
    heavy = sorted(mine, key=lambda n: -statistics.median(r.self_us for r in by_name[n]))
    heaviest = [cells(name) for name in heavy[:12]]
    return during_import, during_query, heaviest


# -- warm queries in this process ---------------------------------------------------------


def latency(call: Callable[[], object], iterations: int) -> Stats:
    """Per-call latency of ``call`` in microseconds (each call timed on its own)."""
    clock = time.perf_counter_ns
    for _ in range(min(iterations, 500)):
        call()
    samples = [0] * iterations
    for i in range(iterations):
        t0 = clock()
        call()
        samples[i] = clock() - t0
    return Stats.of([s / 1000 for s in samples])


#: What a warm query does: an ``events()`` filter answered from the indexes, an
#: ``events()`` filter that scans every event, or a lookup of one record.
INDEXED, SCAN, LOOKUP = "indexed", "scan", "lookup"


def warm_queries() -> list[tuple[str, Callable[[], object], str]]:
    """The warm queries measured: label, call, and kind (the target is for indexed ones)."""
    return [
        (
            "`events(between=('1965', '1972'))`",
            lambda: pakru.events(between=("1965", "1972")),
            INDEXED,
        ),
        ("`events(actor='ussr')`", lambda: pakru.events(actor="ussr"), INDEXED),
        (
            "`events(between=('1965', '1972'), actor='ussr')`",
            lambda: pakru.events(between=("1965", "1972"), actor="ussr"),
            INDEXED,
        ),
        ("`events(type='agreement')`", lambda: pakru.events(type="agreement"), INDEXED),
        ("`events(text='tashkent')`", lambda: pakru.events(text="tashkent"), SCAN),
        (
            "`event('1966-01-10-tashkent-declaration')`",
            lambda: pakru.event("1966-01-10-tashkent-declaration"),
            LOOKUP,
        ),
        ("`actor('Soviet Union')`", lambda: pakru.actor("Soviet Union"), LOOKUP),
    ]


def hits(result: object) -> str:
    """How many events a query returned ('1 record' for a lookup)."""
    return str(len(result)) if isinstance(result, tuple) else "1 record"


# -- growth: synthetic data trees ---------------------------------------------------------


def plain(value: Any) -> Any:
    """Parsed YAML with pakru's line-tracking mappings turned into plain dicts and lists."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def is_events_file(path: str) -> bool:
    """Whether a data file (path relative to the data folder) holds events."""
    return path == "events.yaml" or path.startswith("events/")


class _NoAliasDumper(yaml.SafeDumper):
    """A safe dumper that writes repeated objects in full instead of as aliases."""

    def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002 - every object
        return True


def make_tree(dest: Path, copies: int) -> tuple[int, int]:
    """Write a data tree with ``copies`` of every shipped event; return (events, bytes).

    Copy ``i`` of an event keeps its record and gets the id ``<id>-s<i>`` (still a date
    then a slug); actors and sources are kept as shipped; the manifest is written anew.
    """
    shipped = data_files(importlib.resources.files("pakru").joinpath("data"))
    count = 0
    for rel, raw in shipped.items():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not is_events_file(rel):
            target.write_bytes(raw)
            continue
        records = plain(load_yaml(raw, rel)) or []
        copied = [{**r, "id": f"{r['id']}-s{i}"} for i in range(copies) for r in records]
        count += len(copied)
        # Copies share their nested records; write each out in full (no YAML aliases),
        # as a curator would, since pakru bounds how much aliases may repeat.
        text = yaml.dump(
            copied,
            Dumper=_NoAliasDumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=None,
        )
        target.write_text(text, encoding="utf-8")
    files = data_files(dest)
    (dest / "manifest.json").write_text(render_manifest(files, "0.0.1"), encoding="utf-8")
    return count, sum(len(b) for b in files.values())


@dataclass(frozen=True)
class Growth:
    """Load and query costs at one synthetic size."""

    factor: int
    events: int
    yaml_bytes: int
    load_yaml_ms: Stats
    load_compiled_ms: Stats | None
    query_us: Stats
    query_hits: int
    peak_bytes: int
    retained_bytes: int


def time_loads(root: Path, repeats: int, expect: int) -> tuple[Stats, Dataset]:
    """Load ``root`` ``repeats`` times; the load times (ms) and the last dataset."""
    times: list[float] = []
    data: Dataset | None = None
    for _ in range(repeats):
        start = time.perf_counter_ns()
        data = load_tree(root, "synthetic")
        times.append((time.perf_counter_ns() - start) / 1e6)
    if data is None or len(data) != expect:
        msg = f"the synthetic tree {root.name} did not load {expect} events"
        raise RuntimeError(msg)
    return Stats.of(times), data


def measure_growth(workdir: Path, iterations: int) -> list[Growth]:
    """Load times, warm between+actor query time and memory at each synthetic size."""
    out: list[Growth] = []
    compiled = compiler()
    for factor in GROWTH:
        root = workdir / f"data-{factor}x"
        count, size = make_tree(root, factor)
        repeats = LOAD_REPEATS[factor]
        from_yaml, data = time_loads(root, repeats, count)
        from_compiled: Stats | None = None
        if compiled is not None:
            compiled[1](root)
            from_compiled, data = time_loads(root, repeats, count)
        del data
        tracemalloc.start()
        data = load_tree(root, "synthetic")
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        n = max(200, int(iterations * GROWTH_ITERATION_SHARE[factor]))
        query = latency(functools.partial(data.events, ("1965", "1972"), actor="ussr"), n)
        found = len(data.events(between=("1965", "1972"), actor="ussr"))
        out.append(
            Growth(factor, count, size, from_yaml, from_compiled, query, found, peak, retained)
        )
        del data
    return out


# -- the report ---------------------------------------------------------------------------

INTRO = """\
# Benchmarks

What pakru costs the people who use it: the time before a script gets its first answer,
the time of each query after that, and how both grow with the data. Everything below
the "Results" heading comes from `benchmarks/run.py`, which writes this whole page:

```sh
python benchmarks/run.py --out docs/benchmarks.md    # about two minutes on two cores
python benchmarks/run.py --runs 100                  # more repetitions, on stdout
```

Run it by hand on a quiet machine; it is never part of the test suite. Absolute figures
vary between machines and between runs: compare the rows of one run with each other.

## What the figures mean

- **Cold start** rows are fresh `python` processes of the same interpreter, timed from
  spawn to exit in milliseconds (min, median and max over the runs). The commands take
  turns round-robin after two unmeasured runs each, so the file cache and the bytecode
  caches are warm: "cold" means a new process, not a cold disk. All processes keep their
  bytecode in one temporary cache (`PYTHONPYCACHEPREFIX`), so every module loads from
  bytecode as it would after a normal install.
  - `python -c pass` is the floor: starting the interpreter and doing nothing.
  - `import attrs` is the floor for any library whose records are attrs classes.
  - `import pakru` is what every script pays before it asks anything; it reads no data.
  - `import pakru` + first query runs the README's main job,
    `pakru.events(between=('1965', '1972'), actor='ussr')`: the first query finds and
    reads the shipped data, checks it against the manifest's digests, builds the
    records and indexes them. It is measured twice: as a wheel installs pakru (the
    package plus `data/compiled.json`, the compiled data the wheel build adds, made here
    with the same pakru functions) and from the source tree (an editable install, which
    parses and validates the YAML).
  - The pycountry row is a well-known data library's cold lookup, as a yardstick.
  - The JSON into attrs floor reads the same records, dumped as JSON, with `json.load`
    and builds plain frozen attrs objects: no validation, no date parsing, no indexes.
    It is roughly the least a library of attrs records can spend.
  - "Over pass" subtracts the median of `python -c pass`; the "×" columns divide medians.
- **Where the cold time goes** lists what `python -X importtime` attributes to pakru's
  imports (importtime adds overhead of its own, so its totals run high) and a profile of
  the first query (cProfile, which slows Python code more than C code: read the shares).
- **Warm queries** are timed in one process after the first load, one call at a time
  with `time.perf_counter_ns`, in microseconds (median and 99th percentile). A call
  includes checking the arguments, parsing the dates and building the result. "Indexed"
  queries are answered from pakru's indexes (dates, actors, types); `text` scans every
  event's title and summary; a lookup returns one record by id or alias.
- **Growth** builds data trees with 1, 10 and 100 copies of every shipped event (ids
  rewritten to stay unique, actors and sources as shipped, a fresh manifest) and loads
  each with `pakru.loader.load_tree` in this process, with the imports already done:
  load time from YAML and from compiled data, the warm `between` + `actor` query, and
  memory measured with `tracemalloc` while loading from compiled data (the peak, and what
  stays allocated while the dataset is held).

## Cold start side by side, before and after the layered package

`benchmarks/cold.py` measures the two cold-start ratios in one run, with the package
as a wheel installs it (compiled data included), and can put another pakru source tree
in the same run (`--src`). These figures were recorded by hand from one run of
`python benchmarks/cold.py --runs 40 --src <the tree before>` on a shared two-core
machine under load (CPython 3.11.7, load average about 4), "before" being the flat
module layout that read the data through the `importlib-resources` backport and built
every record through its validators:

| Command | Median (ms) |
| --- | ---: |
| `python -c pass` | 24.2 |
| `import attrs` | 104.1 |
| `import pycountry` + `countries.get(alpha_3='PAK')` | 151.8 |
| `import pakru`, before | 141.8 |
| `import pakru`, after | 24.2 |
| `import pakru` + first query, before | 324.1 |
| `import pakru` + first query, after | 231.0 |

| Ratio of medians | Target | Before | After |
| --- | ---: | ---: | ---: |
| `import pakru` + first query / pycountry import + lookup | at most 1.0× | 2.14× | 1.52× (missed) |
| `import pakru` / `import attrs` | at most 1.1× | 1.36× | 0.23× (met) |

`import pakru` now imports only the facade; every name is imported on first use. The
first query still misses its target: after attrs itself, most of its time goes to
creating the attrs record classes (about 17 of them), parsing the compiled JSON and
building about 3,000 record objects, work that pycountry's plain objects avoid. Runs
on this loaded machine put the ratio between 1.5× and 1.9× (1.9× to 2.3× before);
every run had pakru before and after in it, and the gain was always between a sixth
and a third.

## Targets

1. Cold import + first query no slower than the pycountry cold lookup (medians, pakru
   as installed from a wheel).
2. Every warm indexed `events()` query under 20 µs at the shipped size (medians; the
   `text` filter is a scan, reported but not held to this target).
3. `import pakru` at most 1.1× `import attrs` (medians; `benchmarks/cold.py`).
"""


def verdict_cold(cold: Mapping[str, Stats], main_key: str) -> str:
    """The verdict on target 1."""
    if "pycountry" not in cold:
        return "1. Not measured: pycountry is not installed."
    ours, theirs = cold[main_key].median, cold["pycountry"].median
    floor = cold["pass"].median
    gap = f"{fmt(ours)} ms against pycountry's {fmt(theirs)} ms"
    extra = f"{fmt(ours - floor)} ms over the interpreter's start against {fmt(theirs - floor)} ms"
    if ours <= theirs:
        return f"1. **Met**: {gap}, {fmt(theirs - ours)} ms to spare ({extra})."
    return f"1. **Missed** by {fmt(ours - theirs)} ms ({fmt(ours / theirs, 2)}×): {gap} ({extra})."


def verdict_warm(rows: Sequence[tuple[str, Stats, str, str]]) -> str:
    """The verdict on target 2."""
    queries = [(label, s) for label, s, kind, _ in rows if kind == INDEXED]
    slowest_label, slowest = max(queries, key=lambda q: q[1].median)
    over = [(label, s) for label, s in queries if s.median >= WARM_TARGET_US]
    if not over:
        return (
            f"2. **Met**: the slowest indexed query, {slowest_label}, takes "
            f"{fmt(slowest.median, 2)} µs, {fmt(WARM_TARGET_US - slowest.median, 2)} µs under "
            f"the target (99th percentile {fmt(slowest.p99, 2)} µs)."
        )
    missed = "; ".join(
        f"{label} takes {fmt(s.median, 2)} µs, {fmt(s.median - WARM_TARGET_US, 2)} µs over"
        for label, s in over
    )
    met = len(queries) - len(over)
    return f"2. **Missed** for {len(over)} of {len(queries)} indexed queries ({met} met): {missed}."


@dataclass(frozen=True)
class Results:
    """Everything one run measured."""

    info: list[tuple[str, str]]
    runs: int
    layouts: list[Layout]
    commands: list[Command]
    cold: dict[str, Stats]
    profiles: dict[str, dict[str, float]]
    imports: ImportTables
    warm: list[tuple[str, Stats, str, str]]
    timer_us: Stats
    growth: list[Growth]
    counts: dict[str, int]
    notes: list[str]
    seconds: float


def cold_section(r: Results) -> list[str]:
    """The cold-start table."""
    base, attrs_ms = r.cold["pass"].median, r.cold["attrs"].median
    country = r.cold.get("pycountry")
    headers = ["command", "min", "median", "max", "over pass", "× pass", "× attrs"]
    if country is not None:
        headers.append("× pycountry")
    rows: list[list[str]] = []
    for command in r.commands:
        s = r.cold[command.key]
        row = [
            command.label,
            fmt(s.minimum),
            fmt(s.median),
            fmt(s.maximum),
            fmt(s.median - base),
            fmt(s.median / base, 2),
            fmt(s.median / attrs_ms, 2),
        ]
        if country is not None:
            row.append(fmt(s.median / country.median, 2))
        rows.append(row)
    yaml_facts = "; ".join(
        f"{layout.label}: {'yes' if layout.yaml_imported else 'no'}" for layout in r.layouts
    )
    first_query = "; ".join(
        f"{fmt(r.cold[f'query-{layout.key}'].median - r.cold['import'].median)} ms {layout.label}"
        for layout in r.layouts
    )
    return [
        "### Cold start",
        "",
        f"Milliseconds, {r.runs} runs of each command. `import pakru` is measured "
        f"{r.layouts[0].label}.",
        "",
        table(headers, rows),
        "",
        f"The first query adds to `import pakru` (difference of medians): {first_query}. "
        f"Is PyYAML imported by the first query? {yaml_facts}.",
        "",
    ]


def where_section(r: Results) -> list[str]:
    """Import times and the profile of the first query."""
    during_import, during_query, heaviest = r.imports
    main = r.layouts[0]
    parts = [
        "### Where the cold time goes",
        "",
        f"`python -X importtime`, pakru {main.label}: what `import pakru` imports (its "
        "direct imports, cumulative and own ms, medians; under 0.3 ms left out).",
        "",
        table(("module", "cumulative", "self"), during_import),
        "",
        "What the first query imports on top (top-level imports at the time of the query):",
        "",
        table(("module", "cumulative", "self"), during_query),
        "",
        "The modules with the most time of their own in `import pakru` + first query:",
        "",
        table(("module", "cumulative", "self"), heaviest),
        "",
        "Profile of the first query (cProfile, cumulative ms, medians; nested rows are "
        "included in the rows that call them):",
        "",
    ]
    keys = [layout.key for layout in r.layouts]
    first = r.profiles[keys[0]]
    labels = sorted(first, key=lambda k: -first[k])
    labels = [k for k in labels if first[k] >= 0.2][:16]
    for key in keys[1:]:  # rows that matter only in the other layout
        other = r.profiles[key]
        labels += [k for k in sorted(other, key=lambda k: -other[k]) if other[k] >= 1.0][:16]
    labels = list(dict.fromkeys(labels))
    headers = ["function", *(f"{layout.label} ms" for layout in r.layouts)]
    rows = [
        [label, *(fmt(r.profiles[k][label]) if label in r.profiles[k] else "–" for k in keys)]
        for label in labels
    ]
    parts += [table(headers, rows), ""]
    return parts


def warm_section(r: Results) -> list[str]:
    """The warm-query table."""
    rows = [
        [label, kind, fmt(s.median, 2), fmt(s.p99, 2), fmt(s.minimum, 2), found, str(s.n)]
        for label, s, kind, found in r.warm
    ]
    return [
        "### Warm queries",
        "",
        "Microseconds per call at the shipped size, after the first load; the timer's own "
        f"cost, about {fmt(r.timer_us.median, 2)} µs per call, is included.",
        "",
        table(("query", "kind", "median", "p99", "min", "result", "calls"), rows),
        "",
    ]


def growth_section(r: Results) -> list[str]:
    """The growth table."""
    rows = [
        [
            f"{g.factor}×",
            str(g.events),
            fmt(g.yaml_bytes / 2**20, 2),
            fmt(g.load_yaml_ms.median),
            "–" if g.load_compiled_ms is None else fmt(g.load_compiled_ms.median),
            fmt(g.query_us.median, 2),
            fmt(g.query_us.p99, 2),
            str(g.query_hits),
            fmt(g.peak_bytes / 2**20, 1),
            fmt(g.retained_bytes / 2**20, 1),
        ]
        for g in r.growth
    ]
    headers = [
        "size",
        "events",
        "YAML MiB",
        "load from YAML ms",
        "load compiled ms",
        "query median µs",
        "query p99 µs",
        "query hits",
        "peak MiB",
        "retained MiB",
    ]
    return [
        "### Growth",
        "",
        "Synthetic data trees loaded with `load_tree` in this process (median load times); "
        "the query is `events(between=('1965', '1972'), actor='ussr')`.",
        "",
        table(headers, rows),
        "",
    ]


def render(r: Results) -> str:
    """The whole Markdown page."""
    main_key = f"query-{r.layouts[0].key}"
    c = r.counts
    parts = [
        INTRO,
        "## Results",
        "",
        "### Verdicts",
        "",
        verdict_cold(r.cold, main_key),
        verdict_warm(r.warm),
        "",
        "### Machine",
        "",
        table(("", ""), r.info),
        "",
        f"Shipped data: {c['events']} events, {c['actors']} actors, {c['sources']} sources, "
        f"{c['evidence']} evidence passages. The whole run took {fmt(r.seconds, 0)} s.",
        "",
        *cold_section(r),
        *where_section(r),
        *warm_section(r),
        *growth_section(r),
    ]
    if r.notes:
        parts += ["### Notes", "", *(f"- {n}" for n in r.notes), ""]
    return "\n".join(parts).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark and write the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=60, help="fresh processes per cold command (default 60)"
    )
    parser.add_argument(
        "--iterations",
        type=int,
        default=20_000,
        help="calls per warm query at the shipped size (default 20000)",
    )
    parser.add_argument("--out", type=Path, help="write the report here (default: stdout)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.iterations < 1:
        parser.error("--runs and --iterations must be 1 or more")
    started = time.perf_counter()
    notes: list[str] = []
    info = machine()
    small = max(3, min(10, args.runs))
    with tempfile.TemporaryDirectory(prefix="pakru-bench-") as tmp:
        workdir = Path(tmp)
        cwd = workdir / "cwd"  # an empty folder, so nothing in it shadows a module
        cwd.mkdir()
        PYCACHE["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        found = layouts(workdir, cwd, notes)
        commands = cold_commands(workdir, found, notes)
        print(f"cold start: {args.runs} runs of {len(commands)} commands ...", file=sys.stderr)
        cold = measure_cold(commands, args.runs, cwd)
        print("where the cold time goes ...", file=sys.stderr)
        profiles = {layout.key: measure_profile(small, workdir, layout) for layout in found}
        imports = import_tables(measure_imports(small, cwd, found[0]))
        print("warm queries ...", file=sys.stderr)
        pakru.events()  # the first load, outside the timings
        warm = [
            (label, latency(call, args.iterations), kind, hits(call()))
            for label, call, kind in warm_queries()
        ]
        timer = latency(lambda: None, args.iterations)
        print("growth ...", file=sys.stderr)
        growth = measure_growth(workdir, args.iterations)
    info.append(("Load average at end (1, 5, 15 min)", load_average()))
    report = render(
        Results(
            info=info,
            runs=args.runs,
            layouts=found,
            commands=commands,
            cold=cold,
            profiles=profiles,
            imports=imports,
            warm=warm,
            timer_us=timer,
            growth=growth,
            counts=dict(pakru.dataset().counts),
            notes=notes,
            seconds=time.perf_counter() - started,
        )
    )
    if args.out is None:
        sys.stdout.write(report)
    else:
        args.out.write_text(report, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
